/**
 * Batched reads and writes, for many independent items at once: the items of a page of a list,
 * and derived index entries. DynamoDB may leave part of a batch unprocessed under load; what it
 * leaves is sent again after a growing pause, a bounded number of times.
 */

import { setTimeout as pause } from 'node:timers/promises';
import { BatchGetCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client';
import type { ItemKey } from './keys';

/** DynamoDB's limits on one BatchGetItem and one BatchWriteItem. */
const GET_BATCH = 100;
const WRITE_BATCH = 25;
const ATTEMPTS = 8;

/** Sends `first`, then whatever each answer leaves unprocessed, with exponential backoff. */
async function untilProcessed<T>(first: T[], send: (batch: T[]) => Promise<T[] | undefined>): Promise<void> {
  let pending: T[] | undefined = first;
  for (let attempt = 0; pending && pending.length > 0; attempt++) {
    if (attempt === ATTEMPTS) throw new Error(`DynamoDB left ${pending.length} items of a batch unprocessed`);
    if (attempt > 0) await pause(20 * 2 ** attempt);
    pending = await send(pending);
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/**
 * The items that exist among `itemKeys`, read strongly consistent, in no particular order; with
 * `attributes`, only those attributes of each (a projection).
 */
export async function getItems(
  itemKeys: readonly ItemKey[],
  attributes?: readonly string[],
): Promise<Record<string, unknown>[]> {
  const table = tableName();
  const found: Record<string, unknown>[] = [];
  const projection = attributes && {
    ProjectionExpression: attributes.map((_, index) => `#a${index}`).join(', '),
    ExpressionAttributeNames: Object.fromEntries(attributes.map((attribute, index) => [`#a${index}`, attribute])),
  };
  await Promise.all(
    chunks(itemKeys, GET_BATCH).map((batch) =>
      untilProcessed(
        batch.map(({ PK, SK }) => ({ PK, SK }) as Record<string, unknown>),
        async (pending) => {
          const result = await documentClient().send(
            new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: true, ...projection } } }),
          );
          found.push(...(result.Responses?.[table] ?? []));
          return result.UnprocessedKeys?.[table]?.Keys;
        },
      ),
    ),
  );
  return found;
}

/**
 * Puts items without conditions, in batches: for derived entries only, whose content follows from
 * an entity and which may be written again with the same content (readers must not trust an entry
 * whose entity is missing). Not atomic; entities and their audit go through `ChangeSet`.
 */
export async function putDerivedEntries(items: readonly (ItemKey & Record<string, unknown>)[]): Promise<void> {
  const table = tableName();
  await Promise.all(
    chunks(items, WRITE_BATCH).map((batch) =>
      untilProcessed(
        batch.map((Item) => ({ PutRequest: { Item } })),
        async (pending) => {
          const result = await documentClient().send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
          return result.UnprocessedItems?.[table] as typeof pending | undefined;
        },
      ),
    ),
  );
}
