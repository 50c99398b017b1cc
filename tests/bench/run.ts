// npm run bench [-- --out FILE] [-- --quick] [-- --only login-flood]: builds, starts the real server on temporary data
// directories and reports the figures the README's targets are set for. Figures only: nothing here asserts.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { request } from 'undici';
import { buildIfStale } from '../../src/cli/build-if-stale.ts';
import { ScenarioCatalog } from '../../src/server/scenarios/catalog.ts';
import { defaultLibraryPaths } from '../../src/server/scenarios/library-files.ts';
import { timeCheck } from './check-speed.ts';
import { makeDataDir } from './data.ts';
import { javascriptOf } from './js-size.ts';
import { openLoop, percentile, saturate, type LoadResult } from './load.ts';
import { loginFlood } from './login-flood.ts';
import { startServer } from '../support/server.ts';

const { values } = parseArgs({ options: { out: { type: 'string' }, quick: { type: 'boolean', default: false }, only: { type: 'string' } } });
const PARTS = ['answering', 'pages', 'team-page', 'check', 'login-flood'] as const;
if (values.only !== undefined && !(PARTS as readonly string[]).includes(values.only)) {
  console.error(`--only takes one of: ${PARTS.join(', ')}`);
  process.exit(1);
}
const runs = (part: (typeof PARTS)[number]) => values.only === undefined || values.only === part;
const quick = values.quick;
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const temp = (name: string) => mkdtemp(path.join(os.tmpdir(), `desk-bench-${name}-`));
const cleanup: string[] = [];

async function storedAnswers(dir: string): Promise<number> {
  let count = 0;
  for (const user of await readdir(path.join(dir, 'attempts'))) {
    for (const file of (await readdir(path.join(dir, 'attempts', user))).filter((name) => name.endsWith('.json'))) {
      const attempt = JSON.parse(await readFile(path.join(dir, 'attempts', user, file), 'utf8')) as { events: { type: string }[] };
      count += attempt.events.filter((event) => event.type === 'answer').length;
    }
  }
  return count;
}

const summarize = (result: LoadResult) => ({
  answers: result.answers,
  acknowledged: result.acknowledged,
  errors: result.errors,
  perSecond: round(result.answers / result.seconds),
  p50: round(percentile(result.latenciesMs, 0.5), 2),
  p95: round(percentile(result.latenciesMs, 0.95), 2),
  p99: round(percentile(result.latenciesMs, 0.99), 2),
});

async function answering(library: Awaited<ReturnType<typeof loadLibrary>>, decisions: number, port: number) {
  const dir = await temp(`answers-${decisions}`);
  cleanup.push(dir);
  const trainees = 100;
  const { users } = await makeDataDir(dir, library, trainees, decisions);
  const before = await storedAnswers(dir);
  // The load generator's trainees are machines that start a case every second or so at saturation:
  // the per-account write rate meant for people (decision 009) is lifted for them.
  const server = await startServer(dir, port, false, { DESK_WRITE_LIMIT: '1000000' });
  // The first seconds after a start are reported apart: code is still being compiled and caches filled.
  const justStarted = await openLoop(server.base, users, library, quick ? 4 : 10, 2000);
  const realistic = await openLoop(server.base, users, library, quick ? 6 : 20, 2000);
  // Saturation too has its first seconds, while the code paths only it drives are compiled: reported apart.
  const saturationFirst = await saturate(server.base, users, library, quick ? 3 : 5);
  const saturation = await saturate(server.base, users, library, quick ? 5 : 15);
  await server.stop();
  const stored = (await storedAnswers(dir)) - before;
  const acknowledged = [justStarted, realistic, saturationFirst, saturation].reduce((sum, run) => sum + run.acknowledged, 0);
  return {
    decisionsStored: decisions,
    trainees,
    justStarted: summarize(justStarted),
    realistic: summarize(realistic),
    saturationFirst: summarize(saturationFirst),
    saturation: summarize(saturation),
    acknowledged,
    stored,
    lost: acknowledged - stored,
  };
}

async function floodingLogins(library: Awaited<ReturnType<typeof loadLibrary>>, port: number) {
  const dir = await temp('login-flood');
  cleanup.push(dir);
  const { users } = await makeDataDir(dir, library, 100, 1_000);
  const before = await storedAnswers(dir);
  const server = await startServer(dir, port, false, { DESK_TRUSTED_PROXY: '127.0.0.1' });
  const calm = await openLoop(server.base, users, library, quick ? 4 : 10, 2000);
  const flood = await loginFlood(server, users, library, quick ? 10 : 30, 100);
  await server.stop();
  const stored = (await storedAnswers(dir)) - before;
  const acknowledged = calm.acknowledged + flood.realistic.acknowledged;
  return {
    concurrentLogins: 100,
    calm: summarize(calm),
    duringFlood: summarize(flood.realistic),
    logins: { ...flood.logins, checkedPerSecond: round(flood.logins.wrong / flood.logins.seconds) },
    startRssMb: flood.startRssMb,
    peakRssMb: flood.peakRssMb,
    acknowledged,
    stored,
    lost: acknowledged - stored,
  };
}

