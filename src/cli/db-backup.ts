// npm run db:backup [-- --out DIR]: copies the data directory (DESK_DATA_DIR, default `data`) into a timestamped folder.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backupDataDir } from '../server/store/backup.ts';

/** Runs the backup and returns the process exit code. */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const dataDir = resolve(process.env.DESK_DATA_DIR || 'data');
  const outDir = resolve(values.out ?? `${dataDir}-backups`);
  const found = await stat(dataDir).catch(() => null);
  if (!found?.isDirectory()) {
    console.error(`No data directory at ${dataDir}; nothing to back up. Set DESK_DATA_DIR to the server's data directory.`);
    return 1;
  }
  const { dir, files, bytes } = await backupDataDir(dataDir, outDir);
  console.log(`Backed up ${files} file${files === 1 ? '' : 's'} (${bytes} bytes) from ${dataDir}\n  to ${dir}`);
  return 0;
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
});
