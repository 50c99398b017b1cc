// A load generator on loopback: virtual trainees that start attempts and answer steps over HTTP.
import { Agent, request } from 'undici';
import { currentNode, startAttempt, submitAnswer, type AttemptSnapshot } from '../../src/domain/engine/machine.ts';
import type { Step } from '../../src/domain/scenario/schema.ts';
import type { LoadedScenario } from '../../src/server/scenarios/catalog.ts';
import { benchAnswer, type BenchUser } from './data.ts';

export interface LoadResult {
  answers: number;
  acknowledged: number;
  /** Answers the server acknowledged, by attempt id. */
  ackedByAttempt: Map<string, number>;
  errors: number;
  latenciesMs: number[];
  seconds: number;
}

interface Trainee {
  user: BenchUser;
  loaded?: LoadedScenario;
  attemptId?: string;
  snapshot?: AttemptSnapshot;
  answered: number;
}

const visibleDocuments = (loaded: LoadedScenario, snapshot: AttemptSnapshot): string[] =>
  loaded.scenario.case.documents.filter((document) => !document.hidden || snapshot.context.revealed.includes(document.id)).map((document) => document.id);

/** Keep-alive connections, at most one per virtual trainee. */
const agent = new Agent({ connections: 200, keepAliveTimeout: 30_000, pipelining: 1 });

async function startCase(base: string, trainee: Trainee, library: LoadedScenario[], serial: number): Promise<void> {
  const loaded = library[serial % library.length] as LoadedScenario;
  const response = await request(`${base}/train/${loaded.scenario.id}`, {
    method: 'POST',
    dispatcher: agent,
    headers: { cookie: `desk_session=${trainee.user.token}`, origin: base, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'mode=practice',
  });
  await response.body.dump();
  const location = String(response.headers.location ?? '');
  if (response.statusCode !== 303 || !location.startsWith('/play/')) throw new Error(`start failed: ${response.statusCode}`);
  trainee.loaded = loaded;
  trainee.attemptId = location.slice('/play/'.length);
  trainee.snapshot = startAttempt(loaded.machine, 'practice');
}

/** Sends one answer (starting a new case first when needed); returns the answer's latency in ms. */
async function answerOnce(base: string, trainee: Trainee, library: LoadedScenario[], result: LoadResult): Promise<void> {
  if (!trainee.snapshot || trainee.snapshot.status === 'done') {
    try {
      await startCase(base, trainee, library, trainee.answered + trainee.user.username.length);
    } catch {
      result.errors++;
      // A server that went away refuses at once: pause so a dead server is not hammered in a tight loop.
      await new Promise((resolve) => setTimeout(resolve, 50));
      return;
    }
  }
  const loaded = trainee.loaded as LoadedScenario;
  const snapshot = trainee.snapshot as AttemptSnapshot;
  const stepId = currentNode(snapshot);
  const answer = benchAnswer(loaded.scenario.steps[stepId] as Step, trainee.answered);
  const started = performance.now();
  result.answers++;
  try {
    const response = await request(`${base}/_actions/attempt.answer`, {
      method: 'POST',
      dispatcher: agent,
      headers: { cookie: `desk_session=${trainee.user.token}`, origin: base, 'content-type': 'application/json', accept: 'application/json' },
      // As the player does: name the documents already on screen, so only new ones come back.
      body: JSON.stringify({ attemptId: trainee.attemptId, stepId, answer, knownDocuments: visibleDocuments(loaded, snapshot) }),
    });
    const body = await response.body.text();
    result.latenciesMs.push(performance.now() - started);
    if (response.statusCode !== 200) {
      result.errors++;
      return;
    }
    if (body.includes('"applied"')) {
      result.acknowledged++;
      const id = trainee.attemptId as string;
      result.ackedByAttempt.set(id, (result.ackedByAttempt.get(id) ?? 0) + 1);
    }
    const next = submitAnswer(loaded.scenario, loaded.machine, snapshot, stepId, answer);
    if (next.ok) trainee.snapshot = next.snapshot;
    trainee.answered++;
  } catch {
    result.errors++;
  }
}

/** Closed loop: every trainee answers again as soon as the last answer returns (saturation). */
export async function saturate(base: string, users: BenchUser[], library: LoadedScenario[], seconds: number): Promise<LoadResult> {
  const result: LoadResult = { answers: 0, acknowledged: 0, ackedByAttempt: new Map(), errors: 0, latenciesMs: [], seconds };
  const trainees: Trainee[] = users.map((user) => ({ user, answered: 0 }));
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    trainees.map(async (trainee) => {
      while (performance.now() < until) await answerOnce(base, trainee, library, result);
    }),
  );
  return result;
}

/** Open loop: each trainee answers every `intervalMs`, on its own schedule, whatever the server does. */
export async function openLoop(base: string, users: BenchUser[], library: LoadedScenario[], seconds: number, intervalMs: number): Promise<LoadResult> {
  const result: LoadResult = { answers: 0, acknowledged: 0, ackedByAttempt: new Map(), errors: 0, latenciesMs: [], seconds };
  const trainees: Trainee[] = users.map((user) => ({ user, answered: 0 }));
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    trainees.map(async (trainee, index) => {
      let next = performance.now() + (index / trainees.length) * intervalMs;
      const pending: Promise<void>[] = [];
      while (next < end) {
        const wait = next - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        // An answer depends on the one before: if it is still out, this tick waits for it.
        await Promise.all(pending.splice(0));
        pending.push(answerOnce(base, trainee, library, result));
        next += intervalMs;
      }
      await Promise.all(pending);
    }),
  );
  return result;
}

export const percentile = (values: number[], share: number): number => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] as number;
};
