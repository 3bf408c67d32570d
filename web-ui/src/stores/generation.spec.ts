import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useTokenSource } from '@/api/client';
import { RECONNECT_DELAYS_MS, useGenerationStore } from './generation';

const sse = (...events: Array<[string, unknown, string?]>) => events
  .map(([event, data, id]) => `event:${event}\n${id ? `id:${id}\n` : ''}data:${JSON.stringify(data)}\n\n`).join('');
const card = (sequence: number) => ({ id: `card-${sequence}`, sequence, template_id: 't', fields: { Front: `Q${sequence}`, Back: 'A' }, fact_check: null });
const progress = (current: number, total = 3) => ['progress', { current, total, message: `Card ${current} of ${total} ready`, resume_token: `job:${current}` }] as [string, unknown];

/** A stream server: each connection gets the next script (a body, or an error status). */
function streams(...scripts: Array<string | { status: number; body: unknown }>) {
  const seen: URL[] = [];
  const fetch = vi.fn(async (request: Request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/generate/jobs') {
      return new Response(JSON.stringify({ items: [], total: 0, page: 1, size: 20, pages: 0 }), { headers: { 'Content-Type': 'application/json' } });
    }
    if (url.pathname !== '/api/generate/stream') throw new Error(`unexpected ${url.pathname}`);
    seen.push(url);
    const script = scripts.shift();
    if (script === undefined) return new Promise<Response>(() => undefined); // stays open
    if (typeof script !== 'string') {
      return new Response(JSON.stringify(script.body), { status: script.status, headers: { 'Content-Type': 'application/problem+json' } });
    }
    return new Response(script, { headers: { 'Content-Type': 'text/event-stream' } });
  });
  vi.stubGlobal('fetch', fetch);
  return { seen, fetch };
}

beforeEach(() => {
  setActivePinia(createPinia());
  useTokenSource({ accessToken: async () => 'access-1', renew: async () => null });
  vi.useFakeTimers({ shouldAdvanceTime: true });
});
afterEach(() => {
  useTokenSource(null);
  vi.useRealTimers();
});

describe('following a generation job', () => {
  it('shows cards as they stream in, with progress, until the job completes', async () => {
    const server = streams(sse(['card', card(1), '1'], progress(1), ['card', card(2), '2'], progress(2),
      ['complete', { total_created: 2, total_failed: 0, duplicates_dropped: 1, status: 'completed' }, '2']));
    const generation = useGenerationStore();

    await generation.follow('job', 'Topic');

    const live = generation.live!;
    expect(live.cards.map((c) => c.sequence)).toEqual([1, 2]);
    expect(live.status).toBe('completed');
    expect(live.summary).toEqual({ total_created: 2, total_failed: 0, duplicates_dropped: 1 });
    expect(live.current).toBe(2);
    expect(server.seen[0]!.searchParams.get('job_id')).toBe('job');
    expect(server.seen[0]!.searchParams.has('resume_from')).toBe(false);
    expect((server.fetch.mock.calls[0]![0] as Request).headers.get('Authorization')).toBe('Bearer access-1');
  });

  it('resumes after a dropped connection from the last card it got, each card once', async () => {
    const server = streams(
      sse(['card', card(1), '1'], progress(1)), // the connection drops here
      'not even an event', // and the next one dies at once
      sse(['card', card(2), '2'], progress(2), ['card', card(3), '3'], progress(3),
        ['complete', { total_created: 3, total_failed: 0, duplicates_dropped: 0, status: 'completed' }, '3']),
    );
    const generation = useGenerationStore();

    await generation.follow('job');

    expect(server.seen.map((url) => url.searchParams.get('resume_from'))).toEqual([null, '1', '1']);
    expect(generation.live!.cards.map((c) => c.sequence)).toEqual([1, 2, 3]);
    expect(generation.live!.reconnects).toBe(2);
    expect(RECONNECT_DELAYS_MS[0]).toBeLessThanOrEqual(1000);
  });

  it('says why a job failed, in words', async () => {
    streams(sse(['card', card(1), '1'], ['error', { message: 'model down', code: 'GEN_001' }, '1']));
    const generation = useGenerationStore();

    await generation.follow('job');

    expect(generation.live!.status).toBe('failed');
    expect(generation.live!.error).toBe('The language model failed to answer. Try again in a moment.');
    expect(generation.live!.cards).toHaveLength(1);
  });

  it('gives up on a job the server does not know, without retrying', async () => {
    const server = streams({ status: 404, body: { status: 404, code: 'GEN_003' } });
    const generation = useGenerationStore();

    await generation.follow('job');

    expect(server.seen).toHaveLength(1);
    expect(generation.live!.error).toBe('That generation job does not exist, or it is not yours.');
  });

  it('stops following when asked', async () => {
    const server = streams(); // a stream that stays open
    const generation = useGenerationStore();

    const following = generation.follow('job');
    await vi.waitFor(() => expect(server.fetch).toHaveBeenCalled());
    generation.stop();

    expect(generation.live!.connection).toBe('closed');
    void following;
  });
});
