// Shared by the scenario tests: edit a fixture's text exactly where meant, and find where a needle is.

/** The text with each `from` replaced by its `to`; throws unless `from` occurs exactly once, so an edit never silently misses. */
export function edit(text: string, ...changes: [from: string, to: string][]): string {
  return changes.reduce((result, [from, to]) => {
    const count = result.split(from).length - 1;
    if (count !== 1) throw new Error(`expected ${JSON.stringify(from)} once in the fixture, found it ${count} times`);
    return result.replace(from, () => to);
  }, text);
}

/** 1-based line and column of the `occurrence`th `needle` in `text`. */
export function where(text: string, needle: string, occurrence = 1) {
  let index = -1;
  for (let seen = 0; seen < occurrence; seen++) index = text.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`${JSON.stringify(needle)} not in text`);
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
