/**
 * What refers to a structure unit, counted beside it (`keys.unitReferences`): a zone's communes
 * and a commune's cells (`children`), and the assignments naming a unit or held by an official
 * (`assignments`). A write that makes a reference checks its target exists and counts it up in
 * the same transaction; a write that drops one counts it down; a removal requires both counts at
 * zero in its own transaction. Transactions are serialisable, so however a removal and a new
 * reference interleave, one of them fails: no record is ever left pointing at a removed unit,
 * and an id used again starts with nothing referring to it.
 */
import type { ChangeSet, Condition } from '../../db/change-set';
import { keys, type StructureKind } from '../../db/keys';
import type { AppError } from '../../domain/errors';
import type { DistrictConfig } from '../../domain/structure/district-config';
import { scopeOfRole } from '../../domain/structure/roles';

export type Reference = 'children' | 'assignments';

export type ReferenceCounts = Readonly<Record<Reference, number>>;

const mustExist: Condition = { expression: 'attribute_exists(PK)' };

/** Refers to a unit that must still exist when the change commits (else `missing`), counting the reference. */
export function referTo(
  changes: ChangeSet,
  target: { kind: StructureKind; id: string },
  reference: Reference,
  missing: AppError,
): void {
  changes.check(keys.unit(target.kind, target.id), mustExist, missing);
  changes.count(keys.unitReferences(target.kind, target.id), { [reference]: 1 });
}

/** Drops a reference to a unit. */
export function dropReference(
  changes: ChangeSet,
  target: { kind: StructureKind; id: string },
  reference: Reference,
): void {
  changes.count(keys.unitReferences(target.kind, target.id), { [reference]: -1 });
}

/** True while nothing refers to the unit (absent counts are zero). */
const NOTHING_REFERS: Condition = {
  expression:
    '(attribute_not_exists(#children) OR #children = :none) AND (attribute_not_exists(#assignments) OR #assignments = :none)',
  names: { '#children': 'children', '#assignments': 'assignments' },
  values: { ':none': 0 },
};

/**
 * Removes a unit's counts with it, on the condition that nothing refers to it; `conflict` makes
 * the 409 naming what still does.
 */
export function requireUnreferenced(
  changes: ChangeSet,
  target: { kind: StructureKind; id: string },
  conflict: (reference: Reference) => AppError,
): void {
  changes.release(keys.unitReferences(target.kind, target.id), {
    condition: NOTHING_REFERS,
    conflict: (current) => conflict(Number(current?.children ?? 0) !== 0 ? 'children' : 'assignments'),
  });
}

/** The counts a whole district config implies, by `<kind>#<id>`, for every unit it lists. */
export function referenceCountsOf(config: DistrictConfig): Map<string, ReferenceCounts> {
  const counts = new Map<string, { children: number; assignments: number }>();
  const add = (kind: StructureKind, id: string, reference?: Reference) => {
    const key = `${kind}#${id}`;
    const entry = counts.get(key) ?? { children: 0, assignments: 0 };
    if (reference) entry[reference]++;
    counts.set(key, entry);
  };
  for (const zone of config.zones) add('zone', zone.id);
  for (const department of config.departments) add('department', department.id);
  for (const official of config.officials) add('official', official.id);
  for (const commune of config.communes) {
    add('commune', commune.id);
    add('zone', commune.zoneId, 'children');
  }
  for (const cell of config.cells) {
    add('cell', cell.id);
    add('commune', cell.communeId, 'children');
  }
  for (const assignment of config.assignments) {
    add('official', assignment.officialId, 'assignments');
    const kind = scopeOfRole(assignment.role);
    if (kind && assignment.scopeId) add(kind, assignment.scopeId, 'assignments');
  }
  return counts;
}
