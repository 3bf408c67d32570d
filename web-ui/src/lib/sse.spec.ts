import { describe, expect, it } from 'vitest';
import { readSse, SseParser, type SseEvent } from './sse';

function parseAll(pieces: string[]): SseEvent[] {
  const parser = new SseParser();
  return pieces.flatMap((piece) => [...parser.push(piece)]);
}

function body(pieces: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      pieces.forEach((piece) => controller.enqueue(typeof piece === 'string' ? encoder.encode(piece) : piece));
      controller.close();
    },
  });
}

describe('reading Server-Sent Events', () => {
  it('reads named events with their data, as Spring’s SseEmitter writes them', () => {
    expect(parseAll(['event:content\ndata:{"chunk":"Hi"}\n\nevent:done\ndata:{"message_id":"m1"}\n\n'])).toEqual([
      { event: 'content', data: '{"chunk":"Hi"}' },
      { event: 'done', data: '{"message_id":"m1"}' },
    ]);
  });

  it('puts events together from pieces split anywhere, a CRLF split in two included', () => {
    const text = 'event: content\r\ndata: {"chunk":"a"}\r\n\r\nevent: metadata\r\ndata: {"sources":[]}\r\n\r\n';
    const everySplit = Array.from(text).map((_, i) => [text.slice(0, i), text.slice(i)]);
    for (const pieces of everySplit) {
      expect(parseAll(pieces)).toEqual([
        { event: 'content', data: '{"chunk":"a"}' },
        { event: 'metadata', data: '{"sources":[]}' },
      ]);
    }
  });

  it('joins several data lines with newlines, skips comments and calls an unnamed event "message"', () => {
    expect(parseAll([': keep-alive\n\ndata: line one\ndata:line two\nid: 7\n\n'])).toEqual([
      { event: 'message', data: 'line one\nline two', id: '7' },
    ]);
  });

  it('handles lone CR line ends and a field with no value', () => {
    expect(parseAll(['event: ping\rdata\r\r', 'event: next'])).toEqual([{ event: 'ping', data: '' }]);
  });

  it('dispatches nothing for a block without data', () => {
    expect(parseAll(['event: nothing\n\nevent: content\ndata: x\n\n'])).toEqual([{ event: 'content', data: 'x' }]);
  });

  it('decodes UTF-8 split across network chunks and drops an event cut off by the end of the stream', async () => {
    const bytes = new TextEncoder().encode('event: content\ndata: {"chunk":"Zellkern – ядро"}\n\nevent: content\ndata: {"chunk":"cut');
    const cut = bytes.indexOf(0xd1) + 1; // inside a two-byte Cyrillic letter
    const events: SseEvent[] = [];
    for await (const event of readSse(body([bytes.slice(0, cut), bytes.slice(cut)]))) events.push(event);
    expect(events).toEqual([{ event: 'content', data: '{"chunk":"Zellkern – ядро"}' }]);
  });
});
