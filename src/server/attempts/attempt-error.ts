/** Why an attempt request was refused; the message is written for the trainee and safe to show. */
export class AttemptError extends Error {
  readonly code: 'NOT_FOUND' | 'BAD_REQUEST' | 'FORBIDDEN' | 'CONFLICT';

  constructor(code: AttemptError['code'], message: string) {
    super(message);
    this.code = code;
  }
}
