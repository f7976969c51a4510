/**
 * The five operations of one structure collection, served from its descriptor. Private fields (an
 * official's account subject) are shown to structure editors only.
 */

import type { Caller } from '../../shared/domain/access/caller';
import { Access } from '../../shared/http/access';
import { allow } from '../../shared/http/access-rules';
import { actorOf } from '../../shared/http/actors';
import { listUnits } from '../../shared/services/structure/structure-reads';
import {
  loadUnit,
  type UnitKind,
  type UnitOf,
  type UnitSchema,
  unitKind,
} from '../../shared/services/structure/unit-kinds';
import { createUnit, deleteUnit, updateUnit } from '../../shared/services/structure/unit-writes';

/** Who may read fields a descriptor marks private (an official's account subject). */
const PRIVATE_FIELD_READERS = allow(['office', 'district-admin']);

interface Page {
  readonly limit: number;
  readonly cursor?: string;
}

/** How this caller may see units of a kind: whole, or without the kind's private fields. */
function presenter(descriptor: UnitKind, caller: Caller): <T extends Record<string, unknown>>(value: T) => T {
  const hidden = descriptor.privateFields;
  if (!hidden || new Access(PRIVATE_FIELD_READERS, caller).unrestricted) return (value) => value;
  return (value) => {
    const visible = { ...value };
    for (const field of hidden) delete visible[field];
    return visible;
  };
}

/**
 * The operations of `descriptor`'s collection, typed by its schema: the values they return were
 * checked against it (on write, and on read by `listUnits` / `loadUnit`), and it is also the
 * route's body and reply schema.
 */
export function unitOperations<S extends UnitSchema>(descriptor: UnitKind<S>) {
  const idOf = (path: Readonly<Record<string, string>>) => path[descriptor.idParam] ?? '';
  return {
    list: async ({ query, caller }: { query: Page & Record<string, unknown>; caller: Caller }) => {
      const parent = descriptor.parent ? query[descriptor.parent.field] : undefined;
      const parentId = typeof parent === 'string' ? parent : undefined;
      const page = await listUnits(descriptor, parentId, query.limit, query.cursor);
      const present = presenter(descriptor, caller);
      const body = { ...page, items: page.items.map(present) };
      return { body };
    },
    get: async ({ path, caller }: { path: Readonly<Record<string, string>>; caller: Caller }) => {
      const unit = await loadUnit(descriptor, idOf(path));
      return { body: presenter(descriptor, caller)(unit.value), version: unit.version };
    },
    create: async ({ body, caller }: { body: UnitOf<S>; caller: Caller }) => {
      await createUnit(descriptor, body, actorOf(caller));
      return { status: 201, body, version: 1, headers: { location: `/${descriptor.collection}/${body.id}` } };
    },
    update: async (input: {
      path: Readonly<Record<string, string>>;
      body: Record<string, unknown>;
      expectedVersion: number;
      caller: Caller;
    }) => {
      const updated = await updateUnit(
        descriptor,
        idOf(input.path),
        input.body,
        input.expectedVersion,
        actorOf(input.caller),
      );
      return { body: updated.value, version: updated.version };
    },
    remove: async (input: { path: Readonly<Record<string, string>>; expectedVersion: number; caller: Caller }) => {
      await deleteUnit(descriptor, idOf(input.path), input.expectedVersion, actorOf(input.caller));
      return { status: 204 };
    },
  };
}

/** The five collections' operations, shared by the read and write handlers. */
export const [zones, communes, cells, departments, officials] = [
  unitOperations(unitKind('zone')),
  unitOperations(unitKind('commune')),
  unitOperations(unitKind('cell')),
  unitOperations(unitKind('department')),
  unitOperations(unitKind('official')),
];
