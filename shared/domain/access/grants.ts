/**
 * Who may act, stated once. A grant names a role and, optionally, the kind of unit the caller's
 * assignment must share with the resource. The route table and the lifecycle tables both read the
 * same grant lists, so a rule loosened in one place is loosened everywhere, and tested.
 */
import type { Role, ScopeKind } from '../structure/roles';

/**
 * A role that may act. Without `within`, any assignment of the role is enough. With `within`,
 * the assignment must cover the resource's unit of that kind: a cell secretary `within: 'zone'`
 * may act on resources of the zone their cell belongs to.
 */
export interface Grant {
  readonly role: Role;
  readonly within?: ScopeKind;
}

/** Grants from roles (district-wide) and grants. */
export function grants(...entries: readonly (Role | Grant)[]): readonly Grant[] {
  return entries.map((entry) => (typeof entry === 'string' ? { role: entry } : entry));
}

/** The roles a list of grants names, each once. */
export function rolesOf(list: readonly Grant[]): readonly Role[] {
  return [...new Set(list.map((grant) => grant.role))];
}
