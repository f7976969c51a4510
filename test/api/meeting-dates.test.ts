/** Dates the office decides: a month's window before it opens, and meetings dated outside the window. */
import { beforeAll, describe, expect, it } from 'vitest';
import { useApi } from '../support/api';
import { seedSampleDistrict } from '../support/sample-district';

const api = useApi();
const OFFICE = 'van-phong-1';

interface Problem {
  code?: string;
  errors?: { path: string }[];
}
interface MeetingBody extends Problem {
  zoneId: string;
  status: string;
  date: string | null;
  session: string | null;
  dateDecision?: { outsideWindow: boolean; reason: string; by: { officialId: string }; at: string };
}
interface CycleBody {
  window?: { firstDay: number; lastDay: number; source: string };
  meetings: MeetingBody[];
}
interface AuditBody {
  items: { action: string; actor: string; reason?: string; after?: Record<string, unknown> }[];
}

const errorPaths = (body: Problem) => body.errors?.map((e) => e.path);
const etagOf = async (path: string) => (await api.request('GET', path, { as: OFFICE })).headers.get('etag') as string;

function putWindow(month: string, body: unknown, as = OFFICE, headers: Record<string, string> = {}) {
  return api.request<Problem & { firstDay: number; lastDay: number }>('PUT', `/cycles/${month}/window`, {
    as,
    body,
    headers,
  });
}

async function reschedule(meetingId: string, as: string, body: unknown) {
  const ifMatch = await etagOf(`/meetings/${meetingId}`);
  return api.request<MeetingBody>('POST', `/meetings/${meetingId}/reschedule`, {
    as,
    body,
    headers: { 'if-match': ifMatch },
  });
}

const cycleOf = (month: string) => api.request<CycleBody>('GET', `/cycles/${month}`, { as: OFFICE });
const open = (month: string) => api.request<CycleBody>('POST', `/cycles/${month}/open`, { as: OFFICE });

beforeAll(async () => {
  await seedSampleDistrict();
});

describe('a month’s window set by the office before the month opens', () => {
  it('is the office’s alone to set, with a reason and a window inside the month', async () => {
    const deputy = await putWindow('2027-04', { firstDay: 12, lastDay: 16, reason: 'Lễ hội' }, 'pho-khu-2');
    const noReason = await putWindow('2027-04', { firstDay: 12, lastDay: 16 });
    const backwards = await putWindow('2027-04', { firstDay: 16, lastDay: 12, reason: 'Lễ hội' });
    const pastTheEnd = await putWindow('2027-04', { firstDay: 31, lastDay: 31, reason: 'Lễ hội' });

    expect(deputy.status).toBe(403);
    expect([noReason.status, errorPaths(noReason.body)]).toEqual([400, ['/reason']]);
    expect([backwards.status, errorPaths(backwards.body)]).toEqual([400, ['/lastDay']]);
    expect([pastTheEnd.status, errorPaths(pastTheEnd.body)]).toEqual([400, ['/firstDay']]);
  });

  it('is created, then changed only with If-Match, each change audited', async () => {
    const created = await putWindow('2027-04', { firstDay: 12, lastDay: 14, reason: 'Trùng lễ hội đền' });
    const blind = await putWindow('2027-04', { firstDay: 12, lastDay: 16, reason: 'Trùng lễ hội đền' });
    const changed = await putWindow(
      '2027-04',
      { firstDay: 12, lastDay: 16, reason: 'Trùng lễ hội đền, thêm hai ngày' },
      OFFICE,
      { 'if-match': created.headers.get('etag') as string },
    );

    expect(created.status).toBe(201);
    expect(blind.status).toBe(428);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ month: '2027-04', firstDay: 12, lastDay: 16 });
    const audit = await api.request<AuditBody>('GET', '/audit?entity=month-window:2027-04', { as: OFFICE });
    expect(audit.body.items.map((e) => [e.action, e.actor])).toEqual([
      ['update', OFFICE],
      ['create', OFFICE],
    ]);
  });

  it('is honoured by the opener and shown on the cycle as the office’s', async () => {
    const opened = await open('2027-04');

    expect(opened.status).toBe(201);
    const cycle = await cycleOf('2027-04');
    expect(cycle.body.window).toEqual({ firstDay: 12, lastDay: 16, source: 'office' });
    // Monday 12 to Friday 16 April 2027, the 16th a holiday: four days for six zones.
    const dates = cycle.body.meetings.map((m) => m.date).sort();
    expect(dates).toEqual(['2027-04-12', '2027-04-12', '2027-04-13', '2027-04-13', '2027-04-14', '2027-04-15']);
  });

  it('is refused once the month is open (409), with or without If-Match', async () => {
    const ifMatch = await putWindow('2027-04', { firstDay: 19, lastDay: 23, reason: 'Đổi lịch' }, OFFICE, {
      'if-match': '"2"',
    });
    const first = await putWindow('2027-05', { firstDay: 10, lastDay: 10, reason: 'Hội nghị tỉnh' });
    await open('2027-05');
    const afterOpening = await putWindow('2027-05', { firstDay: 11, lastDay: 12, reason: 'Đổi lịch' }, OFFICE, {
      'if-match': first.headers.get('etag') as string,
    });

    expect([ifMatch.status, ifMatch.body.code]).toEqual([409, 'cycle_already_open']);
    expect([afterOpening.status, afterOpening.body.code]).toEqual([409, 'cycle_already_open']);
  });
});

