import { describe, expect, it } from 'vitest';
import { ChangeSet } from '../../shared/db/change-set';
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
