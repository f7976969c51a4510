/** Reads from the one table: single items and cursor-paginated queries (never Scan). */
import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod/mini';
import type { Page } from '../domain/page';
import { documentClient, tableName } from './client';
import { decodeCursor, encodeCursor } from './cursor';
import { type ItemKey, keyAttributes } from './keys';
import { sameAttributes } from './stored-equality';
import type { IndexName } from './table-definition';

/** A stored item's payload with its optimistic-locking version. */
export interface Stored<T> {
  readonly value: T;
  readonly version: number;
}

export type { Page } from '../domain/page';

/** Attributes the store keeps beside an entity's own fields. */
const bookkeeping: ReadonlySet<string> = new Set(['version', 'entityType', 'inUseSince', ...keyAttributes]);

/** The domain value of an item: the item without its keys and bookkeeping. */
function payloadOf(item: Record<string, unknown>): Record<string, unknown> {
  // copied field by field: deleting from a copy turns it into a slow dictionary object for the schema.
  const value: Record<string, unknown> = {};
  for (const attribute of Object.keys(item)) if (!bookkeeping.has(attribute)) value[attribute] = item[attribute];
  return value;
}

/**
 * An item that is not what its reader expects: the table holds something this code never wrote
 * (a hand edit, a half-migrated record). Answered as a 500 and logged with the item's key and the
 * fields at fault, never their values.
 */
export class MalformedItemError extends Error {
  override readonly name = 'MalformedItemError';
  constructor(
    readonly key: string,
    readonly fields: readonly string[],
  ) {
    super(`Stored item ${key} is malformed at ${fields.join(', ')}`);
  }
}

function fieldsAtFault(error: z.core.$ZodError): string[] {
  return [...new Set(error.issues.map((issue) => `${issue.path.map(String).join('.') || '(item)'} (${issue.code})`))];
}

/**
 * An item as its domain value (checked against `schema`, built once at module level) and its
 * version; a malformed item is a `MalformedItemError`, never a silently wrong value.
 */
export function parseStored<S extends z.ZodMiniType>(schema: S, item: Record<string, unknown>): Stored<z.output<S>> {
  const result = schema.safeParse(payloadOf(item));
  if (!result.success)
    throw new MalformedItemError(`${String(item.PK)} / ${String(item.SK)}`, fieldsAtFault(result.error));
  return { value: result.data, version: Number(item.version ?? 0) };
}

/**
 * Whether an item's domain value is `value` as stored (`sameStored`): where `value` passed the
 * item's schema, so does the item, and a reader comparing the two need not check it again.
 */
export function holdsValue(item: Record<string, unknown>, value: object): boolean {
  return sameAttributes(value as Record<string, unknown>, item, bookkeeping);
}

/** The items as their domain values, each checked against `schema`. */
export function parseValues<S extends z.ZodMiniType>(
  schema: S,
  items: readonly Record<string, unknown>[],
): z.output<S>[] {
  return items.map((item) => parseStored(schema, item).value);
}

/** A zod schema of the domain, as the cycle's stores name the schema they read with. */
export type StoredSchema<T> = z.ZodMiniType<T>;

/**
 * Reads one item, strongly consistent: most reads here precede a conditional write (the version an
 * ETag names, an open cycle a racing opener must see), and a stale read would turn into a false 412
 * or a lost race. It costs one read unit instead of a half.
 */
export async function getItem(
  key: ItemKey,
  attributes?: readonly string[],
): Promise<Record<string, unknown> | undefined> {
  const projection = attributes && {
    ProjectionExpression: attributes.map((_, index) => `#a${index}`).join(', '),
    ExpressionAttributeNames: Object.fromEntries(attributes.map((attribute, index) => [`#a${index}`, attribute])),
  };
  const result = await documentClient().send(
    new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true, ...projection }),
  );
  return result.Item;
}

/** One item as its domain value (checked against `schema`) and version, or undefined when it does not exist. */
export async function getStored<S extends z.ZodMiniType>(
  schema: S,
  key: ItemKey,
): Promise<Stored<z.output<S>> | undefined> {
  const item = await getItem(key);
  return item ? parseStored(schema, item) : undefined;
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
