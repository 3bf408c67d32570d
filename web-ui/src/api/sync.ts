import { asProblem, authedFetch } from './client';
import { ApiError, retryAfterSeconds } from './errors';

// POST /api/sync/push and GET /api/sync/tasks/{id} (spec 5.6) are being built on the server: they are not in
// openapi.json yet, so their shapes are written here from the spec, and a server without them (404 for the route)
// is told apart from a refused push.

/** POST /api/sync/push → 202 (spec 5.6). */
export interface PushAccepted {
  task_id: string;
  status: string;
  cards_count: number;
}

/** One card of a sync task: pushed, or why not. */
export interface SyncCardResult {
  card_id: string;
  status: string;
  error?: string | null;
  code?: string | null;
  anki_note_id?: number | null;
}

/** GET /api/sync/tasks/{id}: read leniently, since the server side is still being written. */
export interface SyncTask {
  id: string;
  status: string;
  cards_count?: number;
  synced?: number;
  failed?: number;
  error?: string | null;
  results?: SyncCardResult[];
  created_at?: string;
  finished_at?: string | null;
}

export const SYNC_UNAVAILABLE = 'Pushing to Anki is not available on this server yet. Export a deck as .apkg and import it into Anki instead.';

/** The server has no such route (REQ_004 from the router, not a refusal of an existing task). */
export class SyncUnavailableError extends Error {
  constructor() {
    super(SYNC_UNAVAILABLE);
    this.name = 'SyncUnavailableError';
  }
}

async function send(path: string, init: RequestInit = {}): Promise<unknown> {
  let response: Response;
  try {
    response = await authedFetch(new Request(new URL(path, globalThis.location.origin), init));
  } catch {
    throw new ApiError(0, null);
  }
  const body = await response.json().catch(() => null);
  if (response.ok) return body;
  const problem = asProblem(body);
  if ((response.status === 404 && (!problem?.code || problem.code === 'REQ_004')) || response.status === 405) {
    throw new SyncUnavailableError();
  }
  throw new ApiError(response.status, problem, retryAfterSeconds(response.headers.get('Retry-After')));
}

export async function pushToAnki(cardIds: string[]): Promise<PushAccepted> {
  return (await send('/api/sync/push', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ card_ids: cardIds }),
  })) as PushAccepted;
}

export async function syncTask(id: string): Promise<SyncTask> {
  const task = (await send(`/api/sync/tasks/${encodeURIComponent(id)}`)) as SyncTask & { task_id?: string };
  return { ...task, id: task.id ?? task.task_id ?? id };
}

const KEY = 'ankirag.sync_tasks';

/** The tasks started from this browser, newest first (the spec has no list endpoint). */
export function rememberedTasks(): Array<{ id: string; at: string; cards: number }> {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(stored) ? stored : [];
  } catch {
    return [];
  }
}

export function rememberTask(accepted: PushAccepted): void {
  const tasks = [{ id: accepted.task_id, at: new Date().toISOString(), cards: accepted.cards_count }, ...rememberedTasks()];
  localStorage.setItem(KEY, JSON.stringify(tasks.slice(0, 50)));
}
