// npm test: the checks (type check of every file, lint with the layer rules, format), then every unit and
// integration test (vitest) and every browser test (Playwright on Debian's Chromium). Any failure fails it.
// Installs Chromium first where none is found and it can (root with apt), or says what to install.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findChromium } from './find-chromium.ts';

const bin = (name: string) => path.join(process.cwd(), 'node_modules', '.bin', name);
const run = (command: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

function ensureChromium(): boolean {
  if (findChromium()) return true;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log("No Chromium found: installing Debian's chromium package (apt-get install -y chromium)...");
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['update', '-qq'], env) === 0 && run('apt-get', ['install', '-y', '-qq', 'chromium'], env) === 0 && findChromium()) return true;
  }
  console.error(
    [
      'The browser tests need Chromium, and none was found.',
      'Install it with:   sudo apt-get update && sudo apt-get install -y chromium',
      'or point CHROMIUM_PATH at a Chromium or Chrome binary, then run npm test again.',
    ].join('\n'),
  );
  return false;
}

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function vitestCounts(file: string): Counts {
  const report = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

function playwrightCounts(file: string): Counts {
  const report = JSON.parse(readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected, skipped: report.stats.skipped };
}

/** Runs one `npm run` check; each counts as one test in the closing line. */
function check(title: string, script: string): Counts {
  console.log(`${title} (npm run ${script})`);
  const started = performance.now();
  const status = run('npm', ['run', '--silent', script]);
  console.log(`${title}: ${status === 0 ? 'passed' : 'FAILED'} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return status === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
}

/** The format check; DESK_SKIP_FORMAT_CHECK=1 skips it on a developer's machine mid-change, never in CI. */
function formatCheck(): Counts {
  if (process.env.DESK_SKIP_FORMAT_CHECK !== '1') return check('Format check (Prettier)', 'format:check');
  if (process.env.CI) {
    console.log('DESK_SKIP_FORMAT_CHECK is ignored in CI.');
    return check('Format check (Prettier)', 'format:check');
  }
  console.log('Format check skipped (DESK_SKIP_FORMAT_CHECK=1)\n');
  return { passed: 0, failed: 0, skipped: 1 };
}

const checks = [check('Type check (astro check, tsc)', 'typecheck'), check('Lint (ESLint, with the layer rules)', 'lint'), formatCheck()];
const checked = checks.reduce((sum, counts) => ({
  passed: sum.passed + counts.passed,
  failed: sum.failed + counts.failed,
  skipped: sum.skipped + counts.skipped,
}));

const reports = mkdtempSync(path.join(os.tmpdir(), 'desk-test-'));
const unitReport = path.join(reports, 'vitest.json');
const browserReport = path.join(reports, 'playwright.json');

console.log('Unit and integration tests (vitest)');
const unitStatus = run(bin('vitest'), [
  'run',
  '--config',
  'tests/vitest.config.ts',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${unitReport}`,
]);
const unit = existsSync(unitReport) ? vitestCounts(unitReport) : { passed: 0, failed: 1, skipped: 0 };

let browser: Counts = { passed: 0, failed: 1, skipped: 0 };
let browserStatus = 1;
if (ensureChromium()) {
  console.log('\nBrowser tests (Playwright, Chromium)');
  browserStatus = run(bin('playwright'), ['test', '--config', 'tests/playwright.config.ts'], { PLAYWRIGHT_JSON_OUTPUT_NAME: browserReport });
  if (existsSync(browserReport)) browser = playwrightCounts(browserReport);
}

const passed = checked.passed + unit.passed + browser.passed;
const failed =
  checked.failed + unit.failed + browser.failed + (unitStatus !== 0 && unit.failed === 0 ? 1 : 0) + (browserStatus !== 0 && browser.failed === 0 ? 1 : 0);
const skipped = checked.skipped + unit.skipped + browser.skipped;
console.log(
  `\nchecks: ${checked.passed} passed, ${checked.failed} failed; unit and integration: ${unit.passed} passed, ${unit.failed} failed; browser: ${browser.passed} passed, ${browser.failed} failed`,
);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
