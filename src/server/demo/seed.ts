import type { DeskStore } from '../db/desk-store.ts';
import type { AccountService } from '../auth/accounts.ts';
import type { AttemptService } from '../attempts/attempt-service.ts';
import { pickVariant, type ScenarioCatalog } from '../scenarios/catalog.ts';
import type { ReadinessPolicyFile } from '../readiness/policy-file.ts';
import type { AttemptFile, AttemptEvent } from '../db/schema.ts';
import type { LoadedScenario } from '../scenarios/catalog.ts';
import type { Answer } from '../../domain/engine/answer.ts';
import type { Step } from '../../domain/scenario/schema.ts';
import { currentNode, startAttempt, submitAnswer } from '../../domain/engine/machine.ts';
import { seniorAnswer } from '../../domain/engine/senior-path.ts';
import { hashPassword } from '../auth/password.ts';
import { readinessContext } from '../team/readiness-context.ts';
import { checklist } from '../../domain/readiness/readiness.ts';
import { DEMO_PASSWORD, DEMO_STAFF, DEMO_TEAM, DEMO_TRAINEES, type TraineeProfile } from './profiles.ts';
import { traineeDraft } from './trainee-voice.ts';
import { drawVariant } from '../../domain/progress/variant-draw.ts';

const DAY = 86_400_000;

/** What seeding writes to and plays on. */
export interface SeedDeps {
  store: Pick<DeskStore, 'users' | 'teams' | 'assignments' | 'attempts' | 'revisions'>;
  accounts: Pick<AccountService, 'add'>;
  attempts: Pick<AttemptService, 'summariesOf'>;
  catalog: ScenarioCatalog;
  readiness: Pick<ReadinessPolicyFile, 'policy'>;
}

/** A small repeatable random source, so every fresh demo tells the same story. */
function randomSource(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T };
}
type Random = ReturnType<typeof randomSource>;

/** A plausible answer from a trainee of the given skill at this step. */
function traineeAnswer(step: Step, skill: number, profile: TraineeProfile, random: Random): Answer {
  const senior = seniorAnswer(step) as Answer;
  const right = random.next() < skill;
  switch (step.kind) {
    case 'choose': {
      const others = step.options.filter((option) => option.verdict !== 'best');
      const best = step.options.find((option) => option.verdict === 'best');
      // A routing step: the route is right with the trainee's routing skill; the option within it with their skill.
      if (best?.route) {
        if (random.next() < profile.routing) {
          const sameRoute = others.filter((option) => option.route === best.route && option.verdict !== 'critical');
          return right || !sameRoute.length ? senior : { kind: 'choose', optionId: random.pick(sameRoute).id };
        }
        const elsewhere = others.filter((option) => option.route !== best.route);
        // An over-escalator sends it up: to a senior, or to another function when the desk could have handled it.
        const higher = elsewhere.filter((option) => option.route === 'senior' || (best.route === 'self' && option.route && option.route !== 'self'));
        if (higher.length && random.next() < profile.overEscalates) return { kind: 'choose', optionId: random.pick(higher).id };
        const safer = elsewhere.filter((option) => option.verdict !== 'critical');
        const pool = safer.length && random.next() > profile.slips ? safer : elsewhere;
        if (pool.length) return { kind: 'choose', optionId: random.pick(pool).id };
      }
      if (right) return senior;
      const toSenior = others.find((option) => option.route === 'senior');
      if (toSenior && random.next() < profile.overEscalates) return { kind: 'choose', optionId: toSenior.id };
      // Most misses are near misses: a good answer, not the senior's best.
      const near = others.filter((option) => option.verdict === 'good');
      if (near.length && random.next() < profile.nearMiss) return { kind: 'choose', optionId: random.pick(near).id };
      const safer = others.filter((option) => option.verdict !== 'critical');
      const pool = safer.length && random.next() > profile.slips ? safer : others;
      return { kind: 'choose', optionId: random.pick(pool.length ? pool : step.options).id };
    }
    case 'choose-many': {
      const routed = step.options.some((option) => option.route);
      if (routed ? random.next() < profile.routing : right) return senior;
      const chosen = new Set(step.answer);
      const flip = random.pick(step.options.filter((option) => !option.critical || random.next() < 0.15));
      if (flip) chosen.has(flip.id) ? chosen.delete(flip.id) : chosen.add(flip.id);
      return { kind: 'choose-many', optionIds: [...chosen] };
    }
    case 'rank': {
      const order = [...step.answer];
      const swaps = right ? 0 : 1 + Math.floor(random.next() * 3);
      for (let swap = 0; swap < swaps; swap++) {
        const index = Math.floor(random.next() * (order.length - 1));
        [order[index], order[index + 1]] = [order[index + 1] as string, order[index] as string];
      }
      return { kind: 'rank', order };
    }
    case 'write':
      // Drafted in the trainee's own words from the model's points: fuller when right, thin when not.
      return { kind: 'write', text: traineeDraft(step.model, right ? 0.6 + random.next() * 0.4 : random.next() * 0.5, random) };
  }
}

