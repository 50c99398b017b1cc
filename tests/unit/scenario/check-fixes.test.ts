// The check as an author meets it: every error in one run, loops blamed where they close, endings no
// condition lets through, "Did you mean" for routes, and the giveaway-length warning.
import { describe, expect, test } from 'vitest';
import { checkText, fixtureText } from '../../support/scenarios.ts';
import { transition } from 'xstate';
import { compileScenario, submitAnswer, startAttempt, currentNode } from '../../../src/domain/engine/machine.ts';
import { resolveAnswer } from '../../../src/domain/engine/resolve.ts';
import { choose, loadFixture } from '../../support/scenarios.ts';
import { edit, where } from './text-edits.ts';

const minimal = fixtureText('minimal.yaml');
const kitchenSink = fixtureText('kitchen-sink.yaml');
const findingsOf = (text: string, fileId = 'kitchen-sink') => checkText(text, fileId).findings;
const codes = (text: string, fileId = 'kitchen-sink') => findingsOf(text, fileId).map((finding) => finding.code);

describe('every error of a file that parses, in one run', () => {
  test('a bad verdict, a dangling next and an unknown route are all reported together', () => {
    const broken = edit(
      kitchenSink,
      ['verdict: wrong\n        why: Sales has no credit', 'verdict: wrnog\n        why: Sales has no credit'],
      ['next: sales-bounces', 'next: sales-bounce'],
      ['route: credit\n        verdict: best', 'route: credti\n        verdict: best'],
    );
    const findings = findingsOf(broken);
    expect(findings.map((finding) => [finding.code, finding.line, finding.column])).toEqual([
      ['schema-invalid_value', where(broken, 'wrnog').line, where(broken, 'wrnog').column],
      ['unknown-target', where(broken, 'sales-bounce\n').line, where(broken, 'sales-bounce\n').column],
      ['unknown-reference', where(broken, 'credti').line, where(broken, 'credti').column],
    ]);
    expect(findings[1]?.message).toContain('Did you mean "sales-bounces"?');
    expect(findings[2]?.message).toContain('Did you mean "credit"?');
  });

  test('an unknown key and a missing text in one option do not hide an unknown document elsewhere', () => {
    const broken = edit(
      minimal,
      ['{ id: guess, text: Correct it from memory., verdict: wrong,', '{ id: guess, verdict: wrong, colour: red,'],
      ['prompt: Who needs to hear about the change?', 'prompt: Who needs to hear about the change?\n    reveal: [po-scan]'],
    );
    expect(codes(broken, 'minimal').sort()).toEqual(['schema-invalid_type', 'schema-unrecognized_keys', 'unknown-document'].sort());
  });

  test("a misspelt kind is reported, and the step's own mistakes with it", () => {
    const broken = edit(kitchenSink, ['kind: choose-many', 'kind: chose-many'], ['answer: [credit, am]', 'answer: [credit, ams]']);
    const findings = findingsOf(broken);
    expect(findings.filter((finding) => finding.severity === 'error')).toHaveLength(2);
    expect(findings.find((finding) => finding.code.startsWith('schema-'))?.message).toContain('Did you mean "choose-many"?');
    expect(findings.find((finding) => finding.code === 'unknown-option')?.message).toContain('Did you mean "am"?');
  });

  test('a typo in a target does not also report the step it was meant for as unreachable', () => {
    const broken = edit(kitchenSink, ['        goto: late-ship', '        goto: late-shipped']);
    expect(codes(broken)).toEqual(['unknown-target']);
  });
});

describe('a senior path that loops', () => {
  test('is blamed on the option whose next closes the loop, not on the step header', () => {
    const looped = edit(kitchenSink, ['        reveal: [ar-ledger]\n        next: loop-in', '        reveal: [ar-ledger]\n        next: first-look']);
    const findings = findingsOf(looped).filter((finding) => finding.severity === 'error');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'senior-path',
      line: where(looped, 'next: first-look').line,
      column: where(looped, 'next: first-look').column + 6,
    });
    expect(findings[0]?.message).toContain('leads back to step "first-look"');
  });

  test('through a branch list, is blamed on the branch taken', () => {
    const looped = edit(kitchenSink, [
      '      - when: { scoreAtLeast: 0.8 }\n        goto: queue',
      '      - when: { scoreAtLeast: 0.8 }\n        goto: first-look',
    ]);
    const [finding] = findingsOf(looped).filter((entry) => entry.code === 'senior-path');
    expect(finding).toMatchObject({ line: where(looped, 'goto: first-look').line, column: where(looped, 'goto: first-look').column + 6 });
  });
});

