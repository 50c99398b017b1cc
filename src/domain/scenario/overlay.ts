import type { UnplacedFinding } from './finding.ts';
import { didYouMean, nearest } from './suggest.ts';

type Path = (string | number)[];
type Data = Record<string, unknown>;

/** Lists whose items carry an `id` and merge by it (documents, queue items, options, items); `lines` merge by `line`, `holds` by `code`; any other list is replaced. */
const KEYED_LISTS: Record<string, { key: string; word: string }> = {
  documents: { key: 'id', word: 'document' },
  queue: { key: 'id', word: 'queue item' },
  options: { key: 'id', word: 'option' },
  items: { key: 'id', word: 'item' },
  lines: { key: 'line', word: 'order line' },
  holds: { key: 'code', word: 'hold' },
};

/** The parts of a scenario a variant may overlay. */
export const OVERLAY_PARTS = ['values', 'setting', 'case', 'steps', 'endings'] as const;

/** A scenario's data with one variant's overlay applied, and where each part of it was written. */
export interface Overlaid {
  data: Data;
  /** The place in the file a path of `data` came from: the base, or the variant's overlay. */
  origin(path: readonly (string | number)[]): Path;
  /** Overlay mistakes the merge itself finds (an unknown step, an item with no id), placed in the overlay. */
  problems: UnplacedFinding[];
}

const isMapping = (value: unknown): value is Data => value !== null && typeof value === 'object' && !Array.isArray(value);
const keyOf = (path: readonly (string | number)[]) => path.join('\u0000');

/**
 * Applies the overlay written at `overlayPath` (a variant) onto `base` by the overlay rules: mappings merge
 * key by key, keyed lists merge by their key (`remove: true` drops an item), other lists and scalars replace.
 */
export function applyOverlay(base: Data, overlay: Data, overlayPath: Path): Overlaid {
  const origins = new Map<string, Path>([[keyOf([]), []]]);
  const problems: UnplacedFinding[] = [];
  const problem = (code: string, path: Path, message: string) => problems.push({ severity: 'error', code, path, message });
  const warn = (code: string, path: Path, message: string) => problems.push({ severity: 'warning', code, path, message });

  function merge(baseValue: unknown, overValue: unknown, basePath: Path, overPath: Path, at: Path): unknown {
    if (overValue === undefined) {
      origins.set(keyOf(at), basePath);
      return baseValue;
    }
    if (isMapping(baseValue) && isMapping(overValue)) {
      origins.set(keyOf(at), basePath);
      const result: Data = { ...baseValue };
      for (const [key, value] of Object.entries(overValue)) {
        result[key] = merge(baseValue[key], value, [...basePath, key], [...overPath, key], [...at, key]);
      }
      return result;
    }
    const listKey = at.at(-1);
    const keyed = typeof listKey === 'string' ? KEYED_LISTS[listKey] : undefined;
    if (keyed && Array.isArray(baseValue) && Array.isArray(overValue)) {
      origins.set(keyOf(at), basePath);
      return mergeKeyed(baseValue, overValue, keyed, basePath, overPath, at);
    }
    origins.set(keyOf(at), overPath);
    return overValue;
  }

  function mergeKeyed(baseList: unknown[], overList: unknown[], keyed: { key: string; word: string }, basePath: Path, overPath: Path, at: Path): unknown[] {
    interface Entry {
      key: unknown;
      base?: { value: unknown; path: Path };
      over?: { value: Data; path: Path };
      removed?: boolean;
    }
    const identify = (item: unknown, index: number, fromBase: boolean): unknown => {
      const value = isMapping(item) ? item[keyed.key] : undefined;
      // A base order line written without a number is numbered 10, 20, 30 in order, as on the ERP screen.
      return value === undefined && fromBase && keyed.key === 'line' ? (index + 1) * 10 : value;
    };
    const entries: Entry[] = baseList.map((item, index) => ({ key: identify(item, index, true), base: { value: item, path: [...basePath, index] } }));
    overList.forEach((item, index) => {
      const key = identify(item, index, false);
      const written = [...overPath, index];
      if (!isMapping(item) || key === undefined) {
        problem(
          'overlay-no-key',
          written,
          `A variant's ${keyed.word} needs its "${keyed.key}" so it can be matched with the base ${keyed.word}. Add "${keyed.key}:" naming the ${keyed.word} it changes or adds.`,
        );
        return;
      }
      const found = entries.find((entry) => entry.key === key && !entry.removed);
      if (item.remove === true) {
        if (found?.base && !found.over) found.removed = true;
        else
          problem(
            'overlay-remove-unknown',
            [...written, 'remove'],
            `This variant removes ${keyed.word} "${String(key)}", which the base does not have.${didYouMean(
              String(key),
              entries.filter((entry) => entry.base).map((entry) => String(entry.key)),
            )}`,
          );
        return;
      }
      if (found?.over) problem('overlay-twice', written, `This variant lists ${keyed.word} "${String(key)}" twice. Write each change to it in one place.`);
      else if (found) found.over = { value: item, path: written };
      else {
        const close =
          keyed.key === 'line'
            ? undefined
            : nearest(
                String(key),
                entries.filter((entry) => entry.base).map((entry) => String(entry.key)),
              );
        if (close)
          warn(
            'overlay-new-item',
            [...written, keyed.key],
            `This variant adds ${keyed.word} "${String(key)}", which the base does not have, so it is added rather than changed. Did you mean "${close}"?`,
          );
        entries.push({ key, over: { value: item, path: written } });
      }
    });
    const kept = entries.filter((entry) => !entry.removed);
    if (keyed.key === 'line') kept.sort((a, b) => Number(a.key) - Number(b.key));
    return kept.map((entry, index) => {
      const here = [...at, index];
      if (entry.base && entry.over) return merge(entry.base.value, entry.over.value, entry.base.path, entry.over.path, here);
      const source = (entry.over ?? entry.base) as { value: unknown; path: Path };
      origins.set(keyOf(here), source.path);
      // A base line keeps the number it was matched by, so lines added before it do not renumber it.
      return keyed.key === 'line' && isMapping(source.value) && source.value.line === undefined ? { ...source.value, line: entry.key } : source.value;
    });
  }

  const data: Data = { ...base };
  for (const part of OVERLAY_PARTS) {
    if (overlay[part] === undefined) continue;
    let written = overlay[part];
    if ((part === 'steps' || part === 'endings') && isMapping(written)) {
      const known = isMapping(base[part]) ? Object.keys(base[part]) : [];
      const word = part === 'steps' ? 'step' : 'ending';
      for (const id of Object.keys(written).filter((id) => !known.includes(id))) {
        problem(
          'overlay-unknown-id',
          [...overlayPath, part, id],
          `This variant changes ${word} "${id}", which the base scenario does not have.${didYouMean(id, known)} A variant changes what ${part} say and where they lead; it cannot add or remove ${part}.`,
        );
      }
      written = Object.fromEntries(Object.entries(written).filter(([id]) => known.includes(id)));
    }
    data[part] = merge(base[part], written, [part], [...overlayPath, part], [part]);
  }

  return {
    data,
    problems,
    origin(path) {
      for (let length = path.length; length >= 0; length--) {
        const found = origins.get(keyOf(path.slice(0, length)));
        if (found) return [...found, ...path.slice(length)];
      }
      return [...path];
    },
  };
}
