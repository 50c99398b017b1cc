/** Edit distance between two short names (Levenshtein). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The candidate closest to a misspelt name, if one is close enough to be what was meant. */
export function nearest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  const tolerance = Math.max(2, Math.floor(name.length / 3));
  return bestDistance <= tolerance ? best : undefined;
}

/** ` Did you mean "x"?` or nothing. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const match = nearest(name, candidates);
  return match ? ` Did you mean "${match}"?` : '';
}

/** `"a", "b" or "c"` for messages. */
export function listOf(values: readonly unknown[], joiner = 'or'): string {
  const quoted = values.map((value) => JSON.stringify(value));
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${joiner} ${quoted.at(-1)}`;
}

/**
 * ` Did you mean "x"?` for a taxonomy term: by a close id, else by a term whose label or description
 * holds every word of the name (`account-manager` finds the route labelled "Sales / account manager").
 */
export function didYouMeanTerm(name: string, terms: readonly { id: string; label: string; description: string }[]): string {
  const byId = nearest(
    name,
    terms.map((term) => term.id),
  );
  if (byId) return ` Did you mean "${byId}"?`;
  const words = name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length >= 3);
  if (!words.length) return '';
  const holds = (text: string) => words.every((word) => text.toLowerCase().includes(word));
  const match = terms.find((term) => holds(term.label)) ?? terms.find((term) => holds(`${term.label} ${term.description}`));
  return match ? ` Did you mean "${match.id}" (${match.label})?` : '';
}
