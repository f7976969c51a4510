/**
 * Resolving callers. The token's `sub` names an account; the table says which official holds it
 * and which roles they are assigned. Resolved callers are cached briefly per warm function.
 */
import { config } from '../../config';
import { keys } from '../../db/keys';
import { getItem, parseStored, parseValues, queryAll } from '../../db/store';
import type { Caller } from '../../domain/access/caller';
import { ForbiddenError } from '../../domain/errors';
import { officialSchema } from '../../domain/structure/entities';
import { assignmentView } from '../../domain/structure/structure-views';

const cache = new Map<string, { caller: Caller; expires: number }>();

const NO_OFFICIAL = 'Tài khoản này chưa được gắn với cán bộ nào trong huyện.';

/** The official holding the subject and their assignments (403 when the account is nobody's); cached briefly. */
export async function resolveCaller(subject: string, now = Date.now()): Promise<Caller> {
  const hit = cache.get(subject);
  if (hit && hit.expires > now) return hit.caller;
  const reservation = await getItem(keys.subject(subject));
  const officialId = reservation?.officialId;
  if (typeof officialId !== 'string') throw new ForbiddenError(NO_OFFICIAL);
  const items = await queryAll({ partition: keys.officialPartition(officialId) });
  const officialItem = items.find((item) => item.SK === keys.unit('official', officialId).SK);
  if (!officialItem) throw new ForbiddenError(NO_OFFICIAL);
  const assignments = parseValues(
    assignmentView,
    items.filter((item) => String(item.SK).startsWith(keys.assignmentPrefix)),
  );
  const caller: Caller = { subject, official: parseStored(officialSchema, officialItem).value, assignments };
  cache.set(subject, { caller, expires: now + config().ACCESS_CACHE_SECONDS * 1000 });
  return caller;
}

/**
 * Forgets the cached callers of one official, under any subject: a caller is made of the official
 * and their assignments only (an assignment keeps the units it reaches), so a write to an official
 * or an assignment changes no one else's, and the clerk making a run of structure writes keeps their
 * own. The structure writers, the import among them, call it so their own process sees their changes at once.
 */
export function forgetCallersOf(officialId: string): void {
  for (const [subject, entry] of cache) {
    if (entry.caller.official.id === officialId) cache.delete(subject);
  }
}
