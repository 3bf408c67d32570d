import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { fakeServer } from '@/test/http';
import ReviewView from './ReviewView.vue';

const draft = (id: string, front: string) => ({ id, status: 'draft', deck_id: 'd1', template_id: 't1', fields: { Front: front, Back: 'back' } });

function routes(extra: Record<string, Array<{ status?: number; body?: unknown }>> = {}) {
  return fakeServer({
    'GET /api/cards': [{ body: { items: [draft('c1', 'First'), draft('c2', 'Second'), draft('c3', 'Third')], next_cursor: null } }],
    'GET /api/decks/tree': [{ body: [] }],
    'GET /api/templates': [{ body: { items: [], total: 0, page: 1, size: 100, pages: 0 } }],
    'POST /api/templates/t1/preview': [{ body: { question: 'q', answer: 'a', css: '' } }],
    'GET /api/cards/c1/generation': [{ status: 204 }],
    'GET /api/cards/c2/generation': [{ body: { card_id: 'c2', topic: 'Topic', model: 'm', fact_check: { verdict: 'disputed', explanation: 'No', correction: 'Yes', sources: [{ url: 'https://example.org', title: 'Example' }] } } }],
    'GET /api/cards/c3/generation': [{ status: 204 }],
    'POST /api/rag/duplicates': [(exchange) => ({
      body: { duplicates: (exchange.body as { card_ids: string[] }).card_ids[0] === 'c2' ? [{ card_id: 'c2', similar_to: 'old', similarity: 0.93 }] : [] },
    })],
    'GET /api/cards/old': [{ body: { id: 'old', status: 'approved', fields: { Front: 'Older card', Back: 'same thing' } } }],
    ...extra,
  } as never);
}

async function open() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/review', component: ReviewView }, { path: '/:any(.*)*', component: { template: '<p />' } }] });
  await router.push('/review');
  const view = mount(ReviewView, { global: { plugins: [router] }, attachTo: document.body });
  await flushPromises();
  return { view, router };
}

const press = async (key: string) => {
  window.dispatchEvent(new KeyboardEvent('keydown', { key }));
  await flushPromises();
};

beforeEach(() => setActivePinia(createPinia()));

describe('the review queue', () => {
  it('goes through the drafts with the keyboard, showing duplicates and fact-checks', async () => {
    const server = routes({ 'POST /api/cards/c1/approve': [{ body: { ...draft('c1', 'First'), status: 'approved' } }] });
    const { view } = await open();

    expect(view.get('[data-testid="review-position"]').text()).toBe('Card 1 of 3');
    expect(new URLSearchParams(server.seen.find((e) => e.path === '/api/cards')!.search).get('status')).toBe('draft');

    await press('a');
    expect(server.seen.some((e) => e.method === 'POST' && e.path === '/api/cards/c1/approve')).toBe(true);
    expect(view.get('[data-testid="review-position"]').text()).toBe('Card 2 of 3');
    expect(view.get('[data-testid="duplicate-warning"]').text()).toContain('Older card — same thing');
    expect(view.get('[data-testid="duplicate-warning"]').text()).toContain('93% similar');
    expect(view.get('[data-testid="generation-info"]').text()).toContain('Fact-check: disputed');
    expect(view.get('[data-testid="generation-info"] a').attributes('href')).toBe('https://example.org');

    await press('j');
    expect(view.get('[data-testid="review-position"]').text()).toBe('Card 3 of 3');
    expect(view.find('[data-testid="duplicate-warning"]').exists()).toBe(false);
    await press('ArrowLeft');
    expect(view.get('[data-testid="review-position"]').text()).toBe('Card 2 of 3');
    view.unmount();
  });

  it('asks for a reason before rejecting, and ignores keys typed into it', async () => {
    const server = routes({ 'POST /api/cards/c1/reject': [{ body: { ...draft('c1', 'First'), status: 'rejected' } }] });
    const { view } = await open();

    await press('r');
    const reason = view.get('textarea[name="reason"]');
    await reason.setValue('Too vague');
    reason.element.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    await flushPromises();
    expect(server.seen.some((e) => e.path.endsWith('/approve'))).toBe(false);

    await view.get('dialog form').trigger('submit');
    await flushPromises();
    expect(server.seen.find((e) => e.path === '/api/cards/c1/reject')!.body).toEqual({ reason: 'Too vague' });
    expect(view.get('[data-testid="review-position"]').text()).toBe('Card 2 of 3');
    view.unmount();
  });

  it('says when there is nothing to review', async () => {
    routes({ 'GET /api/cards': [{ body: { items: [], next_cursor: null } }] });
    const { view } = await open();

    expect(view.text()).toContain('Nothing to review');
    view.unmount();
  });
});
