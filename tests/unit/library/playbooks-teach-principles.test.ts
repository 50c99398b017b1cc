// Playbooks teach principles, not answers: none may name a customer, purchase order, order or invoice number, or SKU that a scenario uses.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkLibrary } from '../../../src/domain/scenario/library.ts';
import { playbooks, scenarioFrom, shippedScenarioFiles, taxonomyText, fixtureText } from '../../support/scenarios.ts';
import { identifiersOf, mentions, type Identifier } from './identifiers.ts';
import { variantsOf } from './variants-seam.ts';

const playbooksDir = new URL('../../../content/playbooks/', import.meta.url);
/** People are left out: a playbook may name a role-holder of its own, and names of people are not an answer. */
const ANSWER_KINDS = new Set<Identifier['kind']>(['customer', 'purchase order', 'order or invoice', 'sku']);

/** One line per identifier a playbook shares with a scenario: "playbook.md: kind "value" (scenario.yaml)". */
function reused(pages: { name: string; text: string }[], scenarios: { path: string; identifiers: Identifier[] }[]): string[] {
  return pages.flatMap((page) =>
    scenarios.flatMap((scenario) =>
      scenario.identifiers
        .filter((identifier) => ANSWER_KINDS.has(identifier.kind) && mentions(page.text, identifier.value))
        .map((identifier) => `${page.name}: ${identifier.kind} "${identifier.value}" (${scenario.path})`),
    ),
  );
}

describe('playbooks teach principles, not answers', () => {
  test('a playbook that names a scenario customer, PO, order number or SKU is reported', () => {
    const text = fixtureText('kitchen-sink.yaml');
    const sink = { path: 'kitchen-sink.yaml', identifiers: identifiersOf(scenarioFrom(text, 'kitchen-sink'), text) };
    const customer = sink.identifiers.find((identifier) => identifier.kind === 'customer')!;
    const sku = sink.identifiers.find((identifier) => identifier.kind === 'sku')!;
    expect(customer, 'the fixture has a customer').toBeDefined();
    expect(sku, 'the fixture has a SKU').toBeDefined();
    const pages = [
      { name: 'leaky.md', text: `## What to check first\n\n- **Customer:** ${customer.value}\n- **Item:** ${sku.value}, 12 EA` },
      { name: 'neutral.md', text: '## What to check first\n\n- **Item:** the SKU and quantity ordered' },
    ];
    expect(reused(pages, [sink])).toEqual([`leaky.md: customer "${customer.value}" (kitchen-sink.yaml)`, `leaky.md: sku "${sku.value}" (kitchen-sink.yaml)`]);
  });

  test('no playbook in content/playbooks names a customer, PO, order or invoice number, or SKU from any scenario or variant', () => {
    const sources = shippedScenarioFiles();
    const scenarios = checkLibrary(taxonomyText, sources, playbooks).files.flatMap((file) => {
      if (!file.scenario) return [];
      const text = sources.find((source) => source.path === file.path)!.text;
      return [{ path: file.path, identifiers: variantsOf(file.scenario).flatMap(({ scenario }) => identifiersOf(scenario, text)) }];
    });
    expect(scenarios.length).toBe(sources.length);
    const pages = readdirSync(playbooksDir)
      .filter((name) => name.endsWith('.md'))
      .map((name) => ({ name, text: readFileSync(new URL(name, playbooksDir), 'utf8') }));
    expect(pages.length).toBeGreaterThan(0);
    const found = reused(pages, scenarios);
    if (found.length) console.log(`${found.length} scenario identifiers in playbooks:\n${found.join('\n')}`);
    expect(found).toEqual([]);
  });
});
