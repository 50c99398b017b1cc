import type { AttemptFile } from '../db/schema.ts';
import type { XapiStatement } from '../../domain/export/xapi-statements.ts';
import { attemptXapi, type XapiDeps } from '../export/xapi.ts';

/** What changes an attempt's statements: a new answer, the end, a review. */
const fingerprint = (attempt: AttemptFile) =>
  `${attempt.events.length}|${attempt.finishedAt ?? ''}|${Object.values(attempt.reviews)
    .map((review) => review.at)
    .join(',')}`;

/**
 * The statements of trainees' attempts that changed since the last call, one attempt at a time
 * (the first call, at start, goes through every attempt once; the queue drops ids it already holds).
 */
export function changedAttemptStatements(desk: XapiDeps): () => AsyncIterable<XapiStatement[]> {
  const seen = new Map<string, string>();
  return async function* changed() {
    for (const attempt of [...desk.store.attempts.all()]) {
      const mark = fingerprint(attempt);
      if (seen.get(attempt.id) === mark) continue;
      if (desk.accounts.find(attempt.username)?.role !== 'trainee') continue;
      try {
        yield await attemptXapi(desk, attempt);
      } catch {
        // Its pinned revision can no longer be loaded: there is nothing true to say about it.
      }
      seen.set(attempt.id, mark);
    }
  };
}
