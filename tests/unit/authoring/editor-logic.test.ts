// The editor island's plain logic: the three-way merge, the text kept in the browser, placing findings
// in the text, and the debounced, latest-wins live check.
import { describe, expect, test, vi } from 'vitest';
import { mergeThreeWay } from '../../../src/components/author/editor/three-way-merge.ts';
import { keepLocalDraft, localDraftKey, readLocalDraft, startingPoint, forgetLocalDraft } from '../../../src/components/author/editor/local-draft.ts';
import { findingsToDiagnostics } from '../../../src/components/author/editor/diagnostics.ts';
import { createCheckScheduler, type Timers } from '../../../src/components/author/editor/check-scheduler.ts';
import type { Finding } from '../../../src/domain/scenario/finding.ts';

const BASE = ['# Comment kept', 'id: demo', 'title: Old title', 'summary: Old summary', 'level: 2', ''].join('\n');

describe('three-way merge', () => {
  test('changes to different lines are both kept, comments included', () => {
    const theirs = BASE.replace('title: Old title', 'title: Their title');
    const mine = BASE.replace('level: 2', 'level: 3  # mine');
    const merged = mergeThreeWay(BASE, theirs, mine);
    expect(merged).toEqual({ text: BASE.replace('title: Old title', 'title: Their title').replace('level: 2', 'level: 3  # mine'), conflicts: 0 });
  });

  test('the same line changed two ways is kept both ways between markers', () => {
    const theirs = BASE.replace('title: Old title', 'title: Their title');
    const mine = BASE.replace('title: Old title', 'title: My title');
    const merged = mergeThreeWay(BASE, theirs, mine, { mine: 'yours', theirs: 'saved by lee' });
    expect(merged.conflicts).toBe(1);
    expect(merged.text).toBe(
      [
        '# Comment kept',
        'id: demo',
        '<<<<<<< yours',
        'title: My title',
        '=======',
        'title: Their title',
        '>>>>>>> saved by lee',
        'summary: Old summary',
        'level: 2',
        '',
      ].join('\n'),
    );
  });

  test('the same change on both sides is no conflict; one side unchanged takes the other', () => {
    const changed = BASE.replace('level: 2', 'level: 4');
    expect(mergeThreeWay(BASE, changed, changed)).toEqual({ text: changed, conflicts: 0 });
    expect(mergeThreeWay(BASE, BASE, changed)).toEqual({ text: changed, conflicts: 0 });
    expect(mergeThreeWay(BASE, changed, BASE)).toEqual({ text: changed, conflicts: 0 });
  });
});

/** A localStorage stand-in; `full` makes every write throw, as a full or disabled storage does. */
function memoryStorage(full = false) {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (full) throw new DOMException('quota', 'QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('the unsaved text kept in the browser', () => {
  const key = localDraftKey('sam', 'demo');

  test('is kept while it differs from the saved text, and forgotten once they match', () => {
    const storage = memoryStorage();
    expect(keepLocalDraft(storage, key, { text: 'changed', baseText: BASE, baseVersion: 3, keptAt: '2026-12-03T10:00:00Z' })).toBe(true);
    expect(readLocalDraft(storage, key)).toEqual({ text: 'changed', baseText: BASE, baseVersion: 3, keptAt: '2026-12-03T10:00:00Z' });
    keepLocalDraft(storage, key, { text: BASE, baseText: BASE, baseVersion: 3, keptAt: '2026-12-03T10:01:00Z' });
    expect(readLocalDraft(storage, key)).toBeUndefined();
    keepLocalDraft(storage, key, { text: 'again', baseText: BASE, baseVersion: 3, keptAt: 'x' });
    forgetLocalDraft(storage, key);
    expect(storage.items.size).toBe(0);
  });

  test('is per person and scenario, and an entry that is not a draft reads as none', () => {
    expect(localDraftKey('sam', 'demo')).not.toBe(localDraftKey('lee', 'demo'));
    expect(localDraftKey('sam', 'demo')).not.toBe(localDraftKey('sam', 'other'));
    const storage = memoryStorage();
    for (const junk of ['not json', '"text"', JSON.stringify({ text: 'a', baseText: 'b', baseVersion: -1, keptAt: 'x' }), JSON.stringify({ text: 1 })]) {
      storage.items.set(key, junk);
      expect(readLocalDraft(storage, key), junk).toBeUndefined();
    }
  });

  test('a storage that refuses says so instead of throwing', () => {
    expect(keepLocalDraft(memoryStorage(true), key, { text: 'x', baseText: BASE, baseVersion: 1, keptAt: 'x' })).toBe(false);
  });

  test('editing starts from the server, or from kept text that differs; kept text from an older version keeps its base to merge', () => {
    const server = { text: BASE, version: 4 };
    expect(startingPoint(server, undefined)).toEqual({ text: BASE, baseText: BASE, version: 4 });
    expect(startingPoint(server, { text: BASE, baseText: 'old', baseVersion: 2, keptAt: 't' })).toEqual({ text: BASE, baseText: BASE, version: 4 });
    expect(startingPoint(server, { text: 'mine', baseText: BASE, baseVersion: 4, keptAt: 't' })).toEqual({
      text: 'mine',
      baseText: BASE,
      version: 4,
      restored: { keptAt: 't', behind: false },
    });
    expect(startingPoint(server, { text: 'mine', baseText: 'older', baseVersion: 2, keptAt: 't' })).toEqual({
      text: 'mine',
      baseText: 'older',
      version: 2,
      restored: { keptAt: 't', behind: true },
    });
  });
});

