// Time to check 500 scenario files: in process (the checker itself) and as the command an author runs.
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkLibrary } from '../../src/domain/scenario/library.ts';
import { readPlaybookSlugs } from '../../src/server/scenarios/library-files.ts';

/** Writes `count` scenario files made from the shipped library under new ids, then times both checks. */
export async function timeCheck(dir: string, count: number): Promise<{ files: number; inProcessMs: number; commandMs: number; errors: number }> {
  const sources = (await import('node:fs')).readdirSync('scenarios').filter((name) => name.endsWith('.yaml') && name !== 'taxonomy.yaml');
  await mkdir(dir, { recursive: true });
  const files: { path: string; text: string }[] = [];
  for (let index = 0; index < count; index++) {
    const name = sources[index % sources.length] as string;
    const id = `bench-${String(index).padStart(3, '0')}`;
    const text = (await readFile(path.join('scenarios', name), 'utf8')).replace(/^id: .*$/m, `id: ${id}`);
    const file = path.join(dir, `${id}.yaml`);
    await writeFile(file, text);
    files.push({ path: file, text });
  }
  const taxonomy = await readFile('scenarios/taxonomy.yaml', 'utf8');
  const playbooks = await readPlaybookSlugs('content/playbooks');
  const started = performance.now();
  const result = checkLibrary(taxonomy, files, playbooks);
  const inProcessMs = performance.now() - started;
  const errors = result.files.reduce((sum, file) => sum + file.findings.filter((finding) => finding.severity === 'error').length, 0);
  const commandStart = performance.now();
  spawnSync(process.execPath, ['src/cli/scenarios-check.ts', ...files.map((file) => file.path)], { stdio: 'ignore' });
  return { files: count, inProcessMs, commandMs: performance.now() - commandStart, errors };
}
