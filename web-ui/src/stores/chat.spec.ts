import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, problem } from '@/test/http';
import { useChatStore } from './chat';

const CARD = '0190f2c4-5b6a-7c8d-9e0f-1a2b3c4d5e6f';
const session = (id: string, title = id) => ({ id, title, archived: false, message_count: 0, context: { deck_id: 'd1' } });
const message = (id: string, role: string, content = id) => ({ id, role, content, sources: [], complete: true, finish_reason: role === 'user' ? null : 'stop' });
const details = (items: unknown[], page: number, pages: number) => ({
  body: { ...session('s1', 'Cells'), messages: { items, page, pages, size: 50, total: items.length } },
});

beforeEach(() => setActivePinia(createPinia()));

/** The answer stream the fake server holds open: the test writes its events one by one. */
function answerStream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let request: Request | null = null;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const encoder = new TextEncoder();
  return {
    get request() {
      return request;
    },
    respond(input: Request) {
      request = input;
      input.signal.addEventListener('abort', () => controller.error(new DOMException('The user aborted a request.', 'AbortError')));
      return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
    },
    send(event: string, data: unknown) {
      controller.enqueue(encoder.encode(`event:${event}\ndata:${JSON.stringify(data)}\n\n`));
    },
    end() {
      controller.close();
    },
  };
}

