/** One Server-Sent Event as the server wrote it: its name ("message" when none) and its data lines joined. */
export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

/**
 * Reads Server-Sent Events from a response body as they arrive (the WHATWG event-stream format: LF, CR or CRLF
 * line ends, "field: value" lines, several data lines joined by newlines, comments from ":", a blank line ends an
 * event). For POST streams with a bearer token, which EventSource cannot send.
 */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield* parser.push(decoder.decode(value, { stream: true }));
    }
    // As EventSource does, an event the stream ended in the middle of is dropped.
    yield* parser.push(decoder.decode());
  } finally {
    reader.releaseLock();
  }
}

/** The incremental parser behind readSse: text in, whole events out, partial lines kept for the next push. */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];
  private id: string | undefined;
  private first = true;

  *push(text: string): Generator<SseEvent> {
    this.buffer += text;
    if (this.first && this.buffer.length > 0) {
      if (this.buffer.charCodeAt(0) === 0xfeff) this.buffer = this.buffer.slice(1);
      this.first = false;
    }
    for (;;) {
      const end = this.buffer.search(/\r\n|\r|\n/);
      if (end < 0) return;
      // A CR at the very end may be half of a CRLF still on its way.
      if (this.buffer[end] === '\r' && end === this.buffer.length - 1) return;
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + (this.buffer.startsWith('\r\n', end) ? 2 : 1));
      const event = this.line(line);
      if (event) yield event;
    }
  }

  private line(line: string): SseEvent | null {
    if (line === '') {
      if (this.data.length === 0) {
        this.event = '';
        return null;
      }
      const event: SseEvent = { event: this.event || 'message', data: this.data.join('\n') };
      if (this.id !== undefined) event.id = this.id;
      this.event = '';
      this.data = [];
      return event;
    }
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.id = value;
    return null;
  }
}
