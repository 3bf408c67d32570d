import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, call, useTokenSource } from './client';
import { ApiError } from './errors';
import { fakeServer, problem } from '@/test/http';

afterEach(() => useTokenSource(null));

describe('the API client', () => {
  it('sends the session’s bearer token', async () => {
    const server = fakeServer({ 'GET /api/decks/tree': [{ body: [] }] });
    useTokenSource({ accessToken: async () => 'token-1', renew: async () => null });

    await call(api.GET('/api/decks/tree'));

    expect(server.seen[0]!.authorization).toBe('Bearer token-1');
  });

  it('never sends a token with signing in, which a stale one would spoil', async () => {
    const server = fakeServer({ 'POST /api/auth/login': [{ body: { access_token: 'a' } }] });
    useTokenSource({ accessToken: async () => 'stale', renew: async () => null });

    await call(api.POST('/api/auth/login', { body: { email: 'a@b.c', password: 'p' } }));

    expect(server.seen[0]!.authorization).toBeNull();
  });

  it('renews a refused session and sends the same request again, body and all', async () => {
    const server = fakeServer({
      'PATCH /api/cards/c1': [problem(401, 'AUTH_002'), { body: { id: 'c1' } }],
    });
    const renew = vi.fn(async () => 'token-2');
    useTokenSource({ accessToken: async () => 'token-1', renew });

    const card = await call(api.PATCH('/api/cards/{id}', { params: { path: { id: 'c1' } }, body: { fields: { Front: 'typed' } } }));

    expect(card).toEqual({ id: 'c1' });
    expect(renew).toHaveBeenCalledWith('token-1');
    expect(server.seen.map((e) => [e.authorization, e.body])).toEqual([
      ['Bearer token-1', { fields: { Front: 'typed' } }],
      ['Bearer token-2', { fields: { Front: 'typed' } }],
    ]);
  });

  it('gives up with the server’s problem when the session cannot be renewed', async () => {
    fakeServer({ 'GET /api/users/me': [problem(401, 'AUTH_001')] });
    useTokenSource({ accessToken: async () => 'token-1', renew: async () => null });

    const failure = await call(api.GET('/api/users/me')).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).code).toBe('AUTH_001');
  });

  it('turns a network failure into a message about the connection', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }));

    const failure = await call(api.GET('/api/health')).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(0);
    expect((failure as ApiError).message).toContain('cannot be reached');
  });
});
