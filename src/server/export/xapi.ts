import { createHash } from 'node:crypto';
import type { DeskConfig } from '../config.ts';
import type { DeskStore } from '../db/desk-store.ts';
import type { AccountService } from '../auth/accounts.ts';
import type { AttemptService } from '../attempts/attempt-service.ts';
import type { AttemptFile } from '../db/schema.ts';
import { attemptStatements, type XapiStatement } from '../../domain/export/xapi-statements.ts';
import { attemptsByTrainee } from '../team/team-overview.ts';

/** A UUID (RFC 9562 version 8) made from a key's SHA-256: the same key always gives the same id. */
export function statementId(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex').slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20, 32)}`;
}

/** What the statements are made from: the public address, the attempts, their scoring and the trainees' names. */
export interface XapiDeps {
  config: Pick<DeskConfig, 'DESK_PUBLIC_URL'>;
  store: Pick<DeskStore, 'attempts'>;
  attempts: Pick<AttemptService, 'run' | 'summary'>;
  accounts: Pick<AccountService, 'find' | 'trainees'>;
}

/** The desk's public address with a trailing slash: the base of every IRI in the statements. */
export const xapiBase = (desk: Pick<XapiDeps, 'config'>): string => desk.config.DESK_PUBLIC_URL.replace(/\/?$/, '/');

/**
 * The statements one attempt has earned so far, on its pinned scenario revision. An open assessment
 * has earned only "attempted": its answers, with their scores, go out once it ends (statement ids are
 * fixed, so they are sent once, complete).
 */
export async function attemptXapi(desk: XapiDeps, attempt: AttemptFile): Promise<XapiStatement[]> {
  const { loaded } = await desk.attempts.run(attempt);
  const summary = await desk.attempts.summary(attempt);
  const reviews = Object.values(attempt.reviews)
    .map((review) => review.at)
    .sort();
  return attemptStatements(
    {
      id: attempt.id,
      username: attempt.username,
      name: desk.accounts.find(attempt.username)?.name ?? attempt.username,
      scenario: loaded.scenario,
      mode: attempt.mode,
      startedAt: attempt.startedAt,
      finishedAt: attempt.finishedAt,
      abandoned: Boolean(attempt.abandonedAt),
      answers: summary.sealed
        ? []
        : attempt.events.flatMap((event) =>
            event.type === 'answer' ? [{ stepId: event.stepId, answer: event.answer, at: event.at, decidedMs: event.decidedMs }] : [],
          ),
      reviewedAt: reviews.at(-1),
      score: summary.score,
      revision: attempt.revision,
      hints: summary.hints,
    },
    { base: xapiBase(desk), idFor: statementId },
  );
}

/** Every statement of the team's attempts, oldest attempt first; attempts that can no longer load are skipped. */
export async function teamStatements(desk: XapiDeps, team: string): Promise<XapiStatement[]> {
  const usernames = new Set(desk.accounts.trainees(team, true).map((trainee) => trainee.username));
  const attempts = [...attemptsByTrainee(desk, usernames).values()].flat().sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
  const statements: XapiStatement[] = [];
  for (const attempt of attempts) {
    try {
      statements.push(...(await attemptXapi(desk, attempt)));
    } catch {
      // The pinned revision cannot be loaded: nothing true can be said about the attempt's steps.
    }
  }
  return statements;
}
