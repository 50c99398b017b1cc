import { formatDuration } from '../clock.ts';
const LABELS: Record<string, string> = {
  po: 'PO',
  requestedShip: 'Requested ship',
  creditLimit: 'Credit limit',
  accountManager: 'Account manager',
  pastDue: 'Past due',
  shipVia: 'Ship via',
  shipTo: 'Ship to',
  billTo: 'Bill to',
  orderDate: 'Order date',
  incoterms: 'Incoterms',
  sku: 'SKU',
  uom: 'UoM',
};

/** `requestedShip` → `Requested ship`; known abbreviations keep their capitals. */
export function humanize(key: string): string {
  if (LABELS[key]) return LABELS[key] as string;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `$164,800.00` style money in the order's currency. */
export function money(amount: number, currency = 'USD'): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 2 }).format(amount);
  } catch {
    return `${amount.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${currency}`;
  }
}

/** Joins short texts with "; ", dropping each one's own closing full stop so none reads ".;". */
export const joinClauses = (texts: readonly string[]): string => texts.map((text) => text.trim().replace(/[.;]+$/, '')).join('; ');

/** `1 assessment`, `3 assessments`. */
export const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;
/** An effect as short phrases: `+2 h`, `-10 sentiment`, `$4,500.00`; nothing for a part that is zero. */
export function effectParts(effect: { minutes: number; sentiment: number; dollars: number }): string[] {
  return [
    effect.minutes > 0 ? `+${formatDuration(effect.minutes)}` : '',
    effect.sentiment !== 0 ? `${effect.sentiment > 0 ? '+' : ''}${effect.sentiment} sentiment` : '',
    effect.dollars > 0 ? money(effect.dollars) : '',
  ].filter(Boolean);
}

export const count = (value: number): string => value.toLocaleString('en-US');

/** Keys whose values are money, so the case file shows them with the currency. */
const MONEY_KEYS = new Set(['total', 'creditLimit', 'exposure', 'pastDue', 'openOrders', 'openAr', 'available', 'value', 'amount', 'freight']);

/** Keys whose numbers are years, shown as written (`2017`, not `2,017`). */
const YEAR_KEYS = new Set(['since', 'year', 'founded', 'established']);

/** A case-file field's value as the trainee reads it: money with its currency, years as written, counts grouped, Yes/No. */
export function fieldValue(key: string, value: string | number | boolean, currency: string): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') return value;
  if (MONEY_KEYS.has(key)) return money(value, currency);
  return YEAR_KEYS.has(key) ? String(value) : count(value);
}

/** `82%` from a share in [0, 1]. */
export const percent = (share: number | null | undefined): string => (share === null || share === undefined ? '–' : `${Math.round(share * 100)}%`);
