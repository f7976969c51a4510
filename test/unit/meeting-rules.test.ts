/** The stored meeting's rules that need no database: its size cap, summary, venue, attendance and agenda window. */
import { describe, expect, it } from 'vitest';
import {
  agendaWindow,
  amendmentBodySchema,
  attendanceBodySchema,
  cancelBodySchema,
  checkAttendance,
  defaultVenue,
  MAX_MEETING_BYTES,
  type Meeting,
  meetingSummary,
  minutesBodySchema,
  requireStorableSize,
  rescheduleBodySchema,
  windowOfCycle,
} from '../../shared/domain/cycle/meeting';
import { DEFAULT_MEETING_WINDOW } from '../../shared/domain/cycle/meeting-calendar';
import { BadRequestError } from '../../shared/domain/errors';

const person = { officialId: 'pho-khu-2', name: 'Phó khu 2' };

function meeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: '2027-03.khu-2',
    month: '2027-03',
    zoneId: 'khu-2',
    zoneName: 'Khu 2',
    status: 'scheduled',
    date: '2027-03-05',
    session: 'morning',
    host: { communeId: 'gia-tan', name: 'Xã Gia Tân' },
    venue: 'Hội trường UBND Xã Gia Tân',
    minutesSecretary: person,
    expectedAttendees: [],
    expectedReports: [],
    attendance: null,
    minutes: null,
    amendmentCount: 0,
    openedAt: '2027-03-01T00:00:00.000Z',
    ...overrides,
  };
}

/** A meeting whose JSON is exactly `bytes` long, padded through the minutes' text. */
function meetingOfBytes(bytes: number, filler = 'x'): Meeting {
  const minutes = { text: '', decisions: [], writtenAt: '2027-03-05T09:00:00.000Z', writtenBy: person };
  const empty = new TextEncoder().encode(JSON.stringify(meeting({ minutes }))).byteLength;
  const fillerBytes = new TextEncoder().encode(filler).byteLength;
  return meeting({ minutes: { ...minutes, text: filler.repeat((bytes - empty) / fillerBytes) } });
}

describe('requireStorableSize', () => {
  it('lets a meeting of exactly the cap through', () => {
    expect(() => requireStorableSize(meetingOfBytes(MAX_MEETING_BYTES))).not.toThrow();
  });

  it('refuses a meeting one byte over, saying how large it may be', () => {
    const refuse = () => requireStorableSize(meetingOfBytes(MAX_MEETING_BYTES + 1));

    expect(refuse).toThrow(BadRequestError);
    expect(refuse).toThrow(expect.objectContaining({ code: 'meeting_too_large', status: 400 }));
    expect(refuse).toThrow(/vượt quá 180 KB/);
  });

  it('counts bytes of UTF-8, not characters', () => {
    // "ộ" takes three bytes: the cap in characters would let this through
    expect(() => requireStorableSize(meetingOfBytes(MAX_MEETING_BYTES + 3, 'ộ'))).toThrow(BadRequestError);
    expect(() => requireStorableSize(meetingOfBytes(MAX_MEETING_BYTES - 3, 'ộ'))).not.toThrow();
  });
});

describe('meetingSummary', () => {
  it('shows what lists show and nothing of the attendance or minutes', () => {
    const full = meeting({ attendance: { entries: [], recordedAt: 'x', recordedBy: person } });
    const listed = ['id', 'month', 'zoneId', 'zoneName', 'status', 'date', 'session', 'host', 'venue'] as const;

    expect(meetingSummary(full)).toStrictEqual(Object.fromEntries(listed.map((field) => [field, full[field]])));
  });

  it('shows the office’s date decision when there is one', () => {
    const dateDecision = {
      outsideWindow: true as const,
      reason: 'Khu 6 họp sau đợt tiêm phòng',
      by: person,
      at: '2027-02-10T02:00:00.000Z',
    };

    expect(meetingSummary(meeting({ dateDecision }))).toMatchObject({ dateDecision });
  });
});

describe('windowOfCycle', () => {
  it('is the window the month was opened with, or the default 5th to 10th for an older cycle or none', () => {
    const cycle = { month: '2027-02', zoneIds: ['khu-2'], openedAt: '2027-01-25T00:00:00.000Z', openedBy: 'opener' };

    expect(windowOfCycle({ ...cycle, window: { firstDay: 15, lastDay: 20, source: 'district' } })).toMatchObject({
      firstDay: 15,
      lastDay: 20,
    });
    expect(windowOfCycle(cycle)).toEqual(DEFAULT_MEETING_WINDOW);
    expect(windowOfCycle(undefined)).toEqual(DEFAULT_MEETING_WINDOW);
  });
});

describe('defaultVenue', () => {
  it('is the commune’s own hall when it has one, else its people’s committee hall', () => {
    expect(defaultVenue({ name: 'Xã Gia Tân', hall: 'Nhà văn hoá thôn Hạ' })).toBe('Nhà văn hoá thôn Hạ');
    expect(defaultVenue({ name: 'Xã Gia Tân' })).toBe('Hội trường UBND Xã Gia Tân');
  });
});

