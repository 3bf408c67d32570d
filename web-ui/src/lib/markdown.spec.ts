import { describe, expect, it } from 'vitest';
import { citedCards, parseInline, parseMarkdown } from './markdown';

const A = '0190f2c4-5b6a-7c8d-9e0f-1a2b3c4d5e6f';
const B = '0190f2c4-5b6a-7c8d-9e0f-aaaaaaaaaaaa';

describe('the assistant’s markdown', () => {
  it('turns [card:ID] citations into card parts and leaves the rest as text', () => {
    expect(parseInline(`ATP stores energy [card:${A}] and more [card:${B.toUpperCase()}].`)).toEqual([
      { kind: 'text', text: 'ATP stores energy ' },
      { kind: 'card', cardId: A },
      { kind: 'text', text: ' and more ' },
      { kind: 'card', cardId: B },
      { kind: 'text', text: '.' },
    ]);
    expect(citedCards(`[card:${A}] x [card:${B}] y [card:${A}]`)).toEqual([A, B]);
  });

  it('keeps HTML the model writes as plain text, never as markup', () => {
    const blocks = parseMarkdown('<img src=x onerror="alert(1)"> <script>alert(2)</script>');
    expect(blocks).toEqual([{ kind: 'paragraph', lines: [[{ kind: 'text', text: '<img src=x onerror="alert(1)"> <script>alert(2)</script>' }]] }]);
  });

  it('links only to http(s) addresses', () => {
    expect(parseInline('[docs](https://example.org/a) and [bad](javascript:alert(1))')).toEqual([
      { kind: 'link', text: 'docs', href: 'https://example.org/a' },
      { kind: 'text', text: ' and [bad](javascript:alert(1))' },
    ]);
  });

  it('reads emphasis and inline code', () => {
    expect(parseInline('**bold**, *it*, `x = 1`')).toEqual([
      { kind: 'strong', text: 'bold' },
      { kind: 'text', text: ', ' },
      { kind: 'em', text: 'it' },
      { kind: 'text', text: ', ' },
      { kind: 'code', text: 'x = 1' },
    ]);
  });

  it('splits paragraphs, headings, lists and code fences, an unclosed fence (still streaming) included', () => {
    const text = '## Energy\nCells need it.\nAll of them.\n\n- ATP\n- NADH\n1. first\n2. second\n\n```py\nprint("hi")';
    expect(parseMarkdown(text).map((block) => block.kind)).toEqual(['heading', 'paragraph', 'list', 'list', 'code']);
    const [, paragraph, bullets, numbered, code] = parseMarkdown(text);
    expect(paragraph).toMatchObject({ lines: [[{ text: 'Cells need it.' }], [{ text: 'All of them.' }]] });
    expect(bullets).toMatchObject({ ordered: false, items: [[{ text: 'ATP' }], [{ text: 'NADH' }]] });
    expect(numbered).toMatchObject({ ordered: true, items: [[{ text: 'first' }], [{ text: 'second' }]] });
    expect(code).toEqual({ kind: 'code', text: 'print("hi")' });
  });
});
