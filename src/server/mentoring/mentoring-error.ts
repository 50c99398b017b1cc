/** Why a review, comment or sign-off was refused; the message is written for the person and safe to show. */
export class MentoringError extends Error {
  readonly code: 'NOT_FOUND' | 'BAD_REQUEST' | 'FORBIDDEN';

  constructor(code: MentoringError['code'], message: string) {
    super(message);
    this.code = code;
  }
}

/** The HTTP status a form answers with for a refusal. */
export const statusOf = (error: MentoringError): number => ({ NOT_FOUND: 404, BAD_REQUEST: 400, FORBIDDEN: 403 })[error.code];
