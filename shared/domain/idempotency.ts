/**
 * Retried creations. A client sends `Idempotency-Key` with a POST that creates something; a retry
 * under the same key within the window gets the first answer again instead of making a second
 * thing. The key is recorded in the same transaction as the creation (`shared/db/idempotency.ts`),
 * so a key is taken exactly when its creation happened.
 */
import { ConflictError, UnprocessableContentError } from './errors';

/** How long a key is remembered: a day covers any client's retries after a lost answer. */
export const IDEMPOTENCY_WINDOW_SECONDS = 24 * 60 * 60;

/** What the header may hold: a client-made token such as a UUID. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** An answer as it is kept and replayed. */
export interface KeptAnswer {
  readonly status: number;
  readonly body?: unknown;
  readonly version?: number;
  readonly headers?: Readonly<Record<string, string>>;
}

/** One request made under a key: whose key (`scope`, the caller), the key, and what exactly was asked. */
export interface IdempotentRequest {
  readonly scope: string;
  readonly key: string;
  /** A digest of the route and the validated request, so a key used for another request is noticed. */
  readonly fingerprint: string;
}

/** What is kept of the first request under a key: its fingerprint, and its answer once given. */
export interface KeptRequest {
  readonly fingerprint: string;
  readonly answer?: KeptAnswer;
}

/** Where keys are kept; the route handler is handed one, as it is handed the caller lookup. */
export interface IdempotencyStore {
  /** The request first made under the key, unless none was made within the window. */
  find(request: IdempotentRequest): Promise<KeptRequest | undefined>;
  /**
   * Runs `work` so that the first change it commits also takes the key (a concurrent request
   * that took it first makes that commit fail), then keeps its answer for replays.
   */
  run(request: IdempotentRequest, work: () => Promise<KeptAnswer>): Promise<KeptAnswer>;
}

/** The 422 for a key sent again with a different request. */
export function keyReused(): UnprocessableContentError {
  return new UnprocessableContentError(
    'idempotency_key_reused',
    'Idempotency-Key này đã được dùng cho một yêu cầu khác; hãy dùng khoá mới cho yêu cầu mới.',
  );
}

/** The 409 for a key whose first request has not answered yet. */
export function keyInUse(): ConflictError {
  return new ConflictError(
    'idempotency_key_in_use',
    'Yêu cầu đầu tiên với Idempotency-Key này chưa xong; hãy thử lại sau giây lát.',
  );
}
