// Server time of the team page for 500 trainees: builds a data directory of generated trainees with a
// realistic history (attempts in both modes, written answers partly reviewed, a few assignments), then
// times the page's data function (teamOverview) cold and warm and, with --http, the whole rendered page.
//   node tests/bench/team-page-time.ts [--trainees 500] [--attempts 40] [--http] [--keep]
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Answer } from '../../src/domain/engine/answer.ts';
import { currentNode, startAttempt, submitAnswer } from '../../src/domain/engine/machine.ts';
import { seniorAnswer } from '../../src/domain/engine/senior-path.ts';
import type { Step } from '../../src/domain/scenario/schema.ts';
import { readConfig } from '../../src/server/config.ts';
import { closeDesk, openDesk, provideDesk } from '../../src/server/desk.ts';
import type { AccountsFile, AttemptFile } from '../../src/server/db/schema.ts';
import { hashPassword } from '../../src/server/auth/password.ts';
import { teamOverview } from '../../src/server/team/team-overview.ts';

const { values } = parseArgs({
  options: {
    trainees: { type: 'string', default: '500' },
    attempts: { type: 'string', default: '40' },
    http: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const TRAINEES = Number(values.trainees);
const ATTEMPTS = Number(values.attempts);
const DAY = 86_400_000;

let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** The senior's answer three times in four, otherwise a plausible miss of the same kind. */
function answerFor(step: Step): Answer {
  const senior = seniorAnswer(step) as Answer;
  if (random() < 0.75) return senior;
  switch (step.kind) {
    case 'choose':
      return { kind: 'choose', optionId: pick(step.options).id };
    case 'choose-many':
      return { kind: 'choose-many', optionIds: step.options.filter(() => random() < 0.5).map((option) => option.id) };
    case 'rank':
      return { kind: 'rank', order: [...step.answer].reverse() };
    case 'write':
      return { kind: 'write', text: 'We are looking into it and will get back to you.' };
  }
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'desk-bench-team-'));
const built = performance.now();
// The catalog comes from a desk opened on the empty directory, closed again before the data is written.
const scratch = await openDesk(readConfig({ DESK_DATA_DIR: dir, DESK_DEMO: '0' }), { log: () => {} });
const library = scratch.catalog.list();
closeDesk(scratch);

const now = Date.now();
const passwordHash = await hashPassword('bench-password');
const usernames = Array.from({ length: TRAINEES }, (_, index) => `t${String(index).padStart(4, '0')}`);
const accounts: AccountsFile = {
  version: 1,
  teams: [
    { id: 'bench', name: 'Bench team' },
    { id: 'other', name: 'Other team' },
  ],
  users: [
    { username: 'lead', name: 'Bench Lead', role: 'lead', team: 'bench', passwordHash, disabled: false, createdAt: new Date(now).toISOString() },
    ...usernames.map((username, index) => ({
      username,
      name: `Trainee ${index}`,
      role: 'trainee' as const,
      team: 'bench',
      passwordHash,
      disabled: false,
      createdAt: new Date(now).toISOString(),
    })),
  ],
  assignments: [
    {
      id: 'a-all',
      team: 'bench',
      title: 'Foundations',
      scenarioIds: library.slice(0, 3).map((loaded) => loaded.scenario.id),
      due: new Date(now + 5 * DAY).toISOString().slice(0, 10),
      createdBy: 'lead',
      createdAt: new Date(now - 20 * DAY).toISOString(),
    },
    ...usernames.slice(0, 50).map((username, index) => ({
      id: `a-${index}`,
      team: 'bench',
      assignee: username,
      title: 'Catch-up',
      scenarioIds: [library[index % library.length]!.scenario.id],
      due: new Date(now - 2 * DAY).toISOString().slice(0, 10),
      createdBy: 'lead',
      createdAt: new Date(now - 10 * DAY).toISOString(),
    })),
  ],
  signOffs: usernames
    .slice(0, 40)
    .map((username) => ({ trainee: username, category: 'credit-limit', by: 'sam', note: 'Watched two cases.', at: new Date(now - DAY).toISOString() })),
};
await writeFile(path.join(dir, 'accounts.json'), JSON.stringify(accounts));
for (const loaded of library) {
  await mkdir(path.join(dir, 'revisions', loaded.scenario.id), { recursive: true });
  await writeFile(path.join(dir, 'revisions', loaded.scenario.id, `${loaded.revision}.yaml`), loaded.text);
}
let decisions = 0;
for (const username of usernames) {
  await mkdir(path.join(dir, 'attempts', username), { recursive: true });
  const files: Promise<void>[] = [];
  for (let n = 0; n < ATTEMPTS; n++) {
    const loaded = pick(library);
    const mode = random() < 0.6 ? 'assessment' : 'practice';
    let snapshot = startAttempt(loaded.machine, mode);
    const started = now - 60 * DAY + (n / ATTEMPTS) * 60 * DAY + random() * DAY;
    let at = started;
    const events: AttemptFile['events'] = [];
    const reviews: AttemptFile['reviews'] = {};
    for (let guard = 0; snapshot.status !== 'done' && guard < 60; guard++) {
      const stepId = currentNode(snapshot);
      const step = loaded.scenario.steps[stepId] as Step;
      const answer = answerFor(step);
      const result = submitAnswer(loaded.scenario, loaded.machine, snapshot, stepId, answer);
      if (!result.ok) break;
      snapshot = result.snapshot;
      at += 40_000;
      events.push({ type: 'answer', stepId, answer, at: new Date(at).toISOString(), decidedMs: 40_000 });
      if (step.kind === 'write' && random() < 0.7)
        reviews[stepId] = {
          met: step.rubric.map((_, index) => index).filter(() => random() < 0.75),
          comment: 'Reviewed.',
          reviewer: 'sam',
          at: new Date(at + DAY).toISOString(),
        };
    }
    decisions += events.length;
    const attempt: AttemptFile = {
      version: 1,
      id: `${loaded.scenario.id.slice(0, 24)}-${username}-${n}`,
      username,
      scenarioId: loaded.scenario.id,
      revision: loaded.revision,
      mode,
      startedAt: new Date(started).toISOString(),
      stepShownAt: new Date(at).toISOString(),
      finishedAt: snapshot.status === 'done' ? new Date(at).toISOString() : undefined,
      events,
      reviews,
      comments: [],
      unseenFeedback: false,
    };
    files.push(writeFile(path.join(dir, 'attempts', username, `${attempt.id}.json`), JSON.stringify(attempt)));
  }
  await Promise.all(files);
}
console.log(
  `Data: ${TRAINEES} trainees, ${TRAINEES * ATTEMPTS} attempts, ${decisions} decisions in ${dir} (built in ${Math.round(performance.now() - built)} ms)`,
);

const opening = performance.now();
const desk = await openDesk(readConfig({ DESK_DATA_DIR: dir, DESK_DEMO: '0' }), { log: () => {} });
console.log(`Desk opened (every attempt file read) in ${Math.round(performance.now() - opening)} ms`);

const time = async (run: () => Promise<unknown>) => {
  const start = performance.now();
  await run();
  return performance.now() - start;
};
const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms (${samples.length} runs)`;
};

const cold = await time(() => teamOverview(desk, 'bench'));
const warm: number[] = [];
for (let run = 0; run < 50; run++) warm.push(await time(() => teamOverview(desk, 'bench')));
const overview = await teamOverview(desk, 'bench');
const verdicts = overview.rows.reduce<Record<string, number>>(
  (counts, row) => ({ ...counts, [row.readiness.verdict]: (counts[row.readiness.verdict] ?? 0) + 1 }),
  {},
);
console.log(`teamOverview, ${overview.rows.length} trainees (${JSON.stringify(verdicts)}):`);
console.log(`  first call, scoring every attempt (summary cache empty): ${cold.toFixed(0)} ms`);
console.log(`  warm (the page's data function, as every later request runs it): ${stats(warm)}`);
console.log(`  resident memory after scoring every attempt: ${Math.round(process.memoryUsage().rss / 1048576)} MB`);

if (values.http) {
  // The whole page as the built server renders it: the same handler `npm start` serves.
  provideDesk(desk);
  process.env.ASTRO_NODE_AUTOSTART = 'disabled';
  const { handler } = (await import(pathToFileURL(path.resolve('dist/server/entry.mjs')).href)) as { handler: http.RequestListener };
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const login = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'username=lead&password=bench-password',
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const page: number[] = [];
  let bytes = 0;
  for (let run = 0; run < 40; run++) {
    page.push(
      await time(async () => {
        const response = await fetch(`${base}/team`, { headers: { Cookie: cookie } });
        if (response.status !== 200) throw new Error(`GET /team: ${response.status}`);
        bytes = (await response.text()).length;
      }),
    );
  }
  console.log(`GET /team, whole page rendered (${Math.round(bytes / 1024)} KB of HTML), loopback: ${stats(page)}`);
  server.close();
}

closeDesk(desk);
if (!values.keep) await rm(dir, { recursive: true, force: true });