/** fakeServer for the JSON calls, with the question's POST answered by {@code stream}. */
function serverWithStream(stream: ReturnType<typeof answerStream> | ((request: Request) => Response), routes = {}) {
  const server = fakeServer({ 'GET /api/chat/sessions/s1': [details([], 1, 1)], ...routes });
  const json = server.fetch;
  const fetch = vi.fn(async (input: Request) => {
    if (input.method === 'POST' && new URL(input.url).pathname === '/api/chat/sessions/s1/messages') {
      return typeof stream === 'function' ? stream(input) : stream.respond(input);
    }
    return json(input);
  });
  vi.stubGlobal('fetch', fetch);
  return server;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the chat store', () => {
  it('opens a chat at its latest messages and loads older pages in front of them', async () => {
    const server = fakeServer({
      'GET /api/chat/sessions/s1': [
        details([message('m1', 'user')], 1, 3),
        details([message('m5', 'user'), message('m6', 'assistant')], 3, 3),
        details([message('m3', 'user'), message('m4', 'assistant')], 2, 3),
      ],
    });
    const chat = useChatStore();

    await chat.open('s1');
    expect(chat.messages.map((m) => m.id)).toEqual(['m5', 'm6']);
    expect(chat.hasOlder).toBe(true);

    await chat.loadOlder();
    expect(chat.messages.map((m) => m.id)).toEqual(['m3', 'm4', 'm5', 'm6']);
    expect(server.seen.map((e) => new URLSearchParams(e.search).get('page'))).toEqual(['1', '3', '2']);
  });

  it('shows the answer as its chunks arrive, then its sources, then keeps its id for making cards', async () => {
    const stream = answerStream();
    serverWithStream(stream);
    const chat = useChatStore();
    await chat.open('s1');

    const asking = chat.ask('What stores energy?');
    await settle();
    expect(chat.answering).toBe(true);
    expect(chat.messages.map((m) => [m.role, m.content])).toEqual([['user', 'What stores energy?'], ['assistant', '']]);
    expect(await stream.request!.clone().json()).toEqual({ content: 'What stores energy?' });
    expect(stream.request!.headers.get('Accept')).toBe('text/event-stream');

    stream.send('content', { chunk: 'ATP ' });
    await vi.waitFor(() => expect(chat.messages[1]!.content).toBe('ATP '));
    expect(chat.messages[1]!.streaming).toBe(true);
    stream.send('content', { chunk: `does [card:${CARD}].` });
    stream.send('metadata', { tokens: 9, model: 'fake', sources: [{ card_id: CARD, deck_id: 'd1', deck_name: 'Biology', score: 0.81, snippet: 'ATP…', cited: true }] });
    stream.send('done', { message_id: 'answer-1' });
    stream.end();
    await asking;

    const answer = chat.messages[1]!;
    expect(answer).toMatchObject({ id: 'answer-1', content: `ATP does [card:${CARD}].`, complete: true, saved: true, streaming: false });
    expect(answer.sources).toEqual([{ cardId: CARD, deckId: 'd1', deckName: 'Biology', score: 0.81, snippet: 'ATP…', cited: true }]);
    expect(chat.answering).toBe(false);
    expect(chat.current?.message_count).toBe(2);
  });

  it('keeps what was written of an answer that breaks off, marked incomplete with the reason in words', async () => {
    const stream = answerStream();
    serverWithStream(stream);
    const chat = useChatStore();
    await chat.open('s1');

    const asking = chat.ask('Why?');
    stream.send('content', { chunk: 'Because ' });
    stream.send('error', { code: 'GEN_001', message: 'the model failed' });
    stream.end();
    await asking;

    expect(chat.messages[1]).toMatchObject({
      content: 'Because ', complete: false, finishReason: 'error', saved: false,
      error: 'The language model failed to answer. Try again in a moment.',
    });
  });

  it('marks an answer whose connection dropped without an end as incomplete', async () => {
    const stream = answerStream();
    serverWithStream(stream);
    const chat = useChatStore();
    await chat.open('s1');

    const asking = chat.ask('Why?');
    stream.send('content', { chunk: 'Half' });
    stream.end();
    await asking;

    expect(chat.messages[1]).toMatchObject({ content: 'Half', complete: false, finishReason: 'error' });
    expect(chat.messages[1]!.error).toContain('broke off');
  });

  it('stops an answer by aborting its request, keeping what was written', async () => {
    const stream = answerStream();
    serverWithStream(stream);
    const chat = useChatStore();
    await chat.open('s1');

    const asking = chat.ask('Tell me everything');
    stream.send('content', { chunk: 'First, ' });
    await vi.waitFor(() => expect(chat.messages[1]!.content).toBe('First, '));
    chat.stopAnswer();
    await asking;

    expect(stream.request!.signal.aborted).toBe(true);
    expect(chat.messages[1]).toMatchObject({ content: 'First, ', complete: false, finishReason: 'cancelled', streaming: false });
    expect(chat.answering).toBe(false);
  });

  it('takes the question back when the server refuses it, saying why in words', async () => {
    serverWithStream(() => new Response(JSON.stringify(problem(409, 'CHAT_003').body), { status: 409, headers: { 'Content-Type': 'application/problem+json' } }));
    const chat = useChatStore();
    await chat.open('s1');

    await expect(chat.ask('Again?')).rejects.toThrow('The assistant is still answering your previous message. Wait for it to finish.');
    expect(chat.messages).toEqual([]);
    expect(chat.answering).toBe(false);
  });

  it('says when to try again after the rate limit', async () => {
    serverWithStream(() => new Response(JSON.stringify(problem(429, 'RATE_001').body), {
      status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '42' },
    }));
    const chat = useChatStore();
    await chat.open('s1');

    await expect(chat.ask('Quick?')).rejects.toThrow('Too many requests. You can try again in 42 seconds.');
  });

  it('starts a generation job from an answer', async () => {
    const server = fakeServer({
      'GET /api/chat/sessions/s1': [details([message('q', 'user'), message('a', 'assistant')], 1, 1)],
      'POST /api/chat/sessions/s1/messages/a/cards': [{ status: 202, body: { job_id: 'job-7', status: 'pending' } }],
    });
    const chat = useChatStore();
    await chat.open('s1');

    expect(await chat.cardsFromAnswer('a', 3, 'd2')).toBe('job-7');
    expect(server.seen.at(-1)!.body).toEqual({ num_cards: 3, deck_id: 'd2' });
  });

  it('lists chats newest first, puts a new one on top and takes an archived one off the list', async () => {
    const server = fakeServer({
      'GET /api/chat/sessions': [{ body: { items: [session('s2'), session('s1')], page: 1, pages: 2 } }, { body: { items: [session('s0')], page: 2, pages: 2 } }],
      'POST /api/chat/sessions': [{ status: 201, body: session('s3', 'Fresh') }],
      'PATCH /api/chat/sessions/s2': [{ body: { ...session('s2'), archived: true } }],
    });
    const chat = useChatStore();

    await chat.loadSessions(false);
    await chat.loadMoreSessions();
    expect(chat.sessions.map((s) => s.id)).toEqual(['s2', 's1', 's0']);
    expect(chat.hasMoreSessions).toBe(false);

    await chat.create('Fresh', 'd1', ' cells ');
    expect(server.seen.at(-1)!.body).toEqual({ title: 'Fresh', context: { deck_id: 'd1', topic: 'cells' } });
    await chat.change('s2', { archived: true });
    expect(chat.sessions.map((s) => s.id)).toEqual(['s3', 's1', 's0']);
  });
});
