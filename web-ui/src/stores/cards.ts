import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { api, call } from '@/api/client';
import { messageOf } from '@/api/errors';
import type { Card, CardSort, CardStatus } from '@/api/types';

export interface CardFilters {
  deckId: string | null;
  includeSubdecks: boolean;
  status: CardStatus | null;
  tag: string;
  q: string;
  sort: CardSort;
}

export const DEFAULT_FILTERS: CardFilters = {
  deckId: null,
  includeSubdecks: true,
  status: null,
  tag: '',
  q: '',
  sort: 'newest',
};

export type BulkAction =
  | { kind: 'approve' }
  | { kind: 'reject'; reason: string }
  | { kind: 'move'; deckId: string }
  | { kind: 'delete' };

export interface BulkOutcome {
  done: number;
  failed: Array<{ id: string; message: string }>;
}

/**
 * Cards in the first request: a screenful and some, so the list shows up soon; later slices are larger, so that
 * scrolling asks less often. The server allows up to 200.
 */
export const FIRST_SLICE = 30;
export const SLICE = 200;
/** Requests in flight at once during a bulk action. */
const PARALLEL = 4;

/**
 * The card list: filters, the slices loaded so far (keyset pagination through next_cursor) and the selection.
 * A reply to an older filter is dropped, so typing in the search box never shows stale results.
 */
export const useCardStore = defineStore('cards', () => {
  const filters = ref<CardFilters>({ ...DEFAULT_FILTERS });
  // Thousands of rows: a shallow ref keeps Vue from making every card reactive.
  const items = shallowRef<Card[]>([]);
  const nextCursor = ref<string | null>(null);
  const loading = ref(false);
  const loaded = ref(false);
  const error = ref<string | null>(null);
  const selected = ref<Set<string>>(new Set());
  let generation = 0;

  const hasMore = computed(() => nextCursor.value !== null);
  const selectedCount = computed(() => selected.value.size);

  function query(cursor: string | null) {
    const f = filters.value;
    return {
      deck_id: f.deckId ?? undefined,
      include_subdecks: f.deckId ? f.includeSubdecks : undefined,
      status: f.status ?? undefined,
      tag: f.tag.trim() || undefined,
      q: f.q.trim() || undefined,
      sort: f.sort,
      cursor: cursor ?? undefined,
      limit: cursor ? SLICE : FIRST_SLICE,
    };
  }

  async function fetchSlice(cursor: string | null): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    error.value = null;
    try {
      const slice = await call(api.GET('/api/cards', { params: { query: query(cursor) } }));
      if (mine !== generation) return;
      items.value = cursor ? [...items.value, ...(slice.items ?? [])] : (slice.items ?? []);
      nextCursor.value = slice.next_cursor ?? null;
      loaded.value = true;
    } catch (failure) {
      if (mine === generation) error.value = messageOf(failure);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  async function apply(next: Partial<CardFilters>): Promise<void> {
    filters.value = { ...filters.value, ...next };
    selected.value = new Set();
    nextCursor.value = null;
    await fetchSlice(null);
  }

  async function reload(): Promise<void> {
    await fetchSlice(null);
  }

  async function loadMore(): Promise<void> {
    if (loading.value || !nextCursor.value) return;
    await fetchSlice(nextCursor.value);
  }

  function toggle(id: string): void {
    const next = new Set(selected.value);
    if (!next.delete(id)) next.add(id);
    selected.value = next;
  }

  function selectAllLoaded(): void {
    selected.value = new Set(items.value.map((card) => card.id ?? ''));
  }

  function clearSelection(): void {
    selected.value = new Set();
  }

  function replace(card: Card): void {
    items.value = items.value.map((item) => (item.id === card.id ? card : item));
  }

  function drop(ids: Set<string>): void {
    items.value = items.value.filter((item) => !ids.has(item.id ?? ''));
  }

  async function perform(id: string, action: BulkAction): Promise<Card | null> {
    const path = { id };
    switch (action.kind) {
      case 'approve':
        return call(api.POST('/api/cards/{id}/approve', { params: { path } }));
      case 'reject':
        return call(api.POST('/api/cards/{id}/reject', { params: { path }, body: { reason: action.reason } }));
      case 'move':
        return call(api.POST('/api/cards/{id}/move', { params: { path }, body: { deck_id: action.deckId } }));
      case 'delete':
        await call(api.DELETE('/api/cards/{id}', { params: { path } }));
        return null;
    }
  }

  /** Applies an action to each selected card (a few at a time); reports what failed and why, card by card. */
  async function bulk(action: BulkAction, ids: string[] = [...selected.value]): Promise<BulkOutcome> {
    const outcome: BulkOutcome = { done: 0, failed: [] };
    const deleted = new Set<string>();
    const queue = [...ids];
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        try {
          const card = await perform(id, action);
          if (card) replace(card);
          else deleted.add(id);
          outcome.done++;
        } catch (failure) {
          outcome.failed.push({ id, message: messageOf(failure) });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, ids.length) }, worker));
    drop(deleted);
    const failedIds = new Set(outcome.failed.map((failure) => failure.id));
    selected.value = new Set([...selected.value].filter((id) => failedIds.has(id)));
    return outcome;
  }

  return {
    filters, items, nextCursor, loading, loaded, error, selected, hasMore, selectedCount,
    apply, reload, loadMore, toggle, selectAllLoaded, clearSelection, replace, bulk,
  };
});
