import type { z } from 'zod';

/** What is wrong with a refused data file. */
export type DataFileProblem = 'invalid-json' | 'schema-mismatch' | 'unreadable';

const MAX_ISSUES_SHOWN = 3;

const SAYS: Record<DataFileProblem, (reason: string) => string> = {
  'invalid-json': (reason) => `is not valid JSON (${reason})`,
  'schema-mismatch': (reason) => `does not match the expected format: ${reason}`,
  unreadable: (reason) => `cannot be read (${reason})`,
};

/** A data file the server refuses to load; the message names the file, the reason and the way out. The file is never touched. */
export class DataFileError extends Error {
  /** Absolute or configured path of the refused file. */
  readonly file: string;
  /** The parser's or the schema's own words about what is wrong. */
  readonly reason: string;
  /** Which kind of failure it was. */
  readonly problem: DataFileProblem;

  constructor(file: string, problem: DataFileProblem, reason: string) {
    super(
      `Cannot start: data file ${file} ${SAYS[problem](reason)}. It has been left untouched; ` +
        'restore it from a backup (npm run db:backup makes one) or move it aside.',
    );
    this.name = 'DataFileError';
    this.file = file;
    this.reason = reason;
    this.problem = problem;
  }
}

/** Names the first failing paths of a zod error, e.g. `accounts.3.role: Invalid option: expected one of ...`. */
export function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, MAX_ISSUES_SHOWN).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(whole file)';
    return `${path}: ${issue.message}`;
  });
  const more = error.issues.length - shown.length;
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '');
}

/** V8 gives no position when the text simply stops; a truncated file is the common case, so add where it stops. */
export function describeJsonError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  return /position \d+/.test(message) ? message : `${message} at position ${text.length}`;
}
