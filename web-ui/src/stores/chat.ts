import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api, call } from '@/api/client';
import { fromWire, refusal, streamAnswer, type ChatSource } from '@/api/chat';
import { ApiError, humanMessage, messageOf, NETWORK_ERROR } from '@/api/errors';
import type { ChatSession, ChatSessionDetails, StoredChatMessage } from '@/api/types';

/** A message as the conversation shows it: stored, or being written by the assistant right now. */
export interface ChatMessage {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  sources: ChatSource[];
  /** False for an answer that broke off (stopped, failed, or the connection dropped). */
  complete: boolean;
  finishReason: string | null;
  createdAt: string | null;
  streaming: boolean;
  /** Why the answer broke off, for people. */
  error: string | null;
  /** The id is the server's: cards can be made from it. */
  saved: boolean;
}

export const SESSIONS_PAGE = 20;
export const MESSAGES_PAGE = 50;

function stored(message: StoredChatMessage): ChatMessage {
  return {
    id: message.id ?? '',
    role: message.role === 'user' ? 'user' : 'assistant',
    content: message.content ?? '',
    sources: (message.sources ?? []).map((s) => fromWire({ ...s, card_id: s.card_id ?? '' })),
    complete: message.complete ?? true,
    finishReason: message.finish_reason ?? null,
    createdAt: message.created_at ?? null,
    streaming: false,
    error: null,
    saved: true,
  };
}

let localIds = 0;

