/** What the cycle's operations read from every request: path values, the acting official, their roles in a zone. */
import type * as z from 'zod/mini';
import type { Actor } from '../../db/change-set';
import { yearSchema } from '../../domain/cycle/cycle-requests';
import type { Person } from '../../domain/cycle/meeting';
import { rolesInZone } from '../../domain/cycle/meeting-lifecycle';
import { ValidationError } from '../../domain/errors';
import { monthSchema } from '../../domain/schema-kit';
import type { RequestContext } from '../../http/route-handler';
import type { MeetingActor } from './meeting-actions';

/** A path parameter checked by a schema; a bad value is a 400 at `/path/<name>`. */
function pathValue<S extends z.ZodMiniType>(context: RequestContext, name: string, schema: S): z.infer<S> {
  const parsed = schema.safeParse(context.path(name));
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    parsed.error.issues.map((issue) => ({ path: `/path/${name}`, code: issue.code, message: issue.message })),
  );
}

export function monthParam(context: RequestContext): string {
  return pathValue(context, 'month', monthSchema);
}

export function yearParam(context: RequestContext): number {
  return pathValue(context, 'year', yearSchema);
}

export function actorOf(context: RequestContext): Actor {
  return { id: context.caller.official.id };
}

export function personOf(context: RequestContext): Person {
  return { officialId: context.caller.official.id, name: context.caller.official.name };
}

/** The caller acting on a meeting of `zoneId`, with the roles they hold there. */
export function meetingActorOf(context: RequestContext, zoneId: string): MeetingActor {
  return { actor: actorOf(context), person: personOf(context), roles: rolesInZone(context.caller.assignments, zoneId) };
}
