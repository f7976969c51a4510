/** A cell's report from its first draft to its submission, and every refusal on the way, through HTTP. */
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/db/keys';
import { getItem, queryAll } from '../../shared/db/store';
import { type ApiResponse, useApi } from '../support/api';
import { itemsRead, recordDynamoCalls } from '../support/dynamodb-calls';
import { expectProblem } from '../support/problem';
import { seedSampleDistrict } from '../support/sample-district';

const api = useApi();

const MONTH = '2027-03';
const MEETING = `${MONTH}.khu-2`;
const CELL = 'gia-tan-thon-ha';
const SECRETARY = 'bi-thu-cb-gia-tan-thon-ha';
const NEIGHBOUR_SECRETARY = 'bi-thu-cb-gia-tan-thon-my-xa';
const OFFICE = 'van-phong-1';
const REPORT = `/meetings/${MEETING}/reports/${CELL}`;

/** A report specific enough to submit. */
const report = {
  situation:
    'Chi bộ có 42 đảng viên, sinh hoạt đủ 1 kỳ; thôn Hạ thu hoạch xong 65 ha lúa xuân, năng suất 62 tạ/ha, 3 hộ còn vi phạm hành lang kênh T3.',
  nextMonthTasks: 'Vận động 12 hộ ven kênh T3 tháo dỡ lều quán trước ngày 30/4; tổ chức ra quân làm sạch đường làng.',
  followThrough: {
    heldOn: '2027-02-20',
    passedOn: 'Đã quán triệt kết luận về phòng chống dịch tả lợn châu Phi tới 4 tổ đảng và trưởng thôn.',
  },
  proposals: [
    {
      field: 'industry-infrastructure',
      title: 'Nâng cấp đường làng thôn Hạ',
      content:
        'Tuyến đường làng từ cổng làng đến nghĩa trang dài 800 m xuống cấp, ổ gà sâu, đề nghị xã đưa vào kế hoạch cứng hoá năm 2027.',
      place: 'Thôn Hạ',
      addressee: { kind: 'commune' },
    },
  ],
};

type ReportBody = Record<string, unknown> & {
  status: string;
  problems: { path: string; code: string }[];
  agreement: unknown;
};

const agreement = { agreedOn: '2026-11-20', membersPresent: 5, membersTotal: 5, presidedBy: 'Nguyễn Trọng Quyết' };

async function etag(path = REPORT): Promise<string> {
  return (await api.request('GET', path, { as: OFFICE })).headers.get('etag') as string;
}

async function act(method: string, action: string, as: string, body?: unknown, path = REPORT) {
  return api.request<ReportBody>(method, action ? `${path}/${action}` : path, {
    as,
    body,
    headers: { 'if-match': await etag(path) },
  });
}

/** The stored report item and its audit records, to prove a refusal changed nothing. */
async function stored(cellId = CELL) {
  const item = await getItem(keys.report(MONTH, 'khu-2', cellId));
  const audit = await queryAll({ partition: keys.auditPartition('report', `${MEETING}.${cellId}`) });
  return { item, audit: audit.length };
}

async function expectUnchangedBy(request: () => Promise<ApiResponse>, status: number, code: string) {
  const before = await stored();
  const response = await request();
  expectProblem(response, status, code);
  expect(await stored()).toEqual(before);
  return response;
}

beforeAll(async () => {
  await seedSampleDistrict();
  const opened = await api.request('POST', `/cycles/${MONTH}/open`, { as: OFFICE });
  expect(opened.status).toBe(201);
});

