// Starts the real server for the browser tests on a fresh data directory (demo data seeded).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

process.env.DESK_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-'));
process.env.DESK_DEMO = '1';
console.log(`e2e data directory: ${process.env.DESK_DATA_DIR}`);
await import('../../src/cli/start.ts');
