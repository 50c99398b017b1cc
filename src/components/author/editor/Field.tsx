import { useId, useState } from 'react';
import { findingsUnder, inputText, valueFromInput, type FieldSpec } from '../../../domain/authoring/form-fields.ts';
import type { DocPath } from '../../../domain/authoring/scenario-edit.ts';
import { FindingNotes } from './FindingNotes.tsx';
import { pathKey, useForm } from './form-context.ts';

interface FieldProps {
  spec: FieldSpec;
  path: DocPath;
  value: unknown;
  /** In a table cell: the ids of the column and row headers that name the field, instead of a visible label. */
  labelledBy?: string;
}

/** One value of the file as a labelled control; each change is written to the document at once. */
export function Field({ spec, path, value, labelledBy }: FieldProps) {
  const { edit, findings, lists } = useForm();
  const id = useId();
  // What the author is typing, kept while the field has focus (the file may write `7.90` as 7.9).
  const [draft, setDraft] = useState<string | null>(null);
  const here = findingsUnder(findings, path);
  const helpId = spec.help && !labelledBy ? `${id}-help` : undefined;
  const findingsId = here.length ? `${id}-findings` : undefined;
  const common = {
    id,
    'data-path': pathKey(path),
    'aria-describedby': [helpId, findingsId].filter(Boolean).join(' ') || undefined,
    'aria-invalid': here.some((finding) => finding.severity === 'error') || undefined,
    'aria-required': spec.required || undefined,
    'aria-labelledby': labelledBy,
  };
  const write = (text: string) => {
    setDraft(text);
    edit({ kind: 'set', path, value: valueFromInput(text, spec) });
  };
  const shown = draft ?? inputText(value, spec.kind);
  const text = { value: shown, onChange: (event: { currentTarget: { value: string } }) => write(event.currentTarget.value), onBlur: () => setDraft(null) };

  let control;
  if (spec.kind === 'flag') {
    control = (
      <input
        type="checkbox"
        {...common}
        checked={value === true}
        onChange={(event) => edit({ kind: 'set', path, value: event.currentTarget.checked || undefined })}
      />
    );
  } else if (spec.kind === 'choice') {
    const choices = spec.choices ?? [];
    const current = inputText(value, spec.kind);
    control = (
      <select {...common} value={current} onChange={(event) => edit({ kind: 'set', path, value: valueFromInput(event.currentTarget.value, spec) })}>
        <option value="">{spec.required ? 'Choose…' : '(none)'}</option>
        {choices.map((choice) => (
          <option key={String(choice)} value={String(choice)}>
            {String(choice)}
          </option>
        ))}
        {current && !choices.some((choice) => String(choice) === current) ? <option value={current}>{current} (not allowed)</option> : null}
      </select>
    );
  } else if (spec.kind === 'long') {
    control = <textarea {...common} {...text} rows={Math.min(12, Math.max(2, shown.split('\n').length + 1))} />;
  } else {
    const list = spec.suggest ? lists[spec.suggest] : undefined;
    control = (
      <input
        type="text"
        {...common}
        {...text}
        list={list}
        inputMode={spec.kind === 'number' ? 'decimal' : undefined}
        spellCheck={spec.kind === 'text' || undefined}
      />
    );
  }

  if (labelledBy) {
    return (
      <>
        {control}
        <FindingNotes id={findingsId} findings={here} />
      </>
    );
  }
  return (
    <div className={`form-field${spec.kind === 'flag' ? ' flag' : ''}${here.length ? ' has-findings' : ''}`}>
      {spec.kind === 'flag' ? (
        <label>
          {control} {spec.label}
        </label>
      ) : (
        <>
          <label htmlFor={id}>
            {spec.label}
            {spec.required ? <span className="muted small"> (required)</span> : null}
          </label>
          {control}
        </>
      )}
      {helpId ? (
        <p id={helpId} className="small muted form-help">
          {spec.help}
        </p>
      ) : null}
      <FindingNotes id={findingsId} findings={here} />
    </div>
  );
}

/** The fields of `specs` for the map at `path`. */
export function Fields({ specs, path, record }: { specs: readonly FieldSpec[]; path: DocPath; record: Record<string, unknown> }) {
  return (
    <>
      {specs.map((spec) => (
        <Field key={spec.key} spec={spec} path={[...path, spec.key]} value={record[spec.key]} />
      ))}
    </>
  );
}
