import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { fakeServer } from '@/test/http';
import { eventStream, sse } from '@/test/sse';
import SyncView from './SyncView.vue';

const task = (extra: Record<string, unknown>) => ({
  id: 't1', kind: 'push', status: 'running', via_agent: false, cards_count: 2, done_count: 0, attempts: 1, results: [],
  error: null, retry_at: null, created_at: '2026-11-25T12:00:00Z', ...extra,
});
const page = (items: unknown[]) => ({ body: { items, total: items.length, page: 1, size: 20, pages: 1 } });

/** The fake server, with the task's SSE stream answered by {@code stream}. */
function server(routes: Record<string, unknown[]>, stream?: () => Response) {
  const fake = fakeServer(routes as never);
  const json = fake.fetch;
  vi.stubGlobal('fetch', vi.fn(async (request: Request) => (request.url.includes('/stream') && stream ? stream() : json(request))));
  return fake;
}

async function open(path: string, id?: string) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/sync/:id?', component: SyncView, props: true }, { path: '/:any(.*)*', component: { template: '<p />' } }] });
  await router.push(path);
  const view = mount(SyncView, { props: { id }, global: { plugins: [router] } });
  await flushPromises();
  await new Promise((resolve) => setTimeout(resolve, 20));
  await flushPromises();
  return { view, router };
}

beforeEach(() => setActivePinia(createPinia()));
afterEach(() => vi.unstubAllGlobals());

describe('the sync screen', () => {
  it('lists the user’s sync tasks from the server', async () => {
    server({ 'GET /api/sync/tasks': [page([task({ status: 'completed', done_count: 2 }), task({ id: 't2', kind: 'pull', status: 'deferred' })])] });

    const { view } = await open('/sync');

    const items = view.findAll('[data-testid="sync-tasks"] li');
    expect(items).toHaveLength(2);
    expect(items[0]!.text()).toContain('push t1');
    expect(items[0]!.get('a').attributes('href')).toBe('/sync/t1');
    expect(items[0]!.text()).toContain('2 of 2');
    expect(items[1]!.text()).toContain('deferred');
  });

  it('shows a task’s results as the stream delivers them, then its final state', async () => {
    const finished = task({
      status: 'completed', done_count: 2,
      results: [{ card_id: 'c1', outcome: 'added', anki_note_id: 11 }, { card_id: 'c2', outcome: 'failed', error: 'cannot create note because it is a duplicate' }],
    });
    server({ 'GET /api/sync/tasks/t1': [{ body: task({}) }, { body: finished }], 'GET /api/sync/tasks': [page([])] },
      () => eventStream(
        sse('result', 1, { position: 1, card_id: 'c1', outcome: 'added', anki_note_id: 11, error: null }),
        sse('result', 2, { position: 2, card_id: 'c2', outcome: 'failed', anki_note_id: null, error: 'cannot create note because it is a duplicate' }),
        sse('progress', 2, { status: 'completed', cards_count: 2, done_count: 2, attempts: 1, retry_at: null, message: null }),
        sse('complete', 2, { cards_count: 2, synced: 1, failed: 1 })));

    const { view } = await open('/sync/t1', 't1');

    const rows = view.findAll('[data-testid="sync-results"] tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.text()).toContain('added');
    expect(rows[0]!.text()).toContain('11');
    expect(rows[1]!.text()).toContain('duplicate');
    expect(view.get('[data-testid="sync-progress"]').text()).toBe('2 of 2 done · 1 failed');
  });

  it('says a deferred task waits for Anki, and when it is tried again', async () => {
    const retryAt = new Date(Date.now() + 5 * 60_000).toISOString();
    server({
      'GET /api/sync/tasks/t1': [{ body: task({ status: 'deferred', error: { code: 'SYNC_001', detail: 'Connection refused' }, retry_at: retryAt }) }],
      'GET /api/sync/tasks': [page([])],
    }, () => eventStream(': heartbeat\n\n'));

    const { view } = await open('/sync/t1', 't1');

    const problem = view.get('[data-testid="sync-problem"]').text();
    expect(problem).toContain('Anki is not reachable');
    expect(problem).toMatch(/tried again in 5 minutes/);
    view.unmount();
  });

  it('pulls one deck through the desktop agent and opens its task', async () => {
    const fake = server({
      'GET /api/sync/tasks': [page([])],
      'POST /api/sync/pull': [{ status: 202, body: { task_id: 't9', status: 'queued', cards_count: 0 } }],
    });
    const { view, router } = await open('/sync');

    await view.get('input[value="deck"]').setValue(true);
    await view.get('input[placeholder="Languages::French"]').setValue('Languages::French');
    const boxes = view.findAll('[data-testid="pull-form"] input[type="checkbox"]');
    await boxes[1]!.setValue(true);
    await view.get('[data-testid="pull-form"]').trigger('submit');
    await flushPromises();

    expect(fake.seen.find((e) => e.path === '/api/sync/pull')!.body).toEqual({ deck: 'Languages::French', since_last_pull: false, via_agent: true });
    expect(router.currentRoute.value.path).toBe('/sync/t9');
  });
});
