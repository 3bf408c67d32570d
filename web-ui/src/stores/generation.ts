import { defineStore } from 'pinia';
import { reactive, ref, shallowRef } from 'vue';
import { api, asProblem, authedFetch, call } from '@/api/client';
import { ApiError, humanMessage, messageOf } from '@/api/errors';
import type { FactCheck, GenerationJob, GenerationJobSummary, GenerationOrder } from '@/api/types';
import { readSse } from '@/lib/sse';

/** A card as the stream delivers it. */
export interface StreamedCard {
  id: string;
  sequence: number;
  template_id: string;
  fields: Record<string, string>;
  fact_check: FactCheck | null;
}

export type JobStatus = 'pending' | 'running' | 'completed' | 'failed' | 'cancelled';
export const FINISHED: ReadonlySet<string> = new Set(['completed', 'failed', 'cancelled']);

/** One job followed live: what the stream has said so far. */
export interface LiveJob {
  id: string;
  topic: string;
  status: JobStatus;
  current: number;
  total: number;
  message: string;
  cards: StreamedCard[];
  /** The last card's sequence: a new connection resumes after it. */
  lastSequence: number;
  connection: 'connecting' | 'open' | 'reconnecting' | 'closed';
  reconnects: number;
  summary: { total_created: number; total_failed: number; duplicates_dropped: number } | null;
  error: string | null;
}

/** Waits before the 1st, 2nd, … reconnection; the last one repeats until MAX_RECONNECTS. */
export const RECONNECT_DELAYS_MS = [500, 1000, 2000, 5000];
export const MAX_RECONNECTS = 20;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

/**
 * Generation: starting jobs, following one over GET /api/generate/stream (reconnecting with resume_from after a
 * dropped connection, so every card arrives exactly once), cancelling, and the list of the user's jobs.
 */
export const useGenerationStore = defineStore('generation', () => {
  const live = ref<LiveJob | null>(null);
  const jobs = shallowRef<GenerationJobSummary[]>([]);
  const jobsLoading = ref(false);
  const jobsError = ref<string | null>(null);
  let following: AbortController | null = null;

  async function loadJobs(): Promise<void> {
    jobsLoading.value = true;
    jobsError.value = null;
    try {
      const page = await call(api.GET('/api/generate/jobs', { params: { query: { page: 1, size: 20 } } }));
      jobs.value = page.items ?? [];
    } catch (failure) {
      jobsError.value = messageOf(failure);
    } finally {
      jobsLoading.value = false;
    }
  }

  /** Starts a job and follows it; the idempotency key makes a repeated click (or a retried request) one job. */
  async function start(order: GenerationOrder, idempotencyKey: string = crypto.randomUUID()): Promise<string> {
    const accepted = await call(api.POST('/api/generate', { body: { ...order, idempotency_key: idempotencyKey } }));
    const id = accepted.job_id!;
    void follow(id, order.topic);
    void loadJobs();
    return id;
  }

  /** Follows a job (a new one, or one picked from the list) until it finishes or stop() is called. */
  async function follow(id: string, topic = ''): Promise<void> {
    stop();
    const controller = new AbortController();
    following = controller;
    const job: LiveJob = reactive({
      id, topic, status: 'pending', current: 0, total: 0, message: 'Waiting for the job to start…', cards: [],
      lastSequence: 0, connection: 'connecting', reconnects: 0, summary: null, error: null,
    });
    live.value = job;
    await stream(job, controller.signal);
    if (following === controller) following = null;
    if (!controller.signal.aborted) void loadJobs();
  }

  function stop(): void {
    following?.abort();
    following = null;
    if (live.value && live.value.connection !== 'closed') live.value.connection = 'closed';
  }

  async function stream(job: LiveJob, signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      try {
        const url = new URL('/api/generate/stream', globalThis.location.origin);
        url.searchParams.set('job_id', job.id);
        if (job.lastSequence > 0) url.searchParams.set('resume_from', String(job.lastSequence));
        const response = await authedFetch(new Request(url, { headers: { Accept: 'text/event-stream' }, signal }));
        if (!response.ok || !response.body) {
          const body = await response.json().catch(() => null);
          throw new ApiError(response.status, asProblem(body));
        }
        job.connection = 'open';
        for await (const event of readSse(response.body)) {
          failures = 0;
          if (handle(job, event.event, event.data)) {
            job.connection = 'closed';
            return;
          }
        }
      } catch (failure) {
        if (signal.aborted) return;
        // The server refused the stream itself (no such job, not signed in): trying again will not help.
        if (failure instanceof ApiError && failure.status >= 400 && failure.status < 500) {
          job.error = failure.message;
          job.connection = 'closed';
          return;
        }
      }
      if (signal.aborted) return;
      // The connection dropped before the job finished: resume after the last card received.
      failures++;
      if (failures > MAX_RECONNECTS) {
        job.error = 'The connection to the server was lost. The job goes on; reopen it from the list to see its cards.';
        job.connection = 'closed';
        return;
      }
      job.connection = 'reconnecting';
      job.reconnects++;
      await sleep(RECONNECT_DELAYS_MS[Math.min(failures, RECONNECT_DELAYS_MS.length) - 1]!, signal);
    }
  }

  /** @return whether the job has finished */
  function handle(job: LiveJob, event: string, data: string): boolean {
    const payload = JSON.parse(data);
    switch (event) {
      case 'progress':
        job.current = payload.current ?? job.current;
        job.total = payload.total ?? job.total;
        job.message = payload.message ?? job.message;
        if (job.status === 'pending') job.status = 'running';
        return false;
      case 'card': {
        const card = payload as StreamedCard;
        if (card.sequence > job.lastSequence) {
          job.cards.push(card);
          job.lastSequence = card.sequence;
        }
        if (job.status === 'pending') job.status = 'running';
        return false;
      }
      case 'complete':
        job.status = payload.status === 'cancelled' ? 'cancelled' : 'completed';
        job.summary = {
          total_created: payload.total_created ?? job.cards.length,
          total_failed: payload.total_failed ?? 0,
          duplicates_dropped: payload.duplicates_dropped ?? 0,
        };
        job.message = job.status === 'cancelled' ? 'Cancelled.' : 'Done.';
        return true;
      case 'error':
        job.status = 'failed';
        job.error = payload.code ? humanMessage({ code: payload.code }) : (payload.message ?? 'The job failed.');
        return true;
      default:
        return false;
    }
  }

  async function cancel(id: string): Promise<GenerationJob> {
    const job = await call(api.POST('/api/generate/jobs/{id}/cancel', { params: { path: { id } } }));
    void loadJobs();
    return job;
  }

  return { live, jobs, jobsLoading, jobsError, loadJobs, start, follow, stop, cancel };
});
