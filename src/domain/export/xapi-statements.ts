import type { Answer } from '../engine/answer.ts';
import type { Scenario, Step } from '../scenario/schema.ts';
import type { AttemptScore, ScoredDecision } from '../scoring/attempt-score.ts';

/** An xAPI 1.0.3 statement, as much of it as the desk writes. */
export interface XapiStatement {
  id: string;
  actor: { objectType: 'Agent'; name: string; account: { homePage: string; name: string } };
  verb: { id: string; display: Record<string, string> };
  object: { objectType: 'Activity'; id: string; definition: Record<string, unknown> };
  result?: Record<string, unknown>;
  context: Record<string, unknown>;
  timestamp: string;
  version: '1.0.3';
}

/** An attempt with what its statements need: the pinned scenario, its answers in order and its score. */
export interface XapiAttempt {
  id: string;
  username: string;
  name: string;
  scenario: Scenario;
  mode: 'practice' | 'assessment';
  startedAt: string;
  finishedAt?: string;
  /** The trainee gave the attempt up: it ends failed, never completed. */
  abandoned?: boolean;
  answers: { stepId: string; answer: Answer; at: string; decidedMs: number }[];
  /** The latest review's time: a result decided by a review is dated by it. */
  reviewedAt?: string;
  score: AttemptScore;
  /** The pinned scenario revision the attempt ran on. */
  revision: string;
  /** Hints the trainee asked for. */
  hints: number;
}

export interface XapiOptions {
  /** The desk's public address, ending in "/": names people and activities. */
  base: string;
  /** A stable UUID for a key: the same attempt always gives the same statement ids, so resending is harmless. */
  idFor: (key: string) => string;
}

const ADL = 'http://adlnet.gov/expapi/verbs/';
const verb = (name: 'attempted' | 'answered' | 'completed' | 'passed' | 'failed') => ({ id: `${ADL}${name}`, display: { 'en-US': name } });
const en = (text: string) => ({ 'en-US': text });
const INTERACTION: Record<Step['kind'], 'choice' | 'sequencing' | 'long-fill-in'> = {
  choose: 'choice',
  'choose-many': 'choice',
  rank: 'sequencing',
  write: 'long-fill-in',
};