describe('findings placed in the text', () => {
  const finding = (line: number, column: number, severity: Finding['severity'] = 'error'): Finding => ({
    severity,
    code: 'x',
    message: `at ${line}:${column}`,
    path: [],
    line,
    column,
  });

  test('a finding marks the word at its line and column', () => {
    const [placed] = findingsToDiagnostics([finding(3, 8)], BASE);
    expect(BASE.slice(placed!.from, placed!.to)).toBe('Old');
    expect(placed).toMatchObject({ severity: 'error', message: 'at 3:8' });
  });

  test('a place past the line or the text stays inside it', () => {
    const [pastLine, pastText, zero] = findingsToDiagnostics([finding(2, 99, 'warning'), finding(99, 1), finding(0, 0)], BASE);
    expect(pastLine).toMatchObject({ from: BASE.indexOf('\ntitle'), to: BASE.indexOf('\ntitle'), severity: 'warning' });
    expect(pastText).toMatchObject({ from: BASE.length, to: BASE.length });
    expect(BASE.slice(zero!.from, zero!.to)).toBe('#');
  });
});

/** Timers run by hand: `advance(ms)` fires what is due. */
function manualTimers(): Timers & { advance(ms: number): void } {
  let now = 0;
  const due = new Map<number, { at: number; callback: () => void }>();
  let next = 1;
  return {
    setTimeout: (callback, ms) => {
      due.set(next, { at: now + ms, callback });
      return next++;
    },
    clearTimeout: (handle) => void due.delete(handle as number),
    advance(ms) {
      now += ms;
      for (const [handle, timer] of [...due]) {
        if (timer.at > now) continue;
        due.delete(handle);
        timer.callback();
      }
    },
  };
}

describe('the live check scheduler', () => {
  test('waits for a pause in typing, then checks only the latest text', async () => {
    const timers = manualTimers();
    const run = vi.fn(async (text: string) => `checked ${text}`);
    const results: string[] = [];
    const scheduler = createCheckScheduler<string, string>({ delayMs: 400, run, onResult: (result) => results.push(result), onError: () => {}, timers });
    scheduler.schedule('a');
    timers.advance(300);
    scheduler.schedule('ab');
    timers.advance(300);
    expect(run).not.toHaveBeenCalled();
    timers.advance(100);
    expect(run).toHaveBeenCalledTimes(1);
    expect(run.mock.calls[0]?.[0]).toBe('ab');
    await vi.waitFor(() => expect(results).toEqual(['checked ab']));
  });

  test('an answer that arrives after newer typing is dropped, and the older request is aborted', async () => {
    const timers = manualTimers();
    const pending: { text: string; signal: AbortSignal; resolve: (value: string) => void }[] = [];
    const run = (text: string, signal: AbortSignal) => new Promise<string>((resolve) => pending.push({ text, signal, resolve }));
    const results: string[] = [];
    const scheduler = createCheckScheduler<string, string>({ delayMs: 400, run, onResult: (result) => results.push(result), onError: () => {}, timers });
    scheduler.now('first');
    scheduler.schedule('second');
    pending[0]?.resolve('first done');
    await Promise.resolve();
    timers.advance(400);
    expect(pending[0]?.signal.aborted).toBe(true);
    pending[1]?.resolve('second done');
    await vi.waitFor(() => expect(results).toEqual(['second done']));
  });

  test('errors are reported for the latest request only, and nothing after dispose', async () => {
    const timers = manualTimers();
    const errors: string[] = [];
    const scheduler = createCheckScheduler<string, string>({
      delayMs: 10,
      run: async (text) => {
        throw new Error(`refused ${text}`);
      },
      onResult: () => {},
      onError: (error) => errors.push(error.message),
      timers,
    });
    scheduler.now('x');
    await vi.waitFor(() => expect(errors).toEqual(['refused x']));
    scheduler.schedule('y');
    scheduler.dispose();
    timers.advance(10);
    await Promise.resolve();
    expect(errors).toEqual(['refused x']);
  });
});
