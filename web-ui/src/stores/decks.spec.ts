import { describe, expect, it } from 'vitest';
import type { DeckNode } from '@/api/types';
import { flatten, subtreeIds } from './decks';

const tree: DeckNode[] = [
  {
    id: 'bio', name: 'Biology', cards_count: 2, total_cards_count: 5,
    children: [
      { id: 'cells', name: 'Cells', parent_id: 'bio', cards_count: 3, total_cards_count: 3, children: [] },
      { id: 'genes', name: 'Genes', parent_id: 'bio', cards_count: 0, total_cards_count: 0, children: [
        { id: 'dna', name: 'DNA', parent_id: 'genes', cards_count: 0, total_cards_count: 0, children: [] },
      ] },
    ],
  },
  { id: 'art', name: 'Art', cards_count: 1, total_cards_count: 1, children: [] },
];

describe('the deck tree', () => {
  it('flattens in tree order with depth and path, for pickers', () => {
    expect(flatten(tree).map((d) => [d.path, d.depth, d.totalCards])).toEqual([
      ['Biology', 0, 5],
      ['Biology › Cells', 1, 3],
      ['Biology › Genes', 1, 0],
      ['Biology › Genes › DNA', 2, 0],
      ['Art', 0, 1],
    ]);
  });

  it('knows a deck’s subtree, which a move may not go into', () => {
    expect([...subtreeIds(tree, 'genes')].sort()).toEqual(['dna', 'genes']);
    expect([...subtreeIds(tree, 'bio')].sort()).toEqual(['bio', 'cells', 'dna', 'genes']);
    expect([...subtreeIds(tree, 'art')]).toEqual(['art']);
  });
});
