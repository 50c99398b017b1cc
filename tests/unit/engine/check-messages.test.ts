// What `npm run scenarios:check` tells a senior specialist about each kind of mistake, pinned as text.
import { describe, expect, test } from 'vitest';
import { checkLibrary } from '../../../src/domain/scenario/library.ts';
import { checkText, fixtureText, lines, playbooks, taxonomyText } from '../../support/scenarios.ts';

const minimal = fixtureText('minimal.yaml');
const kitchenSink = fixtureText('kitchen-sink.yaml');

/** The text with each `from` replaced by its `to`; throws unless `from` occurs exactly once, so an edit never silently misses. */
function edit(text: string, ...changes: [from: string, to: string][]): string {
  return changes.reduce((result, [from, to]) => {
    const count = result.split(from).length - 1;
    if (count !== 1) throw new Error(`expected ${JSON.stringify(from)} once in the fixture, found it ${count} times`);
    return result.replace(from, () => to);
  }, text);
}

/** The findings for a text as the check prints them, as if it were `scenarios/<fileId>.yaml`. */
const report = (text: string, fileId = 'minimal') => lines(`scenarios/${fileId}.yaml`, checkText(text, fileId).findings);

/** The one finding of a text (fails if there is not exactly one). */
function only(text: string, fileId = 'minimal') {
  const { findings } = checkText(text, fileId);
  expect(findings).toHaveLength(1);
  return findings[0]!;
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function where(text: string, needle: string, occurrence = 1) {
  let index = -1;
  for (let seen = 0; seen < occurrence; seen++) index = text.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`${JSON.stringify(needle)} not in text`);
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

describe('the fixtures', () => {
  test('minimal and kitchen-sink pass the check with no findings at all', () => {
    expect(checkText(minimal, 'minimal').findings).toEqual([]);
    expect(checkText(kitchenSink, 'kitchen-sink').findings).toEqual([]);
    expect(checkText(kitchenSink, 'kitchen-sink').value?.id).toBe('kitchen-sink');
  });
});

describe('YAML problems', () => {
  test('a syntax error is reported at its line, with no schema noise after it', () => {
    const broken = edit(minimal, ['  order: { number: SO-100 }', '  order: { number: SO-100']);
    expect(report(broken)).toMatchInlineSnapshot(
      `"scenarios/minimal.yaml:13:3: error: YAML syntax: Flow map in block collection must be sufficiently indented and end with a }. Check the indentation: nested keys use the same number of spaces."`,
    );
    expect(checkText(broken, 'minimal').value).toBeUndefined();
  });

  test('a key written twice in the same block is a duplicate-key error at the second one', () => {
    const broken = edit(minimal, ['estimatedMinutes: 3', 'estimatedMinutes: 3\ntitle: Address fix, again']);
    expect(report(broken)).toMatchInlineSnapshot(
      `"scenarios/minimal.yaml:8:1: error: YAML syntax: Map keys must be unique. Each key may appear once in the same block; merge the two or rename one."`,
    );
    expect(only(broken)).toMatchObject({ severity: 'error', code: 'yaml-syntax', ...where(broken, 'title: Address fix, again') });
  });

  test('a comma inside { } splits the text, and the message says to quote it', () => {
    const broken = edit(kitchenSink, ['message: "Credit limit exceeded by 112,400.00"', 'message: Credit limit exceeded by 112,400.00']);
    expect(report(broken, 'kitchen-sink')).toMatchInlineSnapshot(
      `"scenarios/kitchen-sink.yaml:25:47: error: Hold 1: "400" is not a key this format knows. Allowed here: code, source, raised, message, level. Inside { ... } a comma starts a new key: put text that contains a comma (112,400.00) in quotes."`,
    );
    expect(only(broken, 'kitchen-sink')).toMatchObject({ code: 'schema-unrecognized_keys', ...where(broken, '400.00') });
  });

  test('an empty file is not a scenario', () => {
    expect(report('# nothing yet\n')).toMatchInlineSnapshot(
      `"scenarios/minimal.yaml:1:1: error: The file must be a set of "key: value" lines at the top level (it is empty or a list)."`,
    );
  });
});

describe('keys and values', () => {
  test('a missing key names the place and what to add', () => {
    const broken = edit(minimal, ['    prompt: The PO has the suite number the order lacks. Now?\n', '']);
    expect(report(broken)).toMatchInlineSnapshot(`"scenarios/minimal.yaml:23:3: error: Step "fix", "prompt" is missing. Add "prompt:" with text."`);
    expect(only(broken)).toMatchObject({ code: 'schema-invalid_type', path: ['steps', 'fix', 'prompt'] });
  });

  test('a mistyped key suggests the key that was meant and lists the allowed ones', () => {
    const broken = edit(minimal, [
      '    prompt: The ship-to fails validation. What do you do first?\n    options:',
      '    prompt: The ship-to fails validation. What do you do first?\n    optoins:',
    ]);
    expect(report(broken)).toMatchInlineSnapshot(`
      "scenarios/minimal.yaml:16:3: error: Step "look", "options" is missing. Add "options:" with a list (lines starting with "- ").
      scenarios/minimal.yaml:19:5: error: Step "look": "optoins" is not a key this format knows. Did you mean "options"? Allowed here: kind, prompt, hint, reveal, options."
    `);
    const typo = checkText(broken, 'minimal').findings.find((finding) => finding.code === 'schema-unrecognized_keys');
    expect(typo).toMatchObject(where(broken, 'optoins'));
  });

  test('a bad verdict suggests the nearest and lists the allowed values', () => {
    const broken = edit(minimal, ['verdict: best, why: The PO is the source.', 'verdict: bestt, why: The PO is the source.']);
    expect(report(broken)).toMatchInlineSnapshot(
      `"scenarios/minimal.yaml:20:64: error: Step "look", option "compare", "verdict" must be one of "best", "good", "weak", "wrong" or "critical", but it is the text "bestt". Did you mean "best"?"`,
    );
    expect(only(broken)).toMatchObject({ code: 'schema-invalid_value', ...where(broken, 'bestt') });
  });

  test('an unknown step kind is reported at the kind written', () => {
    const broken = edit(minimal, ['  fix:\n    kind: choose', '  fix:\n    kind: chose']);
    expect(only(broken)).toMatchObject({ severity: 'error', code: 'schema-invalid_union', ...where(broken, 'chose') });
  });

  // Bug: src/domain/scenario/messages.ts:70-75. zod 4 already ends the issue path with the discriminator, so
  // `[...path, issue.discriminator]` looks up steps.fix.kind.kind: the message always says "has no kind", never
  // names what was written or suggests the nearest kind, and the place reads 'Step "fix", "kind"'.
  test('an unknown step kind names the kind written, lists the four kinds and suggests the nearest', () => {
    const broken = edit(minimal, ['  fix:\n    kind: choose', '  fix:\n    kind: chose']);
    expect(report(broken)).toBe(
      'scenarios/minimal.yaml:24:11: error: Step "fix" has kind "chose". Use one of "choose", "choose-many", "rank" or "write". Did you mean "choose"?',
    );
  });
});

describe('ids', () => {
  test('an id that differs from the file name says to rename one of them', () => {
    expect(report(minimal, 'address-fix')).toMatchInlineSnapshot(
      `"scenarios/address-fix.yaml:2:5: error: The id "minimal" does not match the file name "address-fix.yaml". Rename the file or change the id so they are the same."`,
    );
    expect(only(minimal, 'address-fix')).toMatchObject({ code: 'id-mismatch', ...where(minimal, 'minimal') });
  });

  test('two files with the same id: the second is refused and names the first', () => {
    const library = checkLibrary(
      taxonomyText,
      [
        { path: 'scenarios/minimal.yaml', text: minimal },
        { path: 'scenarios/minimal.yml', text: minimal },
      ],
      playbooks,
    );
    expect(
      library.files
        .map((file) => lines(file.path, file.findings))
        .filter(Boolean)
        .join('\n'),
    ).toMatchInlineSnapshot(`"scenarios/minimal.yml:2:5: error: The id "minimal" is already used by scenarios/minimal.yaml. Every scenario needs its own id."`);
    expect(library.files.map((file) => Boolean(file.scenario))).toEqual([true, false]);
  });

  // Bug: src/domain/scenario/library.ts:47 places the repeated-id finding at line 1, column 1 instead of at the `id:` line.
  test('the repeated-id finding points at the id line', () => {
    const library = checkLibrary(
      taxonomyText,
      [
        { path: 'scenarios/minimal.yaml', text: minimal },
        { path: 'scenarios/minimal.yml', text: minimal },
      ],
      playbooks,
    );
    expect(library.files[1]?.findings[0]).toMatchObject({ code: 'duplicate-scenario', ...where(minimal, 'minimal') });
  });
});

describe('references', () => {
  test('an unknown step or ending target suggests the nearest id', () => {
    const broken = edit(minimal, ['why: The PO is the source., next: fix', 'why: The PO is the source., next: fxi']);
    expect(report(broken)).toMatchInlineSnapshot(`"scenarios/minimal.yaml:20:104: error: "fxi" is not a step or ending of this scenario. Did you mean "fix"?"`);
    expect(only(broken)).toMatchObject({ code: 'unknown-target', ...where(broken, 'fxi') });
  });

  test('an unknown ending in a branch suggests the nearest id', () => {
    const broken = edit(kitchenSink, ['        goto: late-ship', '        goto: late-shipped']);
    expect(report(broken, 'kitchen-sink')).toMatchInlineSnapshot(
      `"scenarios/kitchen-sink.yaml:159:15: error: "late-shipped" is not a step or ending of this scenario. Did you mean "late-ship"?"`,
    );
  });

  test('a reveal naming a document that is not in the case file suggests the nearest', () => {
    const broken = edit(kitchenSink, ['reveal: [ar-ledger]', 'reveal: [ar-ledgr]']);
    expect(report(broken, 'kitchen-sink')).toMatchInlineSnapshot(`
      "scenarios/kitchen-sink.yaml:37:15: warning: Document "ar-ledger" is hidden and no step or option reveals it, so no trainee will ever read it. Add it to a "reveal:" list or remove "hidden: true".
      scenarios/kitchen-sink.yaml:65:18: error: "ar-ledgr" is not a document in the case file. Did you mean "ar-ledger"?"
    `);
  });

  test('unknown category, route, competency and playbook each suggest the nearest name', () => {
    const broken = edit(
      kitchenSink,
      ['category: credit-limit', 'category: credit-limits'],
      ['competencies: [diagnosis, routing, communication]', 'competencies: [diagnosys, routing, communication]'],
      ['playbooks: [credit-limit]', 'playbooks: [credit-limt]'],
      ['        route: sales\n        verdict: wrong', '        route: sale\n        verdict: wrong'],
    );
    expect(report(broken, 'kitchen-sink')).toMatchInlineSnapshot(`
      "scenarios/kitchen-sink.yaml:5:11: error: "credit-limits" is not a category in taxonomy.yaml. Did you mean "credit-limit"?
      scenarios/kitchen-sink.yaml:7:16: error: "diagnosys" is not a competency in taxonomy.yaml. Did you mean "diagnosis"?
      scenarios/kitchen-sink.yaml:8:13: error: "credit-limt" is not a playbook in content/playbooks/. Did you mean "credit-limit"?
      scenarios/kitchen-sink.yaml:54:16: error: "sale" is not a route in taxonomy.yaml. Did you mean "sales"?"
    `);
  });
});

describe('the answer key', () => {
  test('a choose step with no best option', () => {
    const broken = edit(minimal, ['verdict: best, why: The PO is the source.', 'verdict: good, why: The PO is the source.']);
    expect(report(broken)).toMatchInlineSnapshot(
      `"scenarios/minimal.yaml:19:5: error: A choose step needs exactly one option with "verdict: best"; step "look" has none."`,
    );
  });

  test('a choose step with two best options', () => {
    const broken = edit(minimal, ['verdict: wrong, why: Memory is not a source.', 'verdict: best, why: Memory is not a source.']);
    expect(report(broken)).toMatchInlineSnapshot(
      `"scenarios/minimal.yaml:19:5: error: A choose step needs exactly one option with "verdict: best"; step "look" has 2."`,
    );
  });

  // Bug: src/domain/scenario/lint.ts:115. `didYouMean` returns ' Did you mean "x"?', which `.replace(/\.$/, '')`
  // does not shorten, so the sentence runs on: 'not an item of this step Did you mean "address"?.'.
  test('a rank answer that misspells an item says what it leaves out and what it names instead', () => {
    const broken = edit(kitchenSink, ['answer: [dps, credit, address]', 'answer: [dps, credit, adress]']);
    expect(report(broken, 'kitchen-sink')).toBe(
      'scenarios/kitchen-sink.yaml:137:5: error: The rank answer must list every item exactly once; it leaves out "address"; names "adress", not an item of this step (did you mean "address"?).',
    );
  });

  test('a rank answer that misspells an item is an error at the answer', () => {
    const broken = edit(kitchenSink, ['answer: [dps, credit, address]', 'answer: [dps, credit, adress]']);
    expect(only(broken, 'kitchen-sink')).toMatchObject({ severity: 'error', code: 'rank-not-permutation', ...where(broken, 'answer: [dps, credit, adress]') });
    expect(only(broken, 'kitchen-sink').message).toContain('leaves out "address"');
  });

  test('a rank answer that repeats an item', () => {
    const broken = edit(kitchenSink, ['answer: [dps, credit, address]', 'answer: [dps, credit, credit, address]']);
    expect(report(broken, 'kitchen-sink')).toMatchInlineSnapshot(
      `"scenarios/kitchen-sink.yaml:137:5: error: The rank answer must list every item exactly once; it repeats "credit"."`,
    );
  });

  test('a choose-many answer naming an unknown option suggests the nearest', () => {
    const broken = edit(kitchenSink, ['answer: [credit, am]', 'answer: [credit, ams]']);
    expect(report(broken, 'kitchen-sink')).toMatchInlineSnapshot(
      `"scenarios/kitchen-sink.yaml:110:22: error: The answer names "ams", which is not an option of this step. Did you mean "am"?"`,
    );
    expect(only(broken, 'kitchen-sink')).toMatchObject({ code: 'unknown-option', ...where(broken, 'ams]') });
  });

  test('a choose-many answer that includes a critical option', () => {
    const broken = edit(kitchenSink, ['answer: [credit, am]', 'answer: [credit, am, release]']);
    expect(report(broken, 'kitchen-sink')).toMatchInlineSnapshot(`
      "scenarios/kitchen-sink.yaml:101:3: warning: Step "loop-in": every option in the answer is longer than every other option (the shortest in the answer has 19 characters; the longest outside it, 18), so ticking the long ones wins without reading the case. Make a strong distractor as long and as careful-sounding as the answer's options.
      scenarios/kitchen-sink.yaml:110:26: error: The answer includes "release", which is marked critical. The senior's answer cannot contain a critical error."
    `);
  });
});

describe('the graph', () => {
  test('a step and an ending nothing points at are unreachable', () => {
    const broken = edit(minimal, [
      'endings:\n',
      [
        '  spare:',
        '    kind: choose',
        '    prompt: Nobody gets here.',
        '    options:',
        '      - { id: a, text: A., verdict: best, why: A., next: fixed }',
        '      - { id: b, text: B., verdict: weak, why: B., next: fixed }',
        '      - { id: c, text: C., verdict: wrong, why: C., next: fixed }',
        'endings:',
        '  escalated:',
        '    result: partial',
        '    text: Nobody ends here.',
        '',
      ].join('\n'),
    ]);
    expect(report(broken)).toMatchInlineSnapshot(`
      "scenarios/minimal.yaml:37:3: error: Step "spare" cannot be reached from "start". Point an option or branch at it, or remove it.
      scenarios/minimal.yaml:45:3: error: Ending "escalated" cannot be reached from "start". Point an option or branch at it, or remove it."
    `);
  });

  test('a step that only loops back to itself has no way out', () => {
    const broken = edit(
      minimal,
      ['why: The wave leaves without it., next: returned', 'why: The wave leaves without it., next: chase'],
      [
        'endings:\n',
        [
          '  chase:',
          '    kind: choose',
          '    prompt: The customer has not answered. Now?',
          '    options:',
          '      - { id: email, text: Email again., verdict: best, why: A., next: chase }',
          '      - { id: call, text: Call., verdict: weak, why: B., next: chase }',
          '      - { id: wait, text: Wait., verdict: wrong, why: C., next: chase }',
          'endings:',
          '',
        ].join('\n'),
      ],
    );
    expect(report(broken)).toMatchInlineSnapshot(`
      "scenarios/minimal.yaml:37:3: error: From step "chase" no ending can be reached: every path from it goes round in a loop. Give it a way to an ending.
      scenarios/minimal.yaml:37:3: warning: Step "chase": the best option "email" is the longest by far (12 characters; the next longest, "call", has 5), so picking the longest option wins without reading the case. Make a strong distractor as long and as careful-sounding as the best answer, or tighten the best answer."
    `);
  });

  test('a senior path that ends in a failed ending', () => {
    const broken = edit(minimal, ['why: The next person sees it., next: fixed', 'why: The next person sees it., next: returned']);
    expect(report(broken)).toMatchInlineSnapshot(
      `"scenarios/minimal.yaml:41:3: error: The senior path ends at "returned", whose result is "failed". Following the best answers must end in a "resolved" ending."`,
    );
  });

  test('a branch list whose last entry has a "when"', () => {
    const broken = edit(kitchenSink, ['      - goto: credit-asks-why', '      - when: { scoreBelow: 0.8 }\n        goto: credit-asks-why']);
    expect(report(broken, 'kitchen-sink')).toMatchInlineSnapshot(
      `"scenarios/kitchen-sink.yaml:120:9: error: The last branch must be a plain "- goto: ..." with no "when", so every answer leads somewhere."`,
    );
  });

  test('a write step cannot branch on its score', () => {
    const broken = edit(kitchenSink, ['- when: { minutesAtLeast: 100 }', '- when: { scoreAtLeast: 0.5 }']);
    expect(report(broken, 'kitchen-sink')).toMatchInlineSnapshot(
      `"scenarios/kitchen-sink.yaml:158:9: error: A write step cannot branch on its score: a senior grades it later. Branch on "visited", "sentimentBelow" or "minutesAtLeast" instead, or use a plain "goto"."`,
    );
  });
});

describe('warnings', () => {
  test('a choose step with two options', () => {
    const broken = edit(minimal, ['      - { id: guess, text: Correct it from memory., verdict: wrong, why: Memory is not a source., next: fix }\n', '']);
    expect(report(broken)).toMatchInlineSnapshot(`
      "scenarios/minimal.yaml:16:3: warning: Step "look": the best option "compare" is the longest by far (23 characters; the next longest, "force", has 20), so picking the longest option wins without reading the case. Make a strong distractor as long and as careful-sounding as the best answer, or tighten the best answer.
      scenarios/minimal.yaml:19:5: warning: Step "look" offers 2 options. Give at least three so the choice is a real one."
    `);
  });

  test('an option with no why', () => {
    const broken = edit(minimal, ['why: Memory is not a source., ', '']);
    expect(report(broken)).toMatchInlineSnapshot(
      `"scenarios/minimal.yaml:21:9: warning: Option "guess" has no "why". Add a sentence or two on the senior's reasoning; the trainee reads it in the feedback."`,
    );
    expect(only(broken).severity).toBe('warning');
  });

  test('a senior path with two decisions', () => {
    const broken = edit(minimal, ['why: The PO is the source., next: fix', 'why: The PO is the source., next: tell']);
    expect(report(broken)).toMatchInlineSnapshot(
      `"scenarios/minimal.yaml:14:8: warning: The senior path has 2 decisions. Three or more make a scenario worth practising."`,
    );
  });

  test('a level-1 scenario whose steps have no hints', () => {
    const broken = edit(minimal, ['level: 3', 'level: 1']);
    expect(report(broken)).toMatchInlineSnapshot(`
      "scenarios/minimal.yaml:18:13: warning: Step "look" has no hint. Level 1 scenarios give a hint on every step; add "hint:" with a nudge that does not give the answer away.
      scenarios/minimal.yaml:25:13: warning: Step "fix" has no hint. Level 1 scenarios give a hint on every step; add "hint:" with a nudge that does not give the answer away.
      scenarios/minimal.yaml:32:13: warning: Step "tell" has no hint. Level 1 scenarios give a hint on every step; add "hint:" with a nudge that does not give the answer away."
    `);
  });

  test('a hidden document that no step reveals', () => {
    const broken = edit(kitchenSink, ['    reveal: [credit-note]\n', '']);
    expect(report(broken, 'kitchen-sink')).toMatchInlineSnapshot(
      `"scenarios/kitchen-sink.yaml:43:15: warning: Document "credit-note" is hidden and no step or option reveals it, so no trainee will ever read it. Add it to a "reveal:" list or remove "hidden: true"."`,
    );
    const hidden = where(broken, 'hidden: true', 2);
    expect(only(broken, 'kitchen-sink')).toMatchObject({ severity: 'warning', line: hidden.line, column: hidden.column + 'hidden: '.length });
  });

  test('warnings alone still let the scenario through', () => {
    const broken = edit(minimal, ['level: 3', 'level: 1']);
    expect(checkText(broken, 'minimal').value?.id).toBe('minimal');
  });
});
