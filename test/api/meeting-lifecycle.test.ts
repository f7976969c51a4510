import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MEETING_WINDOW, districtCalendarOf } from '../../shared/domain/cycle/meeting-calendar';
import { workingDaysInWindow } from '../../shared/domain/cycle/meeting-dates';
import { useApi } from '../support/api';
import { readSampleConfig, seedSampleDistrict } from '../support/sample-district';

const api = useApi();
const config = readSampleConfig();

const MONTH = '2027-03';
const MEETING = `/meetings/${MONTH}.khu-2`;
const DEPUTY = 'pho-khu-2';
const OWN_CELL_SECRETARY = 'bi-thu-cb-gia-tan-thon-ha';
const OTHER_CELL_SECRETARY = 'bi-thu-cb-thi-tran-gia-loc-khu-dan-cu-1';

interface MeetingBody {
  status: string;
  date: string | null;
  session: string | null;
  expectedAttendees: { officialId: string }[];
  attendance: { entries: unknown[] } | null;
  minutes: { text: string; decisions: string[] } | null;
  amendments: { number: number; text: string; reason: string }[];
}

async function etagOf(path: string): Promise<string> {
  const response = await api.request('GET', path, { as: 'van-phong-1' });
  return response.headers.get('etag') as string;
}

const meetingOf = (zoneId: string) => `/meetings/${MONTH}.${zoneId}`;

/** Takes `action` on the zone's meeting of the month with the meeting's current ETag. */
async function send(method: string, zoneId: string, action: string, as: string, body?: unknown) {
  const ifMatch = await etagOf(meetingOf(zoneId));
  return api.request<MeetingBody & { code?: string; errors?: { path: string }[] }>(
    method,
    `${meetingOf(zoneId)}/${action}`,
    { as, body, headers: { 'if-match': ifMatch } },
  );
}

