// One inert document (no browsing context: nothing in it runs or loads), reused for every field, since the
// card list works out the text of each row as it scrolls into view.
let inert: Document | null = null;

/** A field's plain text for lists: markup dropped, cloze deletions shown as their answers. */
export function plainText(html: string | undefined, max = 200): string {
  if (!html) return '';
  // Line breaks and blocks become spaces, so "Answer<br>Sources: …" does not read "AnswerSources: …".
  const withClozeAnswers = html.replace(/\{\{c\d+::(.*?)(?:::[^}]*)?\}\}/gs, '$1').replace(/<(?:br|\/?(?:div|p|li|tr|h\d))\b[^>]*>/gi, ' $&');
  inert ??= typeof document === 'undefined' ? null : document.implementation.createHTMLDocument('');
  let text: string;
  if (inert) {
    inert.body.innerHTML = withClozeAnswers;
    text = inert.body.textContent ?? '';
  } else {
    text = withClozeAnswers.replace(/<[^>]*>/g, ' ');
  }
  const squeezed = text.replace(/\s+/g, ' ').trim();
  return squeezed.length > max ? `${squeezed.slice(0, max - 1)}…` : squeezed;
}

/** The cloze numbers a set of fields uses ({{c1::…}} → 1), sorted; empty when there are none. */
export function clozeOrdinals(fields: Record<string, string>): number[] {
  const found = new Set<number>();
  for (const value of Object.values(fields)) {
    for (const match of value.matchAll(/\{\{c(\d+)::/g)) found.add(Number(match[1]));
  }
  return [...found].sort((a, b) => a - b);
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDate(iso: string | undefined): string {
  return iso ? dateFormat.format(new Date(iso)) : '';
}

export function splitTags(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((tag) => tag.trim()).filter(Boolean))];
}

export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
