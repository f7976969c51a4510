/**
 * What refers to a structure unit, counted beside it (`keys.unitReferences`): a zone's communes
 * and a commune's cells (`children`), the assignments naming a unit or held by an official
 * (`assignments`), and the rotation plans and hosting wishes naming a zone or commune
 * (`rotations`, `hostingWishes`). A write that makes a reference checks its target exists and counts it up in
 * the same transaction; a write that drops one counts it down; a removal requires both counts at
 * zero in its own transaction. Transactions are serialisable, so however a removal and a new
 * reference interleave, one of them fails: no record is ever left pointing at a removed unit,
 * and an id used again starts with nothing referring to it.
 */
import type { ChangeSet, Condition, Refusal } from '../../db/change-set';
import { keys, type StructureKind } from '../../db/keys';
import type { AppError } from '../../domain/errors';
import type { DistrictConfig } from '../../domain/structure/district-config';
import { scopeOfRole } from '../../domain/structure/roles';

/** The references a district config implies, which the structure import sets from the file. */
export type StructureReference = 'children' | 'assignments';
/** The references only the rotation plans and hosting wishes know of: the import keeps them. */
export type PlanReference = 'rotations' | 'hostingWishes';
export type Reference = StructureReference | PlanReference;

const references: readonly Reference[] = ['children', 'assignments', 'rotations', 'hostingWishes'];
export const planReferences: readonly PlanReference[] = ['rotations', 'hostingWishes'];

export type ReferenceCounts = Readonly<Record<StructureReference, number>>;

export interface UnitRef {
  readonly kind: StructureKind;
  readonly id: string;
}

const mustExist: Condition = { expression: 'attribute_exists(PK)' };

/** Refers to a unit that must still exist when the change commits (else `missing`), counting the reference. */
export function referTo(changes: ChangeSet, target: UnitRef, reference: Reference, missing: Refusal): void {
  changes.check(keys.unit(target.kind, target.id), mustExist, missing);
  changes.count(keys.unitReferences(target.kind, target.id), { [reference]: 1 });
}

/** Drops a reference to a unit. */
export function dropReference(changes: ChangeSet, target: UnitRef, reference: Reference): void {
  changes.count(keys.unitReferences(target.kind, target.id), { [reference]: -1 });
}

/**
 * Moves the references of a record written whole from the units it named (`before`) to those it
 * names now: a unit newly named must exist when the change commits (else `missing`), one no
 * longer named is counted off, one named before and after keeps its count. Each unit counts once
 * however often the record names it.
 */
export function moveReferences(
  changes: ChangeSet,
  reference: Reference,
  before: readonly UnitRef[],
  after: readonly UnitRef[],
  missing: (unit: UnitRef) => AppError,
): void {
  const named = (units: readonly UnitRef[]) => new Map(units.map((unit) => [`${unit.kind}#${unit.id}`, unit]));
  const was = named(before);
  const is = named(after);
  for (const [name, unit] of is) if (!was.has(name)) referTo(changes, unit, reference, () => missing(unit));
  for (const [name, unit] of was) if (!is.has(name)) dropReference(changes, unit, reference);
}

/** True while nothing refers to the unit (absent counts are zero). */
const NOTHING_REFERS: Condition = {
  expression: references.map((_, i) => `(attribute_not_exists(#r${i}) OR #r${i} = :none)`).join(' AND '),
  names: Object.fromEntries(references.map((reference, i) => [`#r${i}`, reference])),
  values: { ':none': 0 },
};

/**
 * Removes a unit's counts with it, on the condition that nothing refers to it; `conflict` makes
 * the 409 naming what still does.
 */
export function requireUnreferenced(
  changes: ChangeSet,
  target: UnitRef,
  conflict: (reference: Reference) => AppError,
): void {
  changes.release(keys.unitReferences(target.kind, target.id), {
    condition: NOTHING_REFERS,
    conflict: (current) =>
      conflict(references.find((reference) => Number(current?.[reference] ?? 0) !== 0) ?? 'assignments'),
  });
}

/** The counts a whole district config implies, by `<kind>#<id>`, for every unit it lists. */
export function referenceCountsOf(config: DistrictConfig): Map<string, ReferenceCounts> {
  const counts = new Map<string, { children: number; assignments: number }>();
  const add = (kind: StructureKind, id: string, reference?: StructureReference) => {
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