/**
 * Which scenario a trainee works next: levels open up week by week; the readiness policy's required
 * categories come up more often (leads steer trainees there), except those the trainee has not reached.
 */
function nextScenario(
  library: LoadedScenario[],
  week: number,
  done: Map<string, number>,
  random: Random,
  focus: ReadonlySet<string>,
  profile: TraineeProfile,
): LoadedScenario | undefined {
  const maxLevel = week < 1 ? 1 : week < 2.5 ? 2 : 3;
  const open = library.filter((loaded) => loaded.scenario.level <= maxLevel && !profile.notReached.includes(loaded.scenario.category));
  const focused = open.filter((loaded) => focus.has(loaded.scenario.category));
  const pool = focused.length && random.next() < profile.focus ? focused : open;
  const fresh = pool.filter((loaded) => (done.get(loaded.scenario.id) ?? 0) < 4);
  return random.pick(fresh.length ? fresh : pool.length ? pool : library);
}

interface Played {
  attempt: AttemptFile;
  writes: { stepId: string; rubricLines: number }[];
  misses: string[];
}

function playAttempt(
  loaded: LoadedScenario,
  profile: TraineeProfile,
  started: Date,
  skill: number,
  mode: AttemptFile['mode'],
  random: Random,
  id: string,
  seen: readonly AttemptFile[],
): Played {
  // The variant is drawn by the desk's own rule (an assessment takes one not seen yet), and pinned as a trainee's would be.
  const drawnId = drawVariant(
    loaded.variants.map((variant) => variant.id),
    seen,
    mode,
    id,
  );
  const drawn = pickVariant(loaded, drawnId);
  const { scenario, machine } = drawn ?? loaded;
  const { revision } = loaded;
  let snapshot = startAttempt(machine, mode);
  let clock = started.getTime() + 30_000;
  const events: AttemptEvent[] = [];
  const writes: Played['writes'] = [];
  const misses: string[] = [];
  const abandon = random.next() < 0.05;
  for (let guard = 0; snapshot.status !== 'done' && guard < 60; guard++) {
    if (abandon && events.length >= 2) break;
    const stepId = currentNode(snapshot);
    const step = scenario.steps[stepId] as Step;
    const answer = traineeAnswer(step, skill, profile, random);
    const decidedMs = Math.round((20 + random.next() * 120 * (1.6 - skill)) * 1000);
    clock += decidedMs;
    const result = submitAnswer(scenario, machine, snapshot, stepId, answer);
    if (!result.ok) break;
    snapshot = result.snapshot;
    events.push({ type: 'answer', stepId, answer, at: new Date(clock).toISOString(), decidedMs });
    if (step.kind === 'write') writes.push({ stepId, rubricLines: step.rubric.length });
    const key = seniorAnswer(step);
    if (JSON.stringify(key) !== JSON.stringify(answer) && step.kind !== 'write') misses.push(stepId);
    clock += 5_000;
  }
  return {
    attempt: {
      version: 1,
      id,
      username: profile.username,
      scenarioId: scenario.id,
      revision,
      ...(drawn ? { variant: drawn.id } : {}),
      mode,
      startedAt: started.toISOString(),
      stepShownAt: new Date(clock).toISOString(),
      finishedAt: snapshot.status === 'done' ? new Date(clock).toISOString() : undefined,
      events,
      reviews: {},
      comments: [],
      unseenFeedback: false,
    },
    writes,
    misses,
  };
}

