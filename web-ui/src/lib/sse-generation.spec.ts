import { describe, expect, it } from 'vitest';
import { readSse, type SseEvent } from './sse';

function body(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function all(stream: ReadableStream<Uint8Array>): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  for await (const event of readSse(stream)) events.push(event);
  return events;
}

describe('the event-stream reader on generation streams', () => {
  it('reads named events with their ids, however the bytes are cut', async () => {
    const events = await all(body('event:card\nid:1\nda', 'ta:{"sequence":1}\n', '\n:heartbeat\n\nevent: complete\r\ndata: {}\r\n\r\n'));

    expect(events).toEqual([
      { event: 'card', id: '1', data: '{"sequence":1}' },
      { event: 'complete', id: '1', data: '{}' },
    ]);
  });

  it('joins data lines and skips comments and events without data', async () => {
    const events = await all(body(': hello\n\nevent: x\n\ndata: a\ndata: b\n\n'));

    expect(events).toEqual([{ event: 'message', data: 'a\nb' }]);
  });

  it('does not take half of a \\r\\n for an empty line', async () => {
    const events = await all(body('data: one\r', '\ndata: two\r\n\r\n'));

    expect(events).toEqual([{ event: 'message', data: 'one\ntwo' }]);
  });

  it('drops an event the stream ended in the middle of', async () => {
    expect(await all(body('event: card\ndata: {"sequence":2}\n'))).toEqual([]);
  });
});
