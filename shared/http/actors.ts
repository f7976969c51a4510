/** The caller as the use cases name them: the audit actor and the person recorded on a document. */
import type { Caller } from '../domain/access/caller';
import type { Person } from '../domain/cycle/meeting';

export function actorOf(caller: Caller): { readonly id: string } {
  return { id: caller.official.id };
}

export function personOf(caller: Caller): Person {
  return { officialId: caller.official.id, name: caller.official.name };
}
