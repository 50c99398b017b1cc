import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { findChromium } from '../src/cli/find-chromium.ts';

const port = Number(process.env.E2E_PORT ?? 4517) + Number(process.env.DESK_TEST_PORT_OFFSET ?? 0);
// The server's data directory, known to the specs too: a story reads which case variant an attempt drew.
process.env.E2E_DATA_DIR ??= path.join(os.tmpdir(), `desk-e2e-${port}`);

export default defineConfig({
  testDir: './e2e',
  outputDir: '../test-results',
  // One server, one demo team: specs run one after another so they never share a trainee mid-case.
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: findChromium(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: 'node tests/e2e/serve.ts',
    cwd: '..',
    url: `http://127.0.0.1:${port}/login`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    env: { PORT: String(port), HOST: '127.0.0.1', E2E_DATA_DIR: process.env.E2E_DATA_DIR },
  },
});
