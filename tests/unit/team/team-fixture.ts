// A real desk on a temp directory with the demo team seeded, plus a second team and an awkwardly named trainee.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { APIContext } from 'astro';
import { readConfig } from '../../../src/server/config.ts';
import { closeDesk, openDesk, provideDesk, type Desk } from '../../../src/server/desk.ts';
import type { User } from '../../../src/server/db/schema.ts';
import { seedDemo } from '../../../src/server/demo/seed.ts';
import { seniorAnswer } from '../../../src/domain/engine/senior-path.ts';
import type { Answer } from '../../../src/domain/engine/answer.ts';

/** Commas, quotes and a line break: what CSV quoting has to survive. */
export const AWKWARD_NAME = 'Lee, "Sam"\nJunior';

export interface TeamDesk {
  desk: Desk;
  dir: string;
  close: () => Promise<void>;
}

/** Plays an attempt along the senior path (all of it, or the first `steps` answers). */
export async function playSenior(desk: Desk, user: User, scenarioId: string, mode: 'practice' | 'assessment', steps = Infinity) {
  const attempt = await desk.attempts.start(user, scenarioId, mode);
  const scenario = desk.catalog.get(scenarioId)!.scenario;
  let view = await desk.attempts.view(attempt);
  for (let count = 0; view.step && count < steps; count++) {
    const step = scenario.steps[view.step.id]!;
    view = (await desk.attempts.answer(attempt, view.step.id, seniorAnswer(step) as Answer)).view;
  }
  return attempt;
}

/**
 * The demo team (lead lena, trainees ava...farid) seeded as on first start, plus `lee` in it with an
 * awkward name, and a second team, returns-desk, with its lead omar and trainee gus.
 */
export async function openTeamDesk(options: { env?: Record<string, string> } = {}): Promise<TeamDesk> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'desk-team-'));
  const desk = await openDesk(readConfig({ DESK_DATA_DIR: dir, DESK_DEMO: '0', ...options.env }), { log: () => {} });
  await seedDemo(desk);
  const hash = desk.store.users.list()[0]!.passwordHash;
  const lee = await desk.accounts.add({ username: 'lee', name: AWKWARD_NAME, role: 'trainee', team: 'order-desk', password: '' }, hash);
  await desk.accounts.add({ username: 'omar', name: 'Omar Said', role: 'lead', team: 'returns-desk', password: '' }, hash);
  const gus = await desk.accounts.add({ username: 'gus', name: 'Gus Berg', role: 'trainee', team: 'returns-desk', password: '' }, hash);
  await playSenior(desk, lee, 'same-po-two-doors', 'assessment');
  await playSenior(desk, gus, 'same-po-two-doors', 'assessment');
  await playSenior(desk, gus, 'tax-exempt-school', 'practice', 2);
  provideDesk(desk);
  return {
    desk,
    dir,
    close: async () => {
      await desk.lrs?.stop();
      closeDesk(desk);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Just enough of an endpoint's context for the export routes, as the user given (or no session). */
export function endpointContext(desk: Desk, username: string | undefined, pathname: string): APIContext {
  const user = username ? desk.accounts.find(username) : undefined;
  const url = new URL(`http://127.0.0.1${pathname}`);
  return {
    locals: { user },
    url,
    request: new Request(url),
    redirect: (location: string, status = 302) => new Response(null, { status, headers: { Location: location } }),
  } as unknown as APIContext;
}
