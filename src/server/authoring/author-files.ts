import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ScenarioCatalog } from '../scenarios/catalog.ts';
import type { CheckedFile } from '../../domain/scenario/library.ts';

/** One scenario file as the author studio lists it. */
export interface AuthorFile {
  /** The file name without `.yaml`: the id the file should carry, and its address in the studio. */
  fileId: string;
  checked: CheckedFile;
  errors: number;
  warnings: number;
  /** It loads (no errors, and no other file took its id): trainees can play it unless it is withdrawn. */
  served: boolean;
  /** Its authors withdrew it: no new attempts. */
  withdrawn: boolean;
}

const fileIdOf = (file: string) => path.basename(file).replace(/\.ya?ml$/, '');

/** Every scenario file with its check result, in file-name order. */
export function authorFiles(catalog: ScenarioCatalog): AuthorFile[] {
  return catalog.checked
    .map((checked) => {
      const errors = checked.findings.filter((finding) => finding.severity === 'error').length;
      return {
        fileId: fileIdOf(checked.path),
        checked,
        errors,
        warnings: checked.findings.length - errors,
        served: Boolean(checked.scenario && catalog.current(checked.scenario.id)),
        withdrawn: Boolean(checked.scenario && catalog.withdrawnByAuthor(checked.scenario.id)),
      };
    })
    .sort((a, b) => a.fileId.localeCompare(b.fileId));
}

/** The studio's entry for one file id, if such a file was checked. */
export const authorFile = (catalog: ScenarioCatalog, fileId: string): AuthorFile | undefined => authorFiles(catalog).find((file) => file.fileId === fileId);

/** The file's lines as it is on disk now, to show a finding in place; empty if it cannot be read. */
export async function sourceLines(catalog: ScenarioCatalog, file: AuthorFile): Promise<string[]> {
  try {
    return (await readFile(path.join(catalog.paths.scenariosDir, path.basename(file.checked.path)), 'utf8')).split(/\r?\n/);
  } catch {
    return [];
  }
}

/**
 * A short fingerprint of what the file's author page shows (its findings and served revision): the
 * page reloads when it changes, and not when another file is saved.
 */
export function fileStamp(catalog: ScenarioCatalog, fileId: string): string {
  const file = authorFile(catalog, fileId);
  if (!file) return 'missing';
  const revision = file.checked.scenario ? (catalog.current(file.checked.scenario.id)?.revision ?? '') : '';
  return createHash('sha256').update(JSON.stringify(file.checked.findings)).update(revision).digest('hex').slice(0, 16);
}
