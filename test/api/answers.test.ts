/**
 * Issue 8's district level through HTTP: the office assigns proposals to departments with due days,
 * departments answer (holding, then substantive), the office returns and accepts, rounds are
 * counted and every text is kept; departments' queues, who is overdue, and the cell's reminders.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/db/keys';
import { getItem, queryAll } from '../../shared/db/store';
import { vietnamDate } from '../../shared/domain/time';
import { useApi } from '../support/api';
import { expectProblem } from '../support/problem';
import { floorProposal, proposalSteps } from '../support/proposal-steps';
import { seedSampleDistrict } from '../support/sample-district';

const api = useApi();
const { post, step, raiseFromFloor } = proposalSteps(api);

const OFFICE = 'van-phong-1';
const BOARD = 'bi-thu';
const DEPUTY = 'pho-khu-2';
const CELL = 'gia-tan-thon-ha';
const SECRETARY = 'bi-thu-cb-gia-tan-thon-ha';
const TNMT = 'can-bo-phong-tnmt';
const KTHT = 'can-bo-phong-kt-ht';
/** Addressed by the canal proposal, but not assigned it. */
const NNPTNT = 'can-bo-phong-nn-ptnt';
const MEETING = '2027-03.khu-2';

interface Assignment {
  departmentId: string;
  status: string;
  dueDate: string;
  overdue: boolean;
  rounds: number;
  answerCount: number;
  latestAnswerId?: string;
  expectedBy?: string;
}
interface Proposal {
  id: string;
  status: string;
  overdue: boolean;
  assignments?: Assignment[];
  history: { action: string; from: string | null; to: string; note?: string; answerId?: string }[];
  answers: { id: string; kind: string; text: string; round: number; review?: { decision: string; reason?: string } }[];
  reminderCount?: number;
  lastReminder?: { note: string };
}
type Page = { items: { id: string }[] };

let CANAL: string;
let ROAD: string;

const read = (id: string, as = OFFICE) => api.request<Proposal>('GET', `/proposals/${id}`, { as });

/** The proposal's record and every item of its partition, to prove a refusal changed nothing. */
async function stored(id: string) {
  return { record: await getItem(keys.proposal(id)), items: await queryAll({ partition: keys.proposalPartition(id) }) };
}

const TEXTS = {
  tnmtFirst: 'Phòng TN&MT đã kiểm tra hiện trạng kênh T3, sẽ báo cáo UBND huyện.',
  returned: 'Trả lời chung chung, chưa nêu thời gian và kinh phí nạo vét.',
  tnmtSecond:
    'Phòng TN&MT phối hợp UBND xã Gia Tân nạo vét 1,2 km kênh T3 trước ngày 30/4/2027, kinh phí 350 triệu đồng.',
  holding: 'Phòng KT&HT đang lập dự toán, sẽ trả lời chính thức sau khi khảo sát.',
  ktht: 'Phòng KT&HT bố trí 120 triệu đồng sửa cống đầu kênh T3 trong quý II/2027.',
};

/** Seven days before the 5th of the first month whose 5th is more than a week after today. */
function expectedDefaultDue(today: string): string {
  for (let ahead = 1; ; ahead++) {
    const first = new Date(`${today.slice(0, 7)}-05T00:00:00Z`);
    first.setUTCMonth(first.getUTCMonth() + ahead);
    const due = new Date(first.getTime() - 7 * 86_400_000).toISOString().slice(0, 10);
    if (due > today) return due;
  }
}

beforeAll(async () => {
  await seedSampleDistrict();
  expect((await api.request('POST', '/cycles/2027-03/open', { as: OFFICE })).status).toBe(201);
  [CANAL, ROAD] = (await raiseFromFloor(MEETING, DEPUTY, [
    floorProposal(CELL, 'Nạo vét kênh tưới T3', { kind: 'department', id: 'phong-nn-ptnt' }),
    floorProposal(CELL, 'Cứng hoá đường trục thôn Hạ', { kind: 'district' }, 'industry-infrastructure'),
  ])) as [string, string];
  for (const id of [CANAL, ROAD]) expect((await step(id, 'route', DEPUTY, { level: 'district' })).status).toBe(200);
});

