/**
 * Issue 8's must-show walk through HTTP. A district-level proposal: raised → district → assigned to
 * two departments → one answers, is returned, answers again and is accepted; the other gives a
 * holding answer, then a substantive one, accepted → draft response → issued → on next month's
 * agenda → that meeting closes → announced → the cell confirms "not solved" → reopened → answered,
 * accepted, announced → confirmed solved → closed, its history holding every step and text. Beside
 * it, commune-level proposals: one reported in time, on the next agenda and announced at its close;
 * one without a result, overdue and in GET /overdue. And an issued response changes for nobody.
 * After the walk the statistics' counters, moved by every step (the close's announcements too),
 * equal a full recount of the records.
 */
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOCX_MEDIA } from '../../functions/answers/document-media';
import type { ResponseSummary } from '../../shared/domain/responses/response-summary';
import { useApi } from '../support/api';
import { recordDynamoCalls } from '../support/dynamodb-calls';
import { expectProblem } from '../support/problem';
import { floorProposal, proposalSteps } from '../support/proposal-steps';
import { seedSampleDistrict } from '../support/sample-district';

const api = useApi();
const { post, step, raiseFromFloor } = proposalSteps(api);

const OFFICE = 'van-phong-1';
const BOARD = 'bi-thu';
const DEPUTY = 'pho-khu-2';
const ZONE_HEAD = 'truong-khu-2';
const SECRETARY = 'bi-thu-cb-gia-tan-thon-ha';
const CHAIR = 'chu-tich-gia-tan';
const COMMUNE_SECRETARY = 'bi-thu-gia-tan';
const TNMT = 'can-bo-phong-tnmt';
const KTHT = 'can-bo-phong-kt-ht';
const CELL = 'gia-tan-thon-ha';

interface Proposal {
  id: string;
  number: string;
  status: string;
  level: string;
  overdue: boolean;
  overdueSince?: string;
  reopenCount?: number;
  responseId?: string;
  announced?: { meetingId: string };
  assignments?: { departmentId: string; status: string; rounds: number }[];
  history: { action: string; from: string | null; to: string; note?: string }[];
  answers: { id: string; text: string; round: number; review?: { decision: string } }[];
  results: { outcome: string; text: string }[];
}
interface ResponseDocument {
  id: string;
  status: string;
  documentNumber?: string;
  title: string;
  issuedAt?: string;
  placeAndDate: string;
  zones: {
    zoneId: string;
    fields: {
      field: string;
      entries: { proposalId: string; number: string; title: string; answers: { text: string }[] }[];
    }[];
  }[];
  announcements: { zoneId: string; meetingId: string }[];
}

const TEXTS = {
  tnmt1: 'Phòng TN&MT sẽ kiểm tra hiện trạng kênh T3 và báo cáo UBND huyện.',
  returned: 'Trả lời chưa nêu thời gian, khối lượng và kinh phí nạo vét.',
  tnmt2: 'Phòng TN&MT phối hợp UBND xã Gia Tân nạo vét 1,2 km kênh T3 trước ngày 30/4/2027 bằng nguồn thuỷ lợi phí.',
  holding: 'Phòng KT&HT đang khảo sát cống đầu kênh, sẽ trả lời chính thức trước ngày 20/3/2027.',
  ktht1: 'Phòng KT&HT bố trí 120 triệu đồng sửa cống đầu kênh T3 trong quý II năm 2027.',
  notSolved: 'Đến ngày giao ban kênh T3 mới nạo vét 300 m, đoạn qua cánh đồng Mả Tre vẫn bồi lắng.',
  tnmt3: 'Phòng TN&MT đã bổ sung kinh phí, nạo vét xong 900 m còn lại trước ngày 15/5/2027.',
  ktht2: 'Phòng KT&HT đã nghiệm thu cống đầu kênh T3 ngày 10/5/2027.',
  solved: 'Kênh T3 đã thông, 65 ha lúa mùa của thôn Hạ đủ nước.',
  result: 'UBND xã đã vá 200 m ổ gà đường trục thôn Hạ bằng bê tông.',
  escalated: 'Cầu qua kênh T3 thuộc tuyến đường huyện, vượt thẩm quyền của xã.',
};

