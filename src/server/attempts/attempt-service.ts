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
import { isSealed, openAssessmentOf, startRefusal } from '../../domain/progress/open-attempts.ts';
import { drawVariant, variantOf } from '../../domain/progress/variant-draw.ts';
import { abandonedScore, sealedScore } from '../../domain/scoring/closed-scores.ts';
import { loadedVariant, variantIdsOf } from '../scenarios/scenario-variants.ts';

/** An attempt with its pinned scenario and its current machine snapshot. */
export interface RunningAttempt {
  attempt: AttemptFile;
  loaded: LoadedScenario;
  snapshot: AttemptSnapshot;
}

export type AnswerOutcome = 'applied' | 'stale' | 'finished';

const toMachineEvents = (events: readonly StoredEvent[]): AttemptEvent[] =>
  events.map((event) =>
    event.type === 'answer' ? { type: 'answer.submit', stepId: event.stepId, answer: event.answer } : { type: 'hint.request', stepId: event.stepId },
  );

/** What the attempt service keeps its data in. */
export type AttemptStore = Pick<DeskStore, 'attempts' | 'revisions'>;

/** Snapshots kept in memory: enough for every trainee answering at once, bounded whatever the history. */
const SNAPSHOT_CACHE = 2000;

/** Reviews as the scorer takes them: rubric lines met, by step. */
export const reviewsOf = (attempt: AttemptFile) => Object.fromEntries(Object.entries(attempt.reviews).map(([stepId, review]) => [stepId, review.met]));

