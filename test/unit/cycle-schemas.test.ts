/** Small cycle rules: meeting ids, the opener's event, and the cycle's request schemas. */
import { describe, expect, it } from 'vitest';
import {
  announcementBodySchema,
  hostingWishesBodySchema,
  meetingFilterSchema,
  rotationSwapBodySchema,
} from '../../shared/domain/cycle/cycle-requests';
import { meetingId, parseMeetingId } from '../../shared/domain/cycle/meeting-id';
import { monthToOpen } from '../../shared/domain/cycle/opener-event';
import { yearParamSchema } from '../../shared/domain/schema-kit';

describe('meeting ids', () => {
  it('joins a month and a zone, and reads them back', () => {
    expect(meetingId('2026-12', 'khu-1')).toBe('2026-12.khu-1');
    expect(parseMeetingId('2026-12.khu-1')).toEqual({ month: '2026-12', zoneId: 'khu-1' });
    expect(parseMeetingId(`2026-01.${'a'.repeat(63)}`)).toEqual({ month: '2026-01', zoneId: 'a'.repeat(63) });
  });

  it.each([
    '2026-13.khu-1',
    '2026-00.khu-1',
    '2026-1.khu-1',
    '2026-12khu-1',
    '2026-12.',
    '2026-12.Khu-1',
    '2026-12.-khu',
    `2026-12.${'a'.repeat(64)}`,
    'x2026-12.khu-1',
    '2026-12.khu-1/agenda',
    '',
  ])('reads nothing from %j', (id) => {
    expect(parseMeetingId(id)).toBeUndefined();
  });
});

describe('monthToOpen', () => {
  it('reads a scheduled time with an offset in Vietnam time', () => {
    expect(monthToOpen({ scheduledTime: '2026-12-01T00:30:00+07:00' }, new Date('2027-06-15T00:00:00Z'))).toBe(
      '2026-12',
    );
  });

  it('tolerates other fields of the event', () => {
    expect(monthToOpen({ scheduledTime: '2027-02-01T00:00:00Z', note: 'manual' }, new Date())).toBe('2027-02');
  });
});

describe('cycle request schemas', () => {
  it('takes a year in a path as exactly four digits from 2000 to 2099, never coerced', () => {
    expect(yearParamSchema.parse('2027')).toBe(2027);
    expect(yearParamSchema.safeParse('2000').success).toBe(true);
    expect(yearParamSchema.safeParse('2099').success).toBe(true);
    for (const refused of ['1999', '2100', '2027.5', '2031.0', ' 2031', '0x7EF', '+2027', '2e3', '٢٠٢٧']) {
      expect(yearParamSchema.safeParse(refused).success, refused).toBe(false);
    }
  });

  it('takes up to 12 wished months, each 1 to 12', () => {
    expect(hostingWishesBodySchema.safeParse({ months: [1, 12] }).success).toBe(true);
    expect(hostingWishesBodySchema.safeParse({ months: Array(12).fill(3) }).success).toBe(true);
    expect(hostingWishesBodySchema.safeParse({ months: Array(13).fill(3) }).success).toBe(false);
    for (const month of [0, 13, 1.5])
      expect(hostingWishesBodySchema.safeParse({ months: [month] }).success).toBe(false);
  });

  it('takes a swap of two months with a reason', () => {
    expect(rotationSwapBodySchema.safeParse({ a: 1, b: 12, reason: 'Trùng lễ hội' }).success).toBe(true);
    expect(rotationSwapBodySchema.safeParse({ a: 0, b: 12, reason: 'x' }).success).toBe(false);
    expect(rotationSwapBodySchema.safeParse({ a: 1, b: 13, reason: 'x' }).success).toBe(false);
    expect(rotationSwapBodySchema.safeParse({ a: 1, b: 2, reason: 'x'.repeat(501) }).success).toBe(false);
  });

  it('sends an announcement to all zones or to 1 to 50 zones', () => {
    const body = { title: 'Lịch họp', body: 'Nội dung' };

    expect(announcementBodySchema.safeParse({ ...body, zoneIds: 'all' }).success).toBe(true);
    expect(announcementBodySchema.safeParse({ ...body, zoneIds: ['khu-1'] }).success).toBe(true);
    expect(announcementBodySchema.safeParse({ ...body, zoneIds: Array(50).fill('khu-1') }).success).toBe(true);
    expect(announcementBodySchema.safeParse({ ...body, zoneIds: [] }).success).toBe(false);
    expect(announcementBodySchema.safeParse({ ...body, zoneIds: Array(51).fill('khu-1') }).success).toBe(false);
    expect(announcementBodySchema.safeParse({ ...body, zoneIds: 'some' }).success).toBe(false);
    expect(announcementBodySchema.safeParse({ ...body, title: 'x'.repeat(201), zoneIds: 'all' }).success).toBe(false);
    expect(announcementBodySchema.safeParse({ ...body, body: 'x'.repeat(4001), zoneIds: 'all' }).success).toBe(false);
  });

  it('filters meetings by a month and a zone', () => {
    expect(meetingFilterSchema.month.safeParse('2027-03').success).toBe(true);
    expect(meetingFilterSchema.month.safeParse(undefined).success).toBe(true);
    expect(meetingFilterSchema.month.safeParse('2027-3').success).toBe(false);
    expect(meetingFilterSchema.zoneId.safeParse('khu-1').success).toBe(true);
    expect(meetingFilterSchema.zoneId.safeParse('Khu 1').success).toBe(false);
  });
});
