/** One Server-Sent Event as the server wrote it. */
export interface SseEvent {
  event: string;
  data: string;
  id: string | null;
}

/**
 * Reads a text/event-stream body event by event (the WHATWG parsing rules: `event`, `data` over several lines,
 * `id`, comments and `retry` ignored). fetch and not EventSource, because the stream takes the bearer token in the
 * Authorization header like the rest of the API, and EventSource cannot send headers.
 */
export async function* readEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let id: string | null = null;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let newline = buffer.search(/\r\n|\r|\n/);
      while (newline >= 0) {
        // A chunk ending in \r may be half of a \r\n: wait for the next one.
        if (buffer[newline] === '\r' && newline === buffer.length - 1) break;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        newline = buffer.search(/\r\n|\r|\n/);
        if (line === '') {
          if (data.length) yield { event: event || 'message', data: data.join('\n'), id };
          event = '';
          data = [];
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const name = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (name === 'event') event = text;
        else if (name === 'data') data.push(text);
        else if (name === 'id') id = text;
      }
    }
  } finally {
    reader.releaseLock();
  }
}
