import { chmod, lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Data files (password hashes among them) are for the server's own user only. */
export const FILE_MODE = 0o600;
/** So are the folders that hold them. */
export const DIR_MODE = 0o700;

/**
 * Takes group and other permissions off a folder and everything in it (data written before files were
 * made private); returns how many entries it changed. Symbolic links are left alone.
 */
export async function makePrivate(dir: string): Promise<number> {
  let changed = 0;
  const tighten = async (path: string, mode: number) => {
    const stats = await lstat(path).catch(() => undefined); // removed meanwhile
    if (stats && (stats.mode & 0o077) !== 0) {
      await chmod(path, mode);
      changed++;
    }
  };
  await tighten(dir, DIR_MODE);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const BATCH = 256;
  for (let start = 0; start < entries.length; start += BATCH) {
    await Promise.all(
      entries.slice(start, start + BATCH).flatMap((entry) => {
        const path = join(entry.parentPath, entry.name);
        if (entry.isDirectory()) return [tighten(path, DIR_MODE)];
        return entry.isFile() ? [tighten(path, FILE_MODE)] : [];
      }),
    );
  }
  return changed;
}
