import type { Finding } from '../../../domain/scenario/finding.ts';

/** The check's findings in order of place, each with a button that takes the source view there. */
export default function FindingsList({ findings, onGoTo }: { findings: readonly Finding[]; onGoTo: (finding: Finding) => void }) {
  if (findings.length === 0) return <p className="notice good">The check finds nothing to fix.</p>;
  const sorted = [...findings].sort((a, b) => a.line - b.line || a.column - b.column);
  return (
    <ol className="live-findings">
      {sorted.map((finding, index) => (
        <li key={`${finding.line}:${finding.column}:${finding.code}:${index}`} className={`finding ${finding.severity}`}>
          <span className={`badge ${finding.severity === 'error' ? 'bad' : 'warn'}`}>{finding.severity}</span>{' '}
          <button type="button" className="link-button" onClick={() => onGoTo(finding)}>
            Line {finding.line}, column {finding.column}
          </button>
          <p className="message">{finding.message}</p>
        </li>
      ))}
    </ol>
  );
}
