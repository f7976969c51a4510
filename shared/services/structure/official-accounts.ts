/**
 * Links an official to the account they sign in with: the account's subject (`sub`) becomes the
 * official's `subject`, through the same audited, conditional change as `PATCH /officials/{id}`.
 */
import type { Actor } from '../../db/change-set';
import { ConflictError } from '../../domain/errors';
import { loadUnit, unitKind } from './unit-kinds';
import { replaceUnit } from './unit-writes';

export type LinkOutcome = 'linked' | 'already-linked';

/**
 * Records `subject` on the official; nothing is written when it is already there.
 *
 * @throws NotFoundError when the official does not exist
 * @throws ConflictError when the official is linked to another account, or the account to another official
 */
export async function linkOfficialAccount(officialId: string, subject: string, actor: Actor): Promise<LinkOutcome> {
  const officials = unitKind('official');
  const current = await loadUnit(officials, officialId);
  const linked = current.value.subject;
  if (linked === subject) return 'already-linked';
  if (linked !== undefined) {
    throw new ConflictError(
      'official_has_account',
      `Cán bộ "${officialId}" đã gắn với tài khoản "${String(linked)}"; hãy gỡ tài khoản cũ trước.`,
    );
  }
  await replaceUnit(officials, current, { ...current.value, subject }, actor);
  return 'linked';
}
