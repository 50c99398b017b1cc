import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { LiveCheckRequest, LiveCheckResponse } from '../../../domain/authoring/live-check.ts';
import { MAX_SOURCE_BYTES, utf8Bytes } from '../../../domain/authoring/source-limits.ts';
import type { Finding } from '../../../domain/scenario/finding.ts';
import { createCheckScheduler, type CheckScheduler } from './check-scheduler.ts';
import { findingsToDiagnostics, type PlacedDiagnostic } from './diagnostics.ts';
import { loadDraft, runCheck, saveDraft, tally, type DraftState, type TheirDraft } from './draft-api.ts';
import { forgetLocalDraft, keepLocalDraft, localDraftKey, readLocalDraft, startingPoint } from './local-draft.ts';
import { mergeThreeWay } from './three-way-merge.ts';
import SourceEditor, { type SourceEditorHandle } from './SourceEditor.tsx';
import { StructuredEditor } from './StructuredEditor.tsx';
import FindingsList from './FindingsList.tsx';
import ConflictPanel from './ConflictPanel.tsx';

/** How long typing must pause before the live check runs. */
export const CHECK_DELAY_MS = 400;

type View = 'form' | 'source';
type Load = { phase: 'loading' } | { phase: 'failed'; status: number; error: string } | { phase: 'ready' };
type Notice = { tone: 'good' | 'warn' | 'bad'; text: string; discard?: boolean };

const STATUS_WORDS: Record<DraftState['status'], string> = {
  none: 'No draft yet: this is the published text',
  editing: 'Draft',
  'in-review': 'Draft in review',
  'changes-requested': 'Draft: changes requested',
};
const when = (iso: string | undefined) => (iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '');
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
const browserStorage = () => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
};

/**
 * The scenario editor: one draft, in a form view and a YAML source view, checked while the author types
 * (findings inline and listed, the map redrawn, a step shown as a trainee sees it), saved with a message
 * and a conflict check, kept in this browser until saved, and submitted for review or published.
 */
