// Every person, customer, purchase order, order number and SKU belongs to one scenario: the same name in two files reads as the same person doing two jobs.
import { describe, expect, test } from 'vitest';
import { checkLibrary } from '../../../src/domain/scenario/library.ts';
import { playbooks, scenarioFrom, shippedScenarioFiles, taxonomyText, fixtureText } from '../../support/scenarios.ts';
import { identifiersOf, mentions } from './identifiers.ts';
import { variantsOf } from './variants-seam.ts';

const sources = shippedScenarioFiles();
const shipped = checkLibrary(taxonomyText, sources, playbooks).files;

/** One line per identifier that more than one file names: "kind "value": a.yaml, b.yaml". */
function clashes(files: { path: string; text: string; introduces: ReturnType<typeof identifiersOf> }[]): string[] {
  const found = new Map<string, Set<string>>();
  for (const file of files) {
    for (const { kind, value } of file.introduces) {
      const named = files.filter((other) => other === file || mentions(other.text, value)).map((other) => other.path);
      if (named.length > 1) found.set(`${kind} "${value}"`, new Set([...(found.get(`${kind} "${value}"`) ?? []), ...named]));
    }
  }
  return [...found].map(([identifier, paths]) => `${identifier}: ${[...paths].sort().join(', ')}`);
}

describe('identifiers across the library', () => {
  test('a person named in two files is reported', () => {
    const sink = scenarioFrom(fixtureText('kitchen-sink.yaml'), 'kitchen-sink');
    const introduces = identifiersOf(sink, fixtureText('kitchen-sink.yaml'));
    const person = introduces.find((identifier) => identifier.kind === 'person');
    expect(person, 'the fixture names a person').toBeDefined();
    const other = { path: 'other.yaml', text: `from: ${person!.value} (Shipper)`, introduces: [] };
    expect(clashes([{ path: 'kitchen-sink.yaml', text: fixtureText('kitchen-sink.yaml'), introduces }, other])).toEqual([
      `person "${person!.value}": kitchen-sink.yaml, other.yaml`,
    ]);
  });

  test('no person, customer, purchase order, order or invoice number, or SKU appears in two scenario files', () => {
    const files = shipped.flatMap((file) => {
      const text = sources.find((source) => source.path === file.path)!.text;
      // Each variant may bring its own customer, people and numbers; all of them belong to this file.
      const introduces = file.scenario ? variantsOf(file.scenario).flatMap(({ scenario }) => identifiersOf(scenario, text)) : [];
      return file.scenario ? [{ path: file.path, text, introduces }] : [];
    });
    expect(files.length).toBe(sources.length);
    const found = clashes(files);
    if (found.length) console.log(`${found.length} shared identifiers:\n${found.join('\n')}`);
    expect(found).toEqual([]);
  });
});