async function loadLibrary() {
  const catalog = new ScenarioCatalog(defaultLibraryPaths(), () => {});
  await catalog.reload();
  return catalog.list();
}

async function logIn(base: string, username: string, password: string): Promise<string> {
  const response = await request(`${base}/login`, {
    method: 'POST',
    headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password, next: '' }).toString(),
  });
  await response.body.dump();
  const cookie = String(response.headers['set-cookie'] ?? '').split(';')[0] ?? '';
  if (!cookie.startsWith('desk_session=')) throw new Error(`login failed for ${username}: ${response.statusCode}`);
  return cookie;
}

async function get(base: string, pathname: string, cookie?: string): Promise<{ status: number; html: string; location?: string; ms: number }> {
  const started = performance.now();
  const response = await request(`${base}${pathname}`, { headers: cookie ? { cookie } : {} });
  const html = await response.body.text();
  return { status: response.statusCode, html, location: response.headers.location as string | undefined, ms: performance.now() - started };
}

/** The JavaScript each page may send (gzip, KB): the player and the scenario editor are islands; every other page next to none. */
function jsBudgetKB(page: string): number {
  if (page === '/play/<attempt>') return 80;
  if (page.endsWith('/edit')) return 250;
  return 10;
}

async function pagesAndMemory(port: number) {
  const dir = await temp('demo');
  cleanup.push(dir);
  const server = await startServer(dir, port, true);
  const base = server.base;
  const trainee = await logIn(base, 'emma', 'practice-desk');
  const lead = await logIn(base, 'lena', 'practice-desk');
  const senior = await logIn(base, 'sam', 'practice-desk');
  const start = await request(`${base}/train/same-po-two-doors`, {
    method: 'POST',
    headers: { cookie: trainee, origin: base, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'mode=practice',
  });
  await start.body.dump();
  const play = String(start.headers.location ?? '/train');
  const pages: [string, string | undefined][] = [
    ['/login', undefined],
    ['/train', trainee],
    ['/train/same-po-two-doors', trainee],
    [play, trainee],
    ['/progress', trainee],
    ['/playbooks', trainee],
    ['/playbooks/credit-limit', trainee],
    ['/team', lead],
    ['/review', senior],
    ['/author', senior],
    ['/author/same-po-two-doors', senior],
    ['/author/same-po-two-doors/edit', senior],
  ];
  const rows = [];
  for (const [pathname, cookie] of pages) {
    const page = await get(base, pathname, cookie);
    const js = await javascriptOf(page.html);
    const name = pathname.startsWith('/play/') ? '/play/<attempt>' : pathname;
    rows.push({
      page: name,
      status: page.status,
      scripts: js.files,
      gzipKB: round(js.gzipBytes / 1024),
      inlineGzipKB: round(js.inlineGzipBytes / 1024),
      budgetKB: jsBudgetKB(name),
    });
  }
  const rssMb = await server.rssMb();
  await server.stop();
  return { pages: rows, rssMb };
}

async function teamPage(library: Awaited<ReturnType<typeof loadLibrary>>, port: number) {
  const dir = await temp('team');
  cleanup.push(dir);
  const trainees = 500;
  const { lead } = await makeDataDir(dir, library, trainees, quick ? 5_000 : 20_000);
  const server = await startServer(dir, port);
  const cookie = `desk_session=${lead.token}`;
  const first = await get(server.base, '/team', cookie);
  for (let warm = 0; warm < 3; warm++) await get(server.base, '/team', cookie);
  const times: number[] = [];
  for (let sample = 0; sample < (quick ? 5 : 20); sample++) times.push((await get(server.base, '/team', cookie)).ms);
  await server.stop();
  return { trainees, status: first.status, firstMs: round(first.ms), p50: round(percentile(times, 0.5)), p95: round(percentile(times, 0.95)) };
}

async function main() {
  buildIfStale();
  const library = await loadLibrary();
  console.log(`Library: ${library.length} scenarios. ${quick ? 'Quick run (shorter loads).' : ''}`);
  const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cores: os.cpus().length, quick };

  if (runs('answering')) {
    console.log('Answering with 1,000 decisions stored...');
    const small = await answering(library, 1_000, 4611);
    console.log('Answering with 100,000 decisions stored...');
    const large = await answering(library, quick ? 20_000 : 100_000, 4612);
    results.answering = {
      small,
      large,
      saturationThroughputRatio: round(small.saturation.perSecond / large.saturation.perSecond, 2),
      p95Ratio: round(large.saturation.p95 / small.saturation.p95, 2),
    };
  }
  if (runs('pages')) {
    console.log('Pages, JavaScript and memory with the demo data...');
    results.pages = await pagesAndMemory(4613);
  }
  if (runs('team-page')) {
    console.log('Team page with 500 trainees...');
    results.teamPage = await teamPage(library, 4614);
  }
  if (runs('check')) {
    console.log('Checking 500 scenario files...');
    const checkDir = await temp('check');
    cleanup.push(checkDir);
    results.check = await timeCheck(checkDir, 500);
  }
  if (runs('login-flood')) {
    console.log('Answering while 100 wrong logins at a time flood the login form...');
    results.loginFlood = await floodingLogins(library, 4615);
  }
  report(results);
  if (values.out) {
    await writeFile(values.out, JSON.stringify(results, null, 2));
    console.log(`\nJSON written to ${values.out}`);
  }
}