/** The most a demo trainee's per-step skill reaches: even the best make near misses, so scores look real. */
const SKILL_CAP = 0.74;
/** A trainee on a good run at the end of their training. */
const CLOSING_SKILL = 0.86;

/** Plays and stores one attempt, with a senior's reviews and an occasional comment; false when nothing was answered. */
async function recordAttempt(
  desk: SeedDeps,
  loaded: LoadedScenario,
  profile: TraineeProfile,
  at: Date,
  skill: number,
  mode: AttemptFile['mode'],
  random: Random,
  id: string,
): Promise<boolean> {
  const seen = desk.store.attempts.of(profile.username).filter((attempt) => attempt.scenarioId === loaded.scenario.id);
  const played = playAttempt(loaded, profile, at, skill, mode, random, id, seen);
  if (!played.attempt.events.length) return false;
  for (const write of played.writes) {
    if (random.next() >= profile.reviewed) continue;
    const met = Array.from({ length: write.rubricLines }, (_, line) => line).filter(() => random.next() < skill + 0.15);
    played.attempt.reviews[write.stepId] = {
      met,
      comment:
        met.length === write.rubricLines
          ? 'Clear and specific. This is the note I would send.'
          : 'Give the customer a concrete time for the next update, and do not promise what another team has to decide.',
      reviewer: 'sam',
      // A day after the attempt, but never later than now: nothing in the demo is dated in the future.
      at: new Date(Math.min(new Date(played.attempt.finishedAt ?? played.attempt.startedAt).getTime() + DAY, Date.now())).toISOString(),
    };
  }
  const miss = played.misses[0];
  if (miss && random.next() < 0.25) {
    played.attempt.comments.push({
      id: `c-${id}`,
      stepId: miss,
      author: 'sam',
      text: 'Before you pick who gets it, ask who owns the decision. Check the playbook for this one.',
      at: new Date(Math.min(at.getTime() + DAY, Date.now())).toISOString(),
    });
  }
  await desk.store.revisions.pin(loaded.scenario.id, loaded.revision, loaded.text);
  await desk.store.attempts.create(played.attempt);
  return true;
}

/**
 * The last few days of a trainee who is getting there: assessments in the required categories they
 * reached but have not met yet, so the demo's "ready" and "close" trainees stay so when scenarios change.
 */
async function closeOut(desk: SeedDeps, profile: TraineeProfile, index: number, now: Date, random: Random): Promise<number> {
  const context = readinessContext(desk.catalog);
  let added = 0;
  // Up to 24 tries, 2.4 hours apart over the last three days: a hard variant drawn twice must not leave the story short.
  for (let extra = 0; extra < 24; extra++) {
    const summaries = await desk.attempts.summariesOf(profile.username);
    const unmet = checklist(desk.readiness.policy, summaries, [], context).find(
      (line) => line.rule === 'category' && !line.met && line.category && !profile.notReached.includes(line.category),
    );
    const loaded = unmet?.practise ? desk.catalog.get(unmet.practise) : undefined;
    if (!loaded) break;
    const at = new Date(now.getTime() - (3 - extra * 0.1) * DAY);
    if (
      await recordAttempt(
        desk,
        loaded,
        profile,
        at,
        CLOSING_SKILL,
        'assessment',
        random,
        `${loaded.scenario.id.slice(0, 24)}-d${index}x${String(extra).padStart(2, '0')}`,
      )
    )
      added++;
  }
  return added;
}

export interface SeedSummary {
  seeded: boolean;
  logins: { username: string; role: string; name: string }[];
  password: string;
  attempts: number;
}

/**
 * First-start demo data: a team, its lead, two seniors and seven trainees, six with weeks of attempts played on
 * the real engine, so the team page, the review queue and the debriefs all have something true to show.
 */
