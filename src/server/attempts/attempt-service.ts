import { randomBytes } from 'node:crypto';
import type { DeskStore } from '../db/desk-store.ts';
import type { AttemptEvent as StoredEvent, AttemptFile, User } from '../db/schema.ts';
import type { LoadedScenario, ScenarioCatalog } from '../scenarios/catalog.ts';
import type { Answer } from '../../domain/engine/answer.ts';
import type { AttemptEvent } from '../../domain/engine/context.ts';
import { currentNode, replayAttempt, requestHint, submitAnswer, type AttemptSnapshot } from '../../domain/engine/machine.ts';
import { scoreAttempt, type AttemptScore } from '../../domain/scoring/attempt-score.ts';
import { traineeView, type TraineeView } from '../../domain/view/trainee-view.ts';
import { AttemptError } from './attempt-error.ts';
import type { AttemptSummary } from '../../domain/progress/attempt-summary.ts';
import { buildDebrief, type Debrief } from '../../domain/view/debrief.ts';

/** An attempt with its pinned scenario and its current machine snapshot. */
export interface RunningAttempt {
  attempt: AttemptFile;
  loaded: LoadedScenario;
  snapshot: AttemptSnapshot;
}

export type AnswerOutcome = 'applied' | 'stale' | 'finished';

const toMachineEvents = (events: readonly StoredEvent[]): AttemptEvent[] =>
  events.map((event) =>
    event.type === 'answer'
      ? { type: 'answer.submit', stepId: event.stepId, answer: event.answer }
      : { type: 'hint.request', stepId: event.stepId },
  );

/** What the attempt service keeps its data in. */
export type AttemptStore = Pick<DeskStore, 'attempts' | 'revisions'>;

/** Snapshots kept in memory: enough for every trainee answering at once, bounded whatever the history. */
const SNAPSHOT_CACHE = 2000;

/** Reviews as the scorer takes them: rubric lines met, by step. */
export const reviewsOf = (attempt: AttemptFile) =>
  Object.fromEntries(Object.entries(attempt.reviews).map(([stepId, review]) => [stepId, review.met]));

/** An attempt's score against the senior path of its pinned revision. */
function scoreOf({ attempt, loaded, snapshot }: RunningAttempt): AttemptScore {
  const node = currentNode(snapshot);
  return scoreAttempt(loaded.scenario, loaded.senior, snapshot.context, loaded.scenario.endings[node] ? node : undefined, reviewsOf(attempt));
}

/** Runs attempts on the server: start, answer, hint; every change is durable before it is answered. */
export class AttemptService {
  #store: AttemptStore;
  #catalog: ScenarioCatalog;
  #now: () => Date;
  /** Recently used snapshots, oldest first; any one can be rebuilt by replaying its log. */
  #snapshots = new Map<string, { events: number; snapshot: AttemptSnapshot }>();
  #summaries = new Map<string, { key: string; summary: AttemptSummary }>();
  /** The last queued change per attempt: changes to one attempt run one after another. */
  #queues = new Map<string, Promise<unknown>>();

  constructor(store: AttemptStore, catalog: ScenarioCatalog, now: () => Date = () => new Date()) {
    this.#store = store;
    this.#catalog = catalog;
    this.#now = now;
  }

  /** Starts an attempt on the scenario's current revision, which is pinned for the attempt's life. */
  async start(user: User, scenarioId: string, mode: AttemptFile['mode']): Promise<AttemptFile> {
    const loaded = this.#catalog.get(scenarioId);
    if (!loaded) throw new AttemptError('NOT_FOUND', 'That scenario is not in the catalog. It may have been withdrawn; pick another from the list.');
    await this.#store.revisions.pin(scenarioId, loaded.revision, loaded.text);
    const now = this.#now().toISOString();
    const attempt: AttemptFile = {
      version: 1,
      id: `${scenarioId.slice(0, 24)}-${randomBytes(6).toString('hex')}`,
      username: user.username,
      scenarioId,
      revision: loaded.revision,
      mode,
      startedAt: now,
      stepShownAt: now,
      events: [],
      reviews: {},
      comments: [],
      unseenFeedback: false,
    };
    return this.#store.attempts.create(attempt);
  }

  /** An attempt by id, or a 404 that says so. */
  get(attemptId: string): AttemptFile {
    const attempt = this.#store.attempts.get(attemptId);
    if (!attempt) throw new AttemptError('NOT_FOUND', 'There is no such attempt. Open your attempts from My progress.');
    return attempt;
  }

  /** The attempt with its pinned scenario and snapshot, rebuilt from the decision log when not cached. */
  async run(attempt: AttemptFile, remember = true): Promise<RunningAttempt> {
    const loaded = await this.#catalog.revision(attempt.revision, () => this.#store.revisions.read(attempt.scenarioId, attempt.revision));
    if (!loaded) throw new AttemptError('CONFLICT', 'The scenario version this attempt was started on can no longer be loaded. Start a new attempt.');
    const cached = this.#snapshots.get(attempt.id);
    if (cached && cached.events === attempt.events.length) {
      this.#remember(attempt.id, cached);
      return { attempt, loaded, snapshot: cached.snapshot };
    }
    const snapshot = replayAttempt(loaded.scenario, loaded.machine, attempt.mode, toMachineEvents(attempt.events));
    if (remember) this.#remember(attempt.id, { events: attempt.events.length, snapshot });
    return { attempt, loaded, snapshot };
  }

  async view(attempt: AttemptFile): Promise<TraineeView> {
    const { loaded, snapshot } = await this.run(attempt);
    return traineeView(loaded.scenario, currentNode(snapshot), snapshot.context, attempt.id);
  }

