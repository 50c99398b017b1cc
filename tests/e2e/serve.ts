// Starts the real server for the browser tests on a fresh data directory (demo data seeded).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The directory the Playwright config names (so specs can read it), emptied first; else a new one.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-'));
rmSync(dataDir, { recursive: true, force: true });
process.env.DESK_DATA_DIR = dataDir;
// A copy of the scenarios folder: stories publish scenarios from the browser, and must not write into the checkout.
const scenariosDir = `${dataDir}-scenarios`;
rmSync(scenariosDir, { recursive: true, force: true });
cpSync('scenarios', scenariosDir, { recursive: true });
process.env.DESK_SCENARIOS_DIR = scenariosDir;
process.env.DESK_DEMO = '1';
console.log(`e2e data directory: ${dataDir}; scenarios served from ${scenariosDir}`);
process.on('exit', () => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(scenariosDir, { recursive: true, force: true });
});
await import('../../src/cli/start.ts');
