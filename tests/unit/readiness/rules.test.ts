// The readiness rules one by one, then the verdict and the next scenario they lead to.
import { describe, expect, test } from 'vitest';
import { readinessPolicySchema, type ReadinessPolicy } from '../../../src/domain/readiness/policy.ts';
import { evidenceOf } from '../../../src/domain/readiness/evidence.ts';
import { categoryLine } from '../../../src/domain/readiness/rules/category.ts';
import { criticalErrorsLine } from '../../../src/domain/readiness/rules/critical-errors.ts';
import { routingLine } from '../../../src/domain/readiness/rules/routing.ts';
import { writtenAnswersLine } from '../../../src/domain/readiness/rules/written-answers.ts';
import { signOffLine } from '../../../src/domain/readiness/rules/sign-off.ts';
import { orderLines, verdictOf } from '../../../src/domain/readiness/verdict.ts';
import { assessReadiness } from '../../../src/domain/readiness/readiness.ts';
import type { ChecklistLine } from '../../../src/domain/readiness/types.ts';
import { context, routed, summary, written } from './summaries.ts';

const policy: ReadinessPolicy = readinessPolicySchema.parse({
  categories: { required: ['credit-limit', 'edi-failure'] },
  criticalErrors: {},
  routing: {},
  writtenAnswers: {},
});
const categories = policy.categories;
const assessments = (...list: ReturnType<typeof summary>[]) => evidenceOf(list).assessments;

describe('evidence', () => {
  test('only finished assessments count, oldest first', () => {
    const late = summary({ score: 90 });
    const practice = summary({ mode: 'practice' });
    const open = summary({ finished: false });
    const early = { ...summary({ score: 70 }), finishedAt: '2026-09-01T00:00:00.000Z' };
    expect(evidenceOf([late, practice, open, early]).assessments.map((entry) => entry.score.score)).toEqual([70, 90]);
  });
});

describe('category rule', () => {
  test('a passed assessment and a mean of 80 or more over the last three meets it', () => {
    const line = categoryLine(
      categories,
      'credit-limit',
      assessments(summary({ score: 60, passed: false }), summary({ score: 82 }), summary({ score: 84 }), summary({ score: 90 })),
      context,
    );
    expect(line).toMatchObject({ met: true, title: 'Credit limit exceeded', detail: '3 passed assessments; mean 85 over the last 3 assessments.' });
    expect(line.requirement).toBe('A passed assessment and a mean of 80 or more over the last 3 assessments');
  });

  test('the mean looks at the last three only: an old failure stops counting', () => {
    const old = summary({ score: 20, passed: false });
    expect(categoryLine(categories, 'credit-limit', assessments(old, summary({ score: 81 })), context).met).toBe(false);
    expect(
      categoryLine(categories, 'credit-limit', assessments(old, summary({ score: 81 }), summary({ score: 81 }), summary({ score: 81 })), context).met,
    ).toBe(true);
  });

  test('a high mean without a passed assessment is not enough (a critical error fails an attempt whatever its score)', () => {
    const line = categoryLine(categories, 'credit-limit', assessments(summary({ score: 92, passed: false, critical: true })), context);
    expect(line).toMatchObject({ met: false, detail: '0 passed assessments; mean 92 over the last 1 assessment.' });
  });

  test("no assessment yet names the category's easiest scenario to practise", () => {
    const line = categoryLine(categories, 'credit-limit', assessments(summary({ category: 'edi-failure' })), context);
    expect(line).toMatchObject({ met: false, detail: 'No assessment in this category yet.', practise: 'credit-limit-easy' });
  });

  test('repeats of one case count once: the same variant passed three times is one pass, and its mean is its latest score', () => {
    const strict = { ...categories, passedAssessments: 2 };
    const sameCase = (score: number) => summary({ scenarioId: 'credit-limit-case', variant: 'wire-short', score });
    const repeated = categoryLine(strict, 'credit-limit', assessments(sameCase(70), sameCase(95), sameCase(96)), context);
    expect(repeated).toMatchObject({
      met: false,
      detail: '1 passed assessment; mean 96 over the last 1 assessment (2 repeats of a case already assessed not counted).',
    });
    const twoVariants = categoryLine(
      strict,
      'credit-limit',
      assessments(sameCase(95), summary({ scenarioId: 'credit-limit-case', variant: 'wire-covers', score: 88 })),
      context,
    );
    expect(twoVariants).toMatchObject({ met: true, detail: '2 passed assessments; mean 92 over the last 2 assessments.' });
  });

  test('practice never counts toward it', () => {
    expect(categoryLine(categories, 'credit-limit', evidenceOf([summary({ mode: 'practice', score: 100 })]).assessments, context).met).toBe(false);
  });

  test('a scenario already passed is suggested after one not passed yet', () => {
    const line = categoryLine(
      categories,
      'credit-limit',
      assessments(summary({ scenarioId: 'credit-limit-easy', score: 90 }), summary({ scenarioId: 'credit-limit-case', score: 40, passed: false })),
      context,
    );
    expect(line.practise).toBe('credit-limit-case');
  });
});

