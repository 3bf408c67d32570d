import { vi } from 'vitest';

export interface Exchange {
  method: string;
  path: string;
  search: string;
  authorization: string | null;
  body: unknown;
}

type Reply = { status?: number; body?: unknown } | ((exchange: Exchange) => { status?: number; body?: unknown } | Promise<{ status?: number; body?: unknown }>);

/**
 * A fake server behind globalThis.fetch: routes "METHOD /path" to replies (each used once, in order, the last
 * one repeating), and records every request it saw.
 */
export function fakeServer(routes: Record<string, Reply[]>) {
  const seen: Exchange[] = [];
  const fetch = vi.fn(async (input: Request) => {
    const url = new URL(input.url);
    const text = await input.text();
    const exchange: Exchange = {
      method: input.method,
      path: url.pathname,
      search: url.search,
      authorization: input.headers.get('Authorization'),
      body: text ? JSON.parse(text) : undefined,
    };
    seen.push(exchange);
    const key = `${input.method} ${url.pathname}`;
    const replies = routes[key];
    if (!replies?.length) throw new Error(`unexpected request ${key}`);
    const reply = replies.length > 1 ? replies.shift()! : replies[0]!;
    const { status = 200, body } = typeof reply === 'function' ? await reply(exchange) : reply;
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetch);
  return { seen, fetch };
}

export const problem = (status: number, code: string, extra: Record<string, unknown> = {}) => ({
  status,
  body: { status, code, title: code, ...extra },
});

export const tokens = (access: string, refresh: string) => ({
  body: { access_token: access, refresh_token: refresh, token_type: 'bearer', expires_in: 900 },
});
