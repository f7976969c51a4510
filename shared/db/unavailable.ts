/**
 * The database boundary's translation of "DynamoDB cannot answer now" into ServiceUnavailableError,
 * applied by the document client (`client.ts`) to whatever is left after the SDK's retries.
 */
import { ServiceUnavailableError } from '../domain/errors';

/** Throttling by name, as DynamoDB and the SDK name it. */
const THROTTLING = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded']);
/** The SDK's own timeouts (connection, socket). */
const TIMEOUTS = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
/** Node's network failures: refused, reset, unreachable, name lookup. */
const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** A transaction's per-item reasons that mean "throttled", not "your condition failed". */
const THROTTLED_REASONS = new Set(['ThrottlingError', 'ProvisionedThroughputExceeded', 'RequestLimitExceeded']);

interface ErrorShape {
  readonly name?: string;
  readonly code?: string;
  readonly cause?: unknown;
  /** AggregateError: Node reports a refused connection to every address of a host this way. */
  readonly errors?: readonly unknown[];
  readonly $metadata?: { readonly httpStatusCode?: number };
  readonly CancellationReasons?: readonly { readonly Code?: string }[];
}

/** Whether `error` says DynamoDB is overloaded, slow or out of reach, as opposed to refusing the request. */
export function isUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { name = '', code = '', $metadata, CancellationReasons, cause, errors } = error as ErrorShape;
  if (THROTTLING.has(name) || TIMEOUTS.has(name) || NETWORK.has(code)) return true;
  const status = $metadata?.httpStatusCode ?? 0;
  if (status === 429 || status >= 500) return true;
  if (name === 'TransactionCanceledException') {
    const codes = (CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
    return (
      codes.some((reason) => THROTTLED_REASONS.has(reason)) &&
      codes.every((reason) => reason === 'None' || THROTTLED_REASONS.has(reason))
    );
  }
  return [cause, ...(errors ?? [])].some((inner) => isUnavailable(inner, depth + 1));
}

/** What the database boundary throws instead of `error`: ServiceUnavailableError (with the SDK's error as cause) or `error` itself. */
export function translateUnavailable(error: unknown): unknown {
  return isUnavailable(error) ? Object.assign(new ServiceUnavailableError(), { cause: error }) : error;
}
