// The unsaved text of a draft, kept in the browser's localStorage so a reload (or a crash) loses nothing.

/** What is kept for one scenario: the text, and the saved version it was edited from. */
export interface LocalDraft {
  text: string;
  /** The server's text when editing began (the base of a three-way merge). */
  baseText: string;
  /** The draft's version then: a save from it conflicts if someone has saved since. */
  baseVersion: number;
  /** When it was kept (ISO 8601). */
  keptAt: string;
}

/** What the editor starts from once the server's draft and any kept text are known. */
export interface StartingPoint {
  text: string;
  baseText: string;
  version: number;
  /** Set when unsaved text was restored; `behind` when the draft was saved by someone since it was kept. */
  restored?: { keptAt: string; behind: boolean };
}

/** One key per person and scenario, so two seniors sharing a browser do not see each other's text. */
export const localDraftKey = (username: string, id: string): string => `desk:draft:${username}:${id}`;

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The kept draft under `key`, or undefined when there is none or it is not one (a stale or foreign entry). */
export function readLocalDraft(storage: Storage, key: string): LocalDraft | undefined {
  let value: unknown;
  try {
    value = JSON.parse(storage.getItem(key) ?? 'null');
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  const { text, baseText, baseVersion, keptAt } = value as Record<string, unknown>;
  if (typeof text !== 'string' || typeof baseText !== 'string' || typeof keptAt !== 'string') return undefined;
  if (typeof baseVersion !== 'number' || !Number.isInteger(baseVersion) || baseVersion < 0) return undefined;
  return { text, baseText, baseVersion, keptAt };
}

/**
 * Keeps the text while it differs from the saved one, and forgets it once they are the same. Returns false
 * when the browser refused (storage full or disabled), so the editor can say the text is not kept.
 */
export function keepLocalDraft(storage: Storage, key: string, draft: LocalDraft): boolean {
  try {
    if (draft.text === draft.baseText) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/** Forgets the kept text (after a save, or when the author discards it). */
export function forgetLocalDraft(storage: Storage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Storage that cannot be read cannot hold a stale draft either.
  }
}

/**
 * Where editing starts: the server's draft, unless text kept in this browser differs from it. Kept text
 * edited from the current version simply continues; kept text from an older version keeps that version
 * and its base, so saving it meets the conflict (and the merge) rather than silently overwriting.
 */
export function startingPoint(server: { text: string; version: number }, kept: LocalDraft | undefined): StartingPoint {
  if (!kept || kept.text === server.text) return { text: server.text, baseText: server.text, version: server.version };
  const behind = kept.baseVersion !== server.version;
  return {
    text: kept.text,
    baseText: behind ? kept.baseText : server.text,
    version: behind ? kept.baseVersion : server.version,
    restored: { keptAt: kept.keptAt, behind },
  };
}
