/** Storing a record a client puts whole: created the first time, replaced at the version it read afterwards. */
import type { ChangeSet, EntityRef, Refusal } from '../../db/change-set';
import type { ItemKey } from '../../db/keys';
import type { Stored } from '../../db/store';

export interface StoredRecord<T> {
  readonly record: T;
  readonly version: number;
  readonly created: boolean;
}

/** Creates a record, or replaces the stored one at the version the client named (428/412 otherwise). */
export async function storeRecord<T extends object>(
  changes: ChangeSet,
  target: { readonly ref: EntityRef; readonly key: ItemKey; readonly conflict: Refusal },
  record: T,
  existing: Stored<T> | undefined,
  expectedVersion: () => number,
  action?: string,
): Promise<StoredRecord<T>> {
  if (!existing) {
    await changes.create(target.ref, target.key, record, target.conflict).commit();
    return { record, version: 1, created: true };
  }
  const version = expectedVersion();
  await changes
    .replace(target.ref, target.key, { before: existing.value, after: record, expectedVersion: version, action })
    .commit();
  return { record, version: version + 1, created: false };
}
