/** The draft as stored now, sent with a conflict so the editor can offer to reload or merge. */
export interface CurrentDraft {
  text: string;
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** Why an authoring request was refused; the message says what is wrong and how to go on, and is safe to show. */
export class AuthoringError extends Error {
  readonly code = 'AUTHORING';
  readonly status: 400 | 403 | 404 | 409 | 413;
  /** With a 409 on a draft save: the draft that is stored now. */
  readonly current?: CurrentDraft;

  constructor(status: AuthoringError['status'], message: string, current?: CurrentDraft) {
    super(message);
    this.status = status;
    this.current = current;
  }
}

/** True for an AuthoringError from either copy of the server code (decision 002: by code, never instanceof). */
export const isAuthoringError = (error: unknown): error is AuthoringError => (error as { code?: unknown } | null)?.code === 'AUTHORING';
