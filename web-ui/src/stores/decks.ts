import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api, call } from '@/api/client';
import type { DeckNode } from '@/api/types';

/** A deck in tree order, with its depth and full path, for pickers and lookups. */
export interface FlatDeck {
  id: string;
  name: string;
  path: string;
  depth: number;
  parentId: string | null;
  cards: number;
  totalCards: number;
}

export function flatten(nodes: DeckNode[], depth = 0, prefix = ''): FlatDeck[] {
  return nodes.flatMap((node) => {
    const path = prefix ? `${prefix} › ${node.name ?? ''}` : (node.name ?? '');
    return [
      {
        id: node.id ?? '',
        name: node.name ?? '',
        path,
        depth,
        parentId: node.parent_id ?? null,
        cards: node.cards_count ?? 0,
        totalCards: node.total_cards_count ?? 0,
      },
      ...flatten(node.children ?? [], depth + 1, path),
    ];
  });
}

/** Ids of a deck and every deck below it. */
export function subtreeIds(nodes: DeckNode[], id: string): Set<string> {
  const found = new Set<string>();
  const visit = (node: DeckNode, inside: boolean) => {
    const here = inside || node.id === id;
    if (here && node.id) found.add(node.id);
    (node.children ?? []).forEach((child) => visit(child, here));
  };
  nodes.forEach((node) => visit(node, false));
  return found;
}

/** The caller's deck tree with counts; every change reloads it, since counts move with cards. */
export const useDeckStore = defineStore('decks', () => {
  const tree = ref<DeckNode[]>([]);
  const loaded = ref(false);
  const loading = ref(false);

  const flat = computed(() => flatten(tree.value));
  const byId = computed(() => new Map(flat.value.map((deck) => [deck.id, deck])));

  async function load(): Promise<void> {
    loading.value = true;
    try {
      tree.value = await call(api.GET('/api/decks/tree'));
      loaded.value = true;
    } finally {
      loading.value = false;
    }
  }

  async function ensureLoaded(): Promise<void> {
    if (!loaded.value) await load();
  }

  async function create(name: string, description: string, parentId: string | null): Promise<string> {
    const deck = await call(api.POST('/api/decks', {
      body: { name, description: description || undefined, parent_id: parentId ?? undefined },
    }));
    await load();
    return deck.id ?? '';
  }

  async function rename(id: string, name: string, description: string): Promise<void> {
    await call(api.PATCH('/api/decks/{id}', { params: { path: { id } }, body: { name, description } }));
    await load();
  }

  async function move(id: string, parentId: string | null): Promise<void> {
    await call(api.POST('/api/decks/{id}/move', {
      params: { path: { id } },
      body: { parent_id: parentId ?? undefined },
    }));
    await load();
  }

  async function remove(id: string): Promise<void> {
    await call(api.DELETE('/api/decks/{id}', { params: { path: { id } } }));
    await load();
  }

  return { tree, flat, byId, loaded, loading, load, ensureLoaded, create, rename, move, remove };
});
