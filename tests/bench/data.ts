// Builds data directories for the benchmark: trainees with sessions and a given number of stored decisions.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Answer } from '../../src/domain/engine/answer.ts';
import { currentNode, startAttempt, submitAnswer } from '../../src/domain/engine/machine.ts';
import { seniorAnswer } from '../../src/domain/engine/senior-path.ts';
import type { Step } from '../../src/domain/scenario/schema.ts';
import { hashPassword } from '../../src/server/auth/password.ts';
import type { AccountsFile, AttemptFile, SessionsFile } from '../../src/server/db/schema.ts';
import type { LoadedScenario } from '../../src/server/scenarios/catalog.ts';

export interface BenchUser {
  username: string;
  token: string;
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

/** An answer that fits the step: the senior's, or (one time in three) the first choice offered. */
export function benchAnswer(step: Step, index: number): Answer {
  if (index % 3 === 2 && step.kind === 'choose') return { kind: 'choose', optionId: step.options[step.options.length - 1]?.id ?? '' };
  return seniorAnswer(step) as Answer;
}

/**
 * Writes accounts (a lead and `trainees` trainees in team `bench`), a live session for each, and finished
 * attempts played on the real engine until `decisions` decisions are stored. Plain writes: setup need not be durable.
 */
export async function makeDataDir(
  dir: string,
  library: LoadedScenario[],
  trainees: number,
  decisions: number,
): Promise<{ users: BenchUser[]; lead: BenchUser }> {
  await mkdir(path.join(dir, 'attempts'), { recursive: true });
  const passwordHash = await hashPassword('bench-password');
  const now = new Date();
  const created = now.toISOString();
  const expires = new Date(now.getTime() + 24 * 3600_000).toISOString();
  const users: BenchUser[] = Array.from({ length: trainees }, (_, index) => ({
    username: `t${String(index).padStart(4, '0')}`,
    token: randomBytes(24).toString('base64url'),
  }));
  const lead: BenchUser = { username: 'lead', token: randomBytes(24).toString('base64url') };
  const accounts: AccountsFile = {
    version: 1,
    teams: [{ id: 'bench', name: 'Bench team' }],
    users: [lead, ...users].map((user, index) => ({
      username: user.username,
      name: index === 0 ? 'Bench Lead' : `Trainee ${index}`,
      role: index === 0 ? 'lead' : 'trainee',
      team: 'bench',
      passwordHash,
      disabled: false,
      createdAt: created,
    })),
    assignments: [],
    signOffs: [],
  };
  const sessions: SessionsFile = {
    version: 1,
    sessions: [lead, ...users].map((user) => ({ tokenHash: tokenHash(user.token), username: user.username, createdAt: created, expiresAt: expires })),
  };
  await writeFile(path.join(dir, 'accounts.json'), JSON.stringify(accounts));
  await writeFile(path.join(dir, 'sessions.json'), JSON.stringify(sessions));
  for (const loaded of library) {
    await mkdir(path.join(dir, 'revisions', loaded.scenario.id), { recursive: true });
    await writeFile(path.join(dir, 'revisions', loaded.scenario.id, `${loaded.revision}.yaml`), loaded.text);
  }

  let stored = 0;
  let serial = 0;
  const start = now.getTime() - 60 * 86_400_000;
  while (stored < decisions && users.length) {
    const user = users[serial % users.length] as BenchUser;
    const loaded = library[serial % library.length] as LoadedScenario;
    let snapshot = startAttempt(loaded.machine, 'assessment');
    const events: AttemptFile['events'] = [];
    let at = start + serial * 60_000;
    while (snapshot.status !== 'done' && stored < decisions) {
      const stepId = currentNode(snapshot);
      const answer = benchAnswer(loaded.scenario.steps[stepId] as Step, events.length + serial);
      const result = submitAnswer(loaded.scenario, loaded.machine, snapshot, stepId, answer);
      if (!result.ok) break;
      snapshot = result.snapshot;
      at += 45_000;
      events.push({ type: 'answer', stepId, answer, at: new Date(at).toISOString(), decidedMs: 45_000 });
      stored++;
    }
    const attempt: AttemptFile = {
      version: 1,
      id: `bench-${serial}`,
      username: user.username,
      scenarioId: loaded.scenario.id,
      revision: loaded.revision,
      // The first variant is the one `loaded.scenario` plays.
      variant: loaded.variants[0]?.id,
      mode: 'assessment',
      startedAt: new Date(start + serial * 60_000).toISOString(),
      stepShownAt: new Date(at).toISOString(),
      finishedAt: new Date(at).toISOString(),
      // One cut short by the decision count is stored abandoned: left open, it would close practice of its
      // scenario to the load generator (sealed assessments) and count toward the open-attempt cap.
      ...(snapshot.status === 'done' ? {} : { abandonedAt: new Date(at).toISOString() }),
      events,
      reviews: {},
      comments: [],
      unseenFeedback: false,
    };
    await mkdir(path.join(dir, 'attempts', user.username), { recursive: true });
    await writeFile(path.join(dir, 'attempts', user.username, `${attempt.id}.json`), JSON.stringify(attempt));
    serial++;
  }
  return { users, lead };
}