describe('parts no play can reach because of their conditions', () => {
  test('a minutesAtLeast longer than any path runs warns at the condition, naming the ending', () => {
    const late = edit(kitchenSink, ['when: { minutesAtLeast: 100 }', 'when: { minutesAtLeast: 370 }']);
    const findings = findingsOf(late);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', code: 'unreachable-by-conditions' });
    expect(findings[0]?.message).toMatch(
      /^Ending "late-ship" can never be reached: .*"minutesAtLeast: 370" needs 370 simulated minutes, but no path has spent more than \d+/,
    );
    expect(findings[0]?.line).toBe(where(late, 'minutesAtLeast: 370').line);
  });

  test('a condition some play meets is left alone, however long the path to it', () => {
    // The fixture's late-ship ending needs 100 minutes, which only the long detour spends.
    expect(findingsOf(kitchenSink)).toEqual([]);
    expect(findingsOf(edit(kitchenSink, ['when: { minutesAtLeast: 100 }', 'when: { minutesAtLeast: 40 }']))).toEqual([]);
  });

  test('a scoreAtLeast that the option leading there can never score warns too', () => {
    const never = edit(
      kitchenSink,
      [
        '        verdict: critical\n        why: Only credit may release a credit hold. This is a control breach.\n        effect: { minutes: 5, dollars: 2500 }\n        next: released-wrongly',
        '        verdict: critical\n        why: Only credit may release a credit hold. This is a control breach.\n        effect: { minutes: 5, dollars: 2500 }\n        next:\n          - when: { scoreAtLeast: 0.5 }\n            goto: released-wrongly\n          - goto: missed',
      ],
      ['      - when: { chose: release }\n        goto: released-wrongly\n', ''],
    );
    const findings = findingsOf(never);
    expect(findings).toMatchObject([{ code: 'unreachable-by-conditions', line: where(never, 'scoreAtLeast: 0.5').line }]);
    expect(findings[0]?.message).toContain('"scoreAtLeast: 0.5" can never hold: this answer scores 0');
  });
});

describe('Did you mean for routes', () => {
  test("a route written as its label's words finds the route", () => {
    const broken = edit(kitchenSink, ['route: sales\n        verdict: wrong', 'route: account-manager\n        verdict: wrong']);
    expect(findingsOf(broken)[0]?.message).toBe('"account-manager" is not a route in taxonomy.yaml. Did you mean "sales" (Sales / account manager)?');
  });
});

