/**
 * Opaque pagination cursors. A cursor is the `LastEvaluatedKey` of a page, encoded; on the way
 * back it is checked to belong to the same partition, so a cursor cannot read another list.
 */
import { BadRequestError } from '../domain/errors';

export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | undefined {
  if (!lastKey) return undefined;
  return Buffer.from(JSON.stringify(lastKey), 'utf8').toString('base64url');
}

/**
 * @param partition the `[attribute, value]` the cursor's key must carry.
 */
export function decodeCursor(
  cursor: string | undefined,
  partition: readonly [string, string],
): Record<string, string> | undefined {
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
  if (entries.length === 0 || entries.length > 4 || entries.some(([, v]) => typeof v !== 'string')) throw invalid;
  const key = parsed as Record<string, string>;
  if (key[partition[0]] !== partition[1]) throw invalid;
  return key;
}