let CANAL: string;
let ROAD: string;
let LAMP: string;
let BRIDGE: string;
let firstResponse: ResponseDocument;

const read = (id: string, as = OFFICE) => api.request<Proposal>('GET', `/proposals/${id}`, { as });
const review = (id: string, answerId: string, as: string, body: unknown) =>
  post<Proposal>(`/proposals/${id}/answers/${answerId}/review`, as, body, `/proposals/${id}`);
const agenda = (meetingId: string) =>
  api.request<{ sections: Record<string, Record<string, unknown>[]> }>('GET', `/meetings/${meetingId}/agenda`, {
    as: ZONE_HEAD,
  });

/** Compiles the month's response and issues it under `documentNumber`; the issued document. */
/** The responses `as` sees listed, newest first. */
async function listed(as: string, query = ''): Promise<ResponseSummary[]> {
  const page = await api.request<{ items: ResponseSummary[] }>('GET', `/responses${query}`, { as });
  expect(page.status).toBe(200);
  return page.body.items;
}

async function compileAndIssue(month: string, documentNumber: string, date: string): Promise<ResponseDocument> {
  const draft = await api.request<ResponseDocument>('POST', '/responses', { as: OFFICE, body: { month } });
  expect([draft.status, draft.body.status]).toEqual([201, 'draft']);
  const signer = { name: 'Đoàn Minh Định', title: 'Bí thư' };
  const issued = await post<ResponseDocument>(
    `/responses/${draft.body.id}/issue`,
    BOARD,
    { documentNumber, date, signer },
    `/responses/${draft.body.id}`,
  );
  expect([issued.status, issued.body.status, issued.body.documentNumber]).toEqual([200, 'issued', documentNumber]);
  return issued.body;
}

beforeAll(async () => {
  await seedSampleDistrict();
  for (const month of ['2027-03', '2027-04', '2027-05']) {
    expect((await api.request('POST', `/cycles/${month}/open`, { as: OFFICE })).status).toBe(201);
  }
  [CANAL, ROAD, LAMP, BRIDGE] = (await raiseFromFloor('2027-03.khu-2', DEPUTY, [
    floorProposal(CELL, 'Nạo vét kênh tưới T3', { kind: 'district' }),
    floorProposal(CELL, 'Vá ổ gà đường trục thôn Hạ', { kind: 'commune' }, 'industry-infrastructure'),
    floorProposal(CELL, 'Lắp đèn đường ngõ xóm Đông', { kind: 'commune' }, 'security-defence'),
    floorProposal(CELL, 'Sửa cầu qua kênh T3', { kind: 'commune' }, 'industry-infrastructure'),
  ])) as [string, string, string, string];
  expect((await step(CANAL, 'route', DEPUTY, { level: 'district' })).status).toBe(200);
  for (const id of [ROAD, LAMP, BRIDGE])
    expect((await step(id, 'route', DEPUTY, { level: 'commune' })).status).toBe(200);
});

describe('commune-level proposals before the zone’s next meeting', () => {
  it('take the commune’s result, or its escalation beyond its authority, refusing a commune that is not theirs', async () => {
    const partly = {
      outcome: 'partly-resolved',
      text: TEXTS.result,
      remaining: 'Còn 300 m chưa vá.',
      remainingBy: '2027-05-30',
    };
    const other = await step(ROAD, 'result', 'chu-tich-gia-luong', partly);
    const reported = await step<Proposal>(ROAD, 'result', CHAIR, partly);
    const escalated = await step<Proposal>(BRIDGE, 'result', COMMUNE_SECRETARY, {
      outcome: 'beyond-authority',
      text: TEXTS.escalated,
    });

    expectProblem(other, 404, 'proposal_not_found');
    expect(reported.body).toMatchObject({ status: 'result-reported', level: 'commune' });
    expect(reported.body.history.at(-1)?.note).toContain(TEXTS.result);
    expect(escalated.body).toMatchObject({ status: 'routed-district', level: 'district' });
  });

  it('are listed with their results on the zone’s next agenda', async () => {
    const results = (await agenda('2027-04.khu-2')).body.sections.communeResults ?? [];

    expect(results.map((r) => [r.proposalId, r.outcome])).toEqual([
      [ROAD, 'partly-resolved'],
      [BRIDGE, 'beyond-authority'],
    ]);
  });
});

