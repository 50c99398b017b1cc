import { describe, expect, test } from 'vitest';
import { starterScenario } from '../../../src/domain/authoring/starter-scenario.ts';
import { seniorPath } from '../../../src/domain/engine/senior-path.ts';
import { checkText, lines, playbooks, taxonomy } from '../../support/scenarios.ts';

describe('starterScenario', () => {
  test.each([1, 2, 3] as const)('a level %i starter passes the check with no error and no warning', (level) => {
    for (const category of taxonomy.categories.map((term) => term.id)) {
      const text = starterScenario({ id: 'new-case', category, level, day: '2026-06-01', taxonomy, playbooks });
      const checked = checkText(text, 'new-case');
      expect(lines('scenarios/new-case.yaml', checked.findings), category).toBe('');
      expect(checked.value?.category).toBe(category);
    }
  });

  test('the starter shows every step kind, with a senior path of four decisions to a resolved ending', () => {
    const scenario = checkText(
      starterScenario({ id: 'new-case', category: 'credit-limit', level: 1, day: '2026-06-01', taxonomy, playbooks }),
      'new-case',
    ).value;
    expect(scenario).toBeDefined();
    expect(new Set(Object.values(scenario!.steps).map((step) => step.kind))).toEqual(new Set(['choose', 'choose-many', 'rank', 'write']));
    const senior = seniorPath(scenario!);
    expect([senior.decisions.length, senior.result]).toEqual([4, 'resolved']);
    expect(
      Object.values(scenario!.endings)
        .map((ending) => ending.result)
        .sort(),
    ).toEqual(['failed', 'partial', 'resolved']);
    expect(scenario!.playbooks).toEqual(['credit-limit', 'who-owns-what', 'authority-levels']);
  });

  test('a title with a colon or quotes stays one YAML string', () => {
    const text = starterScenario({ id: 'new-case', category: 'hazmat', level: 2, day: '2026-06-01', taxonomy, playbooks, title: 'Batteries: "by air"?' });
    expect(checkText(text, 'new-case').value?.title).toBe('Batteries: "by air"?');
  });
});
