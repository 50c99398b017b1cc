import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { EditorState } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { defaultHighlightStyle, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, lintKeymap, setDiagnostics } from '@codemirror/lint';
import { yaml } from '@codemirror/lang-yaml';
import type { PlacedDiagnostic } from './diagnostics.ts';

/** What the editor page can ask of the source view. */
export interface SourceEditorHandle {
  /** Puts the cursor at a line and column (both from 1), scrolls there and focuses the editor. */
  jumpTo(line: number, column: number): void;
}

interface Props {
  text: string;
  onChange: (text: string) => void;
  /** The check's findings, placed in `text`; shown as inline markers and in the gutter. */
  diagnostics: readonly PlacedDiagnostic[];
  /** The id of the element that names the editor. */
  labelledBy: string;
  /** The page's style nonce: CodeMirror's own stylesheet goes in a <style> element the policy must let in. */
  styleNonce?: string;
  ref?: Ref<SourceEditorHandle>;
}

/**
 * The YAML source in CodeMirror 6. Tab is left to move focus (keyboard users must be able to leave the
 * editor); indentation is two spaces, as the scenario guide writes it.
 */
export default function SourceEditor({ text, onChange, diagnostics, labelledBy, styleNonce, ref }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView>(undefined);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: text,
        extensions: [
          ...(styleNonce ? [EditorView.cspNonce.of(styleNonce)] : []),
          lineNumbers(),
          highlightActiveLineGutter(),
          history(),
          drawSelection(),
          highlightActiveLine(),
          indentUnit.of('  '),
          EditorState.tabSize.of(2),
          yaml(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          lintGutter(),
          keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap]),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-labelledby': labelledBy, spellcheck: 'false', autocapitalize: 'off', autocorrect: 'off' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) changed.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = undefined;
    };
    // The editor is made once; later texts arrive through the effect below.
  }, []);

  // A text changed elsewhere (the form, a reload, a merge) replaces the document; typing here does not loop back.
  useEffect(() => {
    const editor = view.current;
    if (!editor || editor.state.doc.toString() === text) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });
  }, [text]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const length = editor.state.doc.length;
    const inside = diagnostics.map((diagnostic) => ({
      ...diagnostic,
      from: Math.min(diagnostic.from, length),
      to: Math.min(diagnostic.to, length),
      source: 'check',
    }));
    editor.dispatch(setDiagnostics(editor.state, inside));
  }, [diagnostics]);

  useImperativeHandle(
    ref,
    () => ({
      jumpTo(line, column) {
        const editor = view.current;
        if (!editor) return;
        const doc = editor.state.doc;
        const at = doc.line(Math.min(Math.max(line, 1), doc.lines));
        const anchor = Math.min(at.from + Math.max(column, 1) - 1, at.to);
        editor.dispatch({ selection: { anchor }, effects: EditorView.scrollIntoView(anchor, { y: 'center' }) });
        editor.focus();
      },
    }),
    [],
  );

  return <div className="source-editor" ref={host} />;
}