describe('a meeting dated outside its month’s window, by the office’s decision', () => {
  beforeAll(async () => {
    await open('2027-02');
  });

  const MOVE = { date: '2027-02-22', session: 'morning', reason: 'Khu 3 họp sau đợt kiểm tra cuối năm' };
  const DECISION = 'Trưởng khu đi công tác suốt khung ngày sau Tết';

  it('is refused to the zone deputy, even with a reason (403)', async () => {
    const response = await reschedule('2027-02.khu-3', 'pho-khu-3', { ...MOVE, outsideWindowReason: DECISION });

    expect(response.status).toBe(403);
  });

  it('is refused to the office without a reason, naming the field (400)', async () => {
    const response = await reschedule('2027-02.khu-3', OFFICE, MOVE);

    expect([response.status, errorPaths(response.body)]).toEqual([400, ['/outsideWindowReason']]);
  });

  it('is refused on a day off even to the office with a reason (Saturday 20 February, inside the window)', async () => {
    const response = await reschedule('2027-02.khu-3', OFFICE, {
      ...MOVE,
      date: '2027-02-20',
      outsideWindowReason: DECISION,
    });

    expect([response.status, errorPaths(response.body)]).toEqual([400, ['/date']]);
  });

  it('is accepted from the office with a reason, kept as a decision and audited', async () => {
    const response = await reschedule('2027-02.khu-3', OFFICE, { ...MOVE, outsideWindowReason: DECISION });

    expect(response.status).toBe(200);
    expect([response.body.date, response.body.session]).toEqual(['2027-02-22', 'morning']);
    expect(response.body.dateDecision).toMatchObject({
      outsideWindow: true,
      reason: DECISION,
      by: { officialId: OFFICE },
    });
    const audit = await api.request<AuditBody>('GET', '/audit?entity=meeting:2027-02.khu-3', { as: OFFICE });
    expect(audit.body.items[0]).toMatchObject({
      action: 'reschedule',
      actor: OFFICE,
      reason: MOVE.reason,
      after: { date: '2027-02-22', dateDecision: { reason: DECISION } },
    });
  });

  it('shows the decision on the cycle and the agenda, and only on that meeting', async () => {
    const cycle = await cycleOf('2027-02');
    const agenda = await api.request<MeetingBody>('GET', '/meetings/2027-02.khu-3/agenda', { as: 'pho-khu-3' });

    expect(cycle.body.window).toEqual({ firstDay: 15, lastDay: 20, source: 'district' });
    const decided = cycle.body.meetings.filter((m) => m.dateDecision !== undefined);
    expect(decided.map((m) => [m.zoneId, m.date, m.dateDecision?.reason])).toEqual([['khu-3', '2027-02-22', DECISION]]);
    expect(agenda.body).toMatchObject({ date: '2027-02-22', session: 'morning', dateDecision: { reason: DECISION } });
  });

  it('is cleared when the meeting moves back inside the window, where a decision’s reason is refused', async () => {
    const cycle = await cycleOf('2027-02');
    const taken = new Set(cycle.body.meetings.map((m) => `${m.date} ${m.session}`));
    const free = ['2027-02-15', '2027-02-16', '2027-02-17', '2027-02-18', '2027-02-19']
      .flatMap((date) => ['morning', 'afternoon'].map((session) => ({ date, session })))
      .find((slot) => !taken.has(`${slot.date} ${slot.session}`));
    const back = { ...free, reason: 'Trưởng khu về sớm' };

    const withReason = await reschedule('2027-02.khu-3', 'pho-khu-3', { ...back, outsideWindowReason: DECISION });
    const moved = await reschedule('2027-02.khu-3', 'pho-khu-3', back);

    expect([withReason.status, errorPaths(withReason.body)]).toEqual([400, ['/outsideWindowReason']]);
    expect(moved.status).toBe(200);
    expect(moved.body.date).toBe(free?.date);
    expect(moved.body.dateDecision).toBeUndefined();
  });

  it('lets the office date a meeting the window could not hold', async () => {
    // May 2027's window (set above) is Monday the 10th alone: two zones fit, four wait for a date.
    const waiting = (await cycleOf('2027-05')).body.meetings.filter((m) => m.status === 'needs-date');
    expect(waiting).toHaveLength(4);
    const meetingId = `2027-05.${waiting[0]?.zoneId}`;

    const dated = await reschedule(meetingId, OFFICE, {
      date: '2027-05-11',
      session: 'morning',
      reason: 'Xếp ngày cho khu chưa có lịch',
      outsideWindowReason: 'Khung tháng 5 chỉ còn một ngày làm việc',
    });

    expect(dated.status).toBe(200);
    expect(dated.body).toMatchObject({
      status: 'scheduled',
      date: '2027-05-11',
      dateDecision: { reason: 'Khung tháng 5 chỉ còn một ngày làm việc' },
    });
  });
});
