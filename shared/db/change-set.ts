/**
 * The one place writes go through. A change set gathers conditional writes and the audit record
 * of each change, then commits them in one DynamoDB transaction: all or nothing. Related writes
 * (reference counts, index entries, aggregate counters through `count`) join the same transaction;
 * the idempotency key of the request making the change joins its first commit by itself
 * (`idempotency.ts`).
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as pause } from 'node:timers/promises';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { type AppError, ConflictError, NotFoundError, PreconditionFailedError } from '../domain/errors';
import { keyInUse } from '../domain/idempotency';
import { vietnamMonth } from '../domain/time';
import { changedAttributes } from './audit-diff';
import { documentClient, tableName } from './client';
import { openClaim } from './idempotency';
import { type IndexKeys, type ItemKey, keys } from './keys';

export interface Actor {
  /** The official's id, or `system:<job>` for scheduled work. */
  readonly id: string;
}

export interface EntityRef {
  readonly type: string;
  readonly id: string;
}

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Decides the error when an operation's condition fails, given the item as it is now (if any). */
export type ConflictMapper = (current: Record<string, unknown> | undefined) => AppError;

/**
 * The error of an operation whose condition fails, or what makes it: made only then, as an error
 * records the stack where it is made (an opening or a close adds dozens of conditions).
 */
export type Refusal = AppError | (() => AppError);

const refusalOf = (refusal: Refusal): AppError => (typeof refusal === 'function' ? refusal() : refusal);

interface Operation {
  readonly item: TransactItem;
  readonly onConflict: ConflictMapper;
}

export interface Condition {
  readonly expression: string;
  readonly names?: Record<string, string>;
  readonly values?: Record<string, unknown>;
}

/** DynamoDB's limit on actions in one transaction. */
export const MAX_TRANSACTION_ITEMS = 100;

/**
 * How often a transaction cancelled only because another one held one of its items is sent again.
 * Such a cancellation wrote nothing and every condition is checked anew, so sending it again is
 * safe; aggregate items shared by many changes (a month's counters) make it common under load.
 */
const CONFLICT_ATTEMPTS = 5;

/** True while history does not reference the entity (see `markInUse`): the guard of a removal. */
export const NOT_IN_USE: Condition = { expression: 'attribute_not_exists(#inUse)', names: { '#inUse': 'inUseSince' } };

const unitGone = () => new NotFoundError('Đơn vị được tham chiếu không còn tồn tại.');

const staleOrMissing: ConflictMapper = (current) =>
  current ? new PreconditionFailedError() : new NotFoundError('Bản ghi không còn tồn tại.');

/** Counters of one aggregate item, summed over every change of the set that touches them. */
interface Counters {
  readonly key: ItemKey;
  readonly deltas: Map<string, number>;
  readonly names: Readonly<Record<string, string>>;
}

export class ChangeSet {
  private readonly operations: Operation[] = [];
  private readonly counters = new Map<string, Counters>();
  readonly at: string;
  /** The Vietnam month of `at`: the office's audit trail is read by month. */
  private readonly month: string;

  constructor(
    private readonly actor: Actor,
    at: Date = new Date(),
  ) {
    this.at = at.toISOString();
    this.month = vietnamMonth(at);
  }

  /** The actions the transaction takes: the operations and one per counted item. */
  get size(): number {
    // counted without building the counters' actions: planners ask after every change they add.
    let counted = 0;
    for (const { deltas } of this.counters.values()) {
      for (const delta of deltas.values()) {
        if (delta !== 0) {
          counted++;
          break;
        }
      }
    }
    return this.operations.length + counted;
  }

