import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../functions/cycle/open-cycle';
import { documentClient, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { queryAll } from '../../shared/db/store';
import { DEFAULT_MEETING_WINDOW, districtCalendarOf } from '../../shared/domain/cycle/meeting-calendar';
import { workingDaysInWindow } from '../../shared/domain/cycle/meeting-dates';
import type { DistrictConfig } from '../../shared/domain/structure/district-config';
import { readCycleMeetings } from '../../shared/services/cycle/cycle-store';
import { importStructure } from '../../shared/services/structure/import-structure';
import { generatedDistrictConfig } from '../support/large-district';

/** A district with more zones than one transaction can open: 24 zones of two communes, one cell each. */
const ZONES = 24;

function manyZonesConfig(): DistrictConfig {
  const zones = Array.from({ length: ZONES }, (_, i) => ({ id: `khu-${i + 1}`, name: `Khu ${i + 1}` }));
  const communes = zones.flatMap((zone) =>
    ['a', 'b'].map((suffix) => ({
      id: `${zone.id}-xa-${suffix}`,
      name: `Xã ${zone.name}${suffix}`,
      kind: 'xa',
      zoneId: zone.id,
    })),
  );
  const cells = communes.map((commune) => ({ id: `${commune.id}-thon`, name: 'Chi bộ thôn', communeId: commune.id }));
  const officials = [
    ...zones.map((zone) => ({ id: `truong-${zone.id}`, name: `Trưởng ${zone.name}`, title: 'Uỷ viên BTV' })),
    ...cells.map((cell) => ({ id: `bi-thu-${cell.id}`, name: `Bí thư ${cell.id}`, title: 'Bí thư chi bộ' })),
  ];
  const assignments = [
    ...zones.map((zone) => ({ officialId: `truong-${zone.id}`, role: 'zone-head', scopeId: zone.id })),
    ...cells.map((cell) => ({ officialId: `bi-thu-${cell.id}`, role: 'cell-secretary', scopeId: cell.id })),
  ];
  return generatedDistrictConfig(
    { id: 'nhieu-khu', name: 'Huyện Nhiều Khu' },
    { zones, communes, cells, officials, assignments },
  );
}

describe('the opener in a district with more zones than one transaction holds', () => {
  beforeAll(async () => {
    await importStructure(manyZonesConfig(), { id: 'test' });
  });

  it('creates one meeting per zone, once, even when three openers race', async () => {
    const results = await Promise.all(
      Array.from({ length: 3 }, () => handler({ scheduledTime: '2027-03-01T00:00:00Z' })),
    );

    expect(results.filter((r) => r.created)).toHaveLength(1);
    const meetings = await readCycleMeetings('2027-03');
    expect(meetings.map((m) => m.zoneId).sort()).toEqual(
      Array.from({ length: ZONES }, (_, i) => `khu-${i + 1}`).sort(),
    );
    const audits = await Promise.all(
      meetings.map((m) => queryAll({ partition: keys.auditPartition('meeting', m.id) })),
    );
    expect(audits.every((records) => records.length === 1)).toBe(true);
    // Two sessions on each working day of the window; the other zones wait for the office to date them.
    const slots = workingDaysInWindow('2027-03', districtCalendarOf(undefined), DEFAULT_MEETING_WINDOW).length * 2;
    expect(meetings.filter((m) => m.status === 'scheduled')).toHaveLength(slots);
    expect(meetings.filter((m) => m.status === 'needs-date')).toHaveLength(ZONES - slots);
  });

  it('creates, on the next invocation, a meeting an interrupted opening never wrote', async () => {
    await handler({ scheduledTime: '2027-04-01T00:00:00Z' });
    const lost = (await readCycleMeetings('2027-04')).find((m) => m.zoneId === `khu-${ZONES}`);
    expect(lost?.status).toBe('needs-date');
    await documentClient().send(
      new DeleteCommand({ TableName: tableName(), Key: keys.meeting('2027-04', `khu-${ZONES}`) }),
    );

    const retry = await handler({ scheduledTime: '2027-04-01T00:00:00Z' });

    expect(retry.created).toBe(false);
    expect(retry.meetings).toBe(ZONES);
    const recreated = (await readCycleMeetings('2027-04')).find((m) => m.zoneId === `khu-${ZONES}`);
    expect(recreated).toEqual({ ...lost, openedAt: recreated?.openedAt });
  });
});
