import createClient from 'openapi-fetch';
import type { paths } from './schema';
import { ApiError, retryAfterSeconds, type Problem } from './errors';

/** Where the API client gets bearer tokens; the auth store is the one in the app. */
export interface TokenSource {
  /** The access token to send now (refreshed first when it is about to expire); null when signed out. */
  accessToken(): Promise<string | null>;
  /**
   * Called after the server refused {@code rejected}: refreshes the session, or, when that fails, waits until
   * the person signs in again. Resolves to the token to retry with, or null to give up.
   */
  renew(rejected: string | null): Promise<string | null>;
}

let tokens: TokenSource | null = null;

export function useTokenSource(source: TokenSource | null): void {
  tokens = source;
}

// Signing in must not carry a stale bearer token: the server rejects a bad token even on public routes.
const PUBLIC = /\/api\/(auth\/(login|register|refresh|logout)|health|openapi\.json)$/;

/**
 * fetch with the session's bearer token. A 401 on a signed-in call renews the session (silent refresh, or the
 * sign-in dialog when the refresh token is gone too) and retries the same request once, so nothing the person
 * was doing is lost.
 */
export async function authedFetch(request: Request): Promise<Response> {
  if (!tokens || PUBLIC.test(new URL(request.url).pathname)) {
    return globalThis.fetch(request);
  }
  const spare = request.clone();
  const token = await tokens.accessToken();
  if (token) request.headers.set('Authorization', `Bearer ${token}`);
  const response = await globalThis.fetch(request);
  if (response.status !== 401) return response;
  const renewed = await tokens.renew(token);
  if (!renewed) return response;
  spare.headers.set('Authorization', `Bearer ${renewed}`);
  return globalThis.fetch(spare);
}

export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  fetch: authedFetch,
});

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a successful call; an ApiError (with the human message) for anything else. */
export async function call<T>(pending: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await pending;
  } catch (failure) {
    if (failure instanceof ApiError) throw failure;
    throw new ApiError(0, null);
  }
  if (!result.response.ok) {
    throw new ApiError(result.response.status, asProblem(result.error), retryAfterSeconds(result.response.headers.get('Retry-After')));
  }
  return result.data as T;
}

export function asProblem(body: unknown): Problem | null {
  return body !== null && typeof body === 'object' ? (body as Problem) : null;
}

/** Raw fetch of a binary answer (downloads), through the same session handling. */
export async function download(path: string): Promise<{ blob: Blob; fileName: string | null }> {
  let response: Response;
  try {
    response = await authedFetch(new Request(new URL(path, globalThis.location.origin)));
  } catch {
    throw new ApiError(0, null);
  }
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw new ApiError(response.status, asProblem(body));
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return { blob: await response.blob(), fileName: match?.[1] ? decodeURIComponent(match[1]) : null };
}
