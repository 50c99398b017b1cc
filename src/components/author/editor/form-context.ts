import { createContext, useContext } from 'react';
import type { DocPath, DocumentEdit } from '../../../domain/authoring/scenario-edit.ts';
import type { Finding } from '../../../domain/scenario/finding.ts';

/** What every part of the structured editor needs: a way to edit, the findings, and the ids the file uses. */
export interface FormApi {
  /** Applies one edit; `focus` names the control (a `data-path`) to focus once the form shows the result. */
  edit: (edit: DocumentEdit, focus?: DocPath | string) => void;
  findings: readonly Finding[];
  /** The `id` of each `<datalist>` of this file's ids. */
  lists: { targets: string; documents: string; steps: string };
}

export const FormContext = createContext<FormApi | null>(null);

/** The form's shared API; only inside `<StructuredEditor>`. */
export function useForm(): FormApi {
  const api = useContext(FormContext);
  if (!api) throw new Error('useForm is used outside <StructuredEditor>.');
  return api;
}

/** The `data-path` a control carries, so the editor can focus it after an edit. */
export const pathKey = (path: DocPath | string): string => (typeof path === 'string' ? path : path.join('.'));
