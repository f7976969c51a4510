/**
 * Create, change and remove a structure unit of any kind, driven by its descriptor
 * (`unit-kinds.ts`). Each request is one change set: the unit, its audit record, its parent
 * check and reference count (`unit-references.ts`) and its unique-field reservations commit
 * together or not at all.
 */
import { isDeepStrictEqual } from 'node:util';
import { type Actor, ChangeSet, NOT_IN_USE } from '../../db/change-set';
import { keys } from '../../db/keys';
import { ConflictError, PreconditionFailedError } from '../../domain/errors';
import { validate } from '../../domain/validation';
import { forgetCallersOf } from './callers';
import type { StoredRecord } from './structure-queries';
import { keysOfUnit, loadUnit, type UnitKind, type UnitOf, type UnitSchema, unknownReference } from './unit-kinds';
import { dropReference, referTo, requireUnreferenced } from './unit-references';

function applyPatch(current: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...current };
  for (const [field, value] of Object.entries(patch)) {
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  return next;
}

function historyConflict(descriptor: UnitKind, id: string): ConflictError {
  return new ConflictError('unit_has_history', `${descriptor.label} "${id}" đã có lịch sử nên không thể xoá.`);
}

/** Moves the unique-field reservation from the old value to the new one (either may be absent). */
function reserveUnique(
  descriptor: UnitKind,
  changes: ChangeSet,
  id: string,
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
) {
  const unique = descriptor.unique;
  if (!unique) return;
  const old = before?.[unique.field];
  const next = after?.[unique.field];
  if (old === next) return;
  if (typeof old === 'string') changes.release(unique.key(old));
  if (typeof next === 'string') changes.reserve(unique.key(next), unique.owner(id), unique.taken(next));
}

async function commit(descriptor: UnitKind, id: string, changes: ChangeSet): Promise<void> {
  await changes.commit();
  if (descriptor.definesCallers) forgetCallersOf(id);
}

/** Reads the unit and checks the client's version against it (412 before any rule is applied). */
async function loadForChange<S extends UnitSchema>(
  descriptor: UnitKind<S>,
  id: string,
  expected: number,
): Promise<StoredRecord<UnitOf<S>>> {
  const current = await loadUnit(descriptor, id);
  if (current.version !== expected) throw new PreconditionFailedError();
  return current;
}

/** The unit a unit belongs to (a commune's zone, a cell's commune), if its kind has one. */
function parentOf(descriptor: UnitKind, unit: Record<string, unknown>) {
  const parent = descriptor.parent;
  return parent ? { kind: parent.kind, id: String(unit[parent.field]), field: parent.field } : undefined;
}

/** Creates a unit checked by its kind's schema; its parent must exist when the transaction commits. */
export async function createUnit<S extends UnitSchema>(
  descriptor: UnitKind<S>,
  unit: UnitOf<S>,
  actor: Actor,
): Promise<void> {
  const changes = new ChangeSet(actor);
  const parent = parentOf(descriptor, unit);
  if (parent) {
    referTo(changes, parent, 'children', () => unknownReference(`/${parent.field}`, parent.kind, parent.id));
  }
  changes.create({ type: descriptor.kind, id: unit.id }, keysOfUnit(descriptor, unit), unit);
  reserveUnique(descriptor, changes, unit.id, undefined, unit);
  await commit(descriptor, unit.id, changes);
}

/** Applies a merge patch at the client's version; returns the unit and its version after it. */
export async function updateUnit<S extends UnitSchema>(
  descriptor: UnitKind<S>,
  id: string,
  patch: Record<string, unknown>,
  expected: number,
  actor: Actor,
): Promise<{ value: UnitOf<S>; version: number }> {
  const current = await loadForChange(descriptor, id, expected);
  const parentField = descriptor.parent?.field;
  if (parentField && patch[parentField] !== undefined && patch[parentField] !== current.value[parentField]) {
    throw new ConflictError(
      'parent_immutable',
      `Không đổi được ${parentField} bằng PATCH; hãy chuyển đơn vị qua nhập cấu trúc huyện (PUT /structure).`,
    );
  }
  const after: UnitOf<S> = validate(descriptor.schema, applyPatch(current.value, patch));
  if (isDeepStrictEqual(after, current.value)) return { value: after, version: current.version };
  await replaceUnit(descriptor, current, after, actor);
  return { value: after, version: expected + 1 };
}

/**
 * Replaces a unit read as `current` with `after` in one audited change set, conditional on the
 * version read, moving its unique-field reservation along. Shared by `PATCH` and the users tool.
 */
export async function replaceUnit<S extends UnitSchema>(
  descriptor: UnitKind<S>,
  current: StoredRecord<UnitOf<S>>,
  after: UnitOf<S>,
  actor: Actor,
): Promise<void> {
  const changes = new ChangeSet(actor);
  const preserved = current.inUseSince ? { inUseSince: current.inUseSince } : {};
  changes.replace(
    { type: descriptor.kind, id: after.id },
    keysOfUnit(descriptor, after),
    { before: current.value, after, expectedVersion: current.version },
    preserved,
  );
  reserveUnique(descriptor, changes, after.id, current.value, after);
  await commit(descriptor, after.id, changes);
}

/**
 * Removes a unit at the client's version, in one transaction that requires it to have no history,
 * no child units and no assignments at the moment it commits, and counts it off its parent.
 */
export async function deleteUnit(descriptor: UnitKind, id: string, expected: number, actor: Actor): Promise<void> {
  const current = await loadForChange(descriptor, id, expected);
  if (current.inUseSince) throw historyConflict(descriptor, id);
  const changes = new ChangeSet(actor);
  // History may start between the read and the commit; the guard refuses the removal then.
  changes.remove(
    { type: descriptor.kind, id },
    keys.unit(descriptor.kind, id),
    { before: current.value, expectedVersion: expected },
    { condition: NOT_IN_USE, conflict: historyConflict(descriptor, id) },
  );
  requireUnreferenced(changes, { kind: descriptor.kind, id }, (reference) => descriptor.referenced(reference, id));
  const parent = parentOf(descriptor, current.value);
  if (parent) dropReference(changes, parent, 'children');
  reserveUnique(descriptor, changes, id, current.value, undefined);
  await commit(descriptor, id, changes);
}
