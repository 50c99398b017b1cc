import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fsyncDir, mkdirDurable, writeFileDurable } from './durable-write.ts';
import { DIR_MODE } from './file-modes.ts';

/** Where a backup went and how much it holds. */
export type BackupResult = { dir: string; files: number; bytes: number };

/** Passes after the first copy that re-read the sources and re-copy what changed meanwhile. */
const MAX_RECOPY_ROUNDS = 3;

/** Copies every data file under `dataDir` into a new `backup-<UTC time>` folder under `outDir`, consistent and verified. */
export async function backupDataDir(dataDir: string, outDir: string): Promise<BackupResult> {
  const source = resolve(dataDir);
  const out = resolve(outDir);
  if (out === source || out.startsWith(source + sep)) {
    throw new Error(`The backup folder ${out} is inside the data directory ${source}; choose a folder outside it.`);
  }
  const dir = await makeBackupFolder(out, new Date());
  // Files are replaced by rename, so each whole read is one complete version; what may differ is *which* version
  // each file had, so re-read until one pass finds nothing changed since its copy.
  const copies = new Map<string, Buffer>();
  let changed = await copyChanged(source, dir, copies);
  for (let round = 0; round < MAX_RECOPY_ROUNDS && changed > 0; round++) changed = await copyChanged(source, dir, copies);
  if (changed > 0) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`The data in ${source} kept changing during the backup; nothing was kept. Try again when the server is quieter.`);
  }
  await verifyJson(dir, copies.keys());
  let bytes = 0;
  for (const data of copies.values()) bytes += data.length;
  return { dir, files: copies.size, bytes };
}

/** Copies files that are new or differ from their last copy, drops copies of deleted files; returns how many changed. */
async function copyChanged(source: string, dir: string, copies: Map<string, Buffer>): Promise<number> {
  let changed = 0;
  const seen = new Set<string>();
  for (const rel of await listDataFiles(source)) {
    const data = await readFile(join(source, rel)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null; // deleted since the listing
      throw error;
    });
    if (data === null) continue;
    seen.add(rel);
    if (copies.get(rel)?.equals(data)) continue;
    await mkdirDurable(dirname(join(dir, rel)));
    await writeFileDurable(join(dir, rel), data);
    copies.set(rel, data);
    changed++;
  }
  for (const rel of copies.keys()) {
    if (seen.has(rel)) continue;
    await rm(join(dir, rel), { force: true });
    copies.delete(rel);
    changed++;
  }
  return changed;
}

/** Relative paths of the data files: not the hidden ones (the lock, each file's spare, temp files). */
async function listDataFiles(source: string): Promise<string[]> {
  const entries = await readdir(source, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => relative(source, join(entry.parentPath, entry.name)))
    .sort();
}

async function makeBackupFolder(out: string, now: Date): Promise<string> {
  await mkdirDurable(out);
  const base = join(out, `backup-${now.toISOString().slice(0, 19).replaceAll(':', '-')}Z`);
  for (let n = 1; ; n++) {
    const dir = n === 1 ? base : `${base}-${n}`; // two backups in the same second
    try {
      await mkdir(dir, { mode: DIR_MODE });
      await fsyncDir(out);
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

async function verifyJson(dir: string, rels: Iterable<string>): Promise<void> {
  const broken: string[] = [];
  for (const rel of rels) {
    if (!rel.endsWith('.json')) continue;
    try {
      JSON.parse(await readFile(join(dir, rel), 'utf8'));
    } catch (error) {
      broken.push(`${rel} (${(error as Error).message})`);
    }
  }
  if (broken.length > 0) {
    throw new Error(`Backup written to ${dir}, but these copies are not valid JSON, so the data files are damaged: ${broken.join(', ')}.`);
  }
}
