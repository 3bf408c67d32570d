import { mount, RouterLinkStub } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import CardPreview from './CardPreview.vue';
import DeckTreeItem from './DeckTreeItem.vue';
import HistoryTimeline from './HistoryTimeline.vue';
import type { DeckNode, HistoryEntry } from '@/api/types';

describe('CardPreview', () => {
  it('shows the card in a shadow root with the template’s CSS, apart from the app’s styles', async () => {
    const preview = mount(CardPreview, {
      props: { html: '<b>2 + 2</b>', css: '.card { color: red; }', label: 'Front' },
      attachTo: document.body,
    });

    const host = preview.get('[data-testid="preview-front"]').element;
    expect(host.shadowRoot?.querySelector('.card b')?.textContent).toBe('2 + 2');
    expect(host.shadowRoot?.querySelector('style')?.textContent).toContain('.card { color: red; }');
    expect(preview.text()).toBe(''); // nothing of the card leaks into the light DOM

    await preview.setProps({ html: '<i>4</i>' });
    expect(host.shadowRoot?.querySelector('.card')?.innerHTML).toBe('<i>4</i>');
    preview.unmount();
  });
});

describe('HistoryTimeline', () => {
  const entries: HistoryEntry[] = [
    { sequence: 0, type: 'card_created', at: '2026-11-25T10:00:00Z', actor: 'me', status_after: 'draft',
      changes: { deck_id: 'd1', origin: 'manual', fields: { Front: '<b>ATP</b>', Back: 'energy' }, tags: ['bio'] } },
    { sequence: 1, type: 'card_moved', at: '2026-11-25T10:01:00Z', actor: 'me', status_before: 'draft', status_after: 'draft',
      changes: { from_deck_id: 'd1', to_deck_id: 'gone' } },
    { sequence: 2, type: 'card_rejected', at: '2026-11-25T10:02:00Z', actor: 'admin-1234567890', status_before: 'draft',
      status_after: 'rejected', reason: 'too vague', changes: {} },
  ];

  it('tells who did what, when, with the status change, reason and values', () => {
    const timeline = mount(HistoryTimeline, {
      props: {
        entries,
        actorName: (id?: string) => (id === 'me' ? 'you' : `user ${id?.slice(0, 5)}`),
        deckName: (id?: string) => (id === 'd1' ? 'Biology' : 'a deleted deck'),
      },
    });
    const items = timeline.findAll('[data-testid="history-entry"]').map((item) => item.text());

    expect(items[0]).toContain('Created');
    expect(items[0]).toContain('In Biology (manual)');
    expect(items[0]).toContain('Front: ATP');
    expect(items[0]).toContain('Tags: bio');
    expect(items[1]).toContain('From Biology to a deleted deck');
    expect(items[2]).toContain('Rejected');
    expect(items[2]).toContain('draft');
    expect(items[2]).toContain('rejected');
    expect(items[2]).toContain('user admin');
    expect(items[2]).toContain('Reason: too vague');
  });
});

describe('DeckTreeItem', () => {
  const node: DeckNode = {
    id: 'bio', name: 'Biology', cards_count: 2, total_cards_count: 5,
    children: [{ id: 'cells', name: 'Cells', parent_id: 'bio', cards_count: 3, total_cards_count: 3, children: [] }],
  };

  it('shows the deck’s own and total card counts, and its sub-decks', () => {
    const item = mount(DeckTreeItem, { props: { node, depth: 0 }, global: { stubs: { RouterLink: RouterLinkStub } } });

    expect(item.text()).toContain('Biology');
    expect(item.text()).toMatch(/Cards: 2\s\/ 5/);
    expect(item.text()).toContain('Cells');
  });

  it('collapses and expands from a button that says which it will do', async () => {
    const item = mount(DeckTreeItem, { props: { node, depth: 0 }, global: { stubs: { RouterLink: RouterLinkStub } } });
    const toggle = item.get('button[aria-label="Collapse Biology"]');

    await toggle.trigger('click');

    expect(item.text()).not.toContain('Cells');
    expect(item.get('button[aria-label="Expand Biology"]').attributes('aria-expanded')).toBe('false');
  });

  it('passes a sub-deck’s action up with that sub-deck', async () => {
    const item = mount(DeckTreeItem, { props: { node, depth: 0 }, global: { stubs: { RouterLink: RouterLinkStub } } });

    const cells = item.findAll('li[data-deck="Cells"] button').find((b) => b.text() === 'Rename')!;
    await cells.trigger('click');
    await nextTick();

    expect(item.emitted('action')).toEqual([['rename', node.children![0]]]);
  });
});
