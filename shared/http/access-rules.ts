/**
 * How the route table states who may call a route. Identity comes from the token; authority
 * comes from the caller's assignments in the table (the caller lookup the handler is given).
 */
import { type Grant, grants } from '../domain/access/grants';
import type { Role, ScopeKind } from '../domain/structure/roles';

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
export function allow(entries: readonly (Role | Grant)[], resource?: ResourceScopeSource): AccessRule {
  const normalised = grants(...entries);
  return resource ? { kind: 'grants', grants: normalised, resource } : { kind: 'grants', grants: normalised };
}
