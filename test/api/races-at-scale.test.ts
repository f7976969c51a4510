/**
 * Races at scale, through HTTP: 20 conflicting changes at once, all naming the same version, on a
 * cell's report, a meeting's minutes, a meeting's floor proposals (which it counts), a proposal's
 * routing, and a department's answers to a proposal and their review, three rounds each. Every round has exactly one winner, the others are
 * refused with 412 or 409, the record moves one version per round and holds the winner's change,
 * the audit trail holds exactly the winners, and the counts stay exact.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/db/keys';
import { queryAll } from '../../shared/db/store';
import { type ApiResponse, useApi } from '../support/api';
import { expectProblem } from '../support/problem';
import { seedSampleDistrict } from '../support/sample-district';

const api = useApi();

const CONTENDERS = 20;
const ROUNDS = 3;
const OFFICE = 'van-phong-1';
const MEETING = '2027-03.khu-2';
const CELL = 'gia-tan-thon-ha';
const SECRETARY = 'bi-thu-cb-gia-tan-thon-ha';
const DEPUTY = 'pho-khu-2';
/** An official of a department the proposals are assigned to. */
const DEPARTMENT = 'can-bo-phong-tnmt';
const REPORT = `/meetings/${MEETING}/reports/${CELL}`;
let racesRun = 0;

beforeAll(async () => {
  await seedSampleDistrict();
  expect((await api.request('POST', '/cycles/2027-03/open', { as: OFFICE })).status).toBe(201);
});

async function versionOf(path: string): Promise<number> {
  const response = await api.request('GET', path, { as: OFFICE });
  expect(response.status, path).toBe(200);
  return Number(/"(\d+)"/.exec(response.headers.get('etag') ?? '')?.[1]);
}

/** The audit trail of one entity, oldest first. */
async function auditOf(entity: string) {
  const page = await api.request<{ items: { action: string; reason?: string; after?: Record<string, unknown> }[] }>(
    'GET',
    `/audit?entity=${entity}&limit=100`,
    { as: OFFICE },
  );
  return page.body.items.reverse();
}

/**
 * Sends `CONTENDERS` changes at once, all at the record's current version; returns the index of
 * the one that won, after checking every other one lost with 412 or 409.
 */
async function race(path: string, versionPath: string, send: (i: number, ifMatch: string) => Promise<ApiResponse>) {
  const version = await versionOf(versionPath);
  const answers = await Promise.all(Array.from({ length: CONTENDERS }, (_, i) => send(i, `"${version}"`)));
  const winners = answers.flatMap((answer, i) => (answer.status < 300 ? [i] : []));
  expect(winners, `${path}: ${answers.map((a) => a.status).join()}`).toHaveLength(1);
  for (const answer of answers.filter((a) => a.status >= 300)) {
    if (answer.status === 412) expectProblem(answer, 412, 'etag_mismatch');
    else expectProblem(answer, 409, 'concurrent_change');
  }
  expect(await versionOf(versionPath)).toBe(version + 1);
  racesRun++;
  return winners[0] as number;
}