describe('assigning a proposal to departments', () => {
  it('gives each department its due day, the district’s default where none is said', async () => {
    const assigned = await step<Proposal>(CANAL, 'assignments', OFFICE, {
      departments: [{ departmentId: 'phong-tnmt' }, { departmentId: 'phong-kt-ht', dueDate: '2099-01-15' }],
    });

    expect(assigned.status).toBe(200);
    expect(assigned.body.status).toBe('assigned');
    expect(
      assigned.body.assignments?.map(({ departmentId, status, dueDate }) => [departmentId, status, dueDate]),
    ).toEqual([
      ['phong-tnmt', 'awaiting', expectedDefaultDue(vietnamDate(new Date()))],
      ['phong-kt-ht', 'awaiting', '2099-01-15'],
    ]);
    expect(assigned.body.history.at(-1)).toMatchObject({ action: 'assign', from: 'routed-district', to: 'assigned' });
  });

  it('refuses an unknown or repeated department (400 at each), changing nothing', async () => {
    const before = await stored(ROAD);

    const refused = await step<{ errors: { path: string; code: string }[] }>(ROAD, 'assignments', OFFICE, {
      departments: [{ departmentId: 'phong-khong-co' }, { departmentId: 'phong-tnmt' }, { departmentId: 'phong-tnmt' }],
    });

    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e) => [e.path, e.code])).toEqual([
      ['/departments/0/departmentId', 'unknown_reference'],
      ['/departments/2/departmentId', 'duplicate'],
    ]);
    expect(await stored(ROAD)).toEqual(before);
  });

  it('lists a department’s queue oldest due first, and lets it see what it was assigned', async () => {
    expect(
      (
        await step(ROAD, 'assignments', OFFICE, {
          departments: [{ departmentId: 'phong-tnmt', dueDate: '2026-10-01' }],
        })
      ).status,
    ).toBe(200);

    const queue = await api.request<Page>('GET', '/proposals?assignedTo=phong-tnmt', { as: TNMT });
    const mine = await api.request<Page>('GET', '/proposals?limit=100', { as: TNMT });

    expect(queue.body.items.map((p) => p.id)).toEqual([ROAD, CANAL]);
    expect(mine.body.items.map((p) => p.id).sort()).toEqual([CANAL, ROAD].sort());
    expect((await read(CANAL, KTHT)).status).toBe(200);
  });
});

describe('answers and their review', () => {
  it('refuses a department the proposal is not assigned to: 403 when it sees it, 404 when it does not', async () => {
    const before = await stored(CANAL);

    const addressed = await step(CANAL, 'answers', NNPTNT, { kind: 'substantive', text: 'Không thuộc phòng.' });
    const stranger = await step(CANAL, 'answers', 'can-bo-ban-to-chuc', { kind: 'substantive', text: 'Không rõ.' });

    expectProblem(addressed, 403, 'forbidden');
    expectProblem(stranger, 404, 'proposal_not_found');
    expect(await stored(CANAL)).toEqual(before);
  });

  it('takes a substantive answer, out of the department’s queue and awaiting review', async () => {
    const answered = await step<Proposal>(CANAL, 'answers', TNMT, { kind: 'substantive', text: TEXTS.tnmtFirst });

    expect(answered.status).toBe(201);
    expect(answered.body.assignments?.[0]).toMatchObject({
      status: 'submitted',
      rounds: 1,
      latestAnswerId: 'phong-tnmt.1',
    });
    expect(answered.body.history.at(-1)).toMatchObject({ action: 'answer', answerId: 'phong-tnmt.1' });
    const queue = await api.request<Page>('GET', '/proposals?assignedTo=phong-tnmt', { as: TNMT });
    expect(queue.body.items.map((p) => p.id)).toEqual([ROAD]);
    expectProblem(
      await step(CANAL, 'answers', TNMT, { kind: 'substantive', text: 'Lần nữa.' }),
      409,
      'answer_under_review',
    );
  });

  it('refuses a review at a stale version (412), a return without a reason (400), changing nothing', async () => {
    const before = await stored(CANAL);
    const review = `/proposals/${CANAL}/answers/phong-tnmt.1/review`;

    const stale = await api.request('POST', review, {
      as: OFFICE,
      body: { decision: 'return', reason: TEXTS.returned },
      headers: { 'if-match': '"1"' },
    });
    const reasonless = await post(review, OFFICE, { decision: 'return' }, `/proposals/${CANAL}`);

    expectProblem(stale, 412, 'etag_mismatch');
    expectProblem(reasonless, 400, 'validation_failed');
    expect(await stored(CANAL)).toEqual(before);
  });

  it('returns the answer with the reason, back into the department’s queue', async () => {
    const returned = await post<Proposal>(
      `/proposals/${CANAL}/answers/phong-tnmt.1/review`,
      OFFICE,
      { decision: 'return', reason: TEXTS.returned },
      `/proposals/${CANAL}`,
    );

    expect(returned.status).toBe(200);
    expect(returned.body.assignments?.[0]).toMatchObject({ status: 'returned', rounds: 1 });
    expect(returned.body.history.at(-1)).toMatchObject({
      action: 'return-answer',
      note: expect.stringContaining(TEXTS.returned),
    });
    const queue = await api.request<Page>('GET', '/proposals?assignedTo=phong-tnmt', { as: TNMT });
    expect(queue.body.items.map((p) => p.id)).toEqual([ROAD, CANAL]);
  });

  it('takes the second round and accepts it; an earlier answer can no longer be reviewed', async () => {
    expect((await step(CANAL, 'answers', TNMT, { kind: 'substantive', text: TEXTS.tnmtSecond })).status).toBe(201);

    const old = await post(
      `/proposals/${CANAL}/answers/phong-tnmt.1/review`,
      BOARD,
      { decision: 'accept' },
      `/proposals/${CANAL}`,
    );
    const accepted = await post<Proposal>(
      `/proposals/${CANAL}/answers/phong-tnmt.2/review`,
      BOARD,
      { decision: 'accept' },
      `/proposals/${CANAL}`,
    );

    expectProblem(old, 409, 'answer_not_reviewable');
    expect(accepted.body).toMatchObject({ status: 'assigned' });
    expect(accepted.body.assignments?.[0]).toMatchObject({ status: 'accepted', rounds: 2 });
    expect(accepted.body.history.at(-1)).toMatchObject({ action: 'accept-answer', answerId: 'phong-tnmt.2' });
  });

  it('takes a holding answer with its day, which cannot be reviewed, then the substantive one, completing the answer', async () => {
    const holding = await step<Proposal>(CANAL, 'answers', KTHT, {
      kind: 'holding',
      text: TEXTS.holding,
      expectedBy: '2027-04-20',
    });
    const dateless = await step(CANAL, 'answers', KTHT, { kind: 'holding', text: TEXTS.holding });
    const notReviewable = await post(
      `/proposals/${CANAL}/answers/phong-kt-ht.1/review`,
      OFFICE,
      { decision: 'accept' },
      `/proposals/${CANAL}`,
    );

    expect(holding.body.assignments?.[1]).toMatchObject({ status: 'holding', rounds: 0, expectedBy: '2027-04-20' });
    expectProblem(dateless, 400, 'validation_failed');
    expectProblem(notReviewable, 409, 'answer_not_reviewable');

    expect((await step(CANAL, 'answers', KTHT, { kind: 'substantive', text: TEXTS.ktht })).status).toBe(201);
    const complete = await post<Proposal>(
      `/proposals/${CANAL}/answers/phong-kt-ht.2/review`,
      OFFICE,
      { decision: 'accept' },
      `/proposals/${CANAL}`,
    );

    expect(complete.body.status).toBe('answered');
    expect(complete.body.history.at(-1)).toMatchObject({ action: 'complete-answer', from: 'assigned', to: 'answered' });
  });

  it('keeps every answer word for word with its review, and every text in the history', async () => {
    const { body } = await read(CANAL, SECRETARY);

    expect(body.answers.map(({ id, kind, text, round, review }) => [id, kind, text, round, review?.decision])).toEqual([
      ['phong-tnmt.1', 'substantive', TEXTS.tnmtFirst, 1, 'return'],
      ['phong-tnmt.2', 'substantive', TEXTS.tnmtSecond, 2, 'accept'],
      ['phong-kt-ht.1', 'holding', TEXTS.holding, 1, undefined],
      ['phong-kt-ht.2', 'substantive', TEXTS.ktht, 1, 'accept'],
    ]);
    const notes = body.history.map((entry) => entry.note ?? '').join('\n');
    for (const text of Object.values(TEXTS)) expect(notes).toContain(text);
    expect(body.history.map((entry) => entry.action)).toEqual([
      'raise',
      'route-to-district',
      'assign',
      'answer',
      'return-answer',
      'answer',
      'accept-answer',
      'answer',
      'answer',
      'complete-answer',
    ]);
  });
});

