import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { ChangeSet } from '../../shared/db/change-set';
import { documentClient } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { getItem, queryAll } from '../../shared/db/store';
import { ConflictError } from '../../shared/domain/errors';

describe('ChangeSet', () => {
  it('files an audit record under the Vietnam month of the change, not the UTC one', async () => {
    // 17:30 UTC on 30 November is already 00:30 on 1 December in Vietnam.
    const changes = new ChangeSet({ id: 'tester' }, new Date('2026-11-30T17:30:00Z'));

    await changes.create({ type: 'zone', id: 'khu-dem' }, keys.unit('zone', 'khu-dem'), { id: 'khu-dem' }).commit();

    const december = await queryAll({ index: 'GSI1', partition: keys.auditMonth('2026-12') });
    const november = await queryAll({ index: 'GSI1', partition: keys.auditMonth('2026-11') });
    expect(december.map((record) => record.entity)).toEqual([{ type: 'zone', id: 'khu-dem' }]);
    expect(november).toEqual([]);
  });

  it('transfers a reservation only while its holder is the one named, all or nothing', async () => {
    const key = keys.subject('tai-khoan-chuyen');
    const taken = new ConflictError('subject_taken', 'taken');
    const heldBy = (officialId: string) => ({
      expression: '#official = :holder',
      names: { '#official': 'officialId' },
      values: { ':holder': officialId },
    });
    await new ChangeSet({ id: 'tester' }).reserve(key, { officialId: 'can-bo-a' }, taken).commit();

    await new ChangeSet({ id: 'tester' }).transfer(key, { officialId: 'can-bo-b' }, heldBy('can-bo-a'), taken).commit();
    const stale = new ChangeSet({ id: 'tester' }).transfer(key, { officialId: 'can-bo-c' }, heldBy('can-bo-a'), taken);

    await expect(stale.commit()).rejects.toBe(taken);
    expect(await getItem(key)).toMatchObject({ officialId: 'can-bo-b' });
  });
});

describe('ChangeSet counters', () => {
  it('sum every delta to one item into one action, skip those that cancel out, and name the item', async () => {
    const month = keys.proposalCounts('2026-01', 'khu-dem');
    const other = keys.proposalCounts('2026-02', 'khu-dem');
    const changes = new ChangeSet({ id: 'tester' })
      .count(month, { a: 1, b: 2 }, { month: '2026-01' })
      .count(month, { a: 2, b: -2 })
      .count(other, { a: 1 })
      .count(other, { a: -1 });

    expect(changes.size).toBe(1);
    await changes.commit();
    await new ChangeSet({ id: 'tester' }).count(month, { a: -1, c: 5 }).commit();

    expect(await getItem(month)).toEqual({ ...month, month: '2026-01', a: 2, c: 5 });
    expect(await getItem(other)).toBeUndefined();
  });
});

describe('ChangeSet under contention', () => {
  const INJECTOR = 'conflictInjector';
  afterEach(() => {
    documentClient().middlewareStack.remove(INJECTOR);
  });

  /** The next `times` transactions are cancelled because another transaction holds their items. */
  function conflicts(times: number): { attempts: number } {
    const counter = { attempts: 0 };
    documentClient().middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName !== 'TransactWriteItemsCommand' || counter.attempts >= times) return next(args);
        counter.attempts++;
        throw new TransactionCanceledException({
          message: 'Transaction cancelled',
          $metadata: {},
          CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }],
        });
      },
      { step: 'deserialize', name: INJECTOR },
    );
    return counter;
  }

  it('sends a transaction cancelled by a conflict again, and it is written once', async () => {
    const key = keys.proposalCounts('2026-03', 'khu-dem');
    const injected = conflicts(2);

    await new ChangeSet({ id: 'tester' })
      .create({ type: 'zone', id: 'khu-tranh' }, keys.unit('zone', 'khu-tranh'), {
        id: 'khu-tranh',
      })
      .count(key, { n: 1 })
      .commit();

    expect(injected.attempts).toBe(2);
    expect(await getItem(key)).toMatchObject({ n: 1 });
    expect(await queryAll({ partition: keys.auditPartition('zone', 'khu-tranh') })).toHaveLength(1);
  });

  it('gives up after five conflicts with a 409 and writes nothing', async () => {
    const key = keys.proposalCounts('2026-04', 'khu-dem');
    const injected = conflicts(5);

    const committed = new ChangeSet({ id: 'tester' }).count(key, { n: 1 }).commit();

    await expect(committed).rejects.toMatchObject({ status: 409, code: 'concurrent_change' });
    expect(injected.attempts).toBe(5);
    expect(await getItem(key)).toBeUndefined();
  });
});
