/**
 * How the route table states who may call a route. Identity comes from the token; authority
 * comes from the caller's assignments in the table (see `shared/http/caller.ts`).
 */
import type { Role, ScopeKind } from '../domain/structure/roles';

/**
 * A role that may call the route. Without `within`, any assignment of the role is enough.
 * With `within`, the assignment must cover the resource's unit of that kind: a cell secretary
 * `within: 'zone'` may act on resources of the zone their cell belongs to.
 */
export interface Grant {
  readonly role: Role;
  readonly within?: ScopeKind;
}

/** Where the resource's unit is read from a request, when its path names it. */
export type ResourceScopeSource = Partial<Record<ScopeKind, `path.${string}` | `meeting.path.${string}`>>;

export type AccessRule =
  /** No token needed (health, API description). */
  | { readonly kind: 'public' }
  /** Any caller whose token maps to a known official. */
  | { readonly kind: 'signed-in' }
  /** Callers holding one of the grants. */
  | { readonly kind: 'grants'; readonly grants: readonly Grant[]; readonly resource?: ResourceScopeSource };

export const PUBLIC: AccessRule = { kind: 'public' };
export const SIGNED_IN: AccessRule = { kind: 'signed-in' };

/** Shorthand for a grants rule. */
export function allow(grants: readonly (Role | Grant)[], resource?: ResourceScopeSource): AccessRule {
  const normalised = grants.map((g) => (typeof g === 'string' ? { role: g } : g));
  return resource ? { kind: 'grants', grants: normalised, resource } : { kind: 'grants', grants: normalised };
}
