import { mount, RouterLinkStub } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChatMessage } from '@/stores/chat';
import ChatMessageItem from './ChatMessageItem.vue';

const CARD = '0190f2c4-5b6a-7c8d-9e0f-1a2b3c4d5e6f';
const answer = (over: Partial<ChatMessage> = {}): ChatMessage => ({
  id: 'a1', role: 'assistant', content: `**ATP** stores energy [card:${CARD}].\n<img src=x onerror="alert(1)">`,
  sources: [{ cardId: CARD, deckId: 'd1', deckName: 'Biology', score: 0.8123, snippet: 'What does ATP store?', cited: true }],
  complete: true, finishReason: 'stop', createdAt: null, streaming: false, error: null, saved: true, ...over,
});

beforeEach(() => setActivePinia(createPinia()));

function render(message: ChatMessage) {
  return mount(ChatMessageItem, { props: { message }, global: { stubs: { RouterLink: RouterLinkStub } } });
}

describe('an assistant message', () => {
  it('renders the model’s markdown as text, its citations as links to the card and its sources', () => {
    const item = render(answer());

    expect(item.find('strong').text()).toBe('ATP');
    expect(item.find('img').exists()).toBe(false);
    expect(item.text()).toContain('<img src=x onerror="alert(1)">');
    const [citation, source] = item.findAllComponents(RouterLinkStub);
    expect([citation!.props('to'), citation!.attributes('aria-label')]).toEqual([`/cards/${CARD}`, 'Cited card 1: open it']);
    expect([source!.props('to'), source!.text()]).toEqual([`/cards/${CARD}`, 'card 1, Biology, score 0.81, cited: What does ATP store?']);
    expect(item.find('[data-testid="incomplete"]').exists()).toBe(false);
    expect(item.find('button').text()).toBe('Make cards from this answer');
  });

  it('marks an answer that broke off, with the reason, and offers cards only from saved answers', () => {
    const stopped = render(answer({ complete: false, finishReason: 'cancelled', saved: false }));
    expect(stopped.get('[data-testid="incomplete"]').text()).toBe('Stopped: this answer is incomplete.');
    expect(stopped.find('button').exists()).toBe(false);

    const failed = render(answer({ complete: false, finishReason: 'error', error: 'The language model failed to answer.' }));
    expect(failed.get('[data-testid="incomplete"]').text()).toBe('This answer is incomplete. The language model failed to answer.');
  });

  it('shows the assistant thinking until the first words arrive', () => {
    const item = render(answer({ content: '', sources: [], streaming: true, complete: false, saved: false }));
    expect(item.find('[aria-label="The assistant is thinking"]').exists()).toBe(true);
    expect(item.find('button').exists()).toBe(false);
  });
});