describe('twenty changes at once', () => {
  it('to a cell’s report: one winner a round, and the audit holds exactly the winners', async () => {
    expect((await api.request('PUT', REPORT, { as: SECRETARY, body: { situation: 'Bản nháp đầu.' } })).status).toBe(
      201,
    );
    const won: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const situation = (i: number) => `Tình hình vòng ${round}, bản ${i}.`;
      const winner = await race(REPORT, REPORT, (i, ifMatch) =>
        api.request('PUT', REPORT, {
          as: SECRETARY,
          body: { situation: situation(i) },
          headers: { 'if-match': ifMatch },
        }),
      );
      won.push(situation(winner));
      const stored = await api.request<{ situation: string }>('GET', REPORT, { as: OFFICE });
      expect(stored.body.situation).toBe(situation(winner));
    }

    const writes = (await auditOf(`report:${MEETING}.${CELL}`)).filter((entry) => entry.action === 'write');
    expect(writes.map((entry) => entry.after?.situation)).toEqual(won);
  });

  it('to a meeting’s minutes: one winner a round, and the audit holds exactly the winners', async () => {
    const meeting = `/meetings/${MEETING}`;
    const won: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const text = (i: number) => `Biên bản vòng ${round}, bản ${i}.`;
      const winner = await race(`${meeting}/minutes`, meeting, (i, ifMatch) =>
        api.request('PUT', `${meeting}/minutes`, {
          as: DEPUTY,
          body: { text: text(i), decisions: [] },
          headers: { 'if-match': ifMatch },
        }),
      );
      won.push(text(winner));
    }

    const writes = (await auditOf(`meeting:${MEETING}`)).filter((entry) => entry.action === 'write-minutes');
    expect(writes.map((entry) => (entry.after as { minutes: { text: string } }).minutes.text)).toEqual(won);
  });

  it('adding floor proposals to a held meeting: one a round, counted exactly, each audited once', async () => {
    const meeting = `/meetings/${MEETING}`;
    const hold = await api.request('POST', `${meeting}/hold`, {
      as: DEPUTY,
      headers: { 'if-match': `"${await versionOf(meeting)}"` },
    });
    expect(hold.status).toBe(200);
    const won: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const title = (i: number) => `Lắp đèn ngã ba số ${round}-${i}`;
      const winner = await race(`${meeting}/floor-proposals`, meeting, (i, ifMatch) =>
        api.request('POST', `${meeting}/floor-proposals`, {
          as: DEPUTY,
          body: {
            cellId: CELL,
            field: 'security-defence',
            title: title(i),
            content: `Ngã ba thôn Hạ số ${round}-${i} không có đèn, hai vụ va chạm xe máy trong tháng; đề nghị lắp 4 bóng.`,
            place: 'Ngã ba thôn Hạ',
            addressee: { kind: 'commune' },
          },
          headers: { 'if-match': ifMatch },
        }),
      );
      won.push(title(winner));
    }

    const stored = await queryAll({
      partition: keys.cyclePartition('2027-03'),
      prefix: keys.floorProposalPrefix('khu-2'),
    });
    expect(stored.map((item) => item.title)).toEqual(won);
    expect(stored.map((item) => item.n)).toEqual([1, 2, 3]);
    const read = await api.request<{ floorProposalCount?: number }>('GET', meeting, { as: OFFICE });
    expect(read.body.floorProposalCount).toBe(ROUNDS);
    const added = (await auditOf(`meeting:${MEETING}`)).filter((entry) => entry.action === 'add-floor-proposal');
    expect(added).toHaveLength(ROUNDS);
  });

  it('routing a proposal: one winner a round, and the audit holds exactly the winners', async () => {
    const meeting = `/meetings/${MEETING}`;
    const close = await api.request('POST', `${meeting}/close`, {
      as: DEPUTY,
      headers: { 'if-match': `"${await versionOf(meeting)}"` },
    });
    expect(close.status).toBe(200);
    const proposal = `/proposals/${MEETING}.${CELL}.f1`;
    const won: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // each round moves it to the other level, the only routing open to it then.
      const level = round % 2 === 0 ? 'commune' : 'district';
      const reason = (i: number) => `Chuyển vòng ${round}, lần ${i}`;
      const winner = await race(`${proposal}/route`, proposal, (i, ifMatch) =>
        api.request('POST', `${proposal}/route`, {
          as: DEPUTY,
          body: { level, reason: reason(i) },
          headers: { 'if-match': ifMatch },
        }),
      );
      won.push(reason(winner));
    }

    const routed = (await auditOf(`proposal:${MEETING}.${CELL}.f1`)).filter((entry) =>
      entry.action.startsWith('route-to-'),
    );
    expect(routed.map((entry) => entry.reason)).toEqual(won);
    expect(routed.map((entry) => entry.action)).toEqual(['route-to-commune', 'route-to-district', 'route-to-commune']);
    const detail = await api.request<{ history: { seq: number; note?: string }[] }>('GET', proposal, { as: OFFICE });
    expect(detail.body.history.map((entry) => entry.seq)).toEqual([1, 2, 3, 4]);
  });

  it('answering a proposal and reviewing the answers: one winner a round, each answer and review kept once', async () => {
    const proposal = `/proposals/${MEETING}.${CELL}.f2`;
    const once = async (action: string, as: string, body: unknown) => {
      const answer = await api.request('POST', `${proposal}/${action}`, {
        as,
        body,
        headers: { 'if-match': `"${await versionOf(proposal)}"` },
      });
      expect(answer.status, action).toBe(200);
    };
    await once('route', DEPUTY, { level: 'district' });
    await once('assignments', OFFICE, { departments: [{ departmentId: 'phong-tnmt' }] });
    const answered: string[] = [];
    const returned: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const text = (i: number) => `Phòng TN&MT trả lời vòng ${round}, bản ${i}: sẽ khảo sát và báo cáo.`;
      const answer = await race(`${proposal}/answers`, proposal, (i, ifMatch) =>
        api.request('POST', `${proposal}/answers`, {
          as: DEPARTMENT,
          body: { kind: 'substantive', text: text(i) },
          headers: { 'if-match': ifMatch },
        }),
      );
      answered.push(text(answer));
      const reason = (i: number) => `Chưa nêu thời hạn và kinh phí (vòng ${round}, lần ${i}).`;
      const review = await race(`${proposal}/answers/phong-tnmt.${round + 1}/review`, proposal, (i, ifMatch) =>
        api.request('POST', `${proposal}/answers/phong-tnmt.${round + 1}/review`, {
          as: OFFICE,
          body: { decision: 'return', reason: reason(i) },
          headers: { 'if-match': ifMatch },
        }),
      );
      returned.push(reason(review));
    }

    const detail = await api.request<{
      answers: { id: string; text: string; review?: { decision: string; reason?: string } }[];
      assignments: { rounds: number; answerCount: number }[];
    }>('GET', proposal, { as: OFFICE });
    expect(detail.body.answers.map((a) => [a.id, a.text, a.review?.reason])).toEqual(
      answered.map((text, round) => [`phong-tnmt.${round + 1}`, text, returned[round]]),
    );
    expect(detail.body.assignments[0]).toMatchObject({ answerCount: ROUNDS });
    const trail = (await auditOf(`proposal:${MEETING}.${CELL}.f2`)).map((entry) => entry.action);
    expect(trail.filter((action) => action === 'answer')).toHaveLength(ROUNDS);
    expect(trail.filter((action) => action === 'return-answer')).toHaveLength(ROUNDS);
  });

  it('ran every race', () => {
    expect(racesRun).toBe(6 * ROUNDS);
  });
});
