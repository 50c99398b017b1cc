// Case variants: the overlay rules, placeholders and the check run once per variant.
import { describe, expect, test } from 'vitest';
import { applyOverlay } from '../../../src/domain/scenario/overlay.ts';
import { fillPlaceholders, placeholdersIn, valueText } from '../../../src/domain/scenario/placeholders.ts';
import { resolveVariant, scenarioVariants, variantIdOf } from '../../../src/domain/scenario/variants.ts';
import { checkText, fixtureText, lines, loadFixture, play, choose } from '../../support/scenarios.ts';
import { currentNode } from '../../../src/domain/engine/machine.ts';
import { seniorPath } from '../../../src/domain/engine/senior-path.ts';
import { edit, where } from './text-edits.ts';

const wire = fixtureText('wire-variants.yaml');
const report = (text: string) => lines('wire-variants.yaml', checkText(text, 'wire-variants').findings);

describe('the overlay rules', () => {
  const base = {
    title: 'Base',
    setting: { clock: '2026-01-01T09:00', sentiment: 50 },
    case: {
      customer: { name: 'A', creditLimit: 100 },
      lines: [
        { sku: 'A-1', qty: 1 },
        { sku: 'A-2', qty: 2 },
        { sku: 'A-3', qty: 3 },
      ],
      holds: [
        { code: 'CR', message: 'Credit' },
        { code: 'DP', message: 'Denied party' },
      ],
      documents: [
        { id: 'one', body: 'One' },
        { id: 'two', body: 'Two' },
      ],
    },
    steps: {
      s: {
        kind: 'choose',
        reveal: ['one'],
        options: [
          { id: 'a', verdict: 'best', effect: { minutes: 5, dollars: 9 }, next: 'end' },
          { id: 'b', verdict: 'weak', next: 'end' },
        ],
      },
    },
    endings: { end: { result: 'resolved', text: 'Done' } },
  };
  const overlaid = (overlay: Record<string, unknown>) => applyOverlay(base, overlay, ['variants', 0]);

  test('a mapping merges key by key, recursively, and a scalar replaces', () => {
    const { data } = overlaid({ case: { customer: { creditLimit: 200 } }, setting: { sentiment: 20 } });
    expect(data.case).toMatchObject({ customer: { name: 'A', creditLimit: 200 } });
    expect(data.setting).toEqual({ clock: '2026-01-01T09:00', sentiment: 20 });
    expect(data.title).toBe('Base');
  });

  test('items with an id merge by id; a new id is added at the end; remove: true drops one', () => {
    const { data, problems } = overlaid({
      case: {
        documents: [
          { id: 'two', body: 'Two, changed' },
          { id: 'three', kind: 'note', body: 'Three' },
          { id: 'one', remove: true },
        ],
      },
      steps: {
        s: {
          options: [
            { id: 'a', verdict: 'weak', effect: { minutes: 50 } },
            { id: 'b', verdict: 'best' },
          ],
        },
      },
    });
    expect(problems).toEqual([]);
    expect((data.case as { documents: unknown[] }).documents).toEqual([
      { id: 'two', body: 'Two, changed' },
      { id: 'three', kind: 'note', body: 'Three' },
    ]);
    const options = (data.steps as { s: { options: unknown[] } }).s.options;
    // The option's effect is a mapping, so it merges: the base's dollars stay.
    expect(options).toEqual([
      { id: 'a', verdict: 'weak', effect: { minutes: 50, dollars: 9 }, next: 'end' },
      { id: 'b', verdict: 'best', next: 'end' },
    ]);
  });

  test('order lines merge by line number, a base line without one counting 10, 20, 30; holds merge by code', () => {
    const { data } = overlaid({
      case: {
        lines: [
          { line: 20, qty: 20 },
          { line: 15, sku: 'A-1B', qty: 1 },
          { line: 30, remove: true },
        ],
        holds: [
          { code: 'DP', message: 'Cleared' },
          { code: 'PX', message: 'Price' },
        ],
      },
    });
    const theCase = data.case as { lines: unknown[]; holds: unknown[] };
    expect(theCase.lines).toEqual([
      { sku: 'A-1', qty: 1, line: 10 },
      { line: 15, sku: 'A-1B', qty: 1 },
      { sku: 'A-2', qty: 20, line: 20 },
    ]);
    expect(theCase.holds).toEqual([
      { code: 'CR', message: 'Credit' },
      { code: 'DP', message: 'Cleared' },
      { code: 'PX', message: 'Price' },
    ]);
  });

  test('any other list is replaced whole, whether it is a branch list, an answer or a reveal', () => {
    const { data } = overlaid({
      steps: { s: { reveal: ['two'], options: [{ id: 'b', next: [{ when: { minutesAtLeast: 5 }, goto: 'end' }, { goto: 'end' }] }] } },
    });
    const step = (data.steps as { s: { reveal: string[]; options: { next: unknown }[] } }).s;
    expect(step.reveal).toEqual(['two']);
    expect(step.options[1]?.next).toEqual([{ when: { minutesAtLeast: 5 }, goto: 'end' }, { goto: 'end' }]);
  });

  test('the base is never changed by applying an overlay', () => {
    const before = structuredClone(base);
    overlaid({ case: { customer: { name: 'B' }, documents: [{ id: 'one', remove: true }] }, steps: { s: { options: [{ id: 'a', verdict: 'wrong' }] } } });
    expect(base).toEqual(before);
  });

  test('each part of the result knows where it was written: the base or the overlay', () => {
    const { origin } = overlaid({
      case: {
        documents: [
          { id: 'three', kind: 'note', body: 'Three' },
          { id: 'one', body: 'One, changed' },
        ],
      },
    });
    expect(origin(['case', 'documents', 0, 'body'])).toEqual(['variants', 0, 'case', 'documents', 1, 'body']);
    expect(origin(['case', 'documents', 1, 'body'])).toEqual(['case', 'documents', 1, 'body']);
    expect(origin(['case', 'documents', 2, 'kind'])).toEqual(['variants', 0, 'case', 'documents', 0, 'kind']);
    expect(origin(['steps', 's', 'options', 0, 'verdict'])).toEqual(['steps', 's', 'options', 0, 'verdict']);
  });

  test('an item with no key, a removed id the base lacks and a step the base lacks are errors in the overlay', () => {
    const { problems } = overlaid({ case: { documents: [{ body: 'No id' }, { id: 'nine', remove: true }] }, steps: { t: { prompt: 'New' } } });
    expect(problems.map((problem) => [problem.code, problem.path])).toEqual([
      ['overlay-no-key', ['variants', 0, 'case', 'documents', 0]],
      ['overlay-remove-unknown', ['variants', 0, 'case', 'documents', 1, 'remove']],
      ['overlay-unknown-id', ['variants', 0, 'steps', 't']],
    ]);
  });
});