export default function DraftEditor({ id, username, styleNonce }: { id: string; username: string; styleNonce?: string }) {
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const [meta, setMeta] = useState<DraftState>();
  const [text, setText] = useState('');
  const [baseText, setBaseText] = useState('');
  const [version, setVersion] = useState(0);
  const [view, setView] = useState<View>('source');
  const [check, setCheck] = useState<LiveCheckResponse>();
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<string>();
  const [diagnostics, setDiagnostics] = useState<PlacedDiagnostic[]>([]);
  const [drawn, setDrawn] = useState<{ mapHtml: string; previewHtml: string }>();
  const [variant, setVariant] = useState<string>();
  const [step, setStep] = useState<string>();
  const [message, setMessage] = useState('');
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const [conflict, setConflict] = useState<TheirDraft>();
  const [notKept, setNotKept] = useState(false);
  const [jump, setJump] = useState<{ line: number; column: number }>();
  const source = useRef<SourceEditorHandle>(null);
  const textNow = useRef(text);
  textNow.current = text;
  const storageKey = localDraftKey(username, id);

  const scheduler = useRef<CheckScheduler<LiveCheckRequest>>(undefined);
  useEffect(() => {
    const created = createCheckScheduler<LiveCheckRequest, LiveCheckResponse>({
      delayMs: CHECK_DELAY_MS,
      run: (request, signal) => {
        setChecking(true);
        return runCheck(request, signal);
      },
      onResult: (result, request) => {
        setChecking(false);
        // Findings are placed in the text they were found in; a newer text waits for its own check.
        if (request.text !== textNow.current) return;
        setCheckError(undefined);
        setCheck(result);
        setDiagnostics(findingsToDiagnostics(result.findings, request.text));
        if (result.mapHtml) setDrawn({ mapHtml: result.mapHtml, previewHtml: result.previewHtml });
        if (result.variant) setVariant(result.variant);
        if (result.step) setStep(result.step);
      },
      onError: (error) => {
        setChecking(false);
        setCheckError(error.message);
      },
    });
    scheduler.current = created;
    return () => created.dispose();
  }, []);

  const request = useCallback(
    (next: string, choice: { variant?: string; step?: string } = {}): LiveCheckRequest | undefined => {
      if (utf8Bytes(next) > MAX_SOURCE_BYTES) {
        setCheckError(`The text is larger than ${MAX_SOURCE_BYTES / 1024} KB, so it is not checked or saved. Split the scenario, or shorten its documents.`);
        return undefined;
      }
      const chosenVariant = choice.variant ?? variant;
      const chosenStep = choice.step ?? step;
      return { text: next, id, ...(chosenVariant ? { variant: chosenVariant } : {}), ...(chosenStep ? { step: chosenStep } : {}) };
    },
    [id, variant, step],
  );

  // Load the draft, and any unsaved text this browser kept for it.
  useEffect(() => {
    let live = true;
    void loadDraft(id).then((loaded) => {
      if (!live) return;
      if ('error' in loaded) return setLoad({ phase: 'failed', status: loaded.status, error: loaded.error });
      const storage = browserStorage();
      const start = startingPoint(loaded.draft, storage ? readLocalDraft(storage, storageKey) : undefined);
      setMeta(loaded.draft);
      setText(start.text);
      setBaseText(start.baseText);
      setVersion(start.version);
      if (start.restored)
        setNotice({
          tone: 'warn',
          discard: true,
          text: `Restored your unsaved changes from ${when(start.restored.keptAt)}; they are not saved yet.${
            start.restored.behind ? ' The draft has been saved by someone since: saving will show both versions to merge.' : ''
          }`,
        });
      setLoad({ phase: 'ready' });
      const first = { text: start.text, id };
      if (utf8Bytes(start.text) <= MAX_SOURCE_BYTES) scheduler.current?.now(first);
    });
    return () => {
      live = false;
    };
  }, [id, storageKey]);

  const edit = useCallback(
    (next: string) => {
      setText(next);
      const storage = browserStorage();
      setNotKept(storage ? !keepLocalDraft(storage, storageKey, { text: next, baseText, baseVersion: version, keptAt: new Date().toISOString() }) : true);
      const asked = request(next);
      if (asked) scheduler.current?.schedule(asked);
    },
    [baseText, version, request, storageKey],
  );

  const choose = (choice: { variant?: string; step?: string }) => {
    if (choice.variant !== undefined) setVariant(choice.variant);
    if (choice.step !== undefined) setStep(choice.step);
    const asked = request(text, choice.variant !== undefined ? { variant: choice.variant, step: '' } : choice);
    if (asked) scheduler.current?.now(asked);
  };

  const save = async (over = version) => {
    if (saving) return;
    if (utf8Bytes(text) > MAX_SOURCE_BYTES) {
      setNotice({
        tone: 'bad',
        text: `The text is larger than ${MAX_SOURCE_BYTES / 1024} KB and cannot be saved. Split the scenario, or shorten its documents.`,
      });
      return;
    }
    setSaving(true);
    const sent = text;
    const outcome = await saveDraft(id, sent, over, message);
    setSaving(false);
    if (outcome.kind === 'conflict') {
      setConflict(outcome.current);
      setNotice(undefined);
      return;
    }
    if (outcome.kind === 'failed') {
      setNotice({ tone: 'bad', text: outcome.error });
      return;
    }
    const { saved } = outcome;
    setConflict(undefined);
    setVersion(saved.version);
    setBaseText(sent);
    setMessage('');
    setMeta((current) => current && { ...current, version: saved.version, status: saved.status, updatedBy: saved.updatedBy, updatedAt: saved.updatedAt });
    const storage = browserStorage();
    if (storage) {
      if (textNow.current === sent) forgetLocalDraft(storage, storageKey);
      else keepLocalDraft(storage, storageKey, { text: textNow.current, baseText: sent, baseVersion: saved.version, keptAt: new Date().toISOString() });
    }
    setNotice({
      tone: saved.errors ? 'warn' : 'good',
      text: `Saved as version ${saved.version} at ${when(saved.updatedAt)}: ${plural(saved.errors, 'error')}, ${plural(saved.warnings, 'warning')}.${
        saved.errors ? ' A draft with errors is kept, but cannot be submitted until they are fixed.' : ''
      }${saved.status === 'editing' && meta?.status === 'in-review' ? ' Saving took the draft back out of review.' : ''}`,
    });
  };

  const takeTheirs = (theirs: TheirDraft) => {
    setText(theirs.text);
    setBaseText(theirs.text);
    setVersion(theirs.version);
    setConflict(undefined);
    const storage = browserStorage();
    if (storage) forgetLocalDraft(storage, storageKey);
    setNotice({
      tone: 'good',
      text: `Loaded version ${theirs.version}${theirs.updatedBy ? `, saved by ${theirs.updatedBy}` : ''}. Your changes were set aside.`,
    });
    const asked = request(theirs.text);
    if (asked) scheduler.current?.now(asked);
  };

  const merge = (theirs: TheirDraft) => {
    const merged = mergeThreeWay(baseText, theirs.text, text, { mine: 'yours (not saved)', theirs: `saved by ${theirs.updatedBy ?? 'someone else'}` });
    setText(merged.text);
    setBaseText(theirs.text);
    setVersion(theirs.version);
    setConflict(undefined);
    const storage = browserStorage();
    if (storage)
      keepLocalDraft(storage, storageKey, { text: merged.text, baseText: theirs.text, baseVersion: theirs.version, keptAt: new Date().toISOString() });
    setNotice({
      tone: merged.conflicts ? 'warn' : 'good',
      text: merged.conflicts
        ? `Merged. ${plural(merged.conflicts, 'place')} where you both changed the same lines ${merged.conflicts === 1 ? 'is' : 'are'} marked between <<<<<<< and >>>>>>> in the source: keep one side, delete the markers, then save.`
        : 'Merged: your changes and theirs touch different lines, and both are in the text now. Check it, then save.',
    });
    if (merged.conflicts) setView('source');
    const asked = request(merged.text);
    if (asked) scheduler.current?.now(asked);
  };

  const discardRestored = () => {
    if (!meta) return;
    const storage = browserStorage();
    if (storage) forgetLocalDraft(storage, storageKey);
    setNotice(undefined);
    setText(meta.text);
    setBaseText(meta.text);
    setVersion(meta.version);
    const asked = request(meta.text);
    if (asked) scheduler.current?.now(asked);
  };

  // A finding's "go to" switches to the source first; the jump happens once the source view shows.
  useEffect(() => {
    if (!jump || view !== 'source') return;
    source.current?.jumpTo(jump.line, jump.column);
    setJump(undefined);
  }, [jump, view]);

  const findings: Finding[] = check?.findings ?? [];
  const counts = tally(findings);
  const unsaved = text !== baseText;
  const status = meta ? (meta.status === 'none' && version > 0 ? 'editing' : meta.status) : 'none';
  const submitBlock = useMemo(() => {
    if (counts.errors) return `Fix the ${plural(counts.errors, 'error')} first: a draft with errors can be saved, not submitted.`;
    if (unsaved) return 'Save your changes first: what is submitted is the saved draft.';
    if (version === 0) return 'Save a draft first.';
    if (checking || !check) return 'Waiting for the check.';
    if (status === 'in-review') return 'This draft is already in review.';
    return undefined;
  }, [unsaved, version, checking, check, counts.errors, status]);

  if (load.phase === 'loading') return <p className="muted">Loading the draft…</p>;
  if (load.phase === 'failed')
    return (
      <div className="notice bad" role="alert">
        <p>{load.error}</p>
        {load.status === 404 && (
          <p>
            <a href="/author/new">Start a new scenario</a> or go back to <a href="/author">all scenarios</a>.
          </p>
        )}
      </div>
    );

  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void save();
    }
  };
  const tabKeys = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next: View = view === 'form' ? 'source' : 'form';
    setView(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  const stale = Boolean(drawn) && check !== undefined && !check.mapHtml;
  const several = (check?.variants.length ?? 0) > 1;

  return (
    <div className="draft-editor" onKeyDown={onKeyDown}>
      <p className="draft-status" role="status">
        <span className="badge info">{STATUS_WORDS[status]}</span>{' '}
        {version > 0
          ? `Version ${version}${meta?.updatedBy ? `, saved by ${meta.updatedBy}` : ''}${meta?.updatedAt ? ` on ${when(meta.updatedAt)}` : ''}.`
          : 'Not saved as a draft yet.'}{' '}
        {unsaved && <strong>Unsaved changes{notKept ? ' (this browser cannot keep them: save soon)' : ' (kept in this browser until you save)'}.</strong>}
      </p>
      {notice && (
        <div className={`notice ${notice.tone}`} role={notice.tone === 'bad' ? 'alert' : 'status'}>
          <p>{notice.text}</p>
          {notice.discard && (
            <button type="button" className="secondary" onClick={discardRestored}>
              Discard them and load the saved draft
            </button>
          )}
        </div>
      )}
      {conflict && (
        <ConflictPanel
          theirs={conflict}
          onReload={() => takeTheirs(conflict)}
          onKeepMine={() => void save(conflict.version)}
          onMerge={() => merge(conflict)}
          busy={saving}
        />
      )}
      <div className="editor-layout">
        <section className="card editor-card" aria-labelledby="editor-heading">
          <h2 id="editor-heading">The scenario</h2>
          <div className="view-tabs" role="tablist" aria-label="View of the draft" onKeyDown={tabKeys}>
            {(['form', 'source'] as const).map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                id={`tab-${name}`}
                aria-selected={view === name}
                aria-controls={`panel-${name}`}
                tabIndex={view === name ? 0 : -1}
                onClick={() => setView(name)}
              >
                {name === 'form' ? 'Form' : 'Source'}
              </button>
            ))}
          </div>
          <div role="tabpanel" id="panel-form" aria-labelledby="tab-form" hidden={view !== 'form'}>
            {view === 'form' && <StructuredEditor text={text} onChange={edit} findings={findings} />}
          </div>
          <div role="tabpanel" id="panel-source" aria-labelledby="tab-source" hidden={view !== 'source'}>
            <p className="small muted" id="source-label">
              YAML source. Tab leaves the editor; findings are underlined, with a mark in the margin (Ctrl+Shift+M lists them).
            </p>
            <SourceEditor ref={source} text={text} onChange={edit} diagnostics={diagnostics} labelledBy="source-label" styleNonce={styleNonce} />
          </div>
        </section>
        <div className="side-column">
          <section className="card" aria-labelledby="check-heading">
            <h2 id="check-heading">Check</h2>
            <p role="status" aria-live="polite" className="check-state">
              {checkError ? '' : checking || !check ? 'Checking…' : `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}`}
            </p>
            {checkError && (
              <p className="notice bad" role="alert">
                {checkError}
              </p>
            )}
            {check && <FindingsList findings={findings} onGoTo={(finding) => setJump({ line: finding.line, column: finding.column })} />}
          </section>
          <section className="card" aria-labelledby="save-heading">
            <h2 id="save-heading">Save and submit</h2>
            <form
              className="save-form"
              onSubmit={(event) => {
                event.preventDefault();
                void save();
              }}
            >
              <label htmlFor="save-message">What changed (kept in the history)</label>
              <input id="save-message" value={message} maxLength={500} onChange={(event) => setMessage(event.target.value)} />
              <button className="primary" type="submit" disabled={saving} aria-busy={saving}>
                {saving ? 'Saving…' : 'Save draft'}
              </button>
            </form>
            <form method="post" action={`/author/${encodeURIComponent(id)}/submit`} className="submit-form">
              {meta && !meta.reviewRequired && <input type="hidden" name="intent" value="publish" />}
              <button className="secondary" type="submit" disabled={Boolean(submitBlock)} aria-describedby={submitBlock ? 'submit-block' : undefined}>
                {meta && !meta.reviewRequired ? 'Publish' : 'Submit for review'}
              </button>
              {submitBlock && (
                <p className="small muted" id="submit-block">
                  {submitBlock}
                </p>
              )}
            </form>
            <p>
              <a href={`/author/${encodeURIComponent(id)}/playtest?draft=1`}>Playtest the saved draft</a>
            </p>
          </section>
        </div>
      </div>
      <section className="card live-map" aria-labelledby="live-map-heading">
        <h2 id="live-map-heading">Map</h2>
        {several && check && (
          <p className="inline-field">
            <label htmlFor="live-variant">Variant</label>
            <select id="live-variant" value={variant} onChange={(event) => choose({ variant: event.target.value })}>
              {check.variants.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.id}: {entry.title}
                </option>
              ))}
            </select>
          </p>
        )}
        {stale && <p className="notice warn">The map and preview show the last version without errors. Fix the errors to redraw them.</p>}
        {/* The map and preview are the studio's own components, rendered by the server from this text. */}
        {drawn ? (
          <div className="live-html" dangerouslySetInnerHTML={{ __html: drawn.mapHtml }} />
        ) : (
          <p className="muted">The map appears once the text has no errors.</p>
        )}
      </section>
      <section className="card live-preview" aria-labelledby="live-preview-heading">
        <h2 id="live-preview-heading">Preview: a step as a trainee sees it</h2>
        {check && check.steps.length > 0 && (
          <p className="inline-field">
            <label htmlFor="live-step">Step</label>
            <select id="live-step" value={step} onChange={(event) => choose({ step: event.target.value })}>
              {check.steps.map((entry) => (
                <option key={entry} value={entry}>
                  {entry}
                </option>
              ))}
            </select>
          </p>
        )}
        {drawn ? (
          <div className="live-html" dangerouslySetInnerHTML={{ __html: drawn.previewHtml }} />
        ) : (
          <p className="muted">The preview appears once the text has no errors.</p>
        )}
      </section>
    </div>
  );
}
