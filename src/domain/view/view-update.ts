// Only types from the view module: the player island imports this file, and must not bundle the engine.
import type { TraineeView, VisibleDocument } from './trainee-view.ts';
/** What an answer or a hint sends back: the view without the case file (it does not change) and only the documents the browser lacks. */
export type TraineeViewUpdate = Omit<TraineeView, 'caseFile' | 'documents'> & {
  /** Every visible document's id, in display order. */
  documentOrder: string[];
  /** The visible documents the browser did not say it had. */
  newDocuments: VisibleDocument[];
};

/** Slims a view for a browser that already holds the case file and the documents it names. */
export function viewUpdate(view: TraineeView, knownDocuments: readonly string[]): TraineeViewUpdate {
  const { caseFile: _caseFile, documents, ...rest } = view;
  const known = new Set(knownDocuments);
  return { ...rest, documentOrder: documents.map((document) => document.id), newDocuments: documents.filter((document) => !known.has(document.id)) };
}

/** The browser's side of `viewUpdate`: the full view again from the previous one and the update. */
export function applyViewUpdate(previous: TraineeView, update: TraineeViewUpdate): TraineeView {
  const { documentOrder, newDocuments, ...rest } = update;
  const byId = new Map([...previous.documents, ...newDocuments].map((document) => [document.id, document]));
  return { ...rest, caseFile: previous.caseFile, documents: documentOrder.flatMap((id) => byId.get(id) ?? []) };
}
