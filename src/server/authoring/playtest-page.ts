import type { LoadedVariant, ScenarioCatalog } from '../scenarios/catalog.ts';
import { authorVariants, type AuthorVariants } from './author-variants.ts';
import { answerFromForm, readPlaytestPost } from './playtest-form.ts';
import { authorFile } from './author-files.ts';
import { replayPlaytest, MAX_PLAYTEST_MOVES, type PlaytestMove } from '../../domain/authoring/playtest.ts';
import { stepKey, type StepKey } from '../../domain/authoring/answer-key.ts';
import { currentNode } from '../../domain/engine/machine.ts';
import type { AttemptContext, DecisionRecord } from '../../domain/engine/context.ts';
import { traineeView, answerTexts, type TraineeView } from '../../domain/view/trainee-view.ts';
import { scoreAttempt, type AttemptScore } from '../../domain/scoring/attempt-score.ts';
import type { ChooseOption, Ending, Scenario, Step } from '../../domain/scenario/schema.ts';

/** What the playtest page was asked: where to start, and (a POST) how to read the posted form. */
export interface PlaytestRequest {
  from: string | null;
  /** The case variant to play; the first when none (or an unknown one) is named. */
  variant?: string | null;
  /** Called only once the file is found: a not-found page is a rewrite, which needs the body unread. */
  readForm?: () => Promise<FormData>;
}

/** The decision just made, as the playtest shows it with its key. */
export interface PlaytestLast {
  decision: DecisionRecord;
  texts: string[];
  /** The chosen option, for a choose step. */
  option?: ChooseOption;
  why?: string;
}

/** Everything the playtest page renders; `status` is 400 when the post could not be applied. */
export interface PlaytestPage {
  fileId: string;
  /** The variant played: its resolved scenario, machine and senior path. */
  loaded: LoadedVariant;
  variants: AuthorVariants;
  status: 200 | 400;
  problem?: string;
  from: string;
  /** The playtest starts where the senior path passes, with the world as it leaves it there. */
  fromSeniorPath: boolean;
  moves: PlaytestMove[];
  stepIds: string[];
  node: string;
  context: AttemptContext;
  view: TraineeView;
  step?: Step;
  key?: StepKey;
  ending?: Ending;
  score?: AttemptScore;
  last?: PlaytestLast;
}

/** The moves after the post: an undo drops the last, an answer is read by its step's kind and added. */
function applyPost(loaded: LoadedVariant, form: FormData, from: string): { from: string; moves: PlaytestMove[]; problem?: string } {
  const post = readPlaytestPost(form, from);
  if (post.problem) return post;
  if (post.intent === 'undo') return { from: post.from, moves: post.moves.slice(0, -1) };
  const step = post.stepId ? loaded.scenario.steps[post.stepId] : undefined;
  const answer = step ? answerFromForm(step, form) : { problem: 'That step is not in this scenario any more.' };
  if ('problem' in answer) return { from: post.from, moves: post.moves, problem: answer.problem };
  if (post.moves.length >= MAX_PLAYTEST_MOVES)
    return { from: post.from, moves: post.moves, problem: `A playtest keeps at most ${MAX_PLAYTEST_MOVES} answers; start again.` };
  return { from: post.from, moves: [...post.moves, { stepId: post.stepId ?? '', answer: answer.answer }] };
}

function lastDecision(loaded: LoadedVariant, context: AttemptContext): PlaytestLast | undefined {
  const decision = context.decisions.at(-1);
  if (!decision) return undefined;
  const step = loaded.scenario.steps[decision.stepId];
  const answer = decision.answer;
  const option = step?.kind === 'choose' && answer.kind === 'choose' ? step.options.find((candidate) => candidate.id === answer.optionId) : undefined;
  return {
    decision,
    texts: answerTexts(loaded.scenario, decision.stepId, answer),
    option,
    why: option?.why ?? (step && step.kind !== 'choose' ? step.why : undefined),
  };
}

/** The variants a playtest runs: a draft's (checked, without errors), or the served file's; undefined when neither. */
function playtestVariants(catalog: ScenarioCatalog, fileId: string, request: PlaytestRequest, draft: Scenario | undefined): AuthorVariants | undefined {
  if (draft) return authorVariants(catalog, draft, false, request.variant);
  const file = authorFile(catalog, fileId);
  if (!file?.checked.scenario || !file.served || !catalog.current(file.checked.scenario.id)) return undefined;
  return authorVariants(catalog, file.checked.scenario, file.served, request.variant);
}

/**
 * A playtest of a served scenario file, or of a draft when `draft` (its checked scenario) is given,
 * replayed from the moves the form carried (plus the one posted): never stored, so nothing counts toward
 * anyone's progress. Undefined when the file is not served (and no draft is given).
 */
export async function playtestPage(
  catalog: ScenarioCatalog,
  fileId: string,
  request: PlaytestRequest,
  seed: string,
  draft?: Scenario,
): Promise<PlaytestPage | undefined> {
  const variants = playtestVariants(catalog, fileId, request, draft);
  if (!variants) return undefined;
  const loaded = variants.shown;
  const { scenario, machine, senior } = loaded;
  let from = request.from ?? scenario.start;
  let moves: PlaytestMove[] = [];
  let problem: string | undefined;
  if (request.readForm) ({ from, moves, problem } = applyPost(loaded, await request.readForm(), from));
  if (!scenario.steps[from]) from = scenario.start;
  const replay = replayPlaytest(scenario, machine, senior, from, moves);
  if (!replay.ok) {
    problem = `Answer ${replay.applied + 1} no longer fits (${replay.reason}), so the playtest stops before it.`;
    moves = moves.slice(0, replay.applied);
  }
  const { context } = replay.snapshot;
  const node = currentNode(replay.snapshot);
  const step = scenario.steps[node];
  const ending = scenario.endings[node];
  return {
    fileId,
    loaded,
    variants,
    status: problem ? 400 : 200,
    problem,
    from,
    fromSeniorPath: senior.decisions.some((decision) => decision.stepId === from),
    moves,
    stepIds: Object.keys(scenario.steps),
    node,
    context,
    view: traineeView(scenario, node, context, seed),
    step,
    key: step ? stepKey(scenario, node, step) : undefined,
    ending,
    score: ending ? scoreAttempt(scenario, senior, context, node, {}) : undefined,
    last: lastDecision(loaded, context),
  };
}