  /**
   * Applies an answer and stores it durably before answering. An answer for a step that is no longer
   * current changes nothing and returns the current state; one that does not fit the step is a 400.
   */
  answer(attempt: AttemptFile, stepId: string, answer: Answer): Promise<{ outcome: AnswerOutcome; view: TraineeView }> {
    return this.#serialised(attempt.id, () => this.#answer(attempt, stepId, answer));
  }

  async #answer(attempt: AttemptFile, stepId: string, answer: Answer): Promise<{ outcome: AnswerOutcome; view: TraineeView }> {
    const running = await this.run(attempt);
    const submission = submitAnswer(running.loaded.scenario, running.loaded.machine, running.snapshot, stepId, answer);
    if (!submission.ok) {
      if (submission.code === 'invalid') throw new AttemptError('BAD_REQUEST', submission.reason);
      return { outcome: submission.code, view: await this.view(attempt) };
    }
    const now = this.#now();
    const event: StoredEvent = {
      type: 'answer',
      stepId,
      answer,
      at: now.toISOString(),
      decidedMs: Math.max(0, now.getTime() - new Date(attempt.stepShownAt).getTime()),
    };
    await this.#commit(attempt, submission.snapshot, event, now);
    return { outcome: 'applied', view: await this.view(attempt) };
  }

  /** Opens the current step's hint (practice only); asking twice, or in assessment, changes nothing. */
  hint(attempt: AttemptFile, stepId: string): Promise<TraineeView> {
    return this.#serialised(attempt.id, () => this.#hint(attempt, stepId));
  }

  async #hint(attempt: AttemptFile, stepId: string): Promise<TraineeView> {
    const running = await this.run(attempt);
    if (attempt.mode !== 'practice') throw new AttemptError('BAD_REQUEST', 'Hints are not available in assessment mode.');
    const next = requestHint(running.loaded.machine, running.snapshot, stepId);
    if (next !== running.snapshot && next.context.hints.length !== running.snapshot.context.hints.length) {
      await this.#commit(attempt, next, { type: 'hint', stepId, at: this.#now().toISOString() }, undefined);
    }
    return this.view(attempt);
  }

  /** Keeps a snapshot as the most recently used, dropping the least recently used past the cap. */
  #remember(attemptId: string, entry: { events: number; snapshot: AttemptSnapshot }): void {
    this.#snapshots.delete(attemptId);
    this.#snapshots.set(attemptId, entry);
    if (this.#snapshots.size > SNAPSHOT_CACHE) this.#snapshots.delete(this.#snapshots.keys().next().value as string);
  }

  #serialised<T>(attemptId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(attemptId) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.catch(() => undefined);
    this.#queues.set(attemptId, tail);
    void tail.then(() => {
      if (this.#queues.get(attemptId) === tail) this.#queues.delete(attemptId);
    });
    return result;
  }

  /** Appends an event to the attempt durably (the store leaves it as it was if the write fails), then caches its snapshot. */
  async #commit(attempt: AttemptFile, snapshot: AttemptSnapshot, event: StoredEvent, stepShown: Date | undefined): Promise<void> {
    await this.#store.attempts.update(attempt.id, (stored) => {
      stored.events.push(event);
      if (stepShown) stored.stepShownAt = stepShown.toISOString();
      if (snapshot.status === 'done') stored.finishedAt = event.at;
    });
    this.#remember(attempt.id, { events: attempt.events.length, snapshot });
  }

  /** The attempt's score against the senior path of its pinned revision. */
  async score(attempt: AttemptFile): Promise<AttemptScore> {
    return scoreOf(await this.run(attempt));
  }

  /** The debrief of an attempt: its path beside the senior's, with every reason and review. */
  async debrief(attempt: AttemptFile): Promise<{ debrief: Debrief; loaded: LoadedScenario }> {
    const { loaded, snapshot } = await this.run(attempt);
    const decidedMs = attempt.events.flatMap((event) => (event.type === 'answer' ? [event.decidedMs] : []));
    const debrief = buildDebrief(loaded.scenario, snapshot.context, currentNode(snapshot), scoreOf({ attempt, loaded, snapshot }), loaded.senior, reviewsOf(attempt), decidedMs);
    return { debrief, loaded };
  }

  /** An attempt scored and summarised for progress views; cached until its log or its reviews change. */
  async summary(attempt: AttemptFile): Promise<AttemptSummary> {
    const key = `${attempt.events.length}|${Object.values(attempt.reviews).map((review) => review.at).join(',')}`;
    const cached = this.#summaries.get(attempt.id);
    if (cached?.key === key) return cached.summary;
    // A finished attempt's snapshot is not kept: scoring all history must not push out the live ones.
    const running = await this.run(attempt, !attempt.finishedAt);
    const { loaded } = running;
    const summary: AttemptSummary = {
      id: attempt.id,
      username: attempt.username,
      scenarioId: attempt.scenarioId,
      category: loaded.scenario.category,
      level: loaded.scenario.level,
      mode: attempt.mode,
      startedAt: attempt.startedAt,
      finishedAt: attempt.finishedAt,
      decidedMs: attempt.events.flatMap((event) => (event.type === 'answer' ? [event.decidedMs] : [])),
      score: scoreOf(running),
    };
    this.#summaries.set(attempt.id, { key, summary });
    return summary;
  }

  /** Summaries of a trainee's attempts, newest first; attempts whose scenario can no longer load are skipped. */
  async summariesOf(username: string): Promise<AttemptSummary[]> {
    const settled = await Promise.allSettled(this.attemptsOf(username).map((attempt) => this.summary(attempt)));
    return settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  }

  /** A trainee's attempts, newest first. */
  attemptsOf(username: string): AttemptFile[] {
    return this.#store.attempts.of(username).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }
}