describe('a district-level proposal, answered and announced', () => {
  it('is assigned to two departments; one is returned and answers again, the other holds, then answers', async () => {
    const departments = [{ departmentId: 'phong-tnmt' }, { departmentId: 'phong-kt-ht' }];
    expect((await step(CANAL, 'assignments', OFFICE, { departments })).status).toBe(200);
    expect((await step(CANAL, 'answers', TNMT, { kind: 'substantive', text: TEXTS.tnmt1 })).status).toBe(201);
    expect((await review(CANAL, 'phong-tnmt.1', OFFICE, { decision: 'return', reason: TEXTS.returned })).status).toBe(
      200,
    );
    expect((await step(CANAL, 'answers', TNMT, { kind: 'substantive', text: TEXTS.tnmt2 })).status).toBe(201);
    expect((await review(CANAL, 'phong-tnmt.2', BOARD, { decision: 'accept' })).body.status).toBe('assigned');
    const holding = { kind: 'holding', text: TEXTS.holding, expectedBy: '2027-03-20' };
    expect((await step(CANAL, 'answers', KTHT, holding)).status).toBe(201);
    expect((await step(CANAL, 'answers', KTHT, { kind: 'substantive', text: TEXTS.ktht1 })).status).toBe(201);

    const complete = await review(CANAL, 'phong-kt-ht.2', OFFICE, { decision: 'accept' });

    expect(complete.body.status).toBe('answered');
  });

  it('is compiled into the month’s draft, seen only by the office and the standing bodies, compiled again at its version', async () => {
    const draft = await api.request<ResponseDocument>('POST', '/responses', { as: OFFICE, body: { month: '2027-04' } });
    const hidden = await api.request('GET', `/responses/${draft.body.id}`, { as: SECRETARY });
    const stale = await api.request('POST', '/responses', {
      as: OFFICE,
      body: { month: '2027-04' },
      headers: { 'if-match': '"9"' },
    });
    const again = await post<ResponseDocument>(
      '/responses',
      OFFICE,
      { month: '2027-04' },
      `/responses/${draft.body.id}`,
    );

    expect([draft.status, draft.body.id, draft.body.placeAndDate]).toEqual([
      201,
      '2027-04.1',
      'Gia Lộc, ngày … tháng … năm …',
    ]);
    expect(draft.body.zones.flatMap((z) => z.fields.flatMap((f) => f.entries.map((e) => e.proposalId)))).toEqual([
      CANAL,
    ]);
    expectProblem(hidden, 404, 'response_not_found');
    expect(await listed(SECRETARY)).toEqual([]);
    expect(await listed(OFFICE)).toEqual([
      expect.objectContaining({ id: '2027-04.1', status: 'draft', proposalCount: 1, month: '2027-04' }),
    ]);
    expectProblem(stale, 412, 'etag_mismatch');
    expect([again.status, again.body.id, again.headers.get('etag')]).toEqual([200, '2027-04.1', '"2"']);
    // the reply is built from what compiling read, not read back: it must be the document as read.
    const readBack = await api.request<ResponseDocument>('GET', `/responses/${draft.body.id}`, { as: OFFICE });
    expect(readBack.body).toEqual(again.body);
    const quoted = again.body.zones.flatMap((z) => z.fields.flatMap((f) => f.entries.flatMap((e) => e.answers)));
    expect(quoted).not.toEqual([]);
    expect(quoted.filter((answer) => answer.text === '')).toEqual([]);
  });

  it('is issued by the standing board, and the issued response changes for nobody', async () => {
    const signer = { name: 'Đoàn Minh Định', title: 'Bí thư' };
    const issue = { documentNumber: 'Số 45-TB/HU', date: '2027-03-28', signer };
    const issued = await post<ResponseDocument>('/responses/2027-04.1/issue', BOARD, issue, '/responses/2027-04.1');
    firstResponse = issued.body;

    expect([issued.status, issued.body.status, issued.body.placeAndDate]).toEqual([
      200,
      'issued',
      'Gia Lộc, ngày 28 tháng 3 năm 2027',
    ]);
    expect((await read(CANAL)).body).toMatchObject({ status: 'responded', responseId: '2027-04.1' });
    const again = await post(
      '/responses/2027-04.1/issue',
      BOARD,
      { ...issue, documentNumber: 'Số 46-TB/HU' },
      '/responses/2027-04.1',
    );
    const byOffice = await post('/responses/2027-04.1/issue', OFFICE, issue, '/responses/2027-04.1');
    const recompiled = await post('/responses', OFFICE, { month: '2027-04' }, '/responses/2027-04.1');
    expectProblem(again, 409, 'response_issued');
    expectProblem(byOffice, 403, 'forbidden');
    expectProblem(recompiled, 409, 'nothing_to_respond');
    const readBack = await api.request<ResponseDocument>('GET', '/responses/2027-04.1', { as: SECRETARY });
    expect(readBack.body).toEqual(firstResponse);
    expect(await listed(SECRETARY)).toEqual([
      {
        id: '2027-04.1',
        month: '2027-04',
        status: 'issued',
        title: firstResponse.title,
        proposalCount: 1,
        compiledAt: expect.any(String),
        documentNumber: 'Số 45-TB/HU',
        date: '2027-03-28',
        issuedAt: firstResponse.issuedAt,
      },
    ]);
    expect(await listed(SECRETARY, '?month=2027-03')).toEqual([]);
  });

  it('is on next month’s agenda, and announced when that meeting closes', async () => {
    const before = await agenda('2027-04.khu-2');
    expect(before.body.sections.officialResponses).toEqual([
      expect.objectContaining({
        responseId: '2027-04.1',
        documentNumber: 'Số 45-TB/HU',
        proposals: [expect.objectContaining({ id: CANAL })],
      }),
    ]);

    expect((await post('/meetings/2027-04.khu-2/hold', DEPUTY)).status).toBe(200);
    const calls = recordDynamoCalls();
    expect((await post('/meetings/2027-04.khu-2/close', DEPUTY)).status).toBe(200);

    // the announcement fits the close's own transaction: one commit, all or nothing.
    expect(calls.filter((call) => call.command === 'TransactWriteItemsCommand')).toHaveLength(1);
    expect((await read(CANAL)).body).toMatchObject({ status: 'announced', announced: { meetingId: '2027-04.khu-2' } });
    const response = await api.request<ResponseDocument>('GET', '/responses/2027-04.1', { as: ZONE_HEAD });
    expect(response.body.announcements).toEqual([
      expect.objectContaining({ zoneId: 'khu-2', meetingId: '2027-04.khu-2' }),
    ]);
  });

  it('is reopened when the cell finds it not solved, its departments answering again, their rounds counted on', async () => {
    const reopened = await step<Proposal>(CANAL, 'confirmation', SECRETARY, { solved: false, note: TEXTS.notSolved });

    expect(reopened.body).toMatchObject({ status: 'assigned', level: 'district', reopenCount: 1 });
    expect(reopened.body.assignments?.map((a) => [a.departmentId, a.status, a.rounds])).toEqual([
      ['phong-tnmt', 'awaiting', 2],
      ['phong-kt-ht', 'awaiting', 1],
    ]);
    expect((await step(CANAL, 'answers', TNMT, { kind: 'substantive', text: TEXTS.tnmt3 })).status).toBe(201);
    expect((await step(CANAL, 'answers', KTHT, { kind: 'substantive', text: TEXTS.ktht2 })).status).toBe(201);
    expect((await review(CANAL, 'phong-tnmt.3', OFFICE, { decision: 'accept' })).body.status).toBe('assigned');
    expect((await review(CANAL, 'phong-kt-ht.3', BOARD, { decision: 'accept' })).body.status).toBe('answered');
  });

  it('is announced again next month and closed when the cell confirms it solved, every step and text in its history', async () => {
    const second = await compileAndIssue('2027-05', 'Số 52-TB/HU', '2027-04-28');
    expect(second.zones[0]?.fields[0]?.entries[0]?.answers.map((a) => a.text)).toEqual([TEXTS.tnmt3, TEXTS.ktht2]);
    expect((await listed(SECRETARY)).map((r) => [r.id, r.documentNumber])).toEqual([
      ['2027-05.1', 'Số 52-TB/HU'],
      ['2027-04.1', 'Số 45-TB/HU'],
    ]);
    const firstPage = await api.request<{ items: ResponseSummary[]; nextCursor: string }>('GET', '/responses?limit=1', {
      as: SECRETARY,
    });
    expect(firstPage.body.items.map((r) => r.id)).toEqual(['2027-05.1']);
    const query = `?limit=1&cursor=${encodeURIComponent(firstPage.body.nextCursor)}`;
    expect((await listed(SECRETARY, query)).map((r) => r.id)).toEqual(['2027-04.1']);
    await raiseFromFloor('2027-05.khu-2', DEPUTY, []);
    expect((await read(CANAL)).body.status).toBe('announced');

    const closed = await step<Proposal>(CANAL, 'confirmation', SECRETARY, { solved: true, note: TEXTS.solved });

    expect(closed.body.status).toBe('closed');
    expect(closed.body.history.map(({ action, from, to }) => [action, from, to])).toEqual([
      ['raise', null, 'raised'],
      ['route-to-district', 'raised', 'routed-district'],
      ['assign', 'routed-district', 'assigned'],
      ['answer', 'assigned', 'assigned'],
      ['return-answer', 'assigned', 'assigned'],
      ['answer', 'assigned', 'assigned'],
      ['accept-answer', 'assigned', 'assigned'],
      ['answer', 'assigned', 'assigned'],
      ['answer', 'assigned', 'assigned'],
      ['complete-answer', 'assigned', 'answered'],
      ['include-in-response', 'answered', 'responded'],
      ['announce', 'responded', 'announced'],
      ['reopen-to-district', 'announced', 'assigned'],
      ['answer', 'assigned', 'assigned'],
      ['answer', 'assigned', 'assigned'],
      ['accept-answer', 'assigned', 'assigned'],
      ['complete-answer', 'assigned', 'answered'],
      ['include-in-response', 'answered', 'responded'],
      ['announce', 'responded', 'announced'],
      ['confirm-solved', 'announced', 'closed'],
    ]);
    const notes = closed.body.history.map((entry) => entry.note ?? '').join('\n');
    for (const text of Object.values(TEXTS).filter((t) => t !== TEXTS.result && t !== TEXTS.escalated)) {
      expect(notes).toContain(text);
    }
    expect(closed.body.answers.map((a) => [a.id, a.round, a.review?.decision])).toEqual([
      ['phong-tnmt.1', 1, 'return'],
      ['phong-tnmt.2', 2, 'accept'],
      ['phong-kt-ht.1', 1, undefined],
      ['phong-kt-ht.2', 1, 'accept'],
      ['phong-tnmt.3', 3, 'accept'],
      ['phong-kt-ht.3', 2, 'accept'],
    ]);
  });
});

