import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentClient, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { readRotation } from '../../shared/services/cycle/rotation-store';
import { generateRotation, swapRotation } from '../../shared/services/cycle/rotations';
import { seedSampleDistrict } from '../support/sample-district';

const office = { id: 'van-phong-1' };

describe('swapping two months of a rotation', () => {
  beforeAll(async () => {
    await seedSampleDistrict();
    await generateRotation('khu-2', 2030, office, () => 0);
  });

  it('refuses a month whose meeting exists even before the zone’s meeting index lists it', async () => {
    // A meeting just written: in the table, but not yet in the (eventually consistent) GSI1 listing.
    await documentClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...keys.meeting('2030-05', 'khu-2'),
          id: '2030-05.khu-2',
          month: '2030-05',
          zoneId: 'khu-2',
          version: 1,
        },
      }),
    );
    const before = await readRotation('khu-2', 2030);

    const swap = swapRotation('khu-2', 2030, { a: 5, b: 6, reason: 'Đổi lịch' }, before?.version ?? 0, office);

    await expect(swap).rejects.toMatchObject({ status: 409, code: 'month_has_meeting' });
    expect(await readRotation('khu-2', 2030)).toEqual(before);
  });

  it('swaps months that have no meeting', async () => {
    const before = await readRotation('khu-2', 2030);

    const swapped = await swapRotation('khu-2', 2030, { a: 7, b: 8, reason: 'Đổi lịch' }, before?.version ?? 0, office);

    expect(swapped.record.hosts.slice(6, 8)).toEqual([before?.value.hosts[7], before?.value.hosts[6]]);
    expect((await readRotation('khu-2', 2030))?.version).toBe((before?.version ?? 0) + 1);
  });
});