describe('overdue answers and reminders', () => {
  it('lists the department overdue past its due day, in GET /overdue and in proposal lists', async () => {
    const overdue = await api.request<{
      asOf: string;
      departments: { departmentId: string; overdue: { proposalId: string; daysOverdue: number }[] }[];
    }>('GET', '/overdue', { as: OFFICE });
    const listed = await api.request<Page>('GET', '/proposals?overdue=true&limit=100', { as: OFFICE });

    expect(overdue.body.asOf).toBe(vietnamDate(new Date()));
    const tnmt = overdue.body.departments.find((d) => d.departmentId === 'phong-tnmt');
    expect(tnmt?.overdue.map((item) => item.proposalId)).toEqual([ROAD]);
    expect(tnmt?.overdue[0]?.daysOverdue).toBeGreaterThan(0);
    expect(listed.body.items.map((p) => p.id)).toEqual([ROAD]);
  });

  it('lets the raising cell remind the department, which sees the reminder; not on one that is not overdue', async () => {
    const reminded = await step<Proposal>(ROAD, 'reminders', SECRETARY, {
      note: 'Đề nghị phòng trả lời trước kỳ giao ban.',
    });
    const early = await step(CANAL, 'reminders', SECRETARY, { note: 'Nhắc sớm.' });

    expect(reminded.status).toBe(201);
    const seen = await read(ROAD, TNMT);
    expect(seen.body).toMatchObject({
      reminderCount: 1,
      lastReminder: { note: 'Đề nghị phòng trả lời trước kỳ giao ban.' },
    });
    expect(seen.body.history.at(-1)).toMatchObject({ action: 'remind', from: 'assigned', to: 'assigned' });
    expectProblem(early, 409, 'not_overdue');
  });
});
