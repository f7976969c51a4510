/** Opening a month before the district's structure was imported: this file's table holds no zone. */
import { describe, expect, it } from 'vitest';
import { keys } from '../../shared/db/keys';
import { queryAll } from '../../shared/db/store';
import { openCycle } from '../../shared/services/cycle/open-cycle';
import { recordDynamoCalls } from '../support/dynamodb-calls';

describe('opening a month in a district without zones', () => {
  it('is refused with 409 no_zones saying what is missing, writes nothing, and is not retried', async () => {
    const calls = recordDynamoCalls();

    const refusal = await openCycle('2027-05', { id: 'van-phong-1' }).catch((error: unknown) => error);

    expect(refusal).toMatchObject({ status: 409, code: 'no_zones', message: expect.stringMatching(/khu/) });
    expect(calls.filter((call) => call.command === 'TransactWriteItemsCommand')).toEqual([]);
    // The refusal cannot change by trying again, so the month was read once, not once per attempt.
    const monthReads = calls.filter(
      (call) => call.command === 'QueryCommand' && JSON.stringify(call.input).includes(keys.cyclePartition('2027-05')),
    );
    expect(monthReads).toHaveLength(1);
    expect(await queryAll({ partition: keys.cyclePartition('2027-05') })).toEqual([]);
  });
});
