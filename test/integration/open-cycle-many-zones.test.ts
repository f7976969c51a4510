import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../functions/cycle/open-cycle';
import { documentClient, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { queryAll } from '../../shared/db/store';
import { DEFAULT_MEETING_WINDOW, districtCalendarOf } from '../../shared/domain/cycle/meeting-calendar';
import { workingDaysInWindow } from '../../shared/domain/cycle/meeting-dates';
import type { DistrictConfig } from '../../shared/domain/structure/district-config';
import { loadMeeting, readCycleMeetings, slotKeyOf } from '../../shared/services/cycle/cycle-store';
import { applyMeetingAction, reschedule } from '../../shared/services/cycle/meeting-actions';
import { setMonthWindow } from '../../shared/services/cycle/month-window';
import { openCycle } from '../../shared/services/cycle/open-cycle';
import { importStructure } from '../../shared/services/structure/import-structure';
import { recordDynamoCalls } from '../support/dynamodb-calls';
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

    const calls = recordDynamoCalls({ refused: true });

    const retry = await handler({ scheduledTime: '2027-04-01T00:00:00Z' });

    expect(retry.created).toBe(false);
    expect(retry.meetings).toBe(ZONES);
    // Only the lost meeting is written: the others are not tried again (and refused) one by one.
    const writes = calls.filter((call) => call.command === 'TransactWriteItemsCommand');
    expect(writes.map((call) => call.refused ?? false)).toEqual([false]);
    const recreated = (await readCycleMeetings('2027-04')).find((m) => m.zoneId === `khu-${ZONES}`);
    expect(recreated).toEqual({ ...lost, openedAt: recreated?.openedAt });
  });

  it('dates a meeting an interrupted opening never wrote when its slot is free, else leaves it waiting for a date', async () => {
    // A window of the whole month gives every zone a date, those of the last transactions too.
    const month = '2027-09';
    await setMonthWindow(month, { firstDay: 1, lastDay: 28, reason: 'Cả tháng' }, { id: 'van-phong' }, () => 0);
    await openCycle(month, { id: 'test' });
    const [lastZone, beforeLast] = [`khu-${ZONES}`, `khu-${ZONES - 1}`];
    const lost = await Promise.all(
      [lastZone, beforeLast].map(async (zoneId) => (await loadMeeting(`${month}.${zoneId}`)).value),
    );
    expect(lost.map((meeting) => meeting.status)).toEqual(['scheduled', 'scheduled']);
    // The opening stopped before its last transaction: neither meeting, roster nor slot was written.
    for (const meeting of lost) {
      for (const key of [
        keys.meeting(month, meeting.zoneId),
        keys.meetingPart(month, meeting.zoneId, 'roster'),
        slotKeyOf(meeting),
      ]) {
        await documentClient().send(new DeleteCommand({ TableName: tableName(), Key: key }));
      }
    }
    // Meanwhile the office moves khu-1 into the slot the last zone was to have.
    const taken = { date: lost[0]?.date as string, session: lost[0]?.session as 'morning' };
    const office = {
      actor: { id: 'van-phong' },
      person: { officialId: 'van-phong', name: 'Văn phòng' },
      roles: new Set(['office'] as const),
    };
    const moved = await loadMeeting(`${month}.khu-1`);
    await applyMeetingAction(
      `${month}.khu-1`,
      'reschedule',
      office,
      moved.version,
      reschedule({ ...taken, reason: 'Đổi lịch' }, office),
    );

    const retry = await openCycle(month, { id: 'test' });

    expect(retry.created).toBe(false);
    const meetings = new Map((await readCycleMeetings(month)).map((meeting) => [meeting.zoneId, meeting]));
    expect(meetings.size).toBe(ZONES);
    expect(meetings.get(lastZone)).toMatchObject({ status: 'needs-date', date: null, session: null });
    expect(meetings.get(beforeLast)).toMatchObject({
      status: 'scheduled',
      date: lost[1]?.date,
      session: lost[1]?.session,
    });
    expect(meetings.get('khu-1')).toMatchObject(taken);
  });
});
