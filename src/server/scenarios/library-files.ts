import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ScenarioSourceFile } from '../../domain/scenario/library.ts';

/** Where the scenarios, the taxonomy and the playbooks live, relative to the project root. */
export interface LibraryPaths {
  scenariosDir: string;
  playbooksDir: string;
}

export const defaultLibraryPaths = (root = process.cwd()): LibraryPaths => ({
  scenariosDir: path.join(root, 'scenarios'),
  playbooksDir: path.join(root, 'content', 'playbooks'),
});

export const isScenarioFile = (name: string) => /\.ya?ml$/.test(name) && !/^taxonomy\.ya?ml$/.test(path.basename(name));

/** Every scenario file's text in the scenarios folder, sorted by name. */
export async function readScenarioFiles(dir: string, relativeTo = process.cwd()): Promise<ScenarioSourceFile[]> {
  const names = (await readdir(dir)).filter(isScenarioFile).sort();
  return Promise.all(names.map((name) => readScenarioFile(path.join(dir, name), relativeTo)));
}

export async function readScenarioFile(file: string, relativeTo = process.cwd()): Promise<ScenarioSourceFile> {
  return { path: path.relative(relativeTo, file) || file, text: await readFile(file, 'utf8') };
}

export const readTaxonomy = (scenariosDir: string) => readFile(path.join(scenariosDir, 'taxonomy.yaml'), 'utf8');

/** Playbook slugs: the Markdown file names in the playbooks folder. */
export async function readPlaybookSlugs(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3)).sort();
  } catch {
    return [];
  }
}
