import { authedFetch } from './client';
import { ApiError, type Problem } from './errors';
import { readSse } from '@/lib/sse';

/** A card the answer was grounded in, as the stream's metadata and the stored answer name it. */
export interface ChatSource {
  cardId: string;
  deckId: string | null;
  deckName: string | null;
  score: number;
  snippet: string;
  cited: boolean;
}

export interface AnswerHandlers {
  content(chunk: string): void;
  metadata(sources: ChatSource[], model: string | null): void;
  done(messageId: string): void;
  /** The answer broke off after it started: what was written stays, the error says why. */
  error(problem: Problem): void;
}

interface WireSource {
  card_id: string;
  deck_id?: string | null;
  deck_name?: string | null;
  score?: number;
  snippet?: string;
  cited?: boolean;
}

export function fromWire(source: WireSource): ChatSource {
  return {
    cardId: source.card_id,
    deckId: source.deck_id ?? null,
    deckName: source.deck_name ?? null,
    score: source.score ?? 0,
    snippet: source.snippet ?? '',
    cited: source.cited ?? false,
  };
}

/** Seconds (or an HTTP date) from Retry-After as words, e.g. "in 42 seconds"; null when there is none. */
export function retryAfterText(header: string | null, now = Date.now()): string | null {
  if (!header) return null;
  let seconds = /^\d+$/.test(header.trim()) ? Number(header.trim()) : (Date.parse(header) - now) / 1000;
  if (!Number.isFinite(seconds)) return null;
  seconds = Math.max(1, Math.ceil(seconds));
  if (seconds < 90) return `in ${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `in ${minutes} minutes`;
}

/** An ApiError for a refused call; a rate limit says when to try again. */
export async function refusal(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const error = new ApiError(response.status, body !== null && typeof body === 'object' ? (body as Problem) : null);
  const when = retryAfterText(response.headers.get('Retry-After'));
  if (error.code === 'RATE_001' && when) error.message = `${error.message.replace(/ Wait a little and try again\.$/, '')} You can try again ${when}.`;
  return error;
}

/**
 * Asks a question and feeds the streamed answer to the handlers as it arrives. Refusals before the stream
 * (unknown or archived chat, an answer still being written, the rate limit) reject with an ApiError; aborting the
 * signal closes the connection, which stops the model on the server.
 */
export async function streamAnswer(sessionId: string, content: string, handlers: AnswerHandlers, signal?: AbortSignal): Promise<void> {
  const request = new Request(new URL(`/api/chat/sessions/${encodeURIComponent(sessionId)}/messages`, globalThis.location.origin), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
    body: JSON.stringify({ content }),
    signal,
  });
  let response: Response;
  try {
    response = await authedFetch(request);
  } catch (failure) {
    if (signal?.aborted) throw failure;
    throw new ApiError(0, null);
  }
  if (!response.ok) throw await refusal(response);
  if (!response.body) throw new ApiError(response.status, null);
  let finished = false;
  for await (const event of readSse(response.body)) {
    const data: Record<string, unknown> = event.data ? JSON.parse(event.data) : {};
    switch (event.event) {
      case 'content':
        handlers.content(String(data.chunk ?? ''));
        break;
      case 'metadata':
        handlers.metadata(((data.sources as WireSource[] | undefined) ?? []).map(fromWire), (data.model as string | undefined) ?? null);
        break;
      case 'done':
        finished = true;
        handlers.done(String(data.message_id ?? ''));
        break;
      case 'error':
        finished = true;
        handlers.error({ code: data.code as string | undefined, detail: data.message as string | undefined });
        break;
      default:
        break;
    }
  }
  // The connection dropped before the answer said it was over.
  if (!finished && !signal?.aborted) handlers.error({ code: undefined, detail: 'the connection closed early' });
}
