// Starts the real server for the browser tests on a fresh data directory (demo data seeded).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

process.env.DESK_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-'));
process.env.DESK_DEMO = '1';
console.log(`e2e data directory: ${process.env.DESK_DATA_DIR}`);
const dataDir = process.env.DESK_DATA_DIR;
process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
await import('../../src/cli/start.ts');