describe('a meeting from opening to its closed, amended minutes', () => {
  beforeAll(async () => {
    await seedSampleDistrict();
  });

  it('opens the month by hand for the office, and finds it open the second time', async () => {
    const first = await api.request<{ created: boolean; meetings: unknown[] }>('POST', `/cycles/${MONTH}/open`, {
      as: 'van-phong-1',
    });
    const second = await api.request<{ created: boolean; meetings: unknown[] }>('POST', `/cycles/${MONTH}/open`, {
      as: 'van-phong-1',
    });

    expect(first.status).toBe(201);
    expect(first.body.meetings).toHaveLength(config.zones.length);
    expect(second.status).toBe(200);
    expect(second.body.created).toBe(false);
  });

  it('refuses an update without If-Match (428) or with a stale ETag (412)', async () => {
    const missing = await api.request('POST', `${MEETING}/hold`, { as: DEPUTY });
    const stale = await api.request('POST', `${MEETING}/hold`, { as: DEPUTY, headers: { 'if-match': '"99"' } });

    expect(missing.status).toBe(428);
    expect(stale.status).toBe(412);
  });

  it('lets the zone deputy mark the meeting held, with a new ETag', async () => {
    const before = await etagOf(MEETING);

    const response = await send('POST', 'khu-2', 'hold', DEPUTY);

    expect(response.status).toBe(200);
    expect(response.body.status).toBe('held');
    expect(response.headers.get('etag')).not.toBe(before);
    expect(response.headers.get('etag')).toBe(await etagOf(MEETING));
  });

  it('refuses attendance naming an official who was not called, or an absence without reason', async () => {
    const response = await send('PUT', 'khu-2', 'attendance', DEPUTY, {
      entries: [
        { officialId: 'bi-thu-phuong-hung', status: 'present' },
        { officialId: OWN_CELL_SECRETARY, status: 'absent' },
      ],
    });

    expect(response.status).toBe(400);
    expect(response.body.errors?.map((e) => e.path)).toEqual(['/entries/0/officialId', '/entries/1/reason']);
  });

  it('records attendance against the expected list', async () => {
    const meeting = await api.request<MeetingBody>('GET', MEETING, { as: DEPUTY });
    const [first, second, third] = meeting.body.expectedAttendees;
    const entries = [
      { officialId: first?.officialId, status: 'present' },
      { officialId: second?.officialId, status: 'absent', reason: 'Đi công tác' },
      { officialId: third?.officialId, status: 'delegated', delegateName: 'Phạm Văn Thay' },
    ];

    const response = await send('PUT', 'khu-2', 'attendance', DEPUTY, { entries });

    expect(response.status).toBe(200);
    expect(response.body.attendance?.entries).toEqual(entries);
  });

  it('records the minutes', async () => {
    const response = await send('PUT', 'khu-2', 'minutes', DEPUTY, {
      text: 'Hội nghị giao ban tháng 3 khu 2.',
      decisions: ['Giao xã Gia Tân nạo vét kênh T3 trước 30/3.'],
    });

    expect(response.status).toBe(200);
    expect(response.body.minutes?.decisions).toEqual(['Giao xã Gia Tân nạo vét kênh T3 trước 30/3.']);
  });

  it('lets the zone’s cell secretary read the meeting and its agenda but not close it', async () => {
    const meeting = await api.request('GET', MEETING, { as: OWN_CELL_SECRETARY });
    const agenda = await api.request('GET', `${MEETING}/agenda`, { as: OWN_CELL_SECRETARY });
    const close = await send('POST', 'khu-2', 'close', OWN_CELL_SECRETARY);

    expect(meeting.status).toBe(200);
    expect(agenda.status).toBe(200);
    expect(close.status).toBe(403);
  });

  it('hides the meeting from a cell secretary of another zone', async () => {
    const response = await api.request('GET', MEETING, { as: OTHER_CELL_SECRETARY });

    expect(response.status).toBe(403);
  });

  it('closes the meeting, after which its minutes and attendance are locked', async () => {
    const close = await send('POST', 'khu-2', 'close', DEPUTY);
    const minutes = await send('PUT', 'khu-2', 'minutes', DEPUTY, { text: 'Sửa lại', decisions: [] });
    const attendance = await send('PUT', 'khu-2', 'attendance', DEPUTY, { entries: [] });

    expect(close.status).toBe(200);
    expect(close.body.status).toBe('closed');
    expect([minutes.status, minutes.body.code]).toEqual([409, 'meeting_closed']);
    expect([attendance.status, attendance.body.code]).toEqual([409, 'meeting_closed']);
  });

  it('takes an amendment from the zone deputy, shown after the untouched minutes and audited with its reason', async () => {
    const amendment = { text: 'Sửa thời hạn nạo vét kênh T3 thành 15/4.', reason: 'Ghi nhầm thời hạn' };

    const response = await send('POST', 'khu-2', 'amendments', DEPUTY, amendment);

    expect(response.status).toBe(201);
    const meeting = await api.request<MeetingBody>('GET', MEETING, { as: OWN_CELL_SECRETARY });
    expect(meeting.body.minutes?.text).toBe('Hội nghị giao ban tháng 3 khu 2.');
    expect(meeting.body.amendments.map(({ number, text, reason }) => ({ number, text, reason }))).toEqual([
      { number: 1, ...amendment },
    ]);
    const audit = await api.request<{ items: { action: string; reason?: string; actor: string }[] }>(
      'GET',
      `/audit?entity=meeting:${MONTH}.khu-2`,
      { as: 'van-phong-1' },
    );
    expect(audit.status).toBe(200);
    expect(audit.body.items.find((e) => e.action === 'amend')).toMatchObject({
      reason: amendment.reason,
      actor: DEPUTY,
    });
    expect(audit.body.items.map((e) => e.action).sort()).toEqual(
      ['amend', 'close', 'create', 'hold', 'record-attendance', 'write-minutes'].sort(),
    );
  });

  it('keeps amendments in the order they were made', async () => {
    await send('POST', 'khu-2', 'amendments', 'van-phong-1', { text: 'Bổ sung đại biểu dự.', reason: 'Thiếu tên' });

    const meeting = await api.request<MeetingBody>('GET', MEETING, { as: DEPUTY });

    expect(meeting.body.amendments.map((a) => a.number)).toEqual([1, 2]);
  });
});

