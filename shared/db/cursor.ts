/**
 * Opaque pagination cursors. A cursor is the `LastEvaluatedKey` of a page, encoded; on the way
 * back it is checked to be a key of the same list (same partition, same key attributes, inside
 * the same sort-key range), so a cursor cannot read another list, and a forged one is a 400
 * rather than a database error.
 */
import { BadRequestError } from '../domain/errors';

/** What a cursor must look like to continue one query. */
export interface CursorScope {
  /** The `[attribute, value]` of the query's partition. */
  readonly partition: readonly [string, string];
  /** Every attribute of the key: the table's keys, plus the index's when querying one. */
  readonly attributes: readonly string[];
  /** The sort-key attribute and the query's range on it (`between` wins over `prefix`, as in the query). */
  readonly sortKey: string;
  readonly prefix?: string;
  readonly between?: readonly [string, string];
}

/** DynamoDB's limit on a sort key; longer values (or empty ones) in a forged cursor would fail in the database. */
const MAX_KEY_BYTES = 1024;

export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | undefined {
  if (!lastKey) return undefined;
  return Buffer.from(JSON.stringify(lastKey), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined, scope: CursorScope): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  const invalid = new BadRequestError('invalid_cursor', 'Con trỏ phân trang (cursor) không hợp lệ.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw invalid;
  const entries = Object.entries(parsed);
  const expected = new Set(scope.attributes);
  const wellFormed = ([name, v]: [string, unknown]) =>
    expected.has(name) && typeof v === 'string' && v !== '' && Buffer.byteLength(v) <= MAX_KEY_BYTES;
  if (entries.length !== expected.size || !entries.every(wellFormed)) throw invalid;
  const key = parsed as Record<string, string>;
  if (key[scope.partition[0]] !== scope.partition[1]) throw invalid;
  const sort = key[scope.sortKey] ?? '';
  const inRange = scope.between
    ? sort >= scope.between[0] && sort <= scope.between[1]
    : sort.startsWith(scope.prefix ?? '');
  if (!inRange) throw invalid;
  return key;
}