describe('critical errors rule', () => {
  const rule = { lastAssessments: 5, allowed: 0 };
  test('a critical error in the last five fails it and names the case to redo', () => {
    const line = criticalErrorsLine(rule, assessments(summary({ scenarioId: 'edi-failure-case', critical: true }), summary(), summary()), context);
    expect(line).toMatchObject({ met: false, practise: 'edi-failure-case', detail: '1 critical error in the last 3 assessments: "New store, no ship-to".' });
  });

  test('a critical error six assessments ago no longer counts', () => {
    const list = [summary({ critical: true }), ...Array.from({ length: 5 }, () => summary())];
    expect(criticalErrorsLine(rule, assessments(...list), context)).toMatchObject({ met: true, detail: 'None in the last 5 assessments.' });
  });

  test('the policy may allow some', () => {
    expect(criticalErrorsLine({ lastAssessments: 5, allowed: 1 }, assessments(summary({ critical: true })), context).met).toBe(true);
  });
});

describe('routing rule', () => {
  const rule = { lastDecisions: 20, accuracy: 85 };
  const many = (count: number, escalation: 'match' | 'over' | 'under' = 'match') => Array.from({ length: count }, () => routed(escalation));

  test('85% over the last twenty routed decisions meets it', () => {
    const line = routingLine(rule, assessments(summary({ decisions: [...many(3, 'over'), ...many(17)] })));
    expect(line).toMatchObject({ met: true, detail: '85% over the last 20 routed decisions; 3 sent higher than needed.' });
  });

  test('below 85% fails it, counts over- and under-escalation, and names the case misrouted most', () => {
    const line = routingLine(
      rule,
      assessments(
        summary({ scenarioId: 'credit-limit-case', decisions: many(16) }),
        summary({ scenarioId: 'edi-failure-case', decisions: [...many(3, 'over'), routed('under')] }),
      ),
    );
    expect(line).toMatchObject({
      met: false,
      practise: 'edi-failure-case',
      detail: '80% over the last 20 routed decisions; 3 sent higher than needed, 1 kept at the desk that belonged elsewhere.',
    });
  });

  test('only the last twenty count: early mistakes fade', () => {
    expect(routingLine(rule, assessments(summary({ decisions: many(10, 'over') }), summary({ decisions: many(20) }))).met).toBe(true);
  });

  test('fewer than twenty is not enough evidence, and says so', () => {
    const line = routingLine(rule, assessments(summary({ decisions: many(8) })));
    expect(line).toMatchObject({ met: false, needsMoreEvidence: true, detail: '100% so far, but only 8 routed decisions of the 20 the rule needs.' });
  });

  test('no routed decision at all', () => {
    expect(routingLine(rule, [])).toMatchObject({ met: false, needsMoreEvidence: true, detail: 'No routed decision in an assessment yet.' });
  });
});

describe('written answers rule', () => {
  const rule = { allReviewed: true, rubricShare: 70 };
  test('every answer reviewed, averaging 70% of the rubric, meets it', () => {
    expect(writtenAnswersLine(rule, assessments(summary({ decisions: [written(0.6)] }), summary({ decisions: [written(0.8)] })), context)).toMatchObject({
      met: true,
      detail: '70% of the rubric on average over 2 reviewed answers.',
    });
  });

  test('an answer waiting for review fails it until a senior grades it, with nothing to practise', () => {
    const line = writtenAnswersLine(rule, assessments(summary({ decisions: [written(1)] }), summary({ decisions: [written(null)] })), context);
    expect(line).toMatchObject({
      met: false,
      practise: undefined,
      detail: "100% of the rubric on average over 1 reviewed answer; 1 answer waiting for a senior's review.",
    });
  });

  test('a policy that does not ask for every review ignores the waiting ones', () => {
    expect(writtenAnswersLine({ allReviewed: false, rubricShare: 70 }, assessments(summary({ decisions: [written(1), written(null)] })), context).met).toBe(
      true,
    );
  });

  test("a low average names the weakest answer's case", () => {
    const line = writtenAnswersLine(
      rule,
      assessments(summary({ scenarioId: 'edi-failure-case', decisions: [written(0.25)] }), summary({ decisions: [written(0.75)] })),
      context,
    );
    expect(line).toMatchObject({ met: false, practise: 'edi-failure-case' });
  });

  test('no written answer yet fails it and names a case with one', () => {
    expect(writtenAnswersLine(rule, assessments(summary({ decisions: [routed()] })), context)).toMatchObject({
      met: false,
      detail: 'No written answer in an assessment yet.',
      practise: 'edi-failure-case',
    });
  });
});

