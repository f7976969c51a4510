/** The schemas stores read items with refuse an item missing its fields; and small helpers beside them. */
import { describe, expect, it } from 'vitest';
import { rolesOf } from '../../shared/domain/access/grants';
import {
  cycleRecordSchema,
  meetingAttendanceSchema,
  meetingMinutesSchema,
  meetingRecordSchema,
  meetingRosterSchema,
  officeWindowRecordSchema,
  zoneAssignmentSchema,
} from '../../shared/domain/cycle/cycle-records';
import { isOpeningCheck, monthToOpen } from '../../shared/domain/cycle/opener-event';
import { keyInUse, keyReused } from '../../shared/domain/idempotency';
import { reportRecord } from '../../shared/domain/proposals/report-records';
import {
  officialResponseRecord,
  responseMonthRecord,
  responseZoneEntryRecord,
} from '../../shared/domain/responses/response-records';
import { storedSummary } from '../../shared/domain/responses/response-summary';

describe('record schemas', () => {
  it.each([
    ['meeting', meetingRecordSchema],
    ['meeting roster', meetingRosterSchema],
    ['meeting attendance', meetingAttendanceSchema],
    ['meeting minutes', meetingMinutesSchema],
    ['cycle', cycleRecordSchema],
    ['office window', officeWindowRecordSchema],
    ['zone assignment', zoneAssignmentSchema],
    ['report', reportRecord],
    ['official response', officialResponseRecord],
    ['response month', responseMonthRecord],
    ['response zone entry', responseZoneEntryRecord],
    ['response summary', storedSummary],
  ] as const)('refuses a %s item without its fields', (_name, schema) => {
    expect(schema.safeParse({}).success).toBe(false);
  });

  it('refuses a zone assignment with a role that does not exist, and reads one that does', () => {
    expect(zoneAssignmentSchema.safeParse({ officialId: 'nguyen-van-a', role: 'mayor' }).success).toBe(false);
    expect(zoneAssignmentSchema.parse({ officialId: 'nguyen-van-a', role: 'zone-deputy', zoneId: 'khu-2' })).toEqual({
      officialId: 'nguyen-van-a',
      role: 'zone-deputy',
      zoneId: 'khu-2',
    });
  });
});

describe('the cycle opener’s event', () => {
  it('is the day-after check only when it says so', () => {
    expect(isOpeningCheck({ check: true })).toBe(true);
    expect(isOpeningCheck({ check: false })).toBe(false);
    expect(isOpeningCheck({ scheduledTime: '2027-03-01T00:00:00+07:00' })).toBe(false);
    expect(isOpeningCheck(undefined)).toBe(false);
    expect(isOpeningCheck(null)).toBe(false);
  });

  it('opens the month of now when invoked by hand without an event', () => {
    expect(monthToOpen(undefined, new Date('2027-02-28T17:30:00Z'))).toBe('2027-03');
  });
});

describe('idempotency refusals', () => {
  it('answer a reused key with 422 and a key still in use with 409, each naming the header', () => {
    expect(keyReused()).toMatchObject({
      status: 422,
      code: 'idempotency_key_reused',
      detail: expect.stringContaining('Idempotency-Key'),
    });
    expect(keyInUse()).toMatchObject({
      status: 409,
      code: 'idempotency_key_in_use',
      detail: expect.stringContaining('Idempotency-Key'),
    });
  });
});

describe('rolesOf', () => {
  it('names each role of a list of grants once, in order', () => {
    expect(
      rolesOf([{ role: 'office' }, { role: 'zone-deputy', within: 'zone' }, { role: 'office', within: 'commune' }]),
    ).toEqual(['office', 'zone-deputy']);
  });
});
