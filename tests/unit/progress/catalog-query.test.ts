import { describe, expect, test } from 'vitest';
import { filterCatalog, isFiltered, readCatalogQuery, type CatalogItem } from '../../../src/domain/progress/catalog-query.ts';

const item = (id: string, category: string, level: number, state: CatalogItem['status']['state'], assignedDue?: string): CatalogItem => ({
  scenario: { id, title: id.replace(/-/g, ' '), summary: `A ${category} case`, category, level },
  status: { state, attempts: 0 },
  assignedDue,
});
const library = [
  item('credit-hold-month-end', 'credit-limit', 2, 'passed'),
  item('card-auth-expired', 'payment-authorization', 1, 'new', '2026-12-10'),
  item('denied-party-forwarder', 'export-screening', 3, 'practised'),
  item('monday-queue-triage', 'queue-triage', 3, 'in-progress'),
];
const labels: Record<string, string> = { 'credit-limit': 'Credit limit exceeded', 'export-screening': 'Export control or denied party' };
const label = (id: string) => labels[id] ?? id;
const ids = (query: string) => filterCatalog(library, readCatalogQuery(new URLSearchParams(query)), label).map((entry) => entry.scenario.id);

describe('filterCatalog', () => {
  test('no query keeps every scenario in order', () => {
    expect(ids('')).toEqual(library.map((entry) => entry.scenario.id));
    expect(isFiltered(readCatalogQuery(new URLSearchParams('')))).toBe(false);
  });
  test('search needs every word, in the title, summary or type label, in any case', () => {
    expect(ids('q=Denied+PARTY')).toEqual(['denied-party-forwarder']);
    expect(ids('q=credit+exceeded')).toEqual(['credit-hold-month-end']);
    expect(ids('q=credit+nowhere')).toEqual([]);
  });
  test('type, level, status and assigned narrow together', () => {
    expect(ids('level=3')).toEqual(['denied-party-forwarder', 'monday-queue-triage']);
    expect(ids('level=3&status=practised')).toEqual(['denied-party-forwarder']);
    expect(ids('category=credit-limit')).toEqual(['credit-hold-month-end']);
    expect(ids('assigned=on')).toEqual(['card-auth-expired']);
  });
  test('a value that makes no sense falls back to "any"', () => {
    expect(readCatalogQuery(new URLSearchParams('level=9&status=won&category=../x&assigned=yes'))).toEqual({
      q: '',
      category: '',
      level: '',
      status: '',
      assigned: '',
    });
  });
});