describe('the giveaway-length warning', () => {
  const step = (best: string, others: string[]) =>
    edit(minimal, [
      `      - { id: compare, text: Compare it with the PO., verdict: best, why: The PO is the source., next: fix }
      - { id: guess, text: Correct it from memory., verdict: wrong, why: Memory is not a source., next: fix }
      - { id: force, text: Override validation., verdict: critical, why: The carrier returns it., next: returned }`,
      [
        `      - { id: compare, text: "${best}", verdict: best, why: The PO is the source., next: fix }`,
        ...others.map((text, index) => `      - { id: other-${index}, text: "${text}", verdict: wrong, why: No., next: ${index === 0 ? 'fix' : 'returned'} }`),
      ].join('\n'),
    ]);
  const giveaways = (text: string) => findingsOf(text, 'minimal').filter((finding) => finding.code === 'giveaway-length');
  const ofLength = (length: number) => 'x'.repeat(length);

  test('the best option longer than every other by more than 10% of its own length warns at the step', () => {
    const text = step(ofLength(100), [ofLength(89), ofLength(50)]);
    expect(giveaways(text)).toMatchObject([{ severity: 'warning', ...where(text, 'look:') }]);
    expect(giveaways(text)[0]?.message).toContain('(100 characters; the next longest, "other-0", has 89)');
    expect(giveaways(text)[0]?.message).toContain('as long and as careful-sounding as the best answer');
  });

  test('exactly 10% longer, or tied for longest, does not warn', () => {
    expect(giveaways(step(ofLength(100), [ofLength(90), ofLength(50)]))).toEqual([]);
    expect(giveaways(step(ofLength(100), [ofLength(100), ofLength(50)]))).toEqual([]);
  });

  test('the best option shorter than every other by more than 10% of the next shortest warns too', () => {
    expect(giveaways(step(ofLength(89), [ofLength(100), ofLength(120)]))[0]?.message).toContain(
      'is the shortest by far (89 characters; the next shortest, "other-0", has 100)',
    );
    expect(giveaways(step(ofLength(90), [ofLength(100), ofLength(120)]))).toEqual([]);
  });

  test('on a choose-many step, every answer option longer than every other warns; one short one in the answer does not', () => {
    const many = (answerTexts: string[], otherTexts: string[]) =>
      edit(kitchenSink, [
        `      - { id: credit, text: Credit analyst on duty, route: credit, why: Credit decides. }
      - { id: am, text: The account manager, route: sales, why: Sales owns the customer conversation. }
      - { id: warehouse, text: The warehouse lead, route: fulfillment }
      - { id: release, text: Release it yourself and tell credit later, route: self, critical: true }`,
        `      - { id: credit, text: "${answerTexts[0]}", route: credit }
      - { id: am, text: "${answerTexts[1]}", route: sales }
      - { id: warehouse, text: "${otherTexts[0]}", route: fulfillment }
      - { id: release, text: "${otherTexts[1]}", route: self, critical: true }`,
      ]);
    const warned = (text: string) => findingsOf(text).filter((finding) => finding.code === 'giveaway-length');
    const text = many([ofLength(40), ofLength(41)], [ofLength(39), ofLength(20)]);
    expect(warned(text)).toMatchObject([{ ...where(text, 'loop-in:') }]);
    expect(warned(text)[0]?.message).toContain('the shortest in the answer has 40 characters; the longest outside it, 39');
    expect(warned(many([ofLength(40), ofLength(20)], [ofLength(39), ofLength(20)]))).toEqual([]);
  });
});

describe('the engine works each answer out once', () => {
  test('the machine works nothing out again: it moves by, and keeps, the resolution it is sent', () => {
    const scenario = loadFixture('kitchen-sink');
    const machine = compileScenario(scenario);
    const start = startAttempt(machine, 'practice');
    const resolution = resolveAnswer(scenario, start.context, 'first-look', choose('check-cash'));
    if (!resolution.ok) throw new Error(resolution.reason);
    // A resolution no real answer gives: were the machine to resolve the answer itself, it would not follow it.
    const marked = { decision: { ...resolution.decision, next: 'sales-bounces' }, context: { ...resolution.context, minutes: 999 } };
    const [moved] = transition(machine, start, { type: 'answer.resolved', resolution: marked });
    expect(currentNode(moved)).toBe('sales-bounces');
    expect(moved.context.minutes).toBe(999);
    // A resolution for another step, or to a place this step cannot lead, does not move the attempt.
    expect(
      currentNode(transition(machine, start, { type: 'answer.resolved', resolution: { ...marked, decision: { ...marked.decision, stepId: 'queue' } } })[0]),
    ).toBe('first-look');
    expect(
      currentNode(transition(machine, start, { type: 'answer.resolved', resolution: { ...marked, decision: { ...marked.decision, next: 'queue' } } })[0]),
    ).toBe('first-look');
  });

  test('submitAnswer resolves the answer and the machine records exactly that decision', () => {
    const scenario = loadFixture('kitchen-sink');
    const machine = compileScenario(scenario);
    const start = startAttempt(machine, 'practice');
    const expected = resolveAnswer(scenario, start.context, 'first-look', choose('check-cash'));
    const submitted = submitAnswer(scenario, machine, start, 'first-look', choose('check-cash'));
    expect(submitted.ok).toBe(true);
    expect(expected.ok && submitted.snapshot.context).toEqual(expected.ok ? expected.context : undefined);
    expect(currentNode(submitted.snapshot)).toBe('loop-in');
  });
});