describe('placeholders', () => {
  test('numbers in text print with thousands separators, fractions to two places; text is inserted as written', () => {
    expect(valueText(7400)).toBe('7,400');
    expect(valueText(164800.5)).toBe('164,800.50');
    expect(valueText(0)).toBe('0');
    expect(valueText('105,000.00')).toBe('105,000.00');
  });

  test("a field that is one placeholder takes the value's type; inside text the value is printed", () => {
    const filled = fillPlaceholders({ total: '{{total}}', note: 'Total {{ total }} for {{who}}.', list: ['{{who}}'] }, { total: 164800, who: 'Halvorsen' });
    expect(filled).toEqual({ total: 164800, note: 'Total 164,800 for Halvorsen.', list: ['Halvorsen'] });
  });

  test('a name with no value is left as written, and found with its path', () => {
    const data = fillPlaceholders({ a: { b: 'Hello {{nobody}} and {{who}}' } }, { who: 'you' });
    expect(data).toEqual({ a: { b: 'Hello {{nobody}} and you' } });
    expect(placeholdersIn(data)).toEqual([{ name: 'nobody', path: ['a', 'b'], written: '{{nobody}}' }]);
  });
});

describe('scenarioVariants and resolveVariant', () => {
  test('a scenario without variants has one, standard, which is the scenario itself', () => {
    const minimal = loadFixture('minimal');
    expect(scenarioVariants(minimal)).toEqual([{ id: 'standard', title: minimal.title }]);
    expect(resolveVariant(minimal, 'standard')).toBe(minimal);
    expect(variantIdOf(minimal)).toBe('standard');
    expect(() => resolveVariant(minimal, 'other')).toThrow(/has no variants/);
  });

  test('the variants are listed in the order written, and the checked scenario is the first', () => {
    const scenario = loadFixture('wire-variants');
    expect(scenarioVariants(scenario)).toEqual([
      { id: 'wire-short', title: 'The wire leaves the order 7,400 over' },
      { id: 'wire-covers', title: 'The wire covers the whole overage' },
    ]);
    expect(variantIdOf(scenario)).toBe('wire-short');
    expect(resolveVariant(scenario, 'wire-short').case).toEqual(scenario.case);
  });

  test('each variant fills its own values over the base values, with numbers typed where a field is one placeholder', () => {
    const scenario = loadFixture('wire-variants');
    const short = resolveVariant(scenario, 'wire-short');
    const covers = resolveVariant(scenario, 'wire-covers');
    expect(short.title).toBe('Northwind Fabrication order held over its credit limit');
    expect(covers.title).toBe('Halvorsen Foods order held over its credit limit');
    expect(short.case.order?.total).toBe(164800);
    expect(short.case.documents[0]?.body).toBe('Applied the wire of 105,000.00; the order is still 7,400 over the limit.\n');
    expect(covers.case.documents[0]?.body).toBe('Applied the wire of 120,000.00; the order is still 0 over the limit.\n');
    expect(covers.case.customer?.exposure).toBe(492600);
    expect(covers.case.lines.map((line) => [line.sku, line.qty])).toEqual([
      ['NF-10', 200],
      ['NF-20', 150],
      ['NF-30', 10],
    ]);
    expect(covers.values).toMatchObject({ wire: '120,000.00', overLimit: 0, customer: 'Halvorsen Foods', total: 164800 });
  });

  test('where the facts change the right call, the answer key changes and the senior path follows it', () => {
    const scenario = loadFixture('wire-variants');
    const short = seniorPath(resolveVariant(scenario, 'wire-short'));
    const covers = seniorPath(resolveVariant(scenario, 'wire-covers'));
    expect(short.decisions.map((decision) => decision.answer)).toEqual([choose('ledger'), choose('ask-for-increase'), choose('note-order')]);
    expect(covers.decisions.map((decision) => decision.answer)).toEqual([choose('ledger'), choose('release-within-authority'), choose('note-order')]);
    // The same answer leads elsewhere in each variant.
    expect(
      currentNode(
        play(resolveVariant(scenario, 'wire-short'), [
          ['read-file', choose('ledger')],
          ['analyst-reply', choose('release-within-authority')],
        ]),
      ),
    ).toBe('waiting');
    expect(
      currentNode(
        play(resolveVariant(scenario, 'wire-covers'), [
          ['read-file', choose('ledger')],
          ['analyst-reply', choose('ask-for-increase')],
        ]),
      ),
    ).toBe('waiting');
  });

  test('resolving is pure and remembered: the same variant twice is the same object; an unknown id throws with the ids', () => {
    const scenario = loadFixture('wire-variants');
    expect(resolveVariant(scenario, 'wire-covers')).toBe(resolveVariant(scenario, 'wire-covers'));
    expect(() => resolveVariant(scenario, 'wire-lost')).toThrow('its variants are "wire-short" and "wire-covers"');
  });
});