describe('checkAttendance messages', () => {
  const expected = [{ officialId: 'a', name: 'A' }];

  it('names the official and the rule in each problem', () => {
    const problems = checkAttendance(
      [
        { officialId: 'x', status: 'present' },
        { officialId: 'a', status: 'absent' },
        { officialId: 'a', status: 'delegated' },
        { officialId: 'x', status: 'present', delegateName: 'B' },
      ],
      expected,
    );

    expect(problems).toEqual([
      { path: '/entries/0/officialId', code: 'not_expected', message: 'Cán bộ "x" không có trong danh sách triệu tập' },
      { path: '/entries/1/reason', code: 'required', message: 'Vắng mặt cần ghi lý do' },
      { path: '/entries/2/officialId', code: 'duplicate', message: 'Cán bộ "a" được ghi hai lần' },
      { path: '/entries/2/delegateName', code: 'required', message: 'Cử người đi thay cần ghi tên người dự thay' },
      { path: '/entries/3/officialId', code: 'not_expected', message: 'Cán bộ "x" không có trong danh sách triệu tập' },
      { path: '/entries/3/delegateName', code: 'not_allowed', message: 'Chỉ ghi người dự thay khi cử người đi thay' },
    ]);
  });

  it('lets a reason accompany any status, and accepts an empty list', () => {
    expect(checkAttendance([{ officialId: 'a', status: 'present', reason: 'Đến muộn' }], expected)).toEqual([]);
    expect(checkAttendance([], expected)).toEqual([]);
  });
});

describe('agendaWindow', () => {
  const now = new Date('2027-03-06T02:00:00Z');

  it('takes the latest earlier close whatever the order, but none at or after its own end', () => {
    const closedAt = '2027-03-07T10:00:00.000Z';
    const earlier = [
      { closedAt: '2027-02-08T09:00:00.000Z' },
      { closedAt },
      { closedAt: '2027-01-07T09:00:00.000Z' },
      { closedAt: '2027-02-01T09:00:00.000Z' },
    ];

    expect(agendaWindow({ closedAt }, earlier, now)).toEqual({ since: '2027-02-08T09:00:00.000Z', until: closedAt });
  });

  it('ends now for an open meeting, and ignores earlier closes after now', () => {
    expect(agendaWindow({}, [{ closedAt: '2027-03-06T03:00:00.000Z' }], now)).toStrictEqual({
      until: now.toISOString(),
    });
  });
});

describe('meeting request schemas', () => {
  it('bounds attendance to 500 entries and requires a known status', () => {
    const entry = { officialId: 'a', status: 'present' };

    expect(attendanceBodySchema.safeParse({ entries: Array(500).fill(entry) }).success).toBe(true);
    expect(attendanceBodySchema.safeParse({ entries: Array(501).fill(entry) }).success).toBe(false);
    expect(attendanceBodySchema.safeParse({ entries: [{ ...entry, status: 'late' }] }).success).toBe(false);
    expect(attendanceBodySchema.safeParse({ entries: [{ ...entry, reason: 'x'.repeat(501) }] }).success).toBe(false);
    expect(attendanceBodySchema.safeParse({ entries: [{ ...entry, delegateName: 'x'.repeat(121) }] }).success).toBe(
      false,
    );
    expect(attendanceBodySchema.safeParse({ entries: [{ ...entry, extra: 1 }] }).success).toBe(false);
  });

  it('bounds the minutes: text to 50,000 characters, up to 100 decisions of 2,000', () => {
    const minutes = { text: 'x'.repeat(50_000), decisions: Array(100).fill('y'.repeat(2_000)) };

    expect(minutesBodySchema.safeParse(minutes).success).toBe(true);
    expect(minutesBodySchema.safeParse({ ...minutes, text: 'x'.repeat(50_001) }).success).toBe(false);
    expect(minutesBodySchema.safeParse({ ...minutes, decisions: Array(101).fill('y') }).success).toBe(false);
    expect(minutesBodySchema.safeParse({ ...minutes, decisions: ['y'.repeat(2_001)] }).success).toBe(false);
  });

  it('takes a reschedule to a date and session with a reason', () => {
    const body = { date: '2027-03-08', session: 'afternoon', reason: 'Trùng lịch' };

    expect(rescheduleBodySchema.safeParse(body).success).toBe(true);
    expect(rescheduleBodySchema.safeParse({ ...body, session: 'morning' }).success).toBe(true);
    expect(rescheduleBodySchema.safeParse({ ...body, session: 'evening' }).success).toBe(false);
    expect(rescheduleBodySchema.safeParse({ ...body, date: '8/3/2027' }).success).toBe(false);
    expect(rescheduleBodySchema.safeParse({ ...body, reason: 'x'.repeat(501) }).success).toBe(false);
  });

  it('bounds a cancellation’s reason and an amendment’s text and reason', () => {
    expect(cancelBodySchema.safeParse({ reason: 'x'.repeat(500) }).success).toBe(true);
    expect(cancelBodySchema.safeParse({ reason: 'x'.repeat(501) }).success).toBe(false);
    expect(amendmentBodySchema.safeParse({ text: 'x'.repeat(20_000), reason: 'y' }).success).toBe(true);
    expect(amendmentBodySchema.safeParse({ text: 'x'.repeat(20_001), reason: 'y' }).success).toBe(false);
    expect(amendmentBodySchema.safeParse({ text: 'x', reason: 'y'.repeat(501) }).success).toBe(false);
  });
});
