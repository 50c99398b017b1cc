// The people, purchase orders, order and invoice numbers, SKUs and customers a scenario file introduces, for the library's uniqueness test.
import type { Scenario } from '../../../src/domain/scenario/schema.ts';

export type IdentifierKind = 'person' | 'customer' | 'purchase order' | 'order or invoice' | 'sku';

export interface Identifier {
  kind: IdentifierKind;
  value: string;
}

/** Case-file keys whose value names a person (a contact, an account manager, who signed). */
const PERSON_KEY = /manager|contact|signed|buyer|rep$|coordinator|analyst|owner|requester|person|enteredBy|approvedBy/i;
/** "Marta Lindqvist", "Derek O'Neil", "Khalid Omar Al-Rashidi": two to four capitalised words, nothing else. */
const FULL_NAME = /^([A-Z][a-z]+(?:[ '-][A-Z][A-Za-z'-]+){1,3})(?=$| \(| <|, )/;
/** Purchase orders the case names in its text: PO-771934, PO 4500982217, "PO KTS-55102". */
const PO_IN_TEXT = /\bPO[- ](\d{5,}|[A-Z]{2,5}-\d[\d-]{3,})\b/g;
/** Our own sales orders and invoices: SO-2218233, INV-2026-12031. */
const DOCUMENT_NUMBER = /\b(?:SO|INV)-\d[\d-]{4,}\b/g;

const personIn = (text: string) => FULL_NAME.exec(text.trim())?.[1];

/** Everything a scenario introduces that must not reappear, as someone or something else, in another file. */
export function identifiersOf(scenario: Scenario, text: string): Identifier[] {
  const found: Identifier[] = [];
  const add = (kind: IdentifierKind, value: string | undefined) => {
    if (value && !found.some((known) => known.kind === kind && known.value === value)) found.push({ kind, value });
  };
  const { order, customer, queue = [], lines, documents } = scenario.case;
  for (const [key, value] of [...Object.entries(order ?? {}), ...Object.entries(customer ?? {})]) {
    if (typeof value === 'string' && PERSON_KEY.test(key)) add('person', personIn(value));
  }
  for (const document of documents) add('person', personIn(document.from));
  // "Brightway Stores, Inc." is still Brightway Stores when another file names it.
  for (const name of [customer?.name, ...queue.map((item) => item.customer)])
    if (name) add('customer', name.replace(/,?\s+(?:Inc|LLC|Ltd|FZE|Corp|Co)\.?$/, ''));
  if (order?.po) add('purchase order', String(order.po));
  for (const match of text.matchAll(PO_IN_TEXT)) add('purchase order', match[1]);
  if (order) add('order or invoice', String(order.number));
  for (const item of queue) add('order or invoice', item.order);
  for (const match of text.matchAll(DOCUMENT_NUMBER)) add('order or invoice', match[0]);
  for (const line of lines) add('sku', line.sku);
  return found;
}

/** True when `value` stands in `text` as a whole token, not as part of a longer one. */
export function mentions(text: string, value: string): boolean {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`).test(text);
}
