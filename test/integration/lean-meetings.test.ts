/**
 * A meeting's large parts (roster, attendance, minutes) live in items of their own: a month's
 * list reads small records only, and a change to one part writes that part, not the whole meeting.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentClient, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { type MeetingRecord, meetingSummary } from '../../shared/domain/cycle/meeting';
import type { Role } from '../../shared/domain/structure/roles';
import { listMeetings, loadMeeting } from '../../shared/services/cycle/cycle-store';
import { applyMeetingAction, type MeetingActor, writeMinutes } from '../../shared/services/cycle/meeting-actions';
import { openCycle } from '../../shared/services/cycle/open-cycle';
import { importStructure } from '../../shared/services/structure/import-structure';
import { bytesOf, itemsPut, itemsRead, recordDynamoCalls } from '../support/dynamodb-calls';
import { largeDistrictConfig } from '../support/large-district';

const ZONES = 60;
const MONTH = '2027-05';
const MEETING = `${MONTH}.khu-7`;
const DEPUTY: MeetingActor = {
  actor: { id: 'zone-deputy-khu-7' },
  person: { officialId: 'zone-deputy-khu-7', name: 'Đồng chí phó khu' },
  roles: new Set<Role>(['zone-deputy']),
};

describe(`a month's meetings in a district of ${ZONES} zones`, () => {
  beforeAll(async () => {
    await importStructure(largeDistrictConfig(ZONES), { id: 'test' });
    await openCycle(MONTH, { id: 'test' });
  }, 120_000);

  it('lists the whole month in one page of 100, reading at most twice the bytes it returns', async () => {
    const calls = recordDynamoCalls();

    const page = await listMeetings({ month: MONTH }, 100, undefined);

    expect(page.items).toHaveLength(ZONES);
    expect(page.nextCursor).toBeUndefined();
    expect(calls.map((call) => call.command)).toEqual(['QueryCommand']);
    const read = bytesOf(calls.flatMap(itemsRead));
    expect(read).toBeLessThanOrEqual(2 * bytesOf(page.items.map(meetingSummary)));
  });

  it('keeps the roster out of the meeting record, and gives it back with the whole meeting', async () => {
    const { value: meeting } = await loadMeeting(MEETING);
    const [record] = (await listMeetings({ zoneId: 'khu-7', month: MONTH }, 1, undefined)).items;

    expect(meeting.expectedAttendees.length).toBeGreaterThan(20);
    expect(meeting.expectedReports).toHaveLength(12);
    expect(record).not.toHaveProperty('expectedAttendees');
    expect(record).not.toHaveProperty('expectedReports');
    expect(record).toEqual(expect.objectContaining({ id: MEETING, status: meeting.status }));
  });

  it('writes a minutes change as the minutes item and a small record, the audit holding only the minutes', async () => {
    const { value: before, version } = await loadMeeting(MEETING);
    const minutes = { text: 'Biên bản: các xã báo cáo tình hình tháng.', decisions: ['Giao xã 1 rà soát đường'] };
    const calls = recordDynamoCalls();

    await applyMeetingAction(MEETING, 'write-minutes', DEPUTY, version, writeMinutes(minutes, DEPUTY));

    const puts = calls.filter((call) => call.command === 'TransactWriteItemsCommand').flatMap(itemsPut);
    const bySortKey = (prefix: string) => puts.filter((item) => String(item.SK).startsWith(prefix));
    expect(bySortKey('MEETINGPART#')).toEqual([
      expect.objectContaining({ ...keys.meetingPart(MONTH, 'khu-7', 'minutes'), ...minutes }),
    ]);
    const [record] = bySortKey('MEETING#');
    expect(record).not.toHaveProperty('expectedAttendees');
    expect(bytesOf(record)).toBeLessThan(2_000);
    const [audit] = puts.filter((item) => item.entityType === 'audit');
    expect(audit?.before).toEqual({ minutes: null });
    expect(Object.keys(audit?.after as object)).toEqual(['minutes']);
    expect(bytesOf(puts)).toBeLessThan(bytesOf(before.expectedAttendees));
    const after = await loadMeeting(MEETING);
    expect(after.version).toBe(version + 1);
    expect(after.value).toEqual({ ...before, minutes: expect.objectContaining(minutes) });
  });
});

describe(`opening a month in a district of ${ZONES} zones`, () => {
  it('takes a few batch reads, whole-district queries and full transactions, not calls per zone', async () => {
    const calls = recordDynamoCalls();

    const opened = await openCycle('2027-06', { id: 'test' });

    expect(opened.meetings).toHaveLength(ZONES);
    const count = (command: string) => calls.filter((call) => call.command === command).length;
    expect(count('GetItemCommand')).toBe(1);
    expect(count('BatchGetItemCommand')).toBe(1);
    // Five meetings' actions fit a transaction by the dozen or more; the rest are the district's collections.
    expect(count('TransactWriteItemsCommand')).toBeLessThanOrEqual(Math.ceil(ZONES / 12));
    expect(calls.length).toBeLessThan(ZONES / 3);
  });
});

describe('reading a meeting the table holds wrongly', () => {
  it('fails on the read instead of passing on what the schema refuses', async () => {
    const { value } = await loadMeeting(MEETING);
    const { expectedAttendees, expectedReports, minutesSecretary, attendance, minutes, ...record } = value;
    await documentClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...record, ...keys.meeting('2027-08', 'khu-1'), id: '2027-08.khu-1', status: 'forgotten', version: 1 },
      }),
    );

    await expect(listMeetings({ month: '2027-08' }, 10, undefined)).rejects.toThrow(/status/);
  });
});

describe('a page of 100 meeting records', () => {
  it('fits in one DynamoDB page (1 MB) by design, even with every text field at its longest', () => {
    // Three bytes a character (Vietnamese letters with two marks), at each field's schema maximum.
    const longest = (length: number) => 'ệ'.repeat(length);
    const id = 'a'.repeat(63);
    const person = { officialId: id, name: longest(120) };
    const at = '2027-05-31T23:59:59.999Z';
    const record: MeetingRecord = {
      id: `2027-05.${id}`,
      month: '2027-05',
      zoneId: id,
      zoneName: longest(120),
      status: 'cancelled',
      date: '2027-05-31',
      session: 'afternoon',
      dateDecision: { outsideWindow: true, reason: longest(500), by: person, at },
      host: { communeId: id, name: longest(120) },
      venue: longest(200),
      amendmentCount: 9_999,
      floorProposalCount: 9_999,
      openedAt: at,
      heldAt: at,
      closedAt: at,
      cancelledAt: at,
      cancelReason: longest(500),
    };
    const stored = { ...record, ...keys.meeting(record.month, id), GSI1PK: id, GSI1SK: id, version: 1e9 };

    expect(100 * bytesOf(stored)).toBeLessThan(1_000_000);
  });
});
