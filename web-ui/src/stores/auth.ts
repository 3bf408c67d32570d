import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api, call, useTokenSource } from '@/api/client';
import { ApiError } from '@/api/errors';
import type { Tokens, User } from '@/api/types';

export const REFRESH_KEY = 'ankirag.refresh_token';
/** Refresh this long before the access token runs out, so calls never meet an expired token. */
const EARLY_MS = 60_000;

type Status = 'unknown' | 'signed-out' | 'signed-in';

/**
 * The session: the access token lives in memory only, the rotating refresh token in localStorage. Refreshes
 * are single-flight (and serialised across tabs with the Web Locks API, since presenting a refresh token twice
 * revokes the whole session). When even the refresh fails, `expired` turns on: the app shows the sign-in
 * dialog over the page, and the calls that were refused wait and then retry, so nothing typed is lost.
 */
export const useAuthStore = defineStore('auth', () => {
  const user = ref<User | null>(null);
  const status = ref<Status>('unknown');
  const expired = ref(false);
  const accessToken = ref<string | null>(null);
  const expiresAt = ref(0);

  let refreshing: Promise<string | null> | null = null;
  let restoring: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waiters: Array<(token: string | null) => void> = [];

  const isAdmin = computed(() => user.value?.role === 'admin');

  function accept(tokens: Tokens): string {
    accessToken.value = tokens.access_token ?? null;
    expiresAt.value = Date.now() + (tokens.expires_in ?? 900) * 1000;
    if (tokens.refresh_token) localStorage.setItem(REFRESH_KEY, tokens.refresh_token);
    clearTimeout(timer);
    // A failed early refresh is no error yet: the next call refreshes (or asks to sign in) when it needs to.
    timer = setTimeout(() => void refresh().catch(() => undefined), Math.max(10_000, expiresAt.value - Date.now() - EARLY_MS));
    return accessToken.value ?? '';
  }

  function forget(): void {
    clearTimeout(timer);
    accessToken.value = null;
    expiresAt.value = 0;
    user.value = null;
    localStorage.removeItem(REFRESH_KEY);
  }

  async function loadMe(): Promise<void> {
    user.value = await call(api.GET('/api/users/me'));
    status.value = 'signed-in';
  }

  async function login(email: string, password: string): Promise<void> {
    const previous = user.value?.id;
    const wasExpired = expired.value;
    accept(await call(api.POST('/api/auth/login', { body: { email, password } })));
    expired.value = false; // calls may go out again, loading the profile first
    await loadMe();
    if (wasExpired) {
      if (previous && previous !== user.value?.id) {
        // Someone else signed in over the expired session: nothing on screen is theirs.
        release(null);
        globalThis.location.assign('/');
        return;
      }
      release(accessToken.value);
    }
  }

  async function register(email: string, password: string, displayName: string): Promise<void> {
    accept(await call(api.POST('/api/auth/register', {
      body: { email, password, display_name: displayName || undefined },
    })));
    await loadMe();
  }

  async function logout(): Promise<void> {
    const token = localStorage.getItem(REFRESH_KEY);
    forget();
    status.value = 'signed-out';
    expired.value = false;
    release(null);
    if (token) {
      await call(api.POST('/api/auth/logout', { body: { refresh_token: token } })).catch(() => undefined);
    }
  }

  /** Silent refresh; null when the refresh token is missing, expired or revoked. */
  function refresh(): Promise<string | null> {
    refreshing ??= exclusively(async () => {
      const token = localStorage.getItem(REFRESH_KEY);
      if (!token) return null;
      try {
        return accept(await call(api.POST('/api/auth/refresh', { body: { refresh_token: token } })));
      } catch (failure) {
        if (failure instanceof ApiError && failure.status === 401) {
          localStorage.removeItem(REFRESH_KEY);
          return null;
        }
        throw failure;
      }
    }).finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  /** At start-up: a stored refresh token signs the person in again without asking. */
  /** The refresh index.html started before the app loaded: its tokens, or null when there was none or it failed. */
  async function earlyRefresh(): Promise<string | null | undefined> {
    const started = (globalThis as { __ankiragRefresh?: Promise<{ status: number; body: unknown }> }).__ankiragRefresh;
    if (!started) return undefined;
    delete (globalThis as { __ankiragRefresh?: unknown }).__ankiragRefresh;
    const answer = await started.catch(() => null);
    if (answer?.status === 200 && answer.body) return accept(answer.body as Tokens);
    if (answer?.status === 401) {
      localStorage.removeItem(REFRESH_KEY);
      return null;
    }
    return undefined; // unreachable or failing: the ordinary refresh tries again and decides
  }

  function restore(): Promise<void> {
    restoring ??= (async () => {
      try {
        const early = await earlyRefresh();
        if (early ?? (early === undefined && (await refresh()))) {
          // The screen can load at once; the profile (name in the menu, role) follows.
          status.value = 'signed-in';
          void loadMe().catch(() => undefined);
          return;
        }
      } catch {
        // The server is unreachable or failing: treat as signed out; the login page says more when tried.
      }
      forget();
      status.value = 'signed-out';
    })();
    return restoring;
  }

  function release(token: string | null): void {
    const pending = waiters;
    waiters = [];
    pending.forEach((resolve) => resolve(token));
  }

  function waitForSignIn(): Promise<string | null> {
    expired.value = true;
    return new Promise((resolve) => waiters.push(resolve));
  }

  useTokenSource({
    async accessToken() {
      if (expired.value) return waitForSignIn();
      if (refreshing) return refreshing;
      if (accessToken.value && Date.now() > expiresAt.value - 5_000) {
        return (await refresh().catch(() => null)) ?? accessToken.value;
      }
      return accessToken.value;
    },
    async renew(rejected) {
      if (status.value !== 'signed-in') return null;
      if (accessToken.value && accessToken.value !== rejected && !expired.value) return accessToken.value;
      if (!expired.value) {
        const fresh = await refresh().catch(() => null);
        if (fresh) return fresh;
      }
      return waitForSignIn();
    },
  });

  return { user, status, expired, isAdmin, login, register, logout, restore, refresh, loadMe };
});

/** Runs the refresh under a cross-tab lock where the browser has one. */
async function exclusively<T>(work: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return work();
  return locks.request('ankirag-refresh', work) as Promise<T>;
}
