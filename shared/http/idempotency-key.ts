/**
 * The HTTP side of idempotent retries: the `Idempotency-Key` header of a route that declares
 * `request.idempotent`, the request's fingerprint, and the replayed answer. Keys are the caller's
 * own: the same key from another official is another key.
 */
import { createHash } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { BadRequestError } from '../domain/errors';
import { IDEMPOTENCY_KEY_PATTERN, type IdempotentRequest } from '../domain/idempotency';
import type { RouteDefinition } from './contract';
import { header } from './request';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Marks an answer given again from a kept one. */
export const REPLAYED_HEADER = 'idempotent-replayed';

/** JSON with every object's keys sorted, so equal requests digest equally whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, inner]) => `${JSON.stringify(name)}:${canonical(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The key request of an idempotent route, when the client sent a key (400 when it is malformed).
 * `validated` is the request as the route read it: path, query, body and the version it names.
 */
export function idempotentRequestOf(
  event: APIGatewayProxyEventV2,
  route: RouteDefinition,
  scope: string,
  validated: object,
): IdempotentRequest | undefined {
  if (!route.request.idempotent) return undefined;
  const key = header(event, IDEMPOTENCY_KEY_HEADER);
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new BadRequestError(
      'invalid_idempotency_key',
      'Idempotency-Key phải gồm 1 đến 255 ký tự in được, không có dấu cách (ví dụ một UUID).',
    );
  }
  const fingerprint = createHash('sha256')
    .update(canonical({ route: `${route.method} ${route.path}`, ...validated }))
    .digest('base64url');
  return { scope, key, fingerprint };
}