describe('commune-level proposals at the close of the zone’s next meeting', () => {
  it('moved on when their result was heard, and closed when the cell confirms it solved', async () => {
    expect((await read(ROAD, CHAIR)).body).toMatchObject({
      status: 'announced',
      announced: { meetingId: '2027-04.khu-2' },
    });

    const closed = await step<Proposal>(ROAD, 'confirmation', SECRETARY, {
      solved: true,
      note: 'Đường trục đã đi lại được.',
    });

    expect(closed.body.status).toBe('closed');
    expect(closed.body.history.map((h) => h.action)).toEqual([
      'raise',
      'route-to-commune',
      'report-result',
      'announce',
      'confirm-solved',
    ]);
  });

  it('overdue without a result, listed in GET /overdue under the commune, and in the proposal lists', async () => {
    const lamp = await read(LAMP, CHAIR);
    const overdue = await api.request<{ communes: { communeId: string; overdue: { proposalId: string }[] }[] }>(
      'GET',
      '/overdue',
      { as: COMMUNE_SECRETARY },
    );
    const listed = await api.request<{ items: { id: string }[] }>('GET', '/proposals?overdue=true&limit=100', {
      as: OFFICE,
    });

    expect(lamp.body).toMatchObject({ status: 'routed-commune', overdue: true, overdueSince: expect.any(String) });
    expect(lamp.body.history.at(-1)).toMatchObject({
      action: 'mark-overdue',
      note: expect.stringContaining('2027-04.khu-2'),
    });
    expect(overdue.body.communes).toEqual([
      expect.objectContaining({
        communeId: 'gia-tan',
        communeName: 'Xã Gia Tân',
        overdue: [expect.objectContaining({ proposalId: LAMP })],
      }),
    ]);
    expect(listed.body.items.map((p) => p.id)).toEqual([LAMP]);
  });

  it('escalated beyond the commune’s authority: now the district’s, its reason kept', async () => {
    const bridge = await read(BRIDGE);

    expect(bridge.body).toMatchObject({ status: 'routed-district', level: 'district', overdue: false });
    expect(bridge.body.results).toEqual([
      expect.objectContaining({ outcome: 'beyond-authority', text: TEXTS.escalated }),
    ]);
  });
});

