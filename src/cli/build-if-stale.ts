import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The built server's entry file. */
export const serverEntry = (root = process.cwd()): string => path.join(root, 'dist', 'server', 'entry.mjs');

function newestChange(root: string, paths: string[]): number {
  let newest = 0;
  const visit = (target: string) => {
    if (!existsSync(target)) return;
    const stats = statSync(target);
    if (stats.isDirectory()) for (const name of readdirSync(target)) visit(path.join(target, name));
    else newest = Math.max(newest, stats.mtimeMs);
  };
  paths.forEach((target) => visit(path.join(root, target)));
  return newest;
}

/** Runs `astro build` when the sources are newer than the build (or DESK_REBUILD=1); exits on failure. */
export function buildIfStale(root = process.cwd()): void {
  const entry = serverEntry(root);
  const sources = newestChange(root, ['src', 'content', 'public', 'astro.config.mjs', 'package.json']);
  if (existsSync(entry) && statSync(entry).mtimeMs >= sources && process.env.DESK_REBUILD !== '1') return;
  console.log('Building the site (first start, or the sources changed)...');
  // Astro runs on this same Node (24), not whatever `node` the shell would find first.
  const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  // NODE_ENV is pinned: under vitest it is "test", and React would then be bundled in its development build.
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };
  const result = spawnSync(process.execPath, [astro, 'build'], { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error('The build failed (see above). Fix the error and run the command again.');
    process.exit(1);
  }
}