/** An attempt's score against the senior path of its pinned revision. */
function scoreOf({ attempt, loaded, snapshot }: RunningAttempt): AttemptScore {
  const node = currentNode(snapshot);
  const score = scoreAttempt(loaded.scenario, loaded.senior, snapshot.context, loaded.scenario.endings[node] ? node : undefined, reviewsOf(attempt));
  return attempt.abandonedAt ? abandonedScore(score) : score;
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

  /**
   * Starts an attempt on the scenario's current revision and a drawn variant, both pinned for the
   * attempt's life. Refused (CONFLICT, with the attempts in the way) where the open-attempt rules say so;
   * one trainee's starts run one at a time, so a burst of them cannot slip past the cap.
   */
  start(user: User, scenarioId: string, mode: AttemptFile['mode']): Promise<AttemptFile> {
    return this.#serialised(`start:${user.username}`, () => this.#start(user, scenarioId, mode));
  }

  async #start(user: User, scenarioId: string, mode: AttemptFile['mode']): Promise<AttemptFile> {
    const loaded = this.#catalog.get(scenarioId);
    if (!loaded) throw new AttemptError('NOT_FOUND', 'That scenario is not in the catalog. It may have been withdrawn; pick another from the list.');
    const own = this.#store.attempts.of(user.username);
    const refusal = startRefusal(own, scenarioId, mode);
    if (refusal) throw new AttemptError('CONFLICT', refusal.message, refusal);
    await this.#store.revisions.pin(scenarioId, loaded.revision, loaded.text);
    const now = this.#now().toISOString();
    const id = `${scenarioId.slice(0, 24)}-${randomBytes(6).toString('hex')}`;
    const attempt: AttemptFile = {
      version: 1,
      id,
      username: user.username,
      scenarioId,
      revision: loaded.revision,
      variant: drawVariant(
        variantIdsOf(loaded),
        own.filter((earlier) => earlier.scenarioId === scenarioId),
        mode,
        id,
      ),
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
    const revision = await this.#catalog.revision(attempt.revision, () => this.#store.revisions.read(attempt.scenarioId, attempt.revision));
    if (!revision) throw new AttemptError('CONFLICT', 'The scenario version this attempt was started on can no longer be loaded. Start a new attempt.');
    const loaded = loadedVariant(revision, variantOf(attempt));
    if (!loaded)
      throw new AttemptError(
        'CONFLICT',
        `The case variant "${variantOf(attempt)}" this attempt was started on is not in its scenario version. Start a new attempt.`,
      );
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
    const view = traineeView(loaded.scenario, currentNode(snapshot), snapshot.context, attempt.id);
    const draft = view.step?.kind === 'write' ? attempt.drafts?.[view.step.id] : undefined;
    return draft !== undefined && view.step?.kind === 'write' ? { ...view, step: { ...view.step, draft } } : view;
  }

  /**
   * Keeps the draft of the written answer now asked for, durably. A draft for a step that is not the
   * current written step changes nothing: the answer was sent meanwhile, perhaps from another tab.
   */
  saveDraft(attempt: AttemptFile, stepId: string, text: string): Promise<{ saved: boolean }> {
    return this.#serialised(attempt.id, async () => {
      const { loaded, snapshot } = await this.run(attempt);
      if (snapshot.status === 'done' || currentNode(snapshot) !== stepId || loaded.scenario.steps[stepId]?.kind !== 'write') return { saved: false };
      if (attempt.drafts?.[stepId] === text) return { saved: true };
      await this.#store.attempts.update(attempt.id, (stored) => {
        (stored.drafts ??= {})[stepId] = text;
      });
      return { saved: true };
    });
  }

  /**
   * Applies an answer and stores it durably before answering. An answer for a step that is no longer
   * current changes nothing and returns the current state; one that does not fit the step is a 400.
   */
  answer(attempt: AttemptFile, stepId: string, answer: Answer): Promise<{ outcome: AnswerOutcome; view: TraineeView }> {
    return this.#serialised(attempt.id, () => this.#answer(attempt, stepId, answer));
  }

  async #answer(attempt: AttemptFile, stepId: string, answer: Answer): Promise<{ outcome: AnswerOutcome; view: TraineeView }> {
    this.#assertPlayable(attempt);
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
    this.#assertPlayable(attempt);
    const running = await this.run(attempt);
    if (attempt.mode !== 'practice') throw new AttemptError('BAD_REQUEST', 'Hints are not available in assessment mode.');
    const next = requestHint(running.loaded.machine, running.snapshot, stepId);
    if (next !== running.snapshot && next.context.hints.length !== running.snapshot.context.hints.length) {
      await this.#commit(attempt, next, { type: 'hint', stepId, at: this.#now().toISOString() }, undefined);
    }
    return this.view(attempt);
  }

  /**
   * Refuses a change to an abandoned attempt (it is final), and to a practice attempt while an
   * assessment of the same scenario is open (its feedback would give the assessment's key away).
   */
  #assertPlayable(attempt: AttemptFile): void {
    if (attempt.abandonedAt) throw new AttemptError('CONFLICT', 'This attempt was abandoned, so it is final. Start a new attempt from the scenario page.');
    if (attempt.mode === 'practice' && openAssessmentOf(this.#store.attempts.of(attempt.username), attempt.scenarioId)) {
      throw new AttemptError(
        'CONFLICT',
        'Your assessment of this scenario is open, so practice on it is paused. Finish or abandon the assessment, then come back.',
      );
    }
  }

  /**
   * Gives an attempt up: it ends where it stands, is final, and counts as not passed (an abandoned
   * assessment is a failed one). A finished attempt cannot be abandoned.
   */
  abandon(attempt: AttemptFile): Promise<AttemptFile> {
    return this.#serialised(attempt.id, async () => {
      if (attempt.finishedAt)
        throw new AttemptError(
          'CONFLICT',
          attempt.abandonedAt ? 'This attempt is already abandoned.' : 'This attempt is finished; only an open attempt can be abandoned.',
        );
      const at = this.#now().toISOString();
      return this.#store.attempts.update(attempt.id, (stored) => {
        stored.finishedAt = at;
        stored.abandonedAt = at;
      });
    });
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
      // The answer replaces its draft in the same write.
      if (event.type === 'answer') delete stored.drafts?.[event.stepId];
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
    const debrief = buildDebrief(
      loaded.scenario,
      snapshot.context,
      currentNode(snapshot),
      scoreOf({ attempt, loaded, snapshot }),
      loaded.senior,
      reviewsOf(attempt),
      decidedMs,
    );
    return { debrief, loaded };
  }

  /** An attempt scored and summarised for progress views; cached until its log or its reviews change. */
  async summary(attempt: AttemptFile): Promise<AttemptSummary> {
    const key = `${attempt.events.length}|${attempt.finishedAt ?? ''}|${Object.values(attempt.reviews)
      .map((review) => review.at)
      .join(',')}`;
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
      variant: variantOf(attempt),
      startedAt: attempt.startedAt,
      finishedAt: attempt.finishedAt,
      abandonedAt: attempt.abandonedAt,
      decidedMs: attempt.events.flatMap((event) => (event.type === 'answer' ? [event.decidedMs] : [])),
      hints: attempt.events.filter((event) => event.type === 'hint').length,
      revision: attempt.revision,
      sealed: isSealed(attempt),
      // An open assessment's score is not even computed here, so no page or export built on summaries can show it.
      score: isSealed(attempt) ? sealedScore() : scoreOf(running),
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
