/** Who is calling: the official the token's subject belongs to, with the units each assignment reaches. */
import type { Official } from '../structure/entities';
import { type Role, type ScopeKind, scopeOfRole } from '../structure/roles';

/** An assignment with the units it reaches: a cell secretary's cell, commune and zone. */
export interface CallerAssignment {
  readonly id: string;
  readonly officialId: string;
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

/** Resolves a token's subject to its caller (403 when the account is nobody's). */
export type CallerLookup = (subject: string) => Promise<Caller>;

/** The units a resource belongs to, as far as they matter to who may act on it. */
export type ResourceUnits = Partial<Record<ScopeKind, string>>;

/**
 * The roles a caller holds over a resource: district-wide roles, and scoped roles assigned to the
 * resource's own unit of the role's kind (the secretary of that cell, the deputy of that zone).
 */
export function rolesOver(assignments: readonly CallerAssignment[], resource: ResourceUnits): Set<Role> {
  return new Set(
    assignments
      .filter((a) => {
        const kind = scopeOfRole(a.role);
        return kind === null || (a.scopeId !== undefined && a.scopeId === resource[kind]);
      })
      .map((a) => a.role),
  );
}
