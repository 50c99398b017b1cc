const DAY_MS = 86_400_000;

/** `today`, `yesterday`, `5 days ago`, or the date for anything older than a month. */
export function sinceWords(iso: string | undefined, now: Date): string {
  if (!iso) return 'never';
  const days = Math.floor((Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - Date.parse(`${iso.slice(0, 10)}T00:00:00Z`)) / DAY_MS);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return days <= 31 ? `${days} days ago` : iso.slice(0, 10);
}