/** Prints the figures of the parts that ran. */
function report(results: Record<string, unknown>) {
  const answering = results.answering as { small: AnsweringRun; large: AnsweringRun; saturationThroughputRatio: number; p95Ratio: number } | undefined;
  if (answering) {
    const answeringRows = [answering.small, answering.large].map((run) => [
      `${run.decisionsStored.toLocaleString('en-US')} stored`,
      `realistic 50/s, first ${quick ? 4 : 10} s after start: p50 ${run.justStarted.p50} ms, p95 ${run.justStarted.p95} ms, p99 ${run.justStarted.p99} ms, ${run.justStarted.errors} errors`,
      `realistic 50/s, then: p50 ${run.realistic.p50} ms, p95 ${run.realistic.p95} ms, p99 ${run.realistic.p99} ms, ${run.realistic.errors} errors`,
      `saturation, first ${quick ? 3 : 5} s: ${run.saturationFirst.perSecond}/s, p50 ${run.saturationFirst.p50} ms, p95 ${run.saturationFirst.p95} ms, ${run.saturationFirst.errors} errors`,
      `saturation, then ${quick ? 5 : 15} s: ${run.saturation.perSecond}/s, p50 ${run.saturation.p50} ms, p95 ${run.saturation.p95} ms, p99 ${run.saturation.p99} ms, ${run.saturation.errors} errors`,
      `acknowledged ${run.acknowledged}, stored ${run.stored}, lost ${run.lost}`,
    ]);
    console.log('\n## Answering a step (100 trainees, loopback)');
    for (const row of answeringRows) console.log(`- ${row.join('\n  ')}`);
    console.log(`- growth: saturation throughput 1k/100k = ${answering.saturationThroughputRatio}x; p95 100k/1k = ${answering.p95Ratio}x`);
  }
  const pages = results.pages as Awaited<ReturnType<typeof pagesAndMemory>> | undefined;
  if (pages) {
    console.log('\n## JavaScript per page (gzip)');
    console.log('| page | status | scripts | JS KB | inline KB | budget KB |\n| --- | --- | --- | --- | --- | --- |');
    for (const row of pages.pages)
      console.log(
        `| ${row.page} | ${row.status} | ${row.scripts} | ${row.gzipKB} | ${row.inlineGzipKB} | ${row.budgetKB}${row.gzipKB + row.inlineGzipKB > row.budgetKB ? ' (OVER)' : ''} |`,
      );
    console.log(`\n## Memory: ${pages.rssMb} MB resident with the demo data`);
  }
  const team = results.teamPage as Awaited<ReturnType<typeof teamPage>> | undefined;
  if (team)
    console.log(
      `## Team page, 500 trainees: status ${team.status}, first ${team.firstMs} ms, then p50 ${team.p50} ms, p95 ${team.p95} ms (response time on loopback)`,
    );
  const check = results.check as Awaited<ReturnType<typeof timeCheck>> | undefined;
  if (check)
    console.log(
      `## Checking ${check.files} scenario files: ${round(check.inProcessMs)} ms in process, ${round(check.commandMs)} ms as npm run scenarios:check (with Node's start); ${check.errors} errors`,
    );
  const flood = results.loginFlood as Awaited<ReturnType<typeof floodingLogins>> | undefined;
  if (flood) {
    console.log(`\n## Login flood: ${flood.concurrentLogins} wrong logins at a time while 100 trainees answer every 2 s (1,000 decisions stored)`);
    console.log(`- answers before the flood: p50 ${flood.calm.p50} ms, p95 ${flood.calm.p95} ms, p99 ${flood.calm.p99} ms, ${flood.calm.errors} errors`);
    console.log(
      `- answers during the flood: p50 ${flood.duringFlood.p50} ms, p95 ${flood.duringFlood.p95} ms, p99 ${flood.duringFlood.p99} ms, ${flood.duringFlood.errors} errors`,
    );
    console.log(
      `- logins: ${flood.logins.sent} sent in ${flood.logins.seconds} s, ${flood.logins.wrong} checked (${flood.logins.checkedPerSecond}/s), ${flood.logins.refused} refused with 429, ${flood.logins.other} other`,
    );
    console.log(`- resident memory: ${flood.startRssMb} MB before, ${flood.peakRssMb} MB at the peak`);
    console.log(`- acknowledged ${flood.acknowledged}, stored ${flood.stored}, lost ${flood.lost}`);
  }
}

type AnsweringRun = Awaited<ReturnType<typeof answering>>;

main()
  .catch((error: Error) => {
    console.error(`bench failed: ${error.message}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
  });
