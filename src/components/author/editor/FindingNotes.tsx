import type { Finding } from '../../../domain/scenario/finding.ts';

/** The check's findings about one field or group, read out with it (the field points here with aria-describedby). */
export function FindingNotes({ id, findings }: { id?: string; findings: readonly Finding[] }) {
  if (!findings.length) return null;
  return (
    <ul id={id} className="form-findings">
      {findings.map((finding, index) => (
        <li key={index} className={finding.severity}>
          <strong>{finding.severity === 'error' ? 'Error' : 'Warning'}:</strong> {finding.message}
        </li>
      ))}
    </ul>
  );
}