describe('the issued response as a Word document', () => {
  it('is a valid Office document whose XML holds the heading and every entry with its answers', async () => {
    const response = await fetch(`${api.baseUrl}/responses/2027-04.1`, {
      headers: { authorization: `Bearer ${await api.tokenFor(ZONE_HEAD)}`, accept: DOCX_MEDIA },
    });
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const xml = new TextDecoder().decode(files['word/document.xml']);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(DOCX_MEDIA);
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']),
    );
    expect(new TextDecoder().decode(files['[Content_Types].xml'])).toContain('wordprocessingml.document.main+xml');
    for (const text of [
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'HUYỆN UỶ GIA LỘC',
      'Số 45-TB/HU',
      'Gia Lộc, ngày 28 tháng 3 năm 2027',
      'Đoàn Minh Định',
    ]) {
      expect(xml).toContain(text);
    }
    const entries = firstResponse.zones.flatMap((zone) => zone.fields.flatMap((field) => field.entries));
    expect(entries).toHaveLength(1);
    for (const entry of entries) {
      expect(xml).toContain(entry.number);
      expect(xml).toContain(entry.title);
      for (const answer of entry.answers) expect(xml).toContain(escapeXml(answer.text));
    }
  });
});

describe('the statistics after the walk', () => {
  it('equal a full recount of the records, each proposal counted in the state it ended in', async () => {
    const verification = await api.request<{ proposals: number; exact: boolean; differences: unknown[] }>(
      'GET',
      '/stats/verify',
      { as: OFFICE },
    );
    const byStatus = await api.request<{ total: number; groups: { key: string; label: string; count: number }[] }>(
      'GET',
      '/stats/proposals?from=2027-03&to=2027-05&by=status',
      { as: OFFICE },
    );

    expect(verification.body).toEqual({
      proposals: 4,
      exact: true,
      differences: [],
      overdueDifferences: [],
      unsettled: [],
    });
    expect(byStatus.body.total).toBe(4);
    expect(byStatus.body.groups.filter((group) => group.count !== 0)).toEqual([
      { key: 'routed-commune', label: 'chuyển xã giải quyết', count: 1 },
      { key: 'routed-district', label: 'chuyển Văn phòng Huyện uỷ tổng hợp', count: 1 },
      { key: 'closed', label: 'đã kết thúc', count: 2 },
    ]);
  });
});

/** Text as Word's XML writes it. */
function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
