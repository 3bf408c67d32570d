/**
 * The little markdown an assistant writes, parsed into plain data that templates render as text nodes: no HTML
 * from the model ever reaches the page, so there is nothing to sanitise away and nothing that can run. Paragraphs,
 * headings, bullet and numbered lists, fenced code, **bold**, *italic*, `code`, links to http(s) addresses, and
 * the answer's citations [card:ID], which become links to the card.
 */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'em'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'link'; text: string; href: string }
  | { kind: 'card'; cardId: string };

export type Block =
  | { kind: 'paragraph'; lines: Inline[][] }
  | { kind: 'heading'; level: 3 | 4 | 5; inlines: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'code'; text: string };

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
export const CITATION = new RegExp(`\\[card:(${UUID})\\]`, 'g');
const INLINE = new RegExp(
  `\\[card:(${UUID})\\]|\\*\\*([^*\\n]+?)\\*\\*|__([^_\\n]+?)__|\\*([^*\\s][^*\\n]*?)\\*|\`([^\`\\n]+)\`|\\[([^\\]\\n]+)\\]\\((https?://[^\\s)]+)\\)`,
  'g',
);

/** The card ids an answer cites, in order of first citation. */
export function citedCards(text: string): string[] {
  return [...new Set([...text.matchAll(CITATION)].map((match) => match[1]!.toLowerCase()))];
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let at = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > at) out.push({ kind: 'text', text: text.slice(at, match.index) });
    const [, card, strong, strong2, em, code, label, href] = match;
    if (card) out.push({ kind: 'card', cardId: card.toLowerCase() });
    else if (strong ?? strong2) out.push({ kind: 'strong', text: (strong ?? strong2)! });
    else if (em) out.push({ kind: 'em', text: em });
    else if (code) out.push({ kind: 'code', text: code });
    else out.push({ kind: 'link', text: label!, href: href! });
    at = match.index + match[0].length;
  }
  if (at < text.length) out.push({ kind: 'text', text: text.slice(at) });
  return out;
}

const BULLET = /^\s*[-*•]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
const HEADING = /^(#{1,6})\s+(.*)$/;
const FENCE = /^\s*```/;

/** Blocks in order; an unterminated code fence (an answer still streaming) runs to the end. */
export function parseMarkdown(text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: Inline[][] | null = null;
  let list: { ordered: boolean; items: Inline[][] } | null = null;
  const close = () => {
    if (paragraph) blocks.push({ kind: 'paragraph', lines: paragraph });
    if (list) blocks.push({ kind: 'list', ...list });
    paragraph = null;
    list = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (FENCE.test(line)) {
      close();
      const code: string[] = [];
      for (i++; i < lines.length && !FENCE.test(lines[i]!); i++) code.push(lines[i]!);
      blocks.push({ kind: 'code', text: code.join('\n') });
      continue;
    }
    if (line.trim() === '') {
      close();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      close();
      blocks.push({ kind: 'heading', level: Math.min(5, heading[1]!.length + 2) as 3 | 4 | 5, inlines: parseInline(heading[2]!) });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      const ordered = numbered !== null;
      if (paragraph || (list && list.ordered !== ordered)) close();
      list ??= { ordered, items: [] };
      list.items.push(parseInline((bullet ?? numbered)![1]!));
      continue;
    }
    if (list) {
      // A line under a list item continues it.
      if (/^\s+/.test(line)) {
        list.items[list.items.length - 1]!.push({ kind: 'text', text: ` ${line.trim()}` });
        continue;
      }
      close();
    }
    paragraph ??= [];
    paragraph.push(parseInline(line));
  }
  close();
  return blocks;
}
