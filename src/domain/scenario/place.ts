type Path = readonly (string | number)[];

const idAt = (data: unknown, path: Path): string | undefined => {
  let value: unknown = data;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined;
  const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
};

const LIST_NAMES: Record<string, string> = {
  options: 'option',
  items: 'item',
  documents: 'document',
  queue: 'queue item',
  lines: 'line',
  holds: 'hold',
  next: 'branch',
  rubric: 'rubric line',
  answer: 'answer entry',
  reveal: 'reveal entry',
  competencies: 'competency',
  playbooks: 'playbook',
  categories: 'category',
  routes: 'route',
  variants: 'variant',
};

/** Turns a document path into words an author recognises: `Step "first-look", option "check-cash", "verdict"`. */
export function describePlace(path: Path, data: unknown): string {
  const parts: string[] = [];
  for (let index = 0; index < path.length; index++) {
    const key = path[index];
    const next = path[index + 1];
    if ((key === 'steps' || key === 'endings') && typeof next === 'string') {
      parts.push(`${key === 'steps' ? 'step' : 'ending'} "${next}"`);
      index++;
    } else if (key === 'case' && path.length > index + 1) {
      continue;
    } else if (typeof key === 'string' && typeof next === 'number' && LIST_NAMES[key]) {
      const id = idAt(data, path.slice(0, index + 2));
      parts.push(id ? `${LIST_NAMES[key]} "${id}"` : `${LIST_NAMES[key]} ${next + 1}`);
      index++;
    } else {
      parts.push(`"${String(key)}"`);
    }
  }
  if (parts.length === 0) return 'The scenario';
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
