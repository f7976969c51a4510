import { beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../functions/cycle/open-cycle';
import { keys } from '../../shared/db/keys';
import { getItem, queryAll } from '../../shared/db/store';
import type { DistrictConfig } from '../../shared/domain/structure/district-config';
import { dayOfWeek } from '../../shared/domain/time';
import { loadMeeting, readCycle, readCycleMeetings } from '../../shared/services/cycle/cycle-store';
import { setMonthWindow } from '../../shared/services/cycle/month-window';
import { openCycle } from '../../shared/services/cycle/open-cycle';
import { importStructure } from '../../shared/services/structure/import-structure';
import { recordDynamoCalls } from '../support/dynamodb-calls';
import { readSampleConfig, seedSampleDistrict } from '../support/sample-district';

/** The attendees of a zone computed straight from the config file, independently of the opener. */
function expectedFromConfig(config: DistrictConfig, zoneId: string) {
  const communes = new Set(config.communes.filter((c) => c.zoneId === zoneId).map((c) => c.id));
  const cells = new Set(config.cells.filter((c) => communes.has(c.communeId)).map((c) => c.id));
  const communeRoles = ['commune-in-charge', 'commune-secretary', 'commune-chair'];
  const ids = config.assignments
    .filter(
      (a) =>
        (a.role === 'zone-head' && a.scopeId === zoneId) ||
        (communeRoles.includes(a.role) && communes.has(a.scopeId ?? '')) ||
        (a.role === 'cell-secretary' && cells.has(a.scopeId ?? '')),
    )
    .map((a) => a.officialId);
  const deputy = config.assignments.find((a) => a.role === 'zone-deputy' && a.scopeId === zoneId)?.officialId;
  return { attendeeIds: [...new Set(ids)].sort(), deputy, communes, cells };
}

async function auditCount(type: string, id: string): Promise<number> {
  return (await queryAll({ partition: keys.auditPartition(type, id) })).length;
}

const config = readSampleConfig();

describe('the scheduled cycle opener', () => {
  beforeAll(async () => {
    await seedSampleDistrict();
  });

  it('creates each meeting exactly once when five invocations for the same month run at once', async () => {
    const event = { scheduledTime: '2027-01-01T00:00:00Z' };

    const results = await Promise.all(Array.from({ length: 5 }, () => handler(event)));

    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results.every((r) => r.month === '2027-01' && r.meetings === config.zones.length)).toBe(true);
    const partition = await queryAll({ partition: keys.cyclePartition('2027-01') });
    const meetings = partition.filter((item) => String(item.SK).startsWith(keys.meetingPrefix));
    expect(meetings.map((m) => m.zoneId).sort()).toEqual(config.zones.map((z) => z.id).sort());
    expect(partition.filter((item) => item.SK === keys.cycle('2027-01').SK)).toHaveLength(1);
    expect(await auditCount('cycle', '2027-01')).toBe(1);
    const meetingAudits = await Promise.all(meetings.map((m) => auditCount('meeting', String(m.id))));
    expect(meetingAudits).toEqual(meetings.map(() => 1));
  });

  it('returns the open cycle unchanged when invoked again for a month already open', async () => {
    await handler({ scheduledTime: '2027-02-01T00:00:00Z' });
    const before = await readCycleMeetings('2027-02');
    const calls = recordDynamoCalls({ refused: true });

    const again = await handler({ scheduledTime: '2027-02-01T00:00:00Z' });

    expect(again.created).toBe(false);
    // Not even a write tried and refused: every meeting is there, so nothing is planned again.
    expect(calls.filter((call) => call.command === 'TransactWriteItemsCommand')).toEqual([]);
    expect(await readCycleMeetings('2027-02')).toEqual(before);
    expect(await auditCount('cycle', '2027-02')).toBe(1);
  });

  it('opens December 2026 when scheduled at 2026-11-30T17:30:00Z, already December in Vietnam', async () => {
    const result = await handler({ scheduledTime: '2026-11-30T17:30:00Z' });

    expect(result.month).toBe('2026-12');
    expect(await getItem(keys.cycle('2026-12'))).toBeDefined();
    expect(await getItem(keys.cycle('2026-11'))).toBeUndefined();
  });

  it('gives the sample district six meetings from the 5th to the 10th, spread over distinct slots', async () => {
    await handler({ scheduledTime: '2027-06-01T00:00:00Z' });

    const meetings = await readCycleMeetings('2027-06');
    expect(meetings).toHaveLength(6);
    for (const meeting of meetings) {
      expect(meeting.status).toBe('scheduled');
      const day = Number(meeting.date?.slice(8));
      expect(day).toBeGreaterThanOrEqual(5);
      expect(day).toBeLessThanOrEqual(10);
      expect(dayOfWeek(meeting.date as string)).not.toBe(0);
      expect(config.calendar.holidays).not.toContain(meeting.date);
    }
    const slots = meetings.map((m) => `${m.date} ${m.session}`);
    expect(new Set(slots).size).toBe(6);
    const perDay = new Map<string, number>();
    for (const m of meetings) perDay.set(m.date as string, (perDay.get(m.date as string) ?? 0) + 1);
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(2);
  });

  it('snapshots each zone’s expected attendees, minutes secretary, host, venue and cells from the structure', async () => {
    await handler({ scheduledTime: '2027-10-01T00:00:00Z' });

    const names = new Map(config.officials.map((o) => [o.id, o.name]));
    for (const zone of config.zones) {
      const { value: meeting } = await loadMeeting(`2027-10.${zone.id}`);
      const expected = expectedFromConfig(config, zone.id);
      expect(meeting.expectedAttendees.map((a) => a.officialId).sort()).toEqual(expected.attendeeIds);
      expect(meeting.expectedAttendees.every((a) => a.name === names.get(a.officialId))).toBe(true);
      expect(meeting.minutesSecretary?.officialId).toBe(expected.deputy);
      expect(expected.communes.has(meeting.host?.communeId ?? '')).toBe(true);
      const host = config.communes.find((c) => c.id === meeting.host?.communeId);
      expect(meeting.venue).toBe(host?.hall ?? `Hội trường UBND ${host?.name}`);
      expect(meeting.expectedReports.map((r) => r.cellId).sort()).toEqual([...expected.cells].sort());
    }
  });

  it('marks the zones and host communes as referenced by history', async () => {
    await handler({ scheduledTime: '2027-11-01T00:00:00Z' });

    const meetings = await readCycleMeetings('2027-11');
    for (const meeting of meetings) {
      expect((await getItem(keys.unit('zone', meeting.zoneId)))?.inUseSince).toBeDefined();
      expect((await getItem(keys.unit('commune', meeting.host?.communeId ?? '')))?.inUseSince).toBeDefined();
    }
  });

  it('leaves meetings the window cannot hold waiting for a date instead of giving them bad ones', async () => {
    // July 2027: the 5th is a Monday; with the 5th to the 8th off, only Friday the 9th remains (not Saturday the 10th).
    const holidays = ['2027-07-05', '2027-07-06', '2027-07-07', '2027-07-08'];
    await importStructure(
      { ...config, calendar: { holidays: [...config.calendar.holidays, ...holidays] } },
      { id: 'test' },
    );

    await handler({ scheduledTime: '2027-07-01T00:00:00Z' });

    const meetings = await readCycleMeetings('2027-07');
    const dated = meetings.filter((m) => m.status === 'scheduled');
    const waiting = meetings.filter((m) => m.status === 'needs-date');
    expect(dated.map((m) => `${m.date} ${m.session}`).sort()).toEqual(['2027-07-09 afternoon', '2027-07-09 morning']);
    expect(waiting).toHaveLength(4);
    expect(waiting.every((m) => m.date === null && m.session === null)).toBe(true);
  });

  it('fails (so the scheduler retries) when the event’s scheduled time is not a time', async () => {
    await expect(handler({ scheduledTime: 'yesterday' })).rejects.toThrow();
  });
});

describe('the office setting a month’s window while the opener opens it', () => {
  beforeAll(async () => {
    await seedSampleDistrict();
  });

  it('either refuses the window (the month is open) or opens the month with it, never neither', async () => {
    for (const month of ['2029-01', '2029-02', '2029-03', '2029-04']) {
      const window = { firstDay: 12, lastDay: 16, reason: 'Trùng hội nghị tỉnh' };
      const [set] = await Promise.allSettled([
        setMonthWindow(month, window, { id: 'van-phong-1' }, () => 0),
        openCycle(month, { id: 'test' }),
      ]);

      const opened = (await readCycle(month))?.value.window;
      if (set.status === 'fulfilled') {
        expect(opened, month).toEqual({ firstDay: 12, lastDay: 16, source: 'office' });
      } else {
        expect(set.reason, month).toMatchObject({ status: 409, code: 'cycle_already_open' });
        expect(opened?.source, month).not.toBe('office');
      }
    }
  });
});
