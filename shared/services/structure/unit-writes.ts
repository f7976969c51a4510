/**
 * Create, change and remove a structure unit of any kind, driven by its descriptor
 * (`unit-kinds.ts`). Each request is one change set: the unit, its audit record, its parent
 * check and its unique-field reservations commit together or not at all.
 */
import { isDeepStrictEqual } from 'node:util';
import * as z from 'zod/mini';
import { type Actor, ChangeSet, NOT_IN_USE } from '../../db/change-set';
import { keys } from '../../db/keys';
import { ConflictError, PreconditionFailedError } from '../../domain/errors';
import { forgetCallers } from '../../http/caller';
import { json, type Operations, type Reply, type RequestContext } from '../../http/route-handler';
import { validate } from '../../http/validation';
import { hasChildren, type StoredRecord } from './structure-queries';
import { keysOfUnit, loadUnit, type UnitKind, unknownReference } from './unit-kinds';

export type UnitValue = Record<string, unknown> & { id: string };

/** The official making the change, as the audit records name them. */
export function actorOf(context: RequestContext): Actor {
  return { id: context.caller.official.id };
}

/**
 * The PATCH body of a kind: any field but `id`, each optional; `null` clears an optional field
 * (JSON Merge Patch). Unknown fields are refused like everywhere else.
 */
function patchSchemaOf(descriptor: UnitKind) {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const [field, schema] of Object.entries(descriptor.schema.shape)) {
    if (field === 'id') continue;
    shape[field] = schema._zod.optin === 'optional' ? z.optional(z.nullable(schema)) : z.optional(schema);
  }
  return z.strictObject(shape);
}

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

async function commit(descriptor: UnitKind, changes: ChangeSet): Promise<void> {
  await changes.commit();
  if (descriptor.definesCallers) forgetCallers();
}

/** Reads the unit the request names and checks `If-Match` against it (412 before any rule is applied). */
async function loadForChange(
  descriptor: UnitKind,
  context: RequestContext,
): Promise<{ id: string; current: StoredRecord; expected: number }> {
  const id = context.path(descriptor.idParam);
  const expected = context.expectedVersion();
  const current = await loadUnit(descriptor, id);
  if (current.version !== expected) throw new PreconditionFailedError();
  return { id, current, expected };
}

async function createUnit(descriptor: UnitKind, context: RequestContext): Promise<Reply> {
  const unit = context.body(descriptor.schema) as UnitValue;
  const changes = new ChangeSet(actorOf(context));
  if (descriptor.parent) {
    const parentId = String(unit[descriptor.parent.field]);
    changes.check(
      keys.unit(descriptor.parent.kind, parentId),
      { expression: 'attribute_exists(PK)' },
      unknownReference(`/${descriptor.parent.field}`, descriptor.parent.kind, parentId),
    );
  }
  changes.create({ type: descriptor.kind, id: unit.id }, keysOfUnit(descriptor, unit), unit);
  reserveUnique(descriptor, changes, unit.id, undefined, unit);
  await commit(descriptor, changes);
  return { status: 201, body: unit, version: 1, headers: { location: `/${descriptor.collection}/${unit.id}` } };
}

async function updateUnit(descriptor: UnitKind, context: RequestContext, patchSchema: z.ZodMiniType): Promise<Reply> {
  const { current, expected } = await loadForChange(descriptor, context);
  const patch = context.body(patchSchema) as Record<string, unknown>;
  const parentField = descriptor.parent?.field;
  if (parentField && patch[parentField] !== undefined && patch[parentField] !== current.value[parentField]) {
    throw new ConflictError(
      'parent_immutable',
      `Không đổi được ${parentField} bằng PATCH; hãy chuyển đơn vị qua nhập cấu trúc huyện (PUT /structure).`,
    );
  }
  const after = validate(descriptor.schema, applyPatch(current.value, patch)) as UnitValue;
  if (isDeepStrictEqual(after, current.value)) return json(after, current.version);
  await replaceUnit(descriptor, current, after, actorOf(context));
  return json(after, expected + 1);
}

/**
 * Replaces a unit read as `current` with `after` in one audited change set, conditional on the
 * version read, moving its unique-field reservation along. Shared by `PATCH` and the users tool.
 */
export async function replaceUnit(
  descriptor: UnitKind,
  current: StoredRecord,
  after: UnitValue,
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
  await commit(descriptor, changes);
}

async function deleteUnit(descriptor: UnitKind, context: RequestContext): Promise<Reply> {
  const { id, current, expected } = await loadForChange(descriptor, context);
  if (current.inUseSince) throw historyConflict(descriptor, id);
  const children = descriptor.children;
  const [hasChildUnits, isAssigned] = await Promise.all([
    children ? hasChildren(children.partition(id)) : false,
    descriptor.assignments.exist(id),
  ]);
  if (children && hasChildUnits) throw children.conflict(id);
  if (isAssigned) throw descriptor.assignments.conflict(id);
  const changes = new ChangeSet(actorOf(context));
  // History may start between the read and the commit; the guard refuses the removal then.
  changes.remove(
    { type: descriptor.kind, id },
    keys.unit(descriptor.kind, id),
    { before: current.value, expectedVersion: expected },
    { condition: NOT_IN_USE, conflict: historyConflict(descriptor, id) },
  );
  reserveUnique(descriptor, changes, id, current.value, undefined);
  await commit(descriptor, changes);
  return { status: 204 };
}

/** The `create`, `update` and `delete` operations of one unit kind. */
export function unitWriteOperations(descriptor: UnitKind): Operations {
  const patchSchema = patchSchemaOf(descriptor);
  return {
    [`${descriptor.collection}.create`]: (context) => createUnit(descriptor, context),
    [`${descriptor.collection}.update`]: (context) => updateUnit(descriptor, context, patchSchema),
    [`${descriptor.collection}.delete`]: (context) => deleteUnit(descriptor, context),
  };
}
