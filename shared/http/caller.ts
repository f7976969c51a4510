/**
 * Who is calling. The token's `sub` names an account; the table says which official holds it and
 * which roles they are assigned. Resolved callers are cached briefly per warm function.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { config } from '../config';
import { keys } from '../db/keys';
import { getItem, queryAll, toStored } from '../db/store';
import { ForbiddenError, UnauthorizedError } from '../domain/errors';
import type { Official } from '../domain/structure/entities';
import type { Role } from '../domain/structure/roles';

/** An assignment with the units it reaches: a cell secretary's cell, commune and zone. */
export interface CallerAssignment {
  readonly id: string;
  readonly role: Role;
  readonly scopeId?: string;
  readonly zoneId?: string;
  readonly communeId?: string;
  readonly cellId?: string;
  readonly departmentId?: string;
}

export interface Caller {
  readonly subject: string;
  readonly official: Official;
  readonly assignments: readonly CallerAssignment[];
}

const cache = new Map<string, { caller: Caller; expires: number }>();

const NO_OFFICIAL = 'Tài khoản này chưa được gắn với cán bộ nào trong huyện.';

/** The token's subject, as API Gateway's JWT authorizer passes it on. */
export function subjectOf(event: APIGatewayProxyEventV2): string {
  const claims = (event.requestContext as { authorizer?: { jwt?: { claims?: Record<string, unknown> } } }).authorizer
    ?.jwt?.claims;
  const sub = claims?.sub;
  if (typeof sub !== 'string' || sub === '') throw new UnauthorizedError();
  return sub;
}

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
  const assignments = items
    .filter((item) => String(item.SK).startsWith(keys.assignmentPrefix))
    .map((item) => toStored<CallerAssignment>(item).value);
  const caller: Caller = { subject, official: toStored<Official>(officialItem).value, assignments };
  cache.set(subject, { caller, expires: now + config().ACCESS_CACHE_SECONDS * 1000 });
  return caller;
}

/** Forgets cached callers; the structure writers call it so their own process sees changes at once. */
export function forgetCallers(): void {
  cache.clear();
}
