/** Who is calling: the official the token's subject belongs to, with the units each assignment reaches. */
import type { Official } from '../structure/entities';
import type { Role } from '../structure/roles';

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
