import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { api, call } from '@/api/client';
import { fakeServer, problem, tokens } from '@/test/http';
import { REFRESH_KEY, useAuthStore } from './auth';

const me = { body: { id: 'u1', email: 'ada@example.com', display_name: 'Ada', role: 'user' } };

beforeEach(() => {
  localStorage.clear();
  setActivePinia(createPinia());
});

describe('the session', () => {
  it('signs in, keeps the refresh token and loads the profile', async () => {
    const server = fakeServer({ 'POST /api/auth/login': [tokens('a1', 'r1')], 'GET /api/users/me': [me] });
    const auth = useAuthStore();

    await auth.login('ada@example.com', 'secret');

    expect(auth.status).toBe('signed-in');
    expect(auth.user?.display_name).toBe('Ada');
    expect(localStorage.getItem(REFRESH_KEY)).toBe('r1');
    expect(server.seen[1]!.authorization).toBe('Bearer a1');
  });

  it('comes back after a reload from the stored refresh token, without asking', async () => {
    localStorage.setItem(REFRESH_KEY, 'r1');
    const server = fakeServer({ 'POST /api/auth/refresh': [tokens('a2', 'r2')], 'GET /api/users/me': [me] });
    const auth = useAuthStore();

    await auth.restore();

    expect(auth.status).toBe('signed-in');
    expect(server.seen[0]!.body).toEqual({ refresh_token: 'r1' });
    expect(localStorage.getItem(REFRESH_KEY)).toBe('r2');
  });

  it('takes over the refresh that the page started before the app loaded', async () => {
    localStorage.setItem(REFRESH_KEY, 'r2'); // index.html's script stored the rotated token already
    const early = globalThis as { __ankiragRefresh?: Promise<unknown> };
    early.__ankiragRefresh = Promise.resolve({ status: 200, body: tokens('a2', 'r2').body });
    const server = fakeServer({ 'GET /api/users/me': [me] });
    const auth = useAuthStore();

    await auth.restore();
    await call(api.GET('/api/users/me'));

    expect(auth.status).toBe('signed-in');
    expect(server.seen.map((e) => e.path)).not.toContain('/api/auth/refresh');
    expect(server.seen.at(-1)!.authorization).toBe('Bearer a2');
    expect(early.__ankiragRefresh).toBeUndefined();
  });

  it('refreshes itself when the early refresh could not reach the server', async () => {
    localStorage.setItem(REFRESH_KEY, 'r1');
    (globalThis as { __ankiragRefresh?: Promise<unknown> }).__ankiragRefresh = Promise.reject(new TypeError('offline'));
    const server = fakeServer({ 'POST /api/auth/refresh': [tokens('a2', 'r2')], 'GET /api/users/me': [me] });
    const auth = useAuthStore();

    await auth.restore();

    expect(auth.status).toBe('signed-in');
    expect(server.seen[0]!.body).toEqual({ refresh_token: 'r1' });
  });

  it('is signed out when the stored refresh token is no longer valid', async () => {
    localStorage.setItem(REFRESH_KEY, 'revoked');
    fakeServer({ 'POST /api/auth/refresh': [problem(401, 'AUTH_001')] });
    const auth = useAuthStore();

    await auth.restore();

    expect(auth.status).toBe('signed-out');
    expect(localStorage.getItem(REFRESH_KEY)).toBeNull();
  });

  it('refreshes once for many callers: a refresh token presented twice would revoke the session', async () => {
    localStorage.setItem(REFRESH_KEY, 'r1');
    const server = fakeServer({ 'POST /api/auth/refresh': [tokens('a2', 'r2')] });
    const auth = useAuthStore();

    const [first, second] = await Promise.all([auth.refresh(), auth.refresh()]);

    expect([first, second]).toEqual(['a2', 'a2']);
    expect(server.seen.filter((e) => e.path === '/api/auth/refresh')).toHaveLength(1);
  });

  it('renews an expired access token silently and retries the refused call', async () => {
    const server = fakeServer({
      'POST /api/auth/login': [tokens('a1', 'r1')],
      'GET /api/users/me': [me],
      'POST /api/auth/refresh': [tokens('a2', 'r2')],
      'GET /api/decks/tree': [problem(401, 'AUTH_002'), { body: [] }],
    });
    const auth = useAuthStore();
    await auth.login('ada@example.com', 'secret');

    await call(api.GET('/api/decks/tree'));

    expect(auth.expired).toBe(false);
    expect(server.seen.filter((e) => e.path === '/api/decks/tree').map((e) => e.authorization))
      .toEqual(['Bearer a1', 'Bearer a2']);
  });

  it('asks to sign in again when even the refresh fails, and then finishes the waiting call', async () => {
    const server = fakeServer({
      'POST /api/auth/login': [tokens('a1', 'r1'), tokens('a3', 'r3')],
      'GET /api/users/me': [me],
      'POST /api/auth/refresh': [problem(401, 'AUTH_002')],
      'PATCH /api/cards/c1': [problem(401, 'AUTH_002'), { body: { id: 'c1' } }],
    });
    const auth = useAuthStore();
    await auth.login('ada@example.com', 'secret');

    const saving = call(api.PATCH('/api/cards/{id}', { params: { path: { id: 'c1' } }, body: { fields: { Back: 'typed' } } }));
    await until(() => auth.expired);
    await auth.login('ada@example.com', 'secret');

    await expect(saving).resolves.toEqual({ id: 'c1' });
    expect(auth.expired).toBe(false);
    const patches = server.seen.filter((e) => e.method === 'PATCH');
    expect(patches.map((e) => [e.authorization, e.body])).toEqual([
      ['Bearer a1', { fields: { Back: 'typed' } }],
      ['Bearer a3', { fields: { Back: 'typed' } }],
    ]);
  });

  it('signs out: the refresh token is revoked on the server and forgotten here', async () => {
    const server = fakeServer({
      'POST /api/auth/login': [tokens('a1', 'r1')],
      'GET /api/users/me': [me],
      'POST /api/auth/logout': [{ body: { message: 'ok' } }],
    });
    const auth = useAuthStore();
    await auth.login('ada@example.com', 'secret');

    await auth.logout();

    expect(auth.status).toBe('signed-out');
    expect(auth.user).toBeNull();
    expect(localStorage.getItem(REFRESH_KEY)).toBeNull();
    expect(server.seen.at(-1)!.body).toEqual({ refresh_token: 'r1' });
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}
