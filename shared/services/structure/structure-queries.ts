/** Reads the structure services share: single records and assignments by id. */
import type * as z from 'zod/mini';
import { type ItemKey, keys } from '../../db/keys';
import { getItem, parseStored } from '../../db/store';
import { NotFoundError } from '../../domain/errors';
import { assignmentView } from '../../domain/structure/structure-views';

/** A stored unit or assignment with what its writers need besides the value. */
export interface StoredRecord<T = Record<string, unknown>> {
  readonly value: T;
  readonly version: number;
  readonly inUseSince?: string;
}

/** A stored item as a record: its value (checked against `schema`), its version and its history mark. */
export function recordOf<S extends z.ZodMiniType>(schema: S, item: Record<string, unknown>): StoredRecord<z.output<S>> {
  return recordHolding(item, parseStored(schema, item).value);
}

/** A stored item as a record of `value`, known to be what it holds, with its version and history mark. */
export function recordHolding<T>(item: Record<string, unknown>, value: T): StoredRecord<T> {
  const version = Number(item.version ?? 0);
  return typeof item.inUseSince === 'string' ? { value, version, inUseSince: item.inUseSince } : { value, version };
}

/** Reads one item as a record, or undefined when it does not exist. */
export async function findRecord<S extends z.ZodMiniType>(
  schema: S,
  key: ItemKey,
): Promise<StoredRecord<z.output<S>> | undefined> {
  const item = await getItem(key);
  return item ? recordOf(schema, item) : undefined;
}

/**
 * The key of an assignment from its id alone: ids are derived as `<officialId>.<role>.<scope>`
 * (see `assignmentId`), and the assignment lives in its official's partition.
 */
export function assignmentKeyOf(assignmentId: string): ItemKey | undefined {
  const officialId = /^([a-z0-9][a-z0-9-]{0,62})\.[a-z-]{1,40}\.[a-z0-9-]{1,63}$/.exec(assignmentId)?.[1];
  return officialId ? keys.assignment(officialId, assignmentId) : undefined;
}

/** Reads an assignment by id; 404 when there is none. */
export async function loadAssignment(assignmentId: string) {
  const key = assignmentKeyOf(assignmentId);
  const found = key ? await findRecord(assignmentView, key) : undefined;
  if (!key || !found) throw new NotFoundError(`Không có phân công "${assignmentId}".`, 'assignment_not_found');
  return { ...found, key };
}
