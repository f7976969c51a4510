/** Reads from the one table: single items and cursor-paginated queries (never Scan). */
import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../domain/page';
import { documentClient, tableName } from './client';
import { decodeCursor, encodeCursor } from './cursor';
import { type ItemKey, keyAttributes } from './keys';
import type { IndexName } from './table-definition';

/** A stored item's payload with its optimistic-locking version. */
export interface Stored<T> {
  readonly value: T;
  readonly version: number;
}

export type { Page } from '../domain/page';

/** Attributes the store keeps beside an entity's own fields. */
const bookkeeping = ['version', 'entityType', 'inUseSince', ...keyAttributes] as const;

/** What checks a stored value as it is read: a zod schema of the domain (`schema.parse`). */
export interface StoredSchema<T> {
  parse(input: unknown): T;
}

/**
 * Removes keys and bookkeeping, returning the domain value and its version. With a schema the
 * value is parsed: an item that does not hold what the schema says fails loudly (a 500), it is
 * never passed on as if it did.
 */
export function toStored<T>(item: Record<string, unknown>): Stored<T>;
export function toStored<T>(schema: StoredSchema<T>, item: Record<string, unknown>): Stored<T>;
export function toStored<T>(
  ...args: [Record<string, unknown>] | [StoredSchema<T>, Record<string, unknown>]
): Stored<T> {
  const [schema, item] = args.length === 2 ? args : [undefined, args[0]];
  const value: Record<string, unknown> = { ...item };
  for (const attribute of bookkeeping) delete value[attribute];
  return { value: schema ? schema.parse(value) : (value as T), version: Number(item.version ?? 0) };
}

/**
 * Reads one item, strongly consistent: most reads here precede a conditional write (the version an
 * ETag names, an open cycle a racing opener must see), and a stale read would turn into a false 412
 * or a lost race. It costs one read unit instead of a half.
 */
export async function getItem(key: ItemKey): Promise<Record<string, unknown> | undefined> {
  const result = await documentClient().send(
    new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }),
  );
  return result.Item;
}

/** One item as its domain value (parsed by `schema` when given) and version, or undefined when it does not exist. */
export async function findStored<T>(key: ItemKey): Promise<Stored<T> | undefined>;
export async function findStored<T>(schema: StoredSchema<T>, key: ItemKey): Promise<Stored<T> | undefined>;
export async function findStored<T>(...args: [ItemKey] | [StoredSchema<T>, ItemKey]): Promise<Stored<T> | undefined> {
  const [schema, key] = args.length === 2 ? args : [undefined, args[0]];
  const item = await getItem(key);
  if (!item) return undefined;
  return schema ? toStored(schema, item) : toStored<T>(item);
}

export interface QuerySpec {
  /** Omit for the base table. */
  readonly index?: IndexName;
  readonly partition: string;
  /** Sort-key prefix (`begins_with`). */
  readonly prefix?: string;
  readonly limit?: number;
  readonly cursor?: string;
  readonly descending?: boolean;
  /** Inclusive sort-key range; used instead of `prefix`. */
  readonly between?: readonly [string, string];
  /** Only these attributes of each item (a projection), when a list needs a few fields of large items. */
  readonly attributes?: readonly string[];
}

/** One page of a query over a partition. */
export async function queryPage(spec: QuerySpec): Promise<Page<Record<string, unknown>>> {
  const pk = spec.index ? `${spec.index}PK` : 'PK';
  const sk = spec.index ? `${spec.index}SK` : 'SK';
  const input: QueryCommandInput = {
    TableName: tableName(),
    IndexName: spec.index,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': pk },
    ExpressionAttributeValues: { ':pk': spec.partition },
    Limit: spec.limit,
    // Base-table queries read their own writes, like getItem; indexes only offer eventual consistency.
    ConsistentRead: spec.index === undefined,
    ScanIndexForward: !spec.descending,
    ExclusiveStartKey: decodeCursor(spec.cursor, {
      partition: [pk, spec.partition],
      attributes: [...new Set(['PK', 'SK', pk, sk])],
      sortKey: sk,
      prefix: spec.prefix,
      between: spec.between,
    }),
  };
  if (spec.attributes) {
    const names = spec.attributes.map((_, index) => `#a${index}`);
    input.ProjectionExpression = names.join(', ');
    input.ExpressionAttributeNames = {
      ...input.ExpressionAttributeNames,
      ...Object.fromEntries(spec.attributes.map((attribute, index) => [names[index], attribute])),
    };
  }
  if (spec.between) {
    input.KeyConditionExpression += ' AND #sk BETWEEN :from AND :to';
    input.ExpressionAttributeNames = { ...input.ExpressionAttributeNames, '#sk': sk };
    input.ExpressionAttributeValues = {
      ...input.ExpressionAttributeValues,
      ':from': spec.between[0],
      ':to': spec.between[1],
    };
  } else if (spec.prefix) {
    input.KeyConditionExpression += ' AND begins_with(#sk, :prefix)';
    input.ExpressionAttributeNames = { ...input.ExpressionAttributeNames, '#sk': sk };
    input.ExpressionAttributeValues = { ...input.ExpressionAttributeValues, ':prefix': spec.prefix };
  }
  const result = await documentClient().send(new QueryCommand(input));
  const nextCursor = encodeCursor(result.LastEvaluatedKey);
  return nextCursor ? { items: result.Items ?? [], nextCursor } : { items: result.Items ?? [] };
}

/** Every item of a small partition (structure lists, a month's meetings), following pages. */
export async function queryAll(spec: Omit<QuerySpec, 'cursor' | 'limit'>): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPage({ ...spec, cursor });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
