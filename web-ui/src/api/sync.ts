import { api, asProblem, authedFetch, call } from './client';
import { ApiError, ERROR_MESSAGES, messageOf, whenAgain } from './errors';
import type { components } from './schema';
import { readSse } from '@/lib/sse';

type Schemas = components['schemas'];

/** POST /api/sync/push and /api/sync/pull → 202: the task to follow. */
export type SyncTaskAccepted = Schemas['SyncTaskAccepted'];
/** GET /api/sync/tasks/{id}: the task with its per-card results, its error and, when deferred, its next try. */
export type SyncTask = Schemas['SyncTaskResponse'];
export type SyncCardResult = Schemas['CardResultResponse'];
export type SyncTaskPage = Schemas['PageResponseSyncTaskResponse'];
export type PullOrder = Schemas['PullRequest'];

/** Task statuses after which nothing changes any more. */
export const FINISHED = new Set(['completed', 'failed']);

export async function pushToAnki(cardIds: string[], viaAgent = false): Promise<SyncTaskAccepted> {
  return call(api.POST('/api/sync/push', { body: { card_ids: cardIds, via_agent: viaAgent } }));
}

export async function pullFromAnki(order: PullOrder): Promise<SyncTaskAccepted> {
  return call(api.POST('/api/sync/pull', { body: order }));
}

export async function syncTask(id: string): Promise<SyncTask> {
  return call(api.GET('/api/sync/tasks/{id}', { params: { path: { id } } }));
}

export async function syncTasks(page = 1, size = 20): Promise<SyncTaskPage> {
  return call(api.GET('/api/sync/tasks', { params: { query: { page, size } } }));
}

/**
 * A task's own failure (or, for a deferred task, why its last attempt failed) as a message for people: the
 * catalogue's sentence for the code, the server's detail where it says which value or note, and when Anki will be
 * tried again.
 */
export function taskProblem(task: Pick<SyncTask, 'error' | 'retry_at' | 'status'>, now = new Date()): string | null {
  const code = task.error?.code;
  if (!code && !task.error?.detail) return null;
  const known = code && Object.hasOwn(ERROR_MESSAGES, code) ? ERROR_MESSAGES[code as keyof typeof ERROR_MESSAGES] : null;
  let message = known ?? `Something went wrong (${code ?? 'unknown'}).`;
  if (task.error?.detail && (code === 'SYNC_005' || !known)) message += ` (${task.error.detail})`;
  if (task.retry_at) message += ` ${retryText(task.retry_at, now)}`;
  return message;
}

/** "It will be tried again in 5 minutes (at 14:05)." for a deferred task. */
export function retryText(retryAt: string, now = new Date()): string {
  const seconds = (Date.parse(retryAt) - now.getTime()) / 1000;
  return seconds > 0 ? `It will be tried again ${whenAgain(seconds, now)}.` : 'It will be tried again shortly.';
}

/** What the stream says, event by event (adapters-in-sse/sync/SyncTaskEventStream). */
export type SyncStreamEvent =
  | { event: 'progress'; status: string; cards_count: number; done_count: number; attempts: number; retry_at: string | null; message: string | null }
  | { event: 'result'; position: number; card_id: string | null; outcome: string; anki_note_id: number | null; error: string | null }
  | { event: 'complete'; cards_count: number; synced: number; failed: number }
  | { event: 'error'; message: string | null; code: string | null };

const RECONNECT_DELAYS_MS = [500, 1000, 2000, 4000, 8000];

/**
 * Follows GET /api/sync/tasks/{id}/stream with the bearer token (fetch, not EventSource), resuming after the last
 * result received when the connection drops, until the task completes or fails. Resolves when the stream ends;
 * rejects with an ApiError when the server refuses the stream (no such task) or the connection cannot be restored.
 */
export async function followSyncTask(id: string, onEvent: (event: SyncStreamEvent) => void, signal: AbortSignal): Promise<void> {
  let resumeFrom = 0;
  let failures = 0;
  while (!signal.aborted) {
    try {
      const url = new URL(`/api/sync/tasks/${encodeURIComponent(id)}/stream`, globalThis.location.origin);
      if (resumeFrom > 0) url.searchParams.set('resume_from', String(resumeFrom));
      const response = await authedFetch(new Request(url, { headers: { Accept: 'text/event-stream' }, signal }));
      if (!response.ok || !response.body) {
        const body = await response.json().catch(() => null);
        throw new ApiError(response.status, asProblem(body));
      }
      for await (const sse of readSse(response.body)) {
        failures = 0;
        const payload = JSON.parse(sse.data);
        if (sse.event === 'result') resumeFrom = Math.max(resumeFrom, payload.position ?? 0);
        onEvent({ event: sse.event, ...payload } as SyncStreamEvent);
        if (sse.event === 'complete' || sse.event === 'error') return;
      }
    } catch (failure) {
      if (signal.aborted) return;
      if (failure instanceof ApiError && failure.status >= 400 && failure.status < 500) throw failure;
      if (!(failure instanceof ApiError) && !(failure instanceof TypeError) && !(failure instanceof DOMException)) {
        throw new Error(messageOf(failure));
      }
    }
    if (signal.aborted) return;
    failures++;
    if (failures > RECONNECT_DELAYS_MS.length) {
      throw new Error('The connection to the server was lost. The task goes on; reload the page to see how it ended.');
    }
    await new Promise((resolve) => setTimeout(resolve, RECONNECT_DELAYS_MS[failures - 1]));
  }
}