describe('a cell secretary’s report', () => {
  it('starts as a draft, which may be incomplete and says what is missing', async () => {
    const response = await api.request<ReportBody>('PUT', REPORT, {
      as: SECRETARY,
      body: { situation: 'Bình thường.', proposals: [{ title: 'Nâng cấp đường làng thôn Hạ' }] },
    });

    expect(response.status).toBe(201);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.body.status).toBe('draft');
    expect(response.body.problems.map((p) => `${p.path} ${p.code}`)).toEqual([
      '/situation vague',
      '/nextMonthTasks required',
      '/followThrough/heldOn required',
      '/followThrough/passedOn required',
      '/proposals/0/field required',
      '/proposals/0/content required',
      '/proposals/0/place required',
      '/proposals/0/addressee required',
    ]);
  });

  it('is replaced only with If-Match, once written', async () => {
    const missing = await api.request('PUT', REPORT, { as: SECRETARY, body: report });
    const stale = await api.request('PUT', REPORT, { as: SECRETARY, body: report, headers: { 'if-match': '"9"' } });

    expectProblem(missing, 428, 'if_match_required');
    expectProblem(stale, 412, 'etag_mismatch');
  });

  it('refuses submission of a draft without the committee’s agreement, changing nothing', async () => {
    await expectUnchangedBy(() => act('POST', 'submit', SECRETARY), 409, 'agreement_required');
  });

  it('refuses, at submission, a vague section and a proposal without field, place or addressee, naming each', async () => {
    const vague = {
      ...report,
      nextMonthTasks: 'Ổn định, như tháng trước.',
      proposals: [{ title: 'Nâng cấp đường làng thôn Hạ', content: report.proposals[0]?.content }],
    };
    expect((await act('PUT', '', SECRETARY, vague)).status).toBe(200);
    expect((await act('POST', 'agreement', SECRETARY, agreement)).status).toBe(200);

    const response = await expectUnchangedBy(() => act('POST', 'submit', SECRETARY), 400, 'validation_failed');

    expect((response.body.errors as { path: string; code: string }[]).map((e) => `${e.path} ${e.code}`)).toEqual([
      '/nextMonthTasks vague',
      '/proposals/0/field required',
      '/proposals/0/place required',
      '/proposals/0/addressee required',
    ]);
  });

  it('returns an agreed report to draft when it changes, so the committee agrees again', async () => {
    const changed = await act('PUT', '', SECRETARY, report);

    expect(changed.status).toBe(200);
    expect([changed.body.status, changed.body.agreement, changed.body.problems]).toEqual(['draft', null, []]);
  });

  it('refuses an agreement with more members present than the committee has, or on a day to come', async () => {
    const response = await expectUnchangedBy(
      () => act('POST', 'agreement', SECRETARY, { ...agreement, agreedOn: '2099-01-01', membersPresent: 6 }),
      400,
      'validation_failed',
    );

    expect((response.body.errors as { path: string }[]).map((e) => e.path)).toEqual(['/agreedOn', '/membersPresent']);
  });

  it('is submitted once agreed, and then locked for its cell', async () => {
    const agreed = await act('POST', 'agreement', SECRETARY, agreement);
    const submitted = await act('POST', 'submit', SECRETARY);

    expect(agreed.body.agreement).toMatchObject(agreement);
    expect([submitted.status, submitted.body.status]).toEqual([200, 'submitted']);
    expect(submitted.body.proposals).toEqual([
      { ...report.proposals[0], fieldLabel: expect.stringContaining('hạ tầng') },
    ]);
    await expectUnchangedBy(() => act('PUT', '', SECRETARY, report), 409, 'report_submitted');
  });

  it('is reopened by the office with a reason, audited, and submitted again', async () => {
    const reopened = await act('POST', 'reopen', OFFICE, { reason: 'Chi bộ xin bổ sung kiến nghị' });
    await act('POST', 'agreement', SECRETARY, agreement);
    const again = await act('POST', 'submit', SECRETARY);

    expect([reopened.status, reopened.body.status, reopened.body.agreement]).toEqual([200, 'draft', null]);
    expect(again.body.status).toBe('submitted');
    const audit = await api.request<{ items: { action: string; reason?: string; actor: string }[] }>(
      'GET',
      `/audit?entity=report:${MEETING}.${CELL}`,
      { as: OFFICE },
    );
    expect(audit.body.items.find((entry) => entry.action === 'reopen')).toMatchObject({
      actor: OFFICE,
      reason: 'Chi bộ xin bổ sung kiến nghị',
    });
  });
});

describe('withdrawing a proposal of a submitted report', () => {
  it('is refused to the secretary of another cell (403) and for a proposal the report lacks (404)', async () => {
    expectProblem(await act('POST', 'proposals/1/withdraw', NEIGHBOUR_SECRETARY, { reason: 'Thử' }), 403, 'forbidden');
    await expectUnchangedBy(
      () => act('POST', 'proposals/9/withdraw', SECRETARY, { reason: 'Thử' }),
      404,
      'report_proposal_not_found',
    );
  });

  it('marks it withdrawn with the reason, audited, once', async () => {
    const withdrawn = await act('POST', 'proposals/1/withdraw', SECRETARY, { reason: 'Xã đã bố trí vốn' });

    expect([withdrawn.status, withdrawn.body.status]).toEqual([200, 'submitted']);
    expect((withdrawn.body.proposals as { withdrawal?: { reason: string } }[])[0]?.withdrawal).toMatchObject({
      reason: 'Xã đã bố trí vốn',
      by: { officialId: SECRETARY },
    });
    await expectUnchangedBy(
      () => act('POST', 'proposals/1/withdraw', SECRETARY, { reason: 'Lần nữa' }),
      409,
      'proposal_withdrawn',
    );
  });
});

