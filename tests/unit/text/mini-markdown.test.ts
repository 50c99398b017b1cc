// The Markdown subset that renders all author and trainee text: what each construct becomes, and that no
// markup, link or script in the text ever reaches the page as anything but text.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import Markdown from '../../../src/components/Markdown.tsx';
import { parseInline, parseMarkdown } from '../../../src/domain/text/mini-markdown.ts';

const html = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

describe('parseInline', () => {
  test('splits bold, italic (star or underscore) and code runs from plain text', () => {
    expect(parseInline('Hold **all** lines, _then_ call *credit* with `PO-7`.')).toEqual([
      { text: 'Hold ' },
      { text: 'all', bold: true },
      { text: ' lines, ' },
      { text: 'then', italic: true },
      { text: ' call ' },
      { text: 'credit', italic: true },
      { text: ' with ' },
      { text: 'PO-7', code: true },
      { text: '.' },
    ]);
  });

  test('leaves a lone star, a spaced one, an unclosed run and underscores inside words as text', () => {
    expect(parseInline('5 * 3 = 15 and **open')).toEqual([{ text: '5 * 3 = 15 and **open' }]);
    expect(parseInline('a_b and 2 _ 3')).toEqual([{ text: 'a_b and 2 _ 3' }]);
    expect(parseInline('order_id and po_number, _then_ call')).toEqual([
      { text: 'order_id and po_number, ' },
      { text: 'then', italic: true },
      { text: ' call' },
    ]);
  });

  test('keeps markup inside code as text', () => {
    expect(parseInline('`**not bold**`')).toEqual([{ text: '**not bold**', code: true }]);
  });
});

describe('parseMarkdown', () => {
  test('paragraphs: lines join with a space, blank lines separate, two trailing spaces or a backslash break', () => {
    expect(parseMarkdown('one\ntwo\n\nthree  \nfour\\\nfive')).toEqual([
      { kind: 'p', inlines: [{ text: 'one' }, { text: ' ' }, { text: 'two' }] },
      { kind: 'p', inlines: [{ text: 'three' }, { text: '', br: true }, { text: 'four' }, { text: '', br: true }, { text: 'five' }] },
    ]);
  });

  test('Windows line endings read as plain ones', () => {
    expect(parseMarkdown('one\r\ntwo\r\n\r\nthree')).toEqual(parseMarkdown('one\ntwo\n\nthree'));
  });

  test('bullet lists (dash or star), numbered lists (dot or parenthesis), an indented line continuing an item', () => {
    expect(parseMarkdown('- first\n* second\n  more of it\nafter')).toEqual([
      { kind: 'ul', items: [[{ text: 'first' }], [{ text: 'second' }, { text: ' ' }, { text: 'more of it' }]] },
      { kind: 'p', inlines: [{ text: 'after' }] },
    ]);
    expect(parseMarkdown('1. call\n2) **hold**')).toEqual([{ kind: 'ol', items: [[{ text: 'call' }], [{ text: 'hold', bold: true }]] }]);
  });

  test('a heading, and a fenced block kept verbatim (no inline parsing)', () => {
    expect(parseMarkdown('## Next *steps*\n```\n**raw**  <b>\n  indented\n```')).toEqual([
      { kind: 'h', inlines: [{ text: 'Next ' }, { text: 'steps', italic: true }] },
      { kind: 'pre', text: '**raw**  <b>\n  indented' },
    ]);
  });

  test('an unclosed fence runs to the end of the text', () => {
    expect(parseMarkdown('```\nline one\nline two')).toEqual([{ kind: 'pre', text: 'line one\nline two' }]);
  });

  test('a table: the first row is the head, the divider row is dropped, cells are trimmed and parsed inline', () => {
    expect(parseMarkdown('| Line | Qty |\n| :--- | ---: |\n| A-1 | **40** |\n| B-2 | 12 |')).toEqual([
      {
        kind: 'table',
        head: [[{ text: 'Line' }], [{ text: 'Qty' }]],
        rows: [
          [[{ text: 'A-1' }], [{ text: '40', bold: true }]],
          [[{ text: 'B-2' }], [{ text: '12' }]],
        ],
      },
    ]);
  });

  test('empty text gives no blocks', () => {
    expect(parseMarkdown('')).toEqual([]);
    expect(parseMarkdown('\n\n  \n')).toEqual([]);
  });
});

describe('rendered text (the Markdown island)', () => {
  test('each construct renders as its element', () => {
    expect(html('Hold **all** _lines_ `now`')).toBe(
      '<div><p><span>Hold </span><strong>all</strong><span> </span><em>lines</em><span> </span><code>now</code></p></div>',
    );
    expect(html('- a\n- b')).toBe('<div><ul><li><span>a</span></li><li><span>b</span></li></ul></div>');
    expect(html('1. a')).toBe('<div><ol><li><span>a</span></li></ol></div>');
    expect(html('| h |\n| -- |\n| c |')).toBe(
      '<div><div class="table-wrap"><table class="data"><thead><tr><th><span>h</span></th></tr></thead><tbody><tr><td><span>c</span></td></tr></tbody></table></div></div>',
    );
  });

  test.each([
    ['a script tag', '<script>alert(1)</script>'],
    ['an image with an event handler', '<img src=x onerror="alert(1)">'],
    ['raw HTML in bold', '**<b onclick="steal()">x</b>**'],
    ['raw HTML in a table cell', '| <iframe src="https://evil.example"> |\n| -- |\n| ok |'],
    ['raw HTML in a fenced block', '```\n</pre><script>alert(1)</script>\n```'],
  ])('%s stays text', (_name, source) => {
    const out = html(source);
    expect(out).not.toMatch(/<(script|img|iframe|b)[\s>]/);
    expect(out).toContain('&lt;');
  });

  test('links are not a construct: a Markdown or HTML link, javascript: included, renders as its text, never an anchor', () => {
    for (const source of [
      '[the playbook](https://example.com/playbook)',
      '[click](javascript:alert(1))',
      '<a href="javascript:alert(1)">x</a>',
      'https://example.com',
    ]) {
      const out = html(source);
      expect(out).not.toMatch(/<a[\s>]/);
      expect(out).not.toMatch(/href="/);
    }
    expect(html('[click](javascript:alert(1))')).toBe('<div><p><span>[click](javascript:alert(1))</span></p></div>');
  });

  test('quotes and ampersands are escaped in text', () => {
    expect(html(`Tom & "Jerry" <co>`)).toBe('<div><p><span>Tom &amp; &quot;Jerry&quot; &lt;co&gt;</span></p></div>');
  });
});
