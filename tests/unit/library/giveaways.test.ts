// No step of the shipped library, in any variant, gives its answer away by the length of its options.
import { describe, expect, test } from 'vitest';
import { checkLibrary } from '../../../src/domain/scenario/library.ts';
import { giveawayFindings } from '../../../src/domain/scenario/giveaway.ts';
import { playbooks, shippedScenarioFiles, taxonomyText } from '../../support/scenarios.ts';
import { variantsOf } from './variants-seam.ts';

const shipped = checkLibrary(taxonomyText, shippedScenarioFiles(), playbooks).files;

describe('option lengths across the library', () => {
  test('every shipped scenario plays at least one variant', () => {
    for (const file of shipped) expect(file.scenario && variantsOf(file.scenario).length, file.path).toBeGreaterThan(0);
  });

  test('no step of any variant gives its answer away by length', () => {
    const report = shipped.flatMap((file) =>
      file.scenario
        ? variantsOf(file.scenario).flatMap(({ id, scenario }) => giveawayFindings(scenario).map((found) => `${file.path} [${id}]: ${found.message}`))
        : [],
    );
    if (report.length) console.log(`${report.length} giveaways:\n${report.join('\n')}`);
    expect(report).toEqual([]);
  });
});
