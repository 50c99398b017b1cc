// Prints the giveaway rule per step for the scenario files named (or all): `node tests/unit/library/giveaway-report.ts [scenarios/x.yaml ...]`.
import { readFileSync } from 'node:fs';
import { checkLibrary } from '../../../src/domain/scenario/library.ts';
import { playbooks, shippedScenarioFiles, taxonomyText } from '../engine/load.ts';
import { giveaways } from './giveaways.ts';
import { variantsOf } from './variants-seam.ts';

const named = process.argv.slice(2);
const files = named.length ? named.map((path) => ({ path, text: readFileSync(path, 'utf8') })) : shippedScenarioFiles();
let total = 0;
for (const file of checkLibrary(taxonomyText, files, playbooks).files) {
  if (!file.scenario) {
    console.log(`${file.path}: has errors, run npm run scenarios:check -- ${file.path}`);
    continue;
  }
  for (const { id, scenario } of variantsOf(file.scenario)) {
    for (const found of giveaways(scenario)) {
      total++;
      console.log(`${file.path} [${id}] ${found.stepId}: ${found.message}`);
    }
  }
}
console.log(`${total} giveaways`);