describe('sign-off rule', () => {
  test('not required: no line at all', () => {
    expect(signOffLine(policy, [], context)).toBeUndefined();
  });

  test('any category: one sign-off by a senior is enough', () => {
    const any = { ...policy, signOff: 'any-category' as const };
    expect(signOffLine(any, [], context)?.met).toBe(false);
    expect(signOffLine(any, [{ category: 'edi-failure', by: 'sam' }], context)).toMatchObject({ met: true, detail: 'Signed off by sam for EDI order failed.' });
  });

  test('each required category: the missing ones are named', () => {
    const each = { ...policy, signOff: 'each-required-category' as const };
    expect(signOffLine(each, [{ category: 'edi-failure', by: 'sam' }], context)).toMatchObject({
      met: false,
      detail: 'Not signed off yet for Credit limit exceeded.',
    });
  });
});

describe('verdict', () => {
  const line = (rule: ChecklistLine['rule'], met: boolean): ChecklistLine => ({ rule, met, title: rule, requirement: '', detail: '' });

  test('ready when every line is met', () => {
    expect(verdictOf([line('category', true), line('routing', true)], policy.close)).toBe('ready');
  });

  test('close with up to two unmet lines', () => {
    expect(verdictOf([line('category', false), line('routing', false), line('written-answers', true)], policy.close)).toBe('close');
    expect(verdictOf([line('category', false), line('category', false), line('routing', false)], policy.close)).toBe('not yet');
  });

  test('never close with a recent critical error', () => {
    expect(verdictOf([line('critical-errors', false)], policy.close)).toBe('not yet');
  });

  test('unmet lines come first, a critical error before routing before categories; lines short of evidence after them', () => {
    const lines = [
      line('category', false),
      line('written-answers', true),
      { ...line('routing', false), needsMoreEvidence: true },
      line('critical-errors', false),
    ];
    expect(orderLines(lines).map((entry) => entry.rule)).toEqual(['critical-errors', 'category', 'routing', 'written-answers']);
  });
});

describe('assessReadiness', () => {
  const strong = () => [
    summary({ category: 'credit-limit', score: 88, decisions: [...Array.from({ length: 10 }, () => routed()), written(0.8)] }),
    summary({ category: 'edi-failure', scenarioId: 'edi-failure-case', score: 91, decisions: Array.from({ length: 10 }, () => routed()) }),
  ];

  test('a trainee who meets everything is ready, and is pointed at the case assessed least', () => {
    const readiness = assessReadiness(policy, strong(), [], context);
    expect(readiness.verdict).toBe('ready');
    expect(readiness.reasons).toEqual(['Meets every line of the readiness policy.']);
    expect(readiness.next).toEqual({ scenarioId: 'credit-limit-easy', why: 'Not assessed yet: keeps practice broad.' });
  });

  test('one category short is close, with that category as the reason and its scenario next', () => {
    const readiness = assessReadiness(
      policy,
      [
        ...strong(),
        summary({ category: 'edi-failure', scenarioId: 'edi-failure-case', score: 40, passed: false }),
        summary({ category: 'edi-failure', scenarioId: 'edi-failure-case', score: 50, passed: false }),
      ],
      [],
      context,
    );
    expect(readiness.verdict).toBe('close');
    expect(readiness.reasons).toEqual(['EDI order failed: 1 passed assessment; mean 60 over the last 3 assessments.']);
    expect(readiness.next?.scenarioId).toBe('edi-failure-case');
  });

  test('a new trainee is not yet, and every line says why', () => {
    const readiness = assessReadiness(policy, [], [], context);
    expect(readiness.verdict).toBe('not yet');
    expect(readiness.reasons).toMatchInlineSnapshot(`
      [
        "Credit limit exceeded: No assessment in this category yet.",
        "EDI order failed: No assessment in this category yet.",
        "Written answers: No written answer in an assessment yet.",
        "Routing: No routed decision in an assessment yet.",
      ]
    `);
    expect(readiness.next?.scenarioId).toBe('credit-limit-easy');
  });

  test('a section left out of the policy is not applied', () => {
    const lenient = readinessPolicySchema.parse({ categories: { required: ['credit-limit'] } });
    expect(assessReadiness(lenient, [summary({ score: 90 })], [], context).verdict).toBe('ready');
  });
});

describe('nextScenario for a trainee with no assessment yet', () => {
  test('points at a foundation case, in the category the checklist asks for first, never a harder one', () => {
    const readiness = assessReadiness(policy, [], [], context);
    const next = context.scenarios.find((scenario) => scenario.id === readiness.next?.scenarioId);
    expect(next?.level).toBe(Math.min(...context.scenarios.map((scenario) => scenario.level)));
    expect(readiness.next?.why).toMatch(/^A foundation case to start with/);
  });
  test('skips a first category that holds only harder cases', () => {
    const harder = { ...context, scenarios: context.scenarios.filter((scenario) => scenario.id !== 'credit-limit-easy') };
    expect(assessReadiness(policy, [], [], harder).next?.scenarioId).toBe('edi-failure-case');
  });
});
