// Placeholder for the structured editor (forms for the case file, steps, endings and variants), which is
// built on its own branch and replaces this file: same name, same props. It must never lose the text.
import type { Finding } from '../../../domain/scenario/finding.ts';

interface Props {
  text: string;
  onChange: (text: string) => void;
  findings: Finding[];
}

/** The form view of a draft. Until the forms arrive it says so, and the source view does the editing. */
export default function StructuredEditor({ text, findings }: Props) {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return (
    <div className="structured-editor-placeholder">
      <p className="notice warn">
        The form view is not built yet. Edit the scenario in <strong>Source</strong>; the draft ({text.split('\n').length} lines
        {errors ? `, ${errors} error${errors === 1 ? '' : 's'}` : ''}) is the same in both views.
      </p>
    </div>
  );
}