  /** Creates an entity that must not exist yet, with its audit record. */
  create(ref: EntityRef, key: ItemKey & IndexKeys, value: object, conflict?: Refusal): this {
    this.push(
      {
        Put: {
          TableName: tableName(),
          Item: { ...value, ...key, entityType: ref.type, version: 1 },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      () =>
        conflict ? refusalOf(conflict) : new ConflictError('already_exists', `${ref.type} "${ref.id}" đã tồn tại.`),
    );
    return this.audit(ref, 'create', undefined, value);
  }

  /**
   * Replaces an entity whose stored version must still be `expectedVersion` (optimistic locking);
   * its audit record keeps only the attributes that changed (creation and deletion keep the whole
   * value). Bookkeeping attributes (such as `inUseSince`) are carried over by the caller through `preserved`.
   */
  replace(
    ref: EntityRef,
    key: ItemKey & IndexKeys,
    change: {
      before: object;
      after: object;
      expectedVersion: number;
      action?: string;
      reason?: string;
      /** What the entity's own item holds when its large parts live in items of their own (default: `after`). */
      item?: object;
    },
    preserved: Record<string, unknown> = {},
  ): this {
    this.push(
      {
        Put: {
          TableName: tableName(),
          Item: {
            ...preserved,
            ...(change.item ?? change.after),
            ...key,
            entityType: ref.type,
            version: change.expectedVersion + 1,
          },
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':expected': change.expectedVersion },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      staleOrMissing,
    );
    const changed = changedAttributes(change.before, change.after);
    return this.audit(ref, change.action ?? 'update', changed.before, changed.after, change.reason);
  }

  /** Deletes an entity at `expectedVersion`; `guard` adds a condition with its own conflict error. */
  remove(
    ref: EntityRef,
    key: ItemKey,
    change: { before: object; expectedVersion: number; reason?: string },
    guard?: { condition: Condition; conflict: Refusal },
  ): this {
    const expression = guard ? `#version = :expected AND (${guard.condition.expression})` : '#version = :expected';
    this.push(
      {
        Delete: {
          TableName: tableName(),
          Key: key,
          ConditionExpression: expression,
          ExpressionAttributeNames: { '#version': 'version', ...guard?.condition.names },
          ExpressionAttributeValues: { ':expected': change.expectedVersion, ...guard?.condition.values },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      (current) => {
        if (current && guard && Number(current.version) === change.expectedVersion) return refusalOf(guard.conflict);
        return staleOrMissing(current);
      },
    );
    return this.audit(ref, 'delete', change.before, undefined, change.reason);
  }

  /** Writes a non-entity item that must not exist yet (a uniqueness reservation, an idempotency marker). */
  reserve(key: ItemKey & IndexKeys, value: object, conflict: Refusal): this {
    return this.push(
      { Put: { TableName: tableName(), Item: { ...value, ...key }, ConditionExpression: 'attribute_not_exists(PK)' } },
      () => refusalOf(conflict),
    );
  }

  /**
   * Writes an entry that belongs to an entity written in the same change set: an index entry,
   * repeating under another key what the entity says (a proposal in one of its lists), or a part
   * of it (an import job's file). No condition: the entity's own write carries it.
   */
  putEntry(key: ItemKey, value: object): this {
    return this.push({ Put: { TableName: tableName(), Item: { ...value, ...key } } }, staleOrMissing);
  }

  /**
   * Hands an existing reservation to a new holder in one write, on the condition `from` (who must
   * hold it now). A release and a reserve of the same item cannot share a transaction.
   */
  transfer(key: ItemKey, value: object, from: Condition, conflict: Refusal): this {
    return this.push(
      {
        Put: {
          TableName: tableName(),
          Item: { ...value, ...key },
          ConditionExpression: from.expression,
          ExpressionAttributeNames: from.names,
          ExpressionAttributeValues: from.values,
        },
      },
      () => refusalOf(conflict),
    );
  }

  /**
   * Deletes a non-entity item (a released reservation); with `guard`, only while its condition
   * holds (an item that does not exist meets a condition of absent attributes).
   */
  release(key: ItemKey, guard?: { condition: Condition; conflict: ConflictMapper }): this {
    if (!guard) return this.push({ Delete: { TableName: tableName(), Key: key } }, staleOrMissing);
    return this.push(
      {
        Delete: {
          TableName: tableName(),
          Key: key,
          ConditionExpression: guard.condition.expression,
          ExpressionAttributeNames: guard.condition.names,
          ExpressionAttributeValues: guard.condition.values,
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      guard.conflict,
    );
  }

  /**
   * Marks an existing entity as referenced by history (`inUseSince`), without changing its
   * version: the entity itself is unchanged, but it can no longer be removed. `missing` is the
   * error when it no longer exists.
   */
  markInUse(key: ItemKey, missing: Refusal = unitGone): this {
    return this.push(
      {
        Update: {
          TableName: tableName(),
          Key: key,
          UpdateExpression: 'SET #inUse = if_not_exists(#inUse, :at)',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: { '#inUse': 'inUseSince' },
          ExpressionAttributeValues: { ':at': this.at },
        },
      },
      () => refusalOf(missing),
    );
  }

  /** Requires a condition on an item that this change does not write. */
  check(key: ItemKey, condition: Condition, conflict: Refusal): this {
    return this.push(
      {
        ConditionCheck: {
          TableName: tableName(),
          Key: key,
          ConditionExpression: condition.expression,
          ExpressionAttributeNames: condition.names,
          ExpressionAttributeValues: condition.values,
        },
      },
      () => refusalOf(conflict),
    );
  }

  /**
   * Adds `deltas` to number attributes of an aggregate item, created when absent, without a
   * condition: the records written beside it carry the change's conditions, so the counts move
   * exactly when the records do. Deltas to one item are summed into one action; `names` are plain
   * attributes that say what the item counts (its month…), set with every change.
   */
  count(key: ItemKey, deltas: Readonly<Record<string, number>>, names: Readonly<Record<string, string>> = {}): this {
    const id = `${key.PK}\n${key.SK}`;
    let counters = this.counters.get(id);
    if (!counters) {
      counters = { key, deltas: new Map(), names };
      this.counters.set(id, counters);
    }
    for (const [name, delta] of Object.entries(deltas)) {
      counters.deltas.set(name, (counters.deltas.get(name) ?? 0) + delta);
    }
    return this;
  }

  /** Commits every operation atomically; a failed condition becomes the operation's own error. */
  async commit(): Promise<void> {
    const items = [...this.operations.map((op) => op.item), ...this.counterItems()];
    if (items.length === 0) return;
    if (items.length > MAX_TRANSACTION_ITEMS) {
      throw new Error(`A change set holds ${items.length} actions; DynamoDB allows ${MAX_TRANSACTION_ITEMS}.`);
    }
    // A request made under an idempotency key takes it with its first commit, first in the
    // transaction so that a key taken meanwhile is the failure reported; a full transaction
    // leaves it to a later one.
    const claim = items.length < MAX_TRANSACTION_ITEMS ? openClaim() : undefined;
    const claimed: Operation | undefined = claim
      ? { item: { Put: { TableName: tableName(), ...claim.put } }, onConflict: keyInUse }
      : undefined;
    const operations: Operation[] = claimed ? [claimed, ...this.operations] : this.operations;
    const transactItems = claimed ? [claimed.item, ...items] : items;
    for (let attempt = 1; ; attempt++) {
      try {
        await documentClient().send(new TransactWriteCommand({ TransactItems: transactItems }));
        claim?.settle(true);
        return;
      } catch (error) {
        if (attempt < CONFLICT_ATTEMPTS && onlyConflicting(error)) {
          await pause(10 * 2 ** attempt * (1 + Math.random()));
          continue;
        }
        claim?.settle(false);
        throw translate(error, operations);
      }
    }
  }

  /** One `ADD` per counted item whose deltas do not cancel out. */
  private counterItems(): TransactItem[] {
    return [...this.counters.values()].flatMap(({ key, deltas, names }) => {
      const changed = [...deltas].filter(([, delta]) => delta !== 0);
      if (changed.length === 0) return [];
      const named = Object.entries(names);
      const set = named.length > 0 ? ` SET ${named.map((_, i) => `#n${i} = :n${i}`).join(', ')}` : '';
      return [
        {
          Update: {
            TableName: tableName(),
            Key: key,
            UpdateExpression: `ADD ${changed.map((_, i) => `#c${i} :c${i}`).join(', ')}${set}`,
            ExpressionAttributeNames: Object.fromEntries([
              ...changed.map(([name], i) => [`#c${i}`, name]),
              ...named.map(([name], i) => [`#n${i}`, name]),
            ]),
            ExpressionAttributeValues: Object.fromEntries([
              ...changed.map(([, delta], i) => [`:c${i}`, delta]),
              ...named.map(([, value], i) => [`:n${i}`, value]),
            ]),
          },
        },
      ];
    });
  }

  private audit(
    ref: EntityRef,
    action: string,
    before: object | undefined,
    after: object | undefined,
    reason?: string,
  ) {
    const unique = randomUUID();
    const key = keys.audit(ref.type, ref.id, this.at, unique);
    return this.push(
      {
        Put: {
          TableName: tableName(),
          Item: {
            ...key,
            GSI1PK: keys.auditMonth(this.month),
            GSI1SK: keys.timelineSortKey(this.at, unique),
            entityType: 'audit',
            entity: ref,
            action,
            actor: this.actor.id,
            at: this.at,
            before,
            after,
            reason,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      () => new ConflictError('audit_collision', 'Không ghi được nhật ký thay đổi; hãy thử lại.'),
    );
  }

  private push(item: TransactItem, onConflict: ConflictMapper): this {
    this.operations.push({ item, onConflict });
    return this;
  }
}

/** True when a transaction was cancelled only because others held its items: nothing was written, no condition failed. */
function onlyConflicting(error: unknown): boolean {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return false;
  const codes = ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map(
    (reason) => reason.Code ?? 'None',
  );
  return (
    codes.includes('TransactionConflict') && codes.every((code) => code === 'None' || code === 'TransactionConflict')
  );
}

/** A cancelled transaction as the error of the operation whose condition failed, or as a concurrent change. */
function translate(error: unknown, operations: readonly Operation[]): unknown {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return error;
  const reasons = (error as { CancellationReasons?: { Code?: string; Item?: Record<string, AttributeValue> }[] })
    .CancellationReasons;
  const failed = reasons?.findIndex((reason) => reason.Code === 'ConditionalCheckFailed') ?? -1;
  const operation = operations[failed];
  if (operation) {
    const item = reasons?.[failed]?.Item;
    return operation.onConflict(item ? unmarshall(item) : undefined);
  }
  if (reasons?.some((reason) => reason.Code === 'TransactionConflict')) {
    return new ConflictError(
      'concurrent_change',
      'Một thay đổi khác đang được ghi vào cùng dữ liệu; hãy tải lại rồi thử lại.',
    );
  }
  return error;
}
