import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError, ERROR_MESSAGES, NETWORK_ERROR, humanMessage, messageOf, retryAfterSeconds } from './errors';

// The server's one catalogue of codes (vitest runs in web-ui/).
const ERROR_CODE_JAVA = resolve(process.cwd(), '../domain/src/main/java/io/ankirag/domain/error/ErrorCode.java');

describe('the error catalogue', () => {
  it('has a message for every code the server can answer with', () => {
    const serverCodes = [...readFileSync(ERROR_CODE_JAVA, 'utf8').matchAll(/^\s{4}([A-Z]+_\d{3})\(/gm)].map((m) => m[1]);

    expect(serverCodes.length).toBeGreaterThan(20);
    expect(serverCodes.filter((code) => !(code! in ERROR_MESSAGES))).toEqual([]);
  });

  it('speaks to people, not in codes', () => {
    expect(humanMessage({ status: 409, code: 'USER_001', detail: 'email already registered' }))
      .toBe('An account with this email already exists. Sign in instead, or use another email.');
  });

  it('names the invalid fields of a validation failure', () => {
    const message = humanMessage({ status: 422, code: 'REQ_002', errors: { display_name: 'size must be between 1 and 100' } });

    expect(message).toBe('Some values are not valid. display name size must be between 1 and 100.');
  });

  it('adds the detail where it says what was wrong', () => {
    expect(humanMessage({ status: 400, code: 'CARD_002', detail: 'a rejected card cannot be approved' }))
      .toContain('(a rejected card cannot be approved)');
  });

  it('still says something useful for a code it does not know', () => {
    expect(humanMessage({ status: 418, code: 'TEA_001' })).toBe('Something went wrong (TEA_001).');
  });

  it('tells an unreachable server from a failing one', () => {
    expect(humanMessage(null, 0)).toBe(NETWORK_ERROR);
    expect(humanMessage(null, 502)).toContain('HTTP 502');
    expect(messageOf(new TypeError('Failed to fetch'))).toBe(NETWORK_ERROR);
  });

  it('keeps the problem on the error for forms to mark their fields', () => {
    const error = new ApiError(422, { code: 'REQ_002', errors: { email: 'must be a well-formed email address' } });

    expect(error.code).toBe('REQ_002');
    expect(error.fieldErrors).toEqual({ email: 'must be a well-formed email address' });
    expect(error.message).toContain('email must be a well-formed email address');
  });
});

describe('rate limits', () => {
  it('say when to try again', () => {
    const error = new ApiError(429, { status: 429, code: 'RATE_001' }, 720);

    expect(error.message).toMatch(/^You have reached the limit for now\. You can try again in 12 minutes \(at \d{1,2}:\d{2}/);
    expect(new ApiError(429, { code: 'RATE_001' }, 30).message).toContain('in 30 seconds');
    expect(new ApiError(429, { code: 'RATE_001' }).message).toBe(ERROR_MESSAGES.RATE_001);
  });

  it('read Retry-After as seconds or as a date', () => {
    const now = Date.parse('2026-11-25T10:00:00Z');

    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds('Wed, 25 Nov 2026 10:05:00 GMT', now)).toBe(300);
    expect(retryAfterSeconds(null, now)).toBeNull();
    expect(retryAfterSeconds('soon', now)).toBeNull();
  });
});
