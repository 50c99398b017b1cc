/** One thing the check reports about a scenario file, at a place an author can find. */
export interface Finding {
  severity: 'error' | 'warning';
  /** A stable name for the rule, for tools and tests. */
  code: string;
  message: string;
  /** Where in the document the finding points: keys and list indexes from the top. */
  path: (string | number)[];
  line: number;
  column: number;
}

/** A finding before it has been placed at a line and column. */
export type UnplacedFinding = Omit<Finding, 'line' | 'column'>;

export const hasErrors = (findings: readonly Finding[]): boolean => findings.some((finding) => finding.severity === 'error');

/** `path:line:column: error: message`, the form editors and CI understand. */
export const formatFinding = (file: string, finding: Finding): string => `${file}:${finding.line}:${finding.column}: ${finding.severity}: ${finding.message}`;