describe('the check, once per variant', () => {
  test('the fixture passes with no findings at all', () => {
    expect(report(wire)).toBe('');
  });

  test('an unknown placeholder is an error at its own line and column, with a "Did you mean"', () => {
    const broken = edit(wire, ['Applied the wire of {{wire}}', 'Applied the wire of {{wier}}']);
    const findings = checkText(broken, 'wire-variants').findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'unknown-placeholder', ...where(broken, '{{wier}}') });
    expect(findings[0]?.message).toContain('"{{wier}}" names no value. Did you mean "wire"?');
  });

  test('a placeholder only one variant has a value for is an error naming the variants that lack it', () => {
    const broken = edit(
      wire,
      ['  overLimit: 7400\n', ''],
      [
        '  - id: wire-short\n    title: The wire leaves the order 7,400 over\n',
        '  - id: wire-short\n    title: The wire leaves the order 7,400 over\n    values: { overLimit: 7400 }\n',
      ],
    );
    expect(report(broken)).toBe('');
    const lacking = edit(broken, ['    values: { overLimit: 7400 }\n', '']);
    expect(report(lacking)).toContain(
      `${where(lacking, '{{overLimit}} over the limit').line}:${where(lacking, '{{overLimit}} over the limit').column}: error: Variant "wire-short": Document "analyst-email", "body": "{{overLimit}}" names no value.`,
    );
  });

  test("an error inside a variant's overlay is reported at the overlay's own line", () => {
    const broken = edit(wire, ['            verdict: weak\n            why: No increase', '            verdict: wek\n            why: No increase']);
    const findings = checkText(broken, 'wire-variants').findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'schema-invalid_value', ...where(broken, 'wek') });
    expect(findings[0]?.message).toContain('Did you mean "weak"?');
  });

  test('a dangling next in an overlay is reported there; a senior path that fails in one variant names it', () => {
    const dangling = edit(wire, ['            next: tell-customer', '            next: tell-custome']);
    expect(checkText(dangling, 'wire-variants').findings).toMatchObject([{ code: 'unknown-target', ...where(dangling, 'tell-custome\n') }]);
    const partial = edit(wire, ['            next: tell-customer', '            next: waiting']);
    const findings = checkText(partial, 'wire-variants').findings;
    expect(findings.map((finding) => finding.code)).toEqual(['senior-path-result']);
    expect(findings[0]?.message).toMatch(/^Variant "wire-covers": The senior path ends at "waiting"/);
  });

  test('a step or ending reached in one variant only is fine; reached in none, it is an error', () => {
    const oneVariant = edit(wire, [
      '        next: tell-customer\n      - id: release-within-authority',
      '        next: released-same-day\n      - id: release-within-authority',
    ]);
    // Only the short senior path of the one variant is worth a word.
    expect(checkText(oneVariant, 'wire-variants').findings).toMatchObject([
      { severity: 'warning', code: 'short-senior-path', message: expect.stringMatching(/^Variant "wire-short": The senior path has 2 decisions/) },
    ]);
    expect(seniorPath(resolveVariant(loadFixtureText(oneVariant), 'wire-short')).decisions).toHaveLength(2);
    const none = edit(oneVariant, ['            next: tell-customer', '            next: released-same-day']);
    expect(checkText(none, 'wire-variants').findings.filter((finding) => finding.severity === 'error')).toMatchObject([
      { code: 'unreachable', message: expect.stringContaining('Step "tell-customer" cannot be reached') },
    ]);
  });

  test('a variant may not change the id, category, level or start, nor add a step', () => {
    const broken = edit(
      wire,
      ['  - id: wire-covers\n', '  - id: wire-covers\n    start: analyst-reply\n'],
      ['    steps:\n      analyst-reply:', '    steps:\n      analyst-replies:\n        prompt: A new step?\n      analyst-reply:'],
    );
    const findings = checkText(broken, 'wire-variants').findings;
    expect(findings.map((finding) => [finding.code, finding.line])).toEqual([
      ['schema-unrecognized_keys', where(broken, 'start: analyst-reply').line],
      ['overlay-unknown-id', where(broken, 'analyst-replies:').line],
    ]);
    expect(findings[0]?.message).toContain("the id, category, level, start and the set of steps stay the base's");
    expect(findings[1]?.message).toContain('Did you mean "analyst-reply"?');
  });

  test("an added option whose id is close to a base option's warns that it is added, not changed", () => {
    const typo = edit(wire, [
      '          - id: release-within-authority\n            verdict: best',
      '          - id: release-within-authorty\n            verdict: best',
    ]);
    expect(report(typo)).toContain(
      'warning: This variant adds option "release-within-authorty", which the base does not have, so it is added rather than changed. Did you mean "release-within-authority"?',
    );
  });

  test('variant ids must be unique, and a value nothing uses is a warning at the value', () => {
    const twice = edit(wire, ['  - id: wire-covers', '  - id: wire-short']);
    expect(checkText(twice, 'wire-variants').findings).toMatchObject([{ code: 'duplicate-id', ...where(twice, 'wire-short', 2) }]);
    const unused = edit(wire, ['  overLimit: 7400\n', '  overLimit: 7400\n  spare: 12\n']);
    expect(checkText(unused, 'wire-variants').findings).toMatchObject([{ severity: 'warning', code: 'unused-value', ...where(unused, '12\n') }]);
  });

  test('a file without variants may still use values and placeholders', () => {
    const minimal = fixtureText('minimal.yaml');
    const valued = edit(
      minimal,
      ['  customer: { name: Brightwell Bakery }', '  customer: { name: "{{customer}}" }'],
      ['start: look', 'values: { customer: Brightwell Bakery }\nstart: look'],
    );
    const checked = checkText(valued, 'minimal');
    expect(checked.findings).toEqual([]);
    expect(checked.value?.case.customer?.name).toBe('Brightwell Bakery');
    expect(scenarioVariants(checked.value!)).toEqual([{ id: 'standard', title: checked.value!.title }]);
  });
});

function loadFixtureText(text: string) {
  const checked = checkText(text, 'wire-variants');
  if (!checked.value) throw new Error(lines('wire-variants.yaml', checked.findings));
  return checked.value;
}