describe('who may write and read a report', () => {
  it('refuses the secretary of another cell (403) and a cell the meeting does not expect (404)', async () => {
    const other = await api.request('PUT', REPORT, { as: NEIGHBOUR_SECRETARY, body: report });
    const elsewhere = await api.request('PUT', `/meetings/${MONTH}.khu-1/reports/${CELL}`, {
      as: SECRETARY,
      body: report,
    });

    expectProblem(other, 403, 'forbidden');
    expectProblem(elsewhere, 404, 'cell_not_in_meeting');
  });

  it('lists every cell of the zone with its report’s state, and the agenda shows the same', async () => {
    const draft = await api.request('PUT', `/meetings/${MEETING}/reports/gia-tan-thon-my-xa`, {
      as: NEIGHBOUR_SECRETARY,
      body: { situation: report.situation },
    });
    const list = await api.request<{ items: { cellId: string; status: string }[] }>(
      'GET',
      `/meetings/${MEETING}/reports`,
      { as: 'bi-thu-gia-tan' },
    );
    const agenda = await api.request<{ reports: { cellId: string; status: string }[] }>(
      'GET',
      `/meetings/${MEETING}/agenda`,
      { as: SECRETARY },
    );

    expect(draft.status).toBe(201);
    expect(list.body.items).toHaveLength(13);
    const states = Object.fromEntries(list.body.items.map((item) => [item.cellId, item.status]));
    expect(states).toMatchObject({
      [CELL]: 'submitted',
      'gia-tan-thon-my-xa': 'draft',
      'lien-hong-thon-nam': 'missing',
    });
    expect(agenda.body.reports).toEqual(list.body.items);
  });

  it('lists them in one round of reads that leaves the meeting record, attendance and minutes unread', async () => {
    await api.request('GET', '/me', { as: 'bi-thu-gia-tan' });
    const calls = recordDynamoCalls();

    const list = await api.request('GET', `/meetings/${MEETING}/reports`, { as: 'bi-thu-gia-tan' });
    const missing = await api.request('GET', `/meetings/${MONTH}.khu-khong-co/reports`, { as: OFFICE });

    expect(list.status).toBe(200);
    expectProblem(missing, 404, 'meeting_not_found');
    const sortKeys = calls.flatMap(itemsRead).map((item) => item.SK);
    expect(sortKeys).toContain(keys.meetingPart(MONTH, 'khu-2', 'roster').SK);
    expect(sortKeys).not.toContain(keys.meeting(MONTH, 'khu-2').SK);
    expect(sortKeys).not.toContain(keys.meetingPart(MONTH, 'khu-2', 'minutes').SK);
  });

  it('refuses a report to the zone’s members of another zone', async () => {
    const response = await api.request('GET', REPORT, { as: 'bi-thu-cb-thi-tran-gia-loc-khu-dan-cu-1' });

    expectProblem(response, 403, 'forbidden');
  });
});

describe('once the meeting is held', () => {
  it('refuses every change to its reports (409 meeting_held), changing nothing', async () => {
    const hold = await api.request('POST', `/meetings/${MEETING}/hold`, {
      as: 'pho-khu-2',
      headers: { 'if-match': await etag(`/meetings/${MEETING}`) },
    });
    expect(hold.status).toBe(200);

    await expectUnchangedBy(() => act('POST', 'reopen', OFFICE, { reason: 'Muộn' }), 409, 'meeting_held');
    const late = `/meetings/${MEETING}/reports/gia-tan-thon-my-xa`;
    expectProblem(await act('POST', 'agreement', NEIGHBOUR_SECRETARY, agreement, late), 409, 'meeting_held');
  });

  it('takes the deputy’s floor proposals, as specific as a report’s and for a cell of the zone', async () => {
    const path = `/meetings/${MEETING}/floor-proposals`;
    const add = async (as: string, body: unknown) =>
      api.request<{ errors?: { path: string; code: string }[]; n?: number }>('POST', path, {
        as,
        body,
        headers: { 'if-match': await etag(`/meetings/${MEETING}`) },
      });
    const proposal = { ...report.proposals[0], cellId: CELL };

    const vague = await add('pho-khu-2', {
      ...proposal,
      cellId: 'thi-tran-gia-loc-khu-dan-cu-1',
      content: 'Bình thường',
    });
    const bySecretary = await add(SECRETARY, proposal);
    const added = await add('pho-khu-2', proposal);

    expect([vague.status, vague.body.errors?.map((e) => `${e.path} ${e.code}`)]).toEqual([
      400,
      ['/cellId unknown_reference', '/content vague'],
    ]);
    expectProblem(bySecretary, 403, 'forbidden');
    expect([added.status, added.body.n]).toEqual([201, 1]);
    const list = await api.request<{ floorProposals: { cellId: string; title: string }[] }>(
      'GET',
      `/meetings/${MEETING}/reports`,
      { as: SECRETARY },
    );
    expect(list.body.floorProposals).toEqual([expect.objectContaining({ cellId: CELL, title: proposal.title })]);
  });
});