/** The study assistant: the learner's chats, the open conversation and the answer streaming into it. */
export const useChatStore = defineStore('chat', () => {
  const sessions = ref<ChatSession[]>([]);
  const archived = ref(false);
  const sessionsPage = ref(0);
  const sessionsPages = ref(0);
  const sessionsLoading = ref(false);

  const current = ref<ChatSessionDetails | null>(null);
  const messages = ref<ChatMessage[]>([]);
  /** The oldest page of messages loaded (page 1 holds the oldest); older ones load on demand. */
  const oldestPage = ref(1);
  const conversationLoading = ref(false);
  const olderLoading = ref(false);

  const answering = ref(false);
  let stop: AbortController | null = null;

  const hasMoreSessions = computed(() => sessionsPage.value < sessionsPages.value);
  const hasOlder = computed(() => current.value !== null && oldestPage.value > 1);

  async function loadSessions(showArchived = archived.value): Promise<void> {
    archived.value = showArchived;
    sessionsLoading.value = true;
    try {
      const page = await call(api.GET('/api/chat/sessions', {
        params: { query: { archived: showArchived, page: 1, size: SESSIONS_PAGE } },
      }));
      sessions.value = page.items ?? [];
      sessionsPage.value = page.page ?? 1;
      sessionsPages.value = page.pages ?? 1;
    } finally {
      sessionsLoading.value = false;
    }
  }

  async function loadMoreSessions(): Promise<void> {
    if (!hasMoreSessions.value || sessionsLoading.value) return;
    sessionsLoading.value = true;
    try {
      const page = await call(api.GET('/api/chat/sessions', {
        params: { query: { archived: archived.value, page: sessionsPage.value + 1, size: SESSIONS_PAGE } },
      }));
      const known = new Set(sessions.value.map((s) => s.id));
      sessions.value = [...sessions.value, ...(page.items ?? []).filter((s) => !known.has(s.id))];
      sessionsPage.value = page.page ?? sessionsPage.value + 1;
      sessionsPages.value = page.pages ?? sessionsPages.value;
    } finally {
      sessionsLoading.value = false;
    }
  }

  async function create(title: string, deckId: string | null, topic: string): Promise<ChatSession> {
    const session = await call(api.POST('/api/chat/sessions', {
      body: { title, context: deckId || topic.trim() ? { deck_id: deckId ?? undefined, topic: topic.trim() || undefined } : undefined },
    }));
    if (!archived.value) sessions.value = [session, ...sessions.value.filter((s) => s.id !== session.id)];
    return session;
  }

  async function change(id: string, changes: { title?: string; archived?: boolean }): Promise<ChatSession> {
    const session = await call(api.PATCH('/api/chat/sessions/{id}', { params: { path: { id } }, body: changes }));
    if (changes.archived !== undefined && changes.archived !== archived.value) {
      sessions.value = sessions.value.filter((s) => s.id !== id);
    } else {
      sessions.value = sessions.value.map((s) => (s.id === id ? session : s));
    }
    if (current.value?.id === id) current.value = { ...current.value, ...session };
    return session;
  }

  async function remove(id: string): Promise<void> {
    await call(api.DELETE('/api/chat/sessions/{id}', { params: { path: { id } } }));
    sessions.value = sessions.value.filter((s) => s.id !== id);
    if (current.value?.id === id) close();
  }

  function close(): void {
    stopAnswer();
    current.value = null;
    messages.value = [];
    oldestPage.value = 1;
  }

  async function page(id: string, number: number): Promise<ChatSessionDetails> {
    return call(api.GET('/api/chat/sessions/{id}', {
      params: { path: { id }, query: { page: number, size: MESSAGES_PAGE } },
    }));
  }

  /** Opens a chat at its latest messages. */
  async function open(id: string): Promise<void> {
    if (current.value?.id === id) return;
    close();
    conversationLoading.value = true;
    try {
      let details = await page(id, 1);
      const last = details.messages?.pages ?? 1;
      if (last > 1) details = await page(id, last);
      current.value = details;
      oldestPage.value = details.messages?.page ?? 1;
      messages.value = (details.messages?.items ?? []).map(stored);
    } finally {
      conversationLoading.value = false;
    }
  }

  async function loadOlder(): Promise<void> {
    if (!current.value || !hasOlder.value || olderLoading.value) return;
    const id = current.value.id!;
    olderLoading.value = true;
    try {
      const details = await page(id, oldestPage.value - 1);
      if (current.value?.id !== id) return;
      const known = new Set(messages.value.map((m) => m.id));
      messages.value = [...(details.messages?.items ?? []).map(stored).filter((m) => !known.has(m.id)), ...messages.value];
      oldestPage.value -= 1;
    } finally {
      olderLoading.value = false;
    }
  }

  /**
   * Asks the open chat a question; the answer streams into the conversation. Rejects (with nothing added) when
   * the server refuses before answering, so the composer can keep the text.
   */
  async function ask(content: string): Promise<void> {
    const session = current.value;
    if (!session?.id || answering.value) return;
    const controller = new AbortController();
    stop = controller;
    answering.value = true;
    const now = new Date().toISOString();
    const question: ChatMessage = {
      id: `local-${++localIds}`, role: 'user', content, sources: [], complete: true, finishReason: null,
      createdAt: now, streaming: false, error: null, saved: false,
    };
    messages.value.push(question, {
      id: `local-${++localIds}`, role: 'assistant', content: '', sources: [], complete: false, finishReason: null,
      createdAt: now, streaming: true, error: null, saved: false,
    });
    // The reactive copy, so that changes show as they happen.
    const answer = messages.value[messages.value.length - 1]!;
    let started = false;
    try {
      await streamAnswer(session.id, content, {
        content(chunk) {
          started = true;
          answer.content += chunk;
        },
        metadata(sources) {
          started = true;
          answer.sources = sources;
        },
        done(messageId) {
          answer.id = messageId;
          answer.saved = true;
          answer.complete = true;
          answer.finishReason = 'stop';
        },
        error(problem) {
          started = true;
          answer.complete = false;
          answer.finishReason = 'error';
          answer.error = problem.code ? humanMessage(problem) : `The answer broke off: ${problem.detail ?? NETWORK_ERROR}`;
        },
      }, controller.signal);
    } catch (failure) {
      if (controller.signal.aborted) {
        answer.complete = false;
        answer.finishReason = 'cancelled';
      } else if (!started && failure instanceof ApiError && failure.status !== 0) {
        messages.value = messages.value.filter((m) => m.id !== question.id && m.id !== answer.id);
        throw failure;
      } else {
        answer.complete = false;
        answer.finishReason = 'error';
        answer.error = `The answer broke off: ${messageOf(failure)}`;
      }
    } finally {
      answer.streaming = false;
      answering.value = false;
      if (stop === controller) stop = null;
    }
    bumpCurrent(2);
  }

  /** Stops the answer being written: the connection closes, which stops the model; what was written stays. */
  function stopAnswer(): void {
    stop?.abort();
    stop = null;
  }

  function bumpCurrent(added: number): void {
    const session = current.value;
    if (!session) return;
    const updated = { ...session, message_count: (session.message_count ?? 0) + added, updated_at: new Date().toISOString() };
    current.value = updated;
    const rest = sessions.value.filter((s) => s.id !== session.id);
    const listed = sessions.value.find((s) => s.id === session.id);
    if (listed) sessions.value = [{ ...listed, message_count: updated.message_count, updated_at: updated.updated_at }, ...rest];
  }

  /** Starts a generation job drafting cards from an answer; its id. */
  async function cardsFromAnswer(messageId: string, numCards?: number, deckId?: string | null): Promise<string> {
    const session = current.value;
    if (!session?.id) throw new Error('No chat is open.');
    let result;
    try {
      result = await api.POST('/api/chat/sessions/{id}/messages/{messageId}/cards', {
        params: { path: { id: session.id, messageId } },
        body: { num_cards: numCards, deck_id: deckId ?? undefined },
      });
    } catch {
      throw new ApiError(0, null);
    }
    if (!result.response.ok) throw await refusal(result.response);
    return result.data?.job_id ?? '';
  }

  return {
    sessions, archived, sessionsLoading, hasMoreSessions, loadSessions, loadMoreSessions, create, change, remove,
    current, messages, conversationLoading, olderLoading, hasOlder, open, close, loadOlder,
    answering, ask, stopAnswer, cardsFromAnswer,
  };
});
