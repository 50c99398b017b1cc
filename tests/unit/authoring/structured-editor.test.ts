import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StructuredEditor } from '../../../src/components/author/editor/StructuredEditor.tsx';
import { inputText, valueFromInput, findingsHere, freeId, newLine } from '../../../src/domain/authoring/form-fields.ts';
import type { Finding } from '../../../src/domain/scenario/finding.ts';

const dir = path.resolve(import.meta.dirname, '../../../scenarios');
const files = readdirSync(dir).filter((name) => name.endsWith('.yaml') && name !== 'taxonomy.yaml');
const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
/** The editor's HTML, without the markers React puts between adjacent texts. */
const render = (text: string, findings: Finding[] = []) =>
  renderToString(createElement(StructuredEditor, { text, onChange: () => {}, findings })).replace(/<!-- -->/g, '');

const decode = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
/** Every form control's opening tag, with its attributes. */
function controls(html: string): Record<string, string>[] {
  return [...html.matchAll(/<(input|select|textarea)\b([^>]*)>/g)].map((match) => {
    const attributes: Record<string, string> = { tag: match[1]! };
    for (const attribute of match[2]!.matchAll(/([a-zA-Z-]+)="([^"]*)"/g)) attributes[attribute[1]!] = decode(attribute[2]!);
    return attributes;
  });
}
const labelFor = (html: string) => new Set([...html.matchAll(/<label[^>]*\bfor="([^"]*)"/g)].map((match) => decode(match[1]!)));
const idsIn = (html: string) => new Set([...html.matchAll(/\bid="([^"]*)"/g)].map((match) => decode(match[1]!)));

const finding = (path: (string | number)[], message: string, severity: Finding['severity'] = 'error'): Finding => ({
  severity,
  code: 'test',
  message,
  path,
  line: 1,
  column: 1,
});

describe('StructuredEditor renders every scenario as labelled fields', () => {
  it.each(files)('%s', (name) => {
    const html = render(read(name));
    const labelled = labelFor(html);
    const ids = idsIn(html);
    const all = controls(html);
    expect(all.length).toBeGreaterThan(20);
    for (const control of all) {
      if (control.type === 'checkbox') continue; // wrapped in its label
      const named = (control.id && labelled.has(control.id)) || (control['aria-labelledby'] ?? '').split(' ').every((id) => id && ids.has(id));
      expect(named, `${control.tag} ${control['data-path']} has no label`).toBe(true);
    }
    for (const heading of ['About this scenario', 'Case file', 'Steps', 'Endings', 'Variants']) expect(html).toContain(`>${heading}</h2>`);
    expect(html).not.toContain('role="alert" class="notice bad"');
  });

  it('shows each kind of step with the fields that kind holds', () => {
    const html = render(read('deduction-shortage-dispute.yaml')) + render(read('cases-keyed-as-eaches.yaml'));
    const paths = controls(html).map((control) => control['data-path']);
    expect(html).toMatch(/Step spot \(choose-many\)/);
    expect(paths).toContain('steps.spot.answer');
    expect(paths).toContain('steps.confirm.rubric.0');
    expect(paths).toContain('steps.confirm.model');
    expect(paths).toContain('steps.fix.options.0.verdict');
    expect(paths).toContain('steps.spot.next.0.when.scoreAtLeast');
    expect(html).toMatch(/\(rank\)/);
    expect(paths.some((key) => /^steps\.[a-z-]+\.items\.1\.text$/.test(key ?? ''))).toBe(true);
  });

  it('shows the order lines as a table whose cells are named by line and column', () => {
    const html = render(read('cases-keyed-as-eaches.yaml'));
    const qty = controls(html).find((control) => control['data-path'] === 'case.lines.2.qty')!;
    expect(qty.value).toBe('{{soap}}');
    const [row, column] = qty['aria-labelledby']!.split(' ');
    expect(html).toMatch(new RegExp(`id="${row}"[^>]*>Line 30`));
    expect(html).toMatch(new RegExp(`id="${column}"[^>]*>Qty`));
  });

  it('shows a finding beside the field its path names and points the field at it', () => {
    const html = render(read('cases-keyed-as-eaches.yaml'), [
      finding(['case', 'lines', 0, 'price'], 'Price must be a number.'),
      finding(['steps', 'fix', 'options', 1, 'why'], 'Say why.', 'warning'),
      finding(['scoring', 'passMark'], 'Pass mark out of range.'),
      finding(['steps', 'recheck', 'prompt'], 'The prompt is empty.'),
    ]);
    const price = controls(html).find((control) => control['data-path'] === 'case.lines.0.price')!;
    expect(price['aria-invalid']).toBe('true');
    const described = price['aria-describedby']!;
    expect(html).toMatch(new RegExp(`<ul id="${described}"[^>]*><li class="error"><strong>Error:</strong> Price must be a number.`));
    const why = controls(html).find((control) => control['data-path'] === 'steps.fix.options.1.why')!;
    expect(why['aria-invalid']).toBeUndefined();
    expect(html).toContain('Say why.');
    // A finding about a part the form does not show is listed at the top, not lost.
    expect(html).toMatch(/Findings outside the form[\s\S]*Pass mark out of range/);
    // A fold holding an error starts open, and says how many it holds; one with a warning only stays closed.
    expect(html).toMatch(/<details class="form-fold" open=""><summary>Step recheck \(choose\)<span class="badge bad">1 error<\/span>/);
    expect(html).toMatch(/<details class="form-fold"><summary>Step fix \(choose\)<span class="badge warn">1 warning<\/span>/);
  });

  it('shows each finding once, whether it names a step, a value or a line', () => {
    const messages = ['Step fix is never reached.', 'The value soap is not used.', 'Line 20 has a key the format does not know.'];
    const html = render(read('cases-keyed-as-eaches.yaml'), [
      finding(['steps', 'fix'], messages[0]!),
      finding(['values', 'soap'], messages[1]!, 'warning'),
      finding(['case', 'lines', 1, 'colour'], messages[2]!),
    ]);
    for (const message of messages) expect(html.split(message)).toHaveLength(2);
  });

  it('says when the text does not parse and points to the Source view', () => {
    const html = render('id: broken\nsteps: [unclosed\n');
    expect(html).toContain('role="alert"');
    expect(html).toContain('The YAML does not parse');
    expect(html).toContain('Source view');
    expect(controls(html)).toEqual([]);
    expect(render('- a list\n- not a scenario\n')).toContain('not a set of');
  });

  it('leaves case-file keys it does not know to the Source view', () => {
    const text = read('cases-keyed-as-eaches.yaml').replace('case:\n', 'case:\n  queue: { position: 3 }\n');
    const html = render(text);
    expect(html).toMatch(/The case file also has <code>queue<\/code>. The form leaves it as written: edit it in the Source view./);
  });

  it('shows a variant’s overlay as something edited in Source', () => {
    const html = render(read('cases-keyed-as-eaches.yaml'));
    expect(html).toMatch(/This variant also changes the setting; the case file; steps spot, recheck, fix/);
  });
});

describe('form field rules', () => {
  it('writes numbers as numbers, placeholders as text and clears optional keys', () => {
    expect(valueFromInput('12.50', { kind: 'number' })).toBe(12.5);
    expect(valueFromInput('{{qty}}', { kind: 'number' })).toBe('{{qty}}');
    expect(valueFromInput('', { kind: 'number' })).toBeUndefined();
    expect(valueFromInput('', { kind: 'text' })).toBeUndefined();
    expect(valueFromInput('', { kind: 'text', required: true })).toBe('');
    expect(valueFromInput('a, b  c', { kind: 'ids' })).toEqual(['a', 'b', 'c']);
    expect(valueFromInput('2', { kind: 'choice', choices: [1, 2, 3] })).toBe(2);
    expect(valueFromInput('true', { kind: 'choice', choices: [true, false] })).toBe(true);
  });

  it('shows a block text without the line break YAML keeps at its end', () => {
    expect(inputText('Line one\nLine two\n', 'long')).toBe('Line one\nLine two');
    expect(inputText(['a', 'b'], 'ids')).toBe('a, b');
    expect(inputText(undefined, 'text')).toBe('');
  });

  it('shows each finding once, at the nearest group that has no field for it', () => {
    const findings = [
      finding(['steps', 'a'], 'at the step'),
      finding(['steps', 'a', 'prompt'], 'at the prompt'),
      finding(['steps', 'a', 'colour'], 'unknown key'),
    ];
    expect(findingsHere(findings, ['steps', 'a'], ['prompt']).map((item) => item.message)).toEqual(['at the step', 'unknown key']);
  });

  it('names new things so they do not clash', () => {
    expect(freeId('step', ['step', 'step-2'])).toBe('step-3');
    expect(newLine([{ line: 10 }, { line: 40 }]).line).toBe(50);
    expect(newLine([{ sku: 'a' }]).line).toBe(20);
  });
});
