import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, problem } from '@/test/http';
import { eventStream, sse } from '@/test/sse';
import { ApiError } from './errors';
import { followSyncTask, pullFromAnki, pushToAnki, syncTasks, taskProblem, type SyncStreamEvent } from './sync';

afterEach(() => vi.unstubAllGlobals());

describe('pushing to and pulling from Anki', () => {
  it('sends the card ids and the agent choice as the API takes them, and answers the task', async () => {
    const server = fakeServer({ 'POST /api/sync/push': [{ status: 202, body: { task_id: 't1', status: 'queued', cards_count: 2 } }] });

    const accepted = await pushToAnki(['c1', 'c2'], true);

    expect(server.seen[0]!.body).toEqual({ card_ids: ['c1', 'c2'], via_agent: true });
    expect(accepted).toEqual({ task_id: 't1', status: 'queued', cards_count: 2 });
  });

  it('turns a refused push into the human message of its code', async () => {
    fakeServer({ 'POST /api/sync/push': [problem(400, 'SYNC_004')] });

    const refused = await pushToAnki(['c1']).catch((failure: unknown) => failure);

    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).message).toContain('AnkiConnect refused access');
  });

  it('pulls one deck subtree, only what changed since the last pull', async () => {
    const server = fakeServer({ 'POST /api/sync/pull': [{ status: 202, body: { task_id: 't2', status: 'queued', cards_count: 0 } }] });

    await pullFromAnki({ deck: 'Languages::French', since_last_pull: true, via_agent: false });

    expect(server.seen[0]!.body).toEqual({ deck: 'Languages::French', since_last_pull: true, via_agent: false });
  });

  it('reads the task list page by page', async () => {
    const server = fakeServer({ 'GET /api/sync/tasks': [{ body: { items: [], total: 0, page: 2, size: 20, pages: 1 } }] });

    await syncTasks(2);

    expect(new URLSearchParams(server.seen[0]!.search).get('page')).toBe('2');
  });
});

describe('a task’s problem in words', () => {
  const now = new Date('2026-11-25T12:00:00Z');

  it('says Anki is not reachable and when the deferred task is tried again', () => {
    const message = taskProblem({ status: 'deferred', error: { code: 'SYNC_001', detail: 'Connection refused' }, retry_at: '2026-11-25T12:00:40Z' }, now);

    expect(message).toBe('Anki is not reachable. Is Anki running with AnkiConnect? It will be tried again in 40 seconds.');
  });

  it('adds what Anki said to a refused request, and names an unknown code', () => {
    expect(taskProblem({ status: 'failed', error: { code: 'SYNC_005', detail: 'deck is locked' } }, now)).toBe('Anki refused the request. The details say why. (deck is locked)');
    expect(taskProblem({ status: 'failed', error: { code: 'X_9', detail: 'odd' } }, now)).toBe('Something went wrong (X_9). (odd)');
    expect(taskProblem({ status: 'completed' }, now)).toBeNull();
  });
});

describe('following a task’s stream', () => {
  it('delivers each event, and after a dropped connection resumes after the last result received', async () => {
    const requests: Request[] = [];
    const answers = [
      eventStream(sse('progress', 0, { status: 'running', cards_count: 2, done_count: 0, attempts: 1 }),
        sse('result', 1, { position: 1, card_id: 'c1', outcome: 'added', anki_note_id: 11, error: null })),
      eventStream(sse('result', 2, { position: 2, card_id: 'c2', outcome: 'failed', anki_note_id: null, error: 'duplicate' }),
        sse('complete', 2, { cards_count: 2, synced: 1, failed: 1 })),
    ];
    vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
      requests.push(request);
      return answers.shift()!;
    }));
    const events: SyncStreamEvent[] = [];

    await followSyncTask('t1', (event) => events.push(event), new AbortController().signal);

    expect(events.map((e) => e.event)).toEqual(['progress', 'result', 'result', 'complete']);
    expect(new URL(requests[0]!.url).pathname).toBe('/api/sync/tasks/t1/stream');
    expect(new URL(requests[1]!.url).searchParams.get('resume_from')).toBe('1');
  });

  it('gives up at once when the server refuses the stream', async () => {
    fakeServer({ 'GET /api/sync/tasks/nope/stream': [problem(404, 'SYNC_006')] });

    await expect(followSyncTask('nope', () => {}, new AbortController().signal)).rejects.toThrow('That sync task does not exist');
  });
});
