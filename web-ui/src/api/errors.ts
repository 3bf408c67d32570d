/**
 * The UI's one catalogue of error messages, keyed by the `code` of the server's problem details
 * (domain/.../error/ErrorCode.java). Every API failure reaches the user through humanMessage().
 */
export const ERROR_MESSAGES = {
  AUTH_001: 'The email or password is wrong, or your session is no longer valid.',
  AUTH_002: 'Your session has expired. Please sign in again.',
  AUTH_003: 'This account has been deactivated. Ask an administrator to reactivate it.',
  AUTH_004: 'You are not allowed to do that. It needs an administrator, or the item is built in and read-only.',
  USER_001: 'An account with this email already exists. Sign in instead, or use another email.',
  USER_002: 'That user does not exist.',
  DECK_001: 'That deck does not exist, or it has been deleted.',
  DECK_002: 'You do not have access to that deck.',
  DECK_003: 'A deck cannot be moved into itself or one of its own sub-decks.',
  CARD_001: 'That card does not exist, or it has been deleted.',
  CARD_002: 'The card cannot change to that status from where it is now.',
  TEMPLATE_001: 'That card template does not exist, or it has been deleted.',
  TEMPLATE_002: 'Cards still use this template. Delete those cards or move them to another template first.',
  PROMPT_001: 'That prompt or prompt version does not exist.',
  PROMPT_002: 'A prompt with this name already exists (deleted prompts keep their names).',
  PROMPT_003: 'System prompts cannot be deleted; add a new version instead.',
  GEN_001: 'The language model failed to answer. Try again in a moment.',
  GEN_002: 'The generation request is not valid.',
  GEN_003: 'That generation job does not exist, or it is not yours.',
  GEN_004: 'That generation job has already finished.',
  SYNC_001: 'Anki is not reachable. Is Anki running with AnkiConnect?',
  SYNC_002: 'This file is not an Anki package that can be read (.apkg or .colpkg).',
  SYNC_003: 'The AnkiConnect add-on is too old. Update it in Anki (Tools → Add-ons → Check for Updates).',
  SYNC_004: 'AnkiConnect refused access. Allow AnkiRAG in the dialog Anki shows, or set the API key it expects.',
  SYNC_005: 'Anki refused the request. The details say why.',
  SYNC_006: 'That sync task does not exist, or it is not yours.',
  RAG_001: 'The search index could not process the text. Try again in a moment.',
  REQ_001: 'The request could not be understood.',
  REQ_002: 'Some values are not valid.',
  REQ_003: 'That is larger than the server accepts.',
  REQ_004: 'Nothing was found there.',
  REQ_005: 'That action is not supported here.',
  REQ_006: 'The server does not accept that kind of content.',
  RATE_001: 'Too many requests. Wait a little and try again.',
  SYS_001: 'Something went wrong on the server. It has been logged; please try again.',
  SYS_002: 'A service the server needs is down. Please try again shortly.',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export const NETWORK_ERROR = 'The server cannot be reached. Check your connection and try again.';

/** RFC 9457 problem details as the server writes them. */
export interface Problem {
  status?: number;
  title?: string;
  detail?: string;
  code?: string;
  errors?: Record<string, string>;
}

/** A failed API call: the server's problem, or none when the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(humanMessage(problem, status));
    this.name = 'ApiError';
  }

  get code(): string | undefined {
    return this.problem?.code;
  }

  /** Field name → message, for REQ_002. */
  get fieldErrors(): Record<string, string> {
    return this.problem?.errors ?? {};
  }
}

export function isKnownCode(code: string | undefined): code is ErrorCode {
  return code !== undefined && Object.hasOwn(ERROR_MESSAGES, code);
}

/** What to tell a person about a failed call; never the raw JSON. */
export function humanMessage(problem: Problem | null, status = 0): string {
  if (!problem) {
    return status === 0 ? NETWORK_ERROR : `The server answered with an unexpected error (HTTP ${status}).`;
  }
  const base = isKnownCode(problem.code)
    ? ERROR_MESSAGES[problem.code]
    : `Something went wrong (${problem.code ?? `HTTP ${problem.status ?? status}`}).`;
  if (problem.code === 'REQ_002' && problem.errors && Object.keys(problem.errors).length > 0) {
    const fields = Object.entries(problem.errors)
      .map(([field, message]) => `${field.replaceAll('_', ' ')} ${message}`)
      .join('; ');
    return `${base} ${fields}.`;
  }
  // Details that say which value was wrong help; the others repeat the title.
  if (problem.detail && ['REQ_002', 'CARD_002', 'SYNC_002', 'SYNC_005', 'GEN_002', 'REQ_003'].includes(problem.code ?? '')) {
    return `${base} (${problem.detail})`;
  }
  return base;
}

/** Any thrown value as a message for people. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return NETWORK_ERROR;
  return error instanceof Error ? error.message : String(error);
}
