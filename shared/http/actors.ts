/** The caller as the use cases name them: the audit actor and the person recorded on a document. */
import { type Caller, type ResourceUnits, rolesOver } from '../domain/access/caller';
import type { Person } from '../domain/cycle/meeting';
import { parseMeetingId } from '../domain/cycle/meeting-id';
import { rolesInZone } from '../domain/cycle/meeting-lifecycle';

export function actorOf(caller: Caller): { readonly id: string } {
  return { id: caller.official.id };
}

export function personOf(caller: Caller): Person {
  return { officialId: caller.official.id, name: caller.official.name };
}

/** The caller acting on a meeting: who they are, and the roles they hold in its zone (see `rolesInZone`). */
export function meetingActorOf(caller: Caller, meetingId: string) {
  return {
    actor: actorOf(caller),
    person: personOf(caller),
    roles: rolesInZone(caller.assignments, parseMeetingId(meetingId)?.zoneId ?? ''),
  };
}

/** The caller acting on a resource: who they are, and the roles they hold over its units (see `rolesOver`). */
export function actorOver(caller: Caller, resource: ResourceUnits) {
  return { actor: actorOf(caller), person: personOf(caller), roles: rolesOver(caller.assignments, resource) };
}
