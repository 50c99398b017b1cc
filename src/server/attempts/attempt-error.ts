import type { StartRefusal } from '../../domain/progress/open-attempts.ts';

/** Why an attempt request was refused; the message is written for the trainee and safe to show. */
export class AttemptError extends Error {
  readonly code: 'NOT_FOUND' | 'BAD_REQUEST' | 'FORBIDDEN' | 'CONFLICT';
  /** When a start was refused: the open attempts in the way, for the page to offer resuming or abandoning them. */
  readonly refusal?: StartRefusal;

  constructor(code: AttemptError['code'], message: string, refusal?: StartRefusal) {
    super(message);
    this.code = code;
    this.refusal = refusal;
  }
}
