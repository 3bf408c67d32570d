import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeServer, problem } from '@/test/http';
import { ApiError } from './errors';
import { SyncUnavailableError, pushToAnki, rememberTask, rememberedTasks, syncTask } from './sync';

beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());

describe('pushing to Anki', () => {
  it('sends the card ids as spec 5.6 says and answers the task', async () => {
    const server = fakeServer({ 'POST /api/sync/push': [{ status: 202, body: { task_id: 't1', status: 'queued', cards_count: 2 } }] });

    const accepted = await pushToAnki(['c1', 'c2']);

    expect(server.seen[0]!.body).toEqual({ card_ids: ['c1', 'c2'] });
    expect(accepted).toEqual({ task_id: 't1', status: 'queued', cards_count: 2 });
  });

  it('tells a server without the sync API from a refused push', async () => {
    fakeServer({
      'POST /api/sync/push': [problem(404, 'REQ_004'), problem(503, 'SYNC_001')],
    });

    await expect(pushToAnki(['c1'])).rejects.toBeInstanceOf(SyncUnavailableError);
    const refused = await pushToAnki(['c1']).catch((failure: unknown) => failure);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).message).toBe('Anki is not reachable. Is Anki running with AnkiConnect?');
  });

  it('reads a task with its per-card results', async () => {
    fakeServer({
      'GET /api/sync/tasks/t1': [{ body: { task_id: 't1', status: 'completed', results: [{ card_id: 'c1', status: 'synced' }] } }],
    });

    const task = await syncTask('t1');

    expect(task.id).toBe('t1');
    expect(task.results).toEqual([{ card_id: 'c1', status: 'synced' }]);
  });

  it('remembers the tasks started in this browser, newest first', () => {
    rememberTask({ task_id: 'a', status: 'queued', cards_count: 1 });
    rememberTask({ task_id: 'b', status: 'queued', cards_count: 3 });

    expect(rememberedTasks().map((task) => [task.id, task.cards])).toEqual([['b', 3], ['a', 1]]);
  });
});
