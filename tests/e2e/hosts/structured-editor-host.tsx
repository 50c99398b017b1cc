// Mounts the structured editor alone in a blank page, as the editor page will hold it: the text in state,
// the check run on every change (the same check the server runs), its findings handed back to the form.
// Bundled by tests/e2e/structured-editor.spec.ts with esbuild; no route of the site serves it.
import { useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { StructuredEditor } from '../../../src/components/author/editor/StructuredEditor.tsx';
import { checkScenarioText } from '../../../src/domain/scenario/check.ts';
import type { LintContext } from '../../../src/domain/scenario/lint.ts';

interface HostWindow {
  editorSetup: { text: string; lint: LintContext };
  editorText: string;
}
const host = window as unknown as Window & HostWindow;

function Host() {
  const [text, setText] = useState(host.editorSetup.text);
  const findings = useMemo(() => checkScenarioText(text, host.editorSetup.lint).findings, [text]);
  host.editorText = text;
  return <StructuredEditor text={text} onChange={setText} findings={findings} />;
}

createRoot(document.getElementById('root')!).render(<Host />);
