import { useId, useState, type ReactNode } from 'react';
import { extraKeys, findingsHere, findingsUnder } from '../../../domain/authoring/form-fields.ts';
import type { DocPath, DocumentEdit } from '../../../domain/authoring/scenario-edit.ts';
import { FindingNotes } from './FindingNotes.tsx';
import { pathKey, useForm } from './form-context.ts';

/** A fieldset for the map or list at `path`, showing the findings none of its fields (`shown`) shows. */
export function Group({
  legend,
  path,
  shown,
  className,
  children,
}: {
  legend: ReactNode;
  path: DocPath;
  shown: readonly string[];
  className?: string;
  children: ReactNode;
}) {
  const { findings } = useForm();
  return (
    <fieldset className={`form-group${className ? ` ${className}` : ''}`}>
      <legend>{legend}</legend>
      <FindingNotes findings={findingsHere(findings, path, shown)} />
      {children}
    </fieldset>
  );
}

/** A part that folds away (a step, an ending, a document), open at first when the check has something to say in it. */
export function Fold({ summary, path, children }: { summary: ReactNode; path: DocPath; children: ReactNode }) {
  const { findings } = useForm();
  const inside = findingsUnder(findings, path);
  const [open, setOpen] = useState(() => inside.some((finding) => finding.severity === 'error'));
  const errors = inside.filter((finding) => finding.severity === 'error').length;
  const warnings = inside.length - errors;
  return (
    <details className="form-fold" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        {summary}
        {errors ? <span className="badge bad">{errors === 1 ? '1 error' : `${errors} errors`}</span> : null}
        {warnings ? <span className="badge warn">{warnings === 1 ? '1 warning' : `${warnings} warnings`}</span> : null}
      </summary>
      <div className="form-fold-body">{children}</div>
    </details>
  );
}

/** A button that makes one edit, then moves focus to `focus` (the control that takes the place of the one gone). */
export function EditButton({
  edit,
  focus,
  at,
  children,
  label,
  primary,
}: {
  edit: DocumentEdit;
  focus?: DocPath | string;
  /** This button's own `data-path`, so a remove elsewhere can hand focus to it. */
  at?: DocPath | string;
  children: ReactNode;
  label?: string;
  primary?: boolean;
}) {
  const form = useForm();
  return (
    <button
      type="button"
      className={`${primary ? 'secondary' : 'secondary quiet'} form-button`}
      data-path={at === undefined ? undefined : pathKey(at)}
      aria-label={label}
      onClick={() => form.edit(edit, focus)}
    >
      {children}
    </button>
  );
}

/**
 * The name of a step, an ending or a value: renamed when the author leaves the field or presses Enter.
 * Findings about the named thing show on its group (or its value), not here, so each shows once.
 */
export function KeyField({ label, path, help }: { label: string; path: DocPath; help?: string }) {
  const { edit } = useForm();
  const id = useId();
  const current = String(path.at(-1));
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft.trim() && draft.trim() !== current)
      edit({ kind: 'rename', path, to: draft.trim() }, [...path.slice(0, -1), draft.trim(), ':key']);
    setDraft(null);
  };
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        data-path={pathKey([...path, ':key'])}
        value={draft ?? current}
        aria-describedby={help ? `${id}-help` : undefined}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          } else if (event.key === 'Escape') setDraft(null);
        }}
      />
      {help ? (
        <p id={`${id}-help`} className="small muted form-help">
          {help}
        </p>
      ) : null}
    </div>
  );
}

/** Names the keys of `record` the form does not show, which stay as written and are edited in Source. */
export function SourceOnly({ record, known, where }: { record: unknown; known: readonly string[]; where: string }) {
  const extra = extraKeys(record, known);
  if (!extra.length) return null;
  return (
    <p className="small muted form-source-only">
      {where} also has {extra.map((key, index) => [index ? ', ' : '', <code key={key}>{key}</code>])}. The form leaves {extra.length === 1 ? 'it' : 'them'} as
      written: edit {extra.length === 1 ? 'it' : 'them'} in the Source view.
    </p>
  );
}
