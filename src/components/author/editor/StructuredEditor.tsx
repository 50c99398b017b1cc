import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { FORM_TOP_KEYS, asRecord, findingsHere, idsOf } from '../../../domain/authoring/form-fields.ts';
import { applyEdit, EditError, readFormModel, type DocPath, type DocumentEdit } from '../../../domain/authoring/scenario-edit.ts';
import type { Finding } from '../../../domain/scenario/finding.ts';
import { AboutForm } from './AboutForm.tsx';
import { CaseFileForm } from './CaseFileForm.tsx';
import { EndingsForm } from './EndingsForm.tsx';
import { FindingNotes } from './FindingNotes.tsx';
import { FormContext, pathKey, type FormApi } from './form-context.ts';
import { StepsForm } from './StepForm.tsx';
import { VariantsForm } from './VariantsForm.tsx';
import './structured-editor.css';

export interface StructuredEditorProps {
  /** The scenario's YAML text. */
  text: string;
  /** Called with the whole new text after each edit; comments and untouched lines are kept as written. */
  onChange: (text: string) => void;
  /** The check's findings for `text`; each shows beside the field its `path` names. */
  findings: Finding[];
}

/**
 * The form view of a scenario file: the case file, the steps with their options, the endings and the
 * variants. Each edit goes through the YAML document (src/domain/authoring/scenario-edit.ts), so the
 * author's comments and formatting survive; what the form does not show is left as written.
 */
export function StructuredEditor({ text, onChange, findings }: StructuredEditorProps) {
  const model = useMemo(() => readFormModel(text), [text]);
  const root = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<string | undefined>(undefined);
  const [problem, setProblem] = useState<string>();
  const ids = useId();
  const lists = useMemo(() => ({ targets: `${ids}-targets`, documents: `${ids}-documents`, steps: `${ids}-steps` }), [ids]);

  const edit = useCallback(
    (change: DocumentEdit, focus?: DocPath | string) => {
      try {
        const next = applyEdit(text, change, model.ok ? model.doc : undefined);
        setProblem(undefined);
        pendingFocus.current = focus === undefined ? undefined : pathKey(focus);
        if (next !== text) onChange(next);
      } catch (error) {
        if (error instanceof EditError) setProblem(error.message);
        else throw error;
      }
    },
    [text, onChange, model],
  );

  // After an add or a remove, focus goes to the new item or to the list's add button (opening its fold).
  useEffect(() => {
    const key = pendingFocus.current;
    if (!key || !root.current) return;
    pendingFocus.current = undefined;
    const target = root.current.querySelector<HTMLElement>(`[data-path="${CSS.escape(key)}"]`);
    const fold = target?.closest('details');
    if (fold && !fold.open) fold.open = true;
    target?.focus();
  }, [text]);

  const api: FormApi = useMemo(() => ({ edit, findings, lists }), [edit, findings, lists]);

  if (!model.ok) {
    return (
      <div className="structured-editor" ref={root}>
        <div className="notice bad" role="alert">
          <p>
            <strong>The form cannot show this file.</strong> {model.problem}
          </p>
          <p>Switch to the Source view to fix it there (the check marks the line). The form comes back as soon as the file reads again.</p>
        </div>
      </div>
    );
  }

  const { data } = model;
  const steps = Object.keys(asRecord(data.steps));
  const endings = Object.keys(asRecord(data.endings));
  const documents = idsOf(asRecord(data.case).documents);
  const elsewhere = findingsHere(findings, [], FORM_TOP_KEYS);
  const sections: [string, string, ReactNode][] = [
    ['about', 'About this scenario', <AboutForm data={data} />],
    ['case', 'Case file', <CaseFileForm data={data} />],
    ['steps', 'Steps', <StepsForm data={data} />],
    ['endings', 'Endings', <EndingsForm data={data} />],
    ['variants', 'Variants', <VariantsForm data={data} />],
  ];

  return (
    <FormContext.Provider value={api}>
      <div className="structured-editor" ref={root}>
        <div role="alert" className={problem ? 'notice bad' : 'visually-hidden'}>
          {problem}
        </div>
        {elsewhere.length ? (
          <section className="notice warn" aria-label="Findings outside the form">
            <p>The check reports these about parts the form does not show; see them in the Source view.</p>
            <FindingNotes findings={elsewhere} />
          </section>
        ) : null}
        <datalist id={lists.targets}>
          {[...steps, ...endings].map((id) => (
            <option key={id} value={id} />
          ))}
        </datalist>
        <datalist id={lists.steps}>
          {steps.map((id) => (
            <option key={id} value={id} />
          ))}
        </datalist>
        <datalist id={lists.documents}>
          {documents.map((id) => (
            <option key={id} value={id} />
          ))}
        </datalist>
        {sections.map(([key, title, body]) => (
          <section key={key} className="form-section" aria-labelledby={`${ids}-${key}`}>
            <h2 id={`${ids}-${key}`}>{title}</h2>
            {body}
          </section>
        ))}
      </div>
    </FormContext.Provider>
  );
}