export async function seedDemo(desk: SeedDeps, now = new Date()): Promise<SeedSummary> {
  const logins = [...DEMO_STAFF, ...DEMO_TRAINEES.map((trainee) => ({ ...trainee, role: 'trainee' as const }))].map(({ username, role, name }) => ({
    username,
    role,
    name,
  }));
  if (desk.store.users.list().length) return { seeded: false, logins, password: DEMO_PASSWORD, attempts: 0 };

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const login of logins) {
    await desk.accounts.add({ ...login, team: DEMO_TEAM.id, password: DEMO_PASSWORD, role: login.role }, passwordHash);
  }
  await desk.store.teams.put({ ...DEMO_TEAM });

  const library = desk.catalog.list();
  const focus = new Set(desk.readiness.policy.categories.required);
  const random = randomSource(20261122);
  let count = 0;
  for (const [index, profile] of DEMO_TRAINEES.entries()) {
    if (!library.length) break;
    if (profile.weeks === 0) continue;
    const done = new Map<string, number>();
    const total = Math.max(2, Math.round(profile.pace * profile.weeks));
    const begin = now.getTime() - profile.weeks * 7 * DAY;
    for (let n = 0; n < total; n++) {
      const at = new Date(begin + ((n + random.next() * 0.8) / total) * profile.weeks * 7 * DAY - 2 * 3600_000);
      const week = (at.getTime() - begin) / (7 * DAY);
      const loaded = nextScenario(library, week, done, random, focus, profile);
      if (!loaded) break;
      const seen = done.get(loaded.scenario.id) ?? 0;
      const mode = seen === 0 && random.next() < 0.7 ? 'practice' : 'assessment';
      const skill = Math.min(SKILL_CAP, profile.skill + profile.growth * week + (seen ? 0.04 : 0));
      const id = `${loaded.scenario.id.slice(0, 24)}-d${index}${String(n).padStart(3, '0')}`;
      if (!(await recordAttempt(desk, loaded, profile, at, skill, mode, random, id))) continue;
      done.set(loaded.scenario.id, seen + 1);
      count++;
    }
    if (profile.closesOut) count += await closeOut(desk, profile, index, now, random);
  }

  const day = (offset: number) => new Date(now.getTime() + offset * DAY).toISOString().slice(0, 10);
  const byLevel = (level: number) => library.filter((loaded) => loaded.scenario.level === level).map((loaded) => loaded.scenario.id);
  // The team's path was set twelve days ago, so the history since then shows progress against it.
  const path = [...byLevel(1).slice(0, 2), ...byLevel(2).slice(0, 1)];
  if (path.length) {
    await desk.store.assignments.add({
      id: 'a-team-path',
      team: DEMO_TEAM.id,
      title: 'Foundations path',
      scenarioIds: path,
      due: day(5),
      createdBy: 'lena',
      createdAt: new Date(now.getTime() - 12 * DAY).toISOString(),
    });
  }
  // Dev's overdue work: a scenario he has not finished since it was assigned ten days ago, due three days ago.
  const devAssigned = new Date(now.getTime() - 10 * DAY).toISOString();
  const devFinished = new Set(
    desk.store.attempts
      .of('dev')
      .filter((attempt) => attempt.finishedAt && attempt.startedAt >= devAssigned)
      .map((attempt) => attempt.scenarioId),
  );
  const unfinished = [...byLevel(2), ...byLevel(1), ...byLevel(3)].find((id) => !devFinished.has(id) && !path.includes(id));
  if (unfinished) {
    await desk.store.assignments.add({
      id: 'a-dev-overdue',
      team: DEMO_TEAM.id,
      assignee: 'dev',
      title: 'Catch-up case',
      scenarioIds: [unfinished],
      due: day(-3),
      createdBy: 'lena',
      createdAt: devAssigned,
    });
  }
  // Everyone last looked at their notifications three days ago, so the demo opens with a few unread.
  const seenAt = new Date(now.getTime() - 3 * DAY).toISOString();
  for (const user of desk.store.users.list()) await desk.store.users.update(user.username, (stored) => void (stored.notificationsSeenAt = seenAt));
  return { seeded: true, logins, password: DEMO_PASSWORD, attempts: count };
}