describe('rescheduling and cancelling', () => {
  it('refuses a slot another zone’s meeting holds that month (409 slot_taken)', async () => {
    const khu1 = await api.request<MeetingBody>('GET', meetingOf('khu-1'), { as: 'van-phong-1' });

    const response = await send('POST', 'khu-3', 'reschedule', 'pho-khu-3', {
      date: khu1.body.date,
      session: khu1.body.session,
      reason: 'Trùng lịch tiếp dân',
    });

    expect([response.status, response.body.code]).toEqual([409, 'slot_taken']);
  });

  it('refuses the zone deputy a working day outside the window (403), and anyone a day off (400)', async () => {
    const outside = await send('POST', 'khu-3', 'reschedule', 'pho-khu-3', {
      date: `${MONTH}-12`,
      session: 'morning',
      reason: 'Trùng lịch tiếp dân',
    });
    const sunday = await send('POST', 'khu-3', 'reschedule', 'van-phong-1', {
      date: `${MONTH}-07`,
      session: 'morning',
      reason: 'Trùng lịch tiếp dân',
    });

    expect(outside.status).toBe(403);
    expect([sunday.status, sunday.body.errors?.map((e) => e.path)]).toEqual([400, ['/date']]);
  });

  it('moves the meeting to a free slot for the zone deputy, who must give a reason', async () => {
    const cycle = await api.request<{ meetings: { date: string; session: string }[] }>('GET', `/cycles/${MONTH}`, {
      as: 'van-phong-1',
    });
    const used = new Set(cycle.body.meetings.map((m) => `${m.date} ${m.session}`));
    const free = workingDaysInWindow(MONTH, districtCalendarOf(config.calendar), DEFAULT_MEETING_WINDOW)
      .flatMap((date) => ['morning', 'afternoon'].map((session) => ({ date, session })))
      .find((slot) => !used.has(`${slot.date} ${slot.session}`));

    const noReason = await send('POST', 'khu-3', 'reschedule', 'pho-khu-3', { ...free });
    const moved = await send('POST', 'khu-3', 'reschedule', 'pho-khu-3', { ...free, reason: 'Trùng lịch tiếp dân' });

    expect(noReason.status).toBe(400);
    expect(moved.status).toBe(200);
    expect([moved.body.date, moved.body.session]).toEqual([free?.date, free?.session]);
  });

  it('lets the office cancel a meeting with a reason, after which it cannot be held', async () => {
    const cancelled = await send('POST', 'khu-4', 'cancel', 'van-phong-1', { reason: 'Bão số 3' });
    const hold = await send('POST', 'khu-4', 'hold', 'pho-khu-4');

    expect(cancelled.body.status).toBe('cancelled');
    expect([hold.status, hold.body.code]).toEqual([409, 'invalid_transition']);
  });

  it('does not let a zone deputy cancel', async () => {
    const response = await send('POST', 'khu-5', 'cancel', 'pho-khu-5', { reason: 'Bão số 3' });

    expect(response.status).toBe(403);
  });
});

describe('a meeting record near the table’s item size limit', () => {
  const writeMinutes = (body: unknown) => send('PUT', 'khu-6', 'minutes', 'pho-khu-6', body);

  it('takes long minutes in plain text, and takes them again', async () => {
    const minutes = { text: 'a'.repeat(50_000), decisions: Array.from({ length: 100 }, () => 'b'.repeat(500)) };

    const first = await writeMinutes(minutes);
    const second = await writeMinutes(minutes);

    expect([first.status, second.status]).toEqual([200, 200]);
  });

  it('refuses (400, not 5xx) minutes too large to keep with the audit record of their change', async () => {
    // 'ệ' takes three bytes: about 240 KB, under the body limit, yet a meeting that large and its
    // audit record (the meeting before and after the change) cannot fit DynamoDB's 400 KB items.
    const large = { text: 'ệ'.repeat(50_000), decisions: Array.from({ length: 30 }, () => 'ệ'.repeat(1_000)) };

    const first = await writeMinutes(large);
    const second = await writeMinutes(large);

    expect([first.status, first.body.code]).toEqual([400, 'meeting_too_large']);
    expect([second.status, second.body.code]).toEqual([400, 'meeting_too_large']);
    const meeting = await api.request<MeetingBody>('GET', meetingOf('khu-6'), { as: 'pho-khu-6' });
    expect(meeting.body.minutes?.text).toBe('a'.repeat(50_000));
  });
});