/** ISO 8601 duration with hundredths of a second, as xAPI asks. */
export function isoDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 10) / 100);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = Math.round((total % 60) * 100) / 100;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds || (!hours && !minutes) ? `${seconds}S` : ''}`;
}

/** The trainee's answer as an xAPI response string: `a[,]b` for several choices or an order. */
export function responseOf(answer: Answer): string {
  switch (answer.kind) {
    case 'choose':
      return answer.optionId;
    case 'choose-many':
      return answer.optionIds.join('[,]');
    case 'rank':
      return answer.order.join('[,]');
    case 'write':
      return answer.text;
  }
}

/** The prompt's first line, cut at 100 characters: a name an LRS report can show. */
const shortName = (prompt: string) => {
  const line = prompt.trim().split('\n')[0] ?? prompt;
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
};

/** The interaction's definition: its choices and the senior's answer as the correct response. */
function interactionDefinition(step: Step): Record<string, unknown> {
  const base = {
    name: en(shortName(step.prompt)),
    description: en(step.prompt),
    type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
    interactionType: INTERACTION[step.kind],
  };
  switch (step.kind) {
    case 'choose': {
      const best = step.options.find((option) => option.verdict === 'best');
      return {
        ...base,
        choices: step.options.map((option) => ({ id: option.id, description: en(option.text) })),
        ...(best ? { correctResponsesPattern: [best.id] } : {}),
      };
    }
    case 'choose-many':
      return {
        ...base,
        choices: step.options.map((option) => ({ id: option.id, description: en(option.text) })),
        correctResponsesPattern: [step.answer.join('[,]')],
      };
    case 'rank':
      return { ...base, choices: step.items.map((item) => ({ id: item.id, description: en(item.text) })), correctResponsesPattern: [step.answer.join('[,]')] };
    case 'write':
      return base;
  }
}

/** Every statement an attempt has earned so far: attempted, one answered per decision, completed, then passed or failed once graded. */
export function attemptStatements(attempt: XapiAttempt, options: XapiOptions): XapiStatement[] {
  const { base, idFor } = options;
  const scenarioIri = `${base}scenarios/${attempt.scenario.id}`;
  const scenarioActivity = {
    objectType: 'Activity' as const,
    id: scenarioIri,
    definition: { name: en(attempt.scenario.title), description: en(attempt.scenario.summary), type: 'http://adlnet.gov/expapi/activities/simulation' },
  };
  const actor = { objectType: 'Agent' as const, name: attempt.name, account: { homePage: base, name: attempt.username } };
  const context = (parent: boolean) => ({
    registration: idFor(`${attempt.id}:registration`),
    platform: 'Exception Desk',
    language: 'en-US',
    contextActivities: {
      ...(parent ? { parent: [{ objectType: 'Activity', id: scenarioIri }] } : {}),
      grouping: [
        { objectType: 'Activity', id: `${base}categories/${attempt.scenario.category}`, definition: { type: 'http://id.tincanapi.com/activitytype/category' } },
      ],
    },
    extensions: { [`${base}xapi/mode`]: attempt.mode, [`${base}xapi/attempt`]: attempt.id, [`${base}xapi/revision`]: attempt.revision },
  });
  const statement = (key: string, rest: Omit<XapiStatement, 'id' | 'actor' | 'version' | 'context'>, parent = false): XapiStatement => ({
    id: idFor(`${attempt.id}:${key}`),
    actor,
    ...rest,
    context: context(parent),
    version: '1.0.3',
  });

  const statements: XapiStatement[] = [statement('attempted', { verb: verb('attempted'), object: scenarioActivity, timestamp: attempt.startedAt })];
  attempt.answers.forEach((entry, index) => {
    const step = attempt.scenario.steps[entry.stepId];
    if (!step) return;
    const scored: ScoredDecision | undefined = attempt.score.decisions[index]?.stepId === entry.stepId ? attempt.score.decisions[index] : undefined;
    const graded = scored && scored.score !== null;
    statements.push(
      statement(
        `answered:${index}`,
        {
          verb: verb('answered'),
          object: { objectType: 'Activity', id: `${scenarioIri}/steps/${entry.stepId}`, definition: interactionDefinition(step) },
          result: {
            response: responseOf(entry.answer),
            duration: isoDuration(entry.decidedMs),
            ...(graded ? { score: { scaled: Math.round((scored.score ?? 0) * 10000) / 10000 } } : {}),
            ...(graded && step.kind !== 'write' ? { success: scored.score === 1 && !scored.critical } : {}),
            extensions: {
              [`${base}xapi/critical`]: scored?.critical ?? false,
              ...(scored?.routing
                ? { [`${base}xapi/routing`]: { chosen: scored.routing.chosen, senior: scored.routing.senior, escalation: scored.routing.escalation } }
                : {}),
            },
          },
          timestamp: entry.at,
        },
        true,
      ),
    );
  });
  if (!attempt.finishedAt) return statements;
  const { score } = attempt.score;
  const scoreResult = { scaled: Math.round(score * 10) / 1000, raw: score, min: 0, max: 100 };
  const duration = isoDuration(Date.parse(attempt.finishedAt) - Date.parse(attempt.startedAt));
  if (attempt.abandoned) {
    statements.push(
      statement('abandoned', {
        verb: verb('failed'),
        object: scenarioActivity,
        result: { success: false, completion: false, duration, score: scoreResult },
        timestamp: attempt.finishedAt,
      }),
    );
    return statements;
  }
  statements.push(
    statement('completed', {
      verb: verb('completed'),
      object: scenarioActivity,
      result: { completion: true, duration, score: scoreResult, extensions: { [`${base}xapi/hints`]: attempt.hints } },
      timestamp: attempt.finishedAt,
    }),
  );
  if (attempt.score.pendingReview.length) return statements;
  const graded = attempt.reviewedAt && attempt.reviewedAt > attempt.finishedAt ? attempt.reviewedAt : attempt.finishedAt;
  statements.push(
    statement(`result:${graded}`, {
      verb: verb(attempt.score.passed ? 'passed' : 'failed'),
      object: scenarioActivity,
      result: {
        success: attempt.score.passed,
        completion: true,
        duration,
        score: scoreResult,
        extensions: { [`${base}xapi/critical`]: attempt.score.critical },
      },
      timestamp: graded,
    }),
  );
  return statements;
}
