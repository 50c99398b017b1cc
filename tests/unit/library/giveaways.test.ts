// No step of the shipped library gives its answer away by the length of its options.
import { describe, expect, test } from 'vitest';
import { checkLibrary } from '../../../src/domain/scenario/library.ts';
import { playbooks, shippedScenarioFiles, taxonomyText } from '../engine/load.ts';
import { loadFixture } from '../engine/load.ts';
import { giveaways } from './giveaways.ts';
import { variantsOf } from './variants-seam.ts';

const shipped = checkLibrary(taxonomyText, shippedScenarioFiles(), playbooks).files;

describe('option lengths', () => {
  test('the rule can fire: a step whose best option is by far the longest is reported', () => {
    const scenario = loadFixture('kitchen-sink');
    const [stepId, step] = Object.entries(scenario.steps).find(([, candidate]) => candidate.kind === 'choose')!;
    if (step.kind !== 'choose') throw new Error('unreachable');
    const padded = { ...scenario, steps: { ...scenario.steps, [stepId]: { ...step, options: step.options.map((option) => option.verdict === 'best' ? { ...option, text: option.text.repeat(4) } : option) } } };
    expect(giveaways(padded).map((found) => found.stepId)).toContain(stepId);
  });

  test('no step of the shipped library gives its answer away by length', () => {
    const report = shipped.flatMap((file) =>
      file.scenario
        ? variantsOf(file.scenario).flatMap(({ id, scenario }) => giveaways(scenario).map((found) => `${file.path} [${id}] ${found.stepId}: ${found.message}`))
        : [],
    );
    if (report.length) console.log(`${report.length} giveaways:\n${report.join('\n')}`);
    expect(report).toEqual([]);
  });
});
