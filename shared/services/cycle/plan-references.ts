/**
 * Rotation plans and hosting wishes name a zone and its communes; each counts as a reference to
 * them (`unit-references.ts`), moved in the same transaction as the record, so a unit cannot be
 * removed while a plan or wish names it, nor a plan or wish stored naming a unit removed meanwhile.
 */
import type { ChangeSet } from '../../db/change-set';
import { ConflictError, NotFoundError } from '../../domain/errors';
import { moveReferences, type UnitRef } from '../structure/unit-references';

interface Plan {
  readonly zoneId: string;
  readonly hosts: readonly string[];
}

interface Wish {
  readonly zoneId: string;
  readonly communeId: string;
}

/** A zone, or a commune whose wish names it (the path named it), that is gone. */
function gone(unit: UnitRef) {
  const label = unit.kind === 'zone' ? 'Khu' : 'Xã, thị trấn';
  return new NotFoundError(`${label} "${unit.id}" không tồn tại.`, `${unit.kind}_not_found`);
}

/** A commune the plan was drawn from, removed while it was drawn. */
function hostGone(unit: UnitRef) {
  if (unit.kind === 'zone') return gone(unit);
  return new ConflictError('concurrent_change', `Xã, thị trấn "${unit.id}" vừa bị xoá; hãy tạo lại kế hoạch.`);
}

/** The zone and the hosts; last December's host is named by last year's plan or its meeting, not counted here. */
function unitsOfPlan(plan: Plan | undefined): UnitRef[] {
  if (!plan) return [];
  return [{ kind: 'zone', id: plan.zoneId }, ...plan.hosts.map((id): UnitRef => ({ kind: 'commune', id }))];
}

function unitsOfWish(wish: Wish | undefined): UnitRef[] {
  return wish
    ? [
        { kind: 'zone', id: wish.zoneId },
        { kind: 'commune', id: wish.communeId },
      ]
    : [];
}

/** Counts a plan stored in `changes` (replacing `before`, if any) as naming its units. */
export function referPlan(changes: ChangeSet, before: Plan | undefined, after: Plan): void {
  moveReferences(changes, 'rotations', unitsOfPlan(before), unitsOfPlan(after), hostGone);
}

/** Counts a hosting wish stored in `changes` (replacing `before`, if any) as naming its commune and zone. */
export function referWish(changes: ChangeSet, before: Wish | undefined, after: Wish): void {
  moveReferences(changes, 'hostingWishes', unitsOfWish(before), unitsOfWish(after), gone);
}
