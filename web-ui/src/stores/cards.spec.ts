import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeServer, problem } from '@/test/http';
import { FIRST_SLICE, SLICE, useCardStore } from './cards';

const card = (id: string, status = 'draft') => ({ id, status, deck_id: 'd1', fields: { Front: `front ${id}` } });

beforeEach(() => setActivePinia(createPinia()));

describe('the card list', () => {
  it('asks the server for exactly the filters that are set', async () => {
    const server = fakeServer({ 'GET /api/cards': [{ body: { items: [card('c1')], next_cursor: null } }] });
    const cards = useCardStore();

    await cards.apply({ deckId: 'd1', includeSubdecks: true, status: 'draft', tag: ' biology ', q: 'atp', sort: 'oldest' });

    const query = new URLSearchParams(server.seen[0]!.search);
    expect(Object.fromEntries(query)).toEqual({
      deck_id: 'd1', include_subdecks: 'true', status: 'draft', tag: 'biology', q: 'atp', sort: 'oldest', limit: '30',
    });
    expect(cards.items.map((c) => c.id)).toEqual(['c1']);
    expect(cards.hasMore).toBe(false);
  });

  it('pages on with the cursor the server gave, adding to what is loaded', async () => {
    const server = fakeServer({
      'GET /api/cards': [
        { body: { items: [card('c1'), card('c2')], next_cursor: 'after-c2' } },
        { body: { items: [card('c3')], next_cursor: null } },
      ],
    });
    const cards = useCardStore();
    await cards.apply({});

    await cards.loadMore();
    await cards.loadMore(); // nothing more to load: no request

    expect(new URLSearchParams(server.seen[1]!.search).get('cursor')).toBe('after-c2');
    expect(new URLSearchParams(server.seen[0]!.search).get('limit')).toBe(String(FIRST_SLICE));
    expect(new URLSearchParams(server.seen[1]!.search).get('limit')).toBe(String(SLICE));
    expect(server.seen).toHaveLength(2);
    expect(cards.items.map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
  });

  it('drops an answer to filters that have changed since', async () => {
    let releaseSlow: () => void = () => undefined;
    fakeServer({
      'GET /api/cards': [
        () => new Promise((resolve) => {
          releaseSlow = () => resolve({ body: { items: [card('stale')], next_cursor: null } });
        }),
        { body: { items: [card('fresh')], next_cursor: null } },
      ],
    });
    const cards = useCardStore();

    const slow = cards.apply({ q: 'a' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    await cards.apply({ q: 'ab' });
    releaseSlow();
    await slow;

    expect(cards.items.map((c) => c.id)).toEqual(['fresh']);
    expect(cards.loading).toBe(false);
  });

  it('shows a failed load as a message for people', async () => {
    fakeServer({ 'GET /api/cards': [problem(422, 'REQ_002', { detail: 'status must be one of draft, approved' })] });
    const cards = useCardStore();

    await cards.apply({});

    expect(cards.error).toContain('Some values are not valid');
  });

  it('applies a bulk action card by card and reports the ones that failed, keeping them selected', async () => {
    fakeServer({
      'GET /api/cards': [{ body: { items: [card('c1'), card('c2', 'rejected'), card('c3')], next_cursor: null } }],
      'POST /api/cards/c1/approve': [{ body: card('c1', 'approved') }],
      'POST /api/cards/c2/approve': [problem(400, 'CARD_002', { detail: 'rejected cards cannot be approved' })],
      'POST /api/cards/c3/approve': [{ body: card('c3', 'approved') }],
    });
    const cards = useCardStore();
    await cards.apply({});
    cards.selectAllLoaded();

    const outcome = await cards.bulk({ kind: 'approve' });

    expect(outcome.done).toBe(2);
    expect(outcome.failed).toEqual([{ id: 'c2', message: expect.stringContaining('cannot change to that status') }]);
    expect(cards.items.map((c) => c.status)).toEqual(['approved', 'rejected', 'approved']);
    expect([...cards.selected]).toEqual(['c2']);
  });

  it('sends the reason with a rejection and takes deleted cards off the list', async () => {
    const server = fakeServer({
      'GET /api/cards': [{ body: { items: [card('c1'), card('c2')], next_cursor: null } }],
      'POST /api/cards/c1/reject': [{ body: card('c1', 'rejected') }],
      'DELETE /api/cards/c2': [{ status: 204 }],
    });
    const cards = useCardStore();
    await cards.apply({});

    await cards.bulk({ kind: 'reject', reason: 'wrong date' }, ['c1']);
    await cards.bulk({ kind: 'delete' }, ['c2']);

    expect(server.seen.find((e) => e.path.endsWith('/reject'))!.body).toEqual({ reason: 'wrong date' });
    expect(cards.items.map((c) => [c.id, c.status])).toEqual([['c1', 'rejected']]);
  });
});
