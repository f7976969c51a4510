/**
 * The resolution figures of `GET /stats/proposals` after a walk through proposals of one month:
 * raised, routed, assigned and re-assigned to departments, answered on time and late, returned and
 * answered again, accepted; commune results announced, confirmed solved, reopened, overdue. Each
 * figure equals what the records say, races keep the counters exact, a recount made while others
 * write reports no false difference, and a counter or overdue entry made wrong on purpose is reported.
 */
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentClient, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { getItem, queryAll } from '../../shared/db/store';
import { addDays } from '../../shared/domain/answers/due-dates';
import { parseCsv } from '../../shared/domain/csv';
import type { CountVerification } from '../../shared/domain/stats/stats-views';
import { vietnamDate } from '../../shared/domain/time';
import { useApi } from '../support/api';
import { itemsRead, recordDynamoCalls } from '../support/dynamodb-calls';
import { floorProposal, proposalSteps } from '../support/proposal-steps';
import { seedSampleDistrict } from '../support/sample-district';

const api = useApi();
const { post, step, raiseFromFloor } = proposalSteps(api);

const OFFICE = 'van-phong-1';
const BOARD = 'bi-thu';
const DEPUTY = 'pho-khu-2';
const SECRETARY = 'bi-thu-cb-gia-tan-thon-ha';
const CHAIR = 'chu-tich-gia-tan';
const TNMT = 'can-bo-phong-tnmt';
const KTHT = 'can-bo-phong-kt-ht';
const CELL = 'gia-tan-thon-ha';
const MONTH = 'from=2027-03&to=2027-03';

interface Share {
  count: number;
  share: number | null;
}
interface Figures {
  total: number;
  groups: { key: string; label: string; count: number }[];
  resolution: {
    closed: Share;
    answered: Share;
    solvedInFact: Share;
    answers: {
      accepted: number;
      onTime: Share;
      medianDaysToAccept: number | null;
      reviewRoundsPerAnswer: number | null;
    };
    overdue: {
      asOf: string;
      proposals: number;
      departments: { key: string; label: string; count: number }[];
      communes: { key: string; label: string; count: number }[];
    };
  };
}

const today = vietnamDate(new Date());
const yesterday = addDays(today, -1);
const later = addDays(today, 60);

const stats = (query: string) => api.request<Figures>('GET', `/stats/proposals?${query}`, { as: OFFICE });
const verify = () => api.request<CountVerification>('GET', '/stats/verify', { as: OFFICE });
const review = (id: string, answerId: string, as: string, body: unknown) =>
  post(`/proposals/${id}/answers/${answerId}/review`, as, body, `/proposals/${id}`);
const assign = (id: string, departments: { departmentId: string; dueDate: string }[]) =>
  step(id, 'assignments', OFFICE, { departments });
const answer = (id: string, as: string, text: string) =>
  step(id, 'answers', as, { kind: 'substantive', text: `${text}: đã kiểm tra hiện trạng và bố trí kinh phí.` });

let CANAL: string; // district: one department late, returned, answered again; another on time
let LAND: string; // district: answered on time
let POLICY: string; // district: assigned, re-assigned, owing (one department overdue)
let ROAD: string; // commune: result announced, confirmed solved
let LAMP: string; // commune: no result, overdue at the zone's close
let DRAIN: string; // commune: result announced, found not solved, reopened

beforeAll(async () => {
  await seedSampleDistrict();
  for (const month of ['2027-03', '2027-04']) {
    expect((await api.request('POST', `/cycles/${month}/open`, { as: OFFICE })).status).toBe(201);
  }
  [CANAL, LAND, POLICY, ROAD, LAMP, DRAIN] = (await raiseFromFloor('2027-03.khu-2', DEPUTY, [
    floorProposal(CELL, 'Nạo vét kênh tưới T3', { kind: 'district' }),
    floorProposal(CELL, 'Cấp giấy đất xóm Đông', { kind: 'district' }, 'land'),
    floorProposal(CELL, 'Chế độ thanh niên xung phong', { kind: 'district' }, 'policy'),
    floorProposal(CELL, 'Vá ổ gà đường trục', { kind: 'commune' }, 'industry-infrastructure'),
    floorProposal(CELL, 'Lắp đèn ngõ xóm Đông', { kind: 'commune' }, 'security-defence'),
    floorProposal(CELL, 'Khơi thông rãnh thoát nước', { kind: 'commune' }, 'industry-infrastructure'),
  ])) as [string, string, string, string, string, string];
});

describe('the walk', () => {
  it('routes at once, every proposal of the month at the same counters, and stays exact', async () => {
    const routed = await Promise.all([
      ...[CANAL, LAND, POLICY].map((id) => step(id, 'route', DEPUTY, { level: 'district' })),
      ...[ROAD, LAMP, DRAIN].map((id) => step(id, 'route', DEPUTY, { level: 'commune' })),
    ]);

    expect(routed.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect((await verify()).body.exact).toBe(true);
  });

  it('counts each department assigned, and moves the counts when a proposal is assigned again', async () => {
    const assigned = await Promise.all([
      assign(CANAL, [
        { departmentId: 'phong-tnmt', dueDate: yesterday },
        { departmentId: 'phong-kt-ht', dueDate: later },
      ]),
      assign(LAND, [{ departmentId: 'phong-tnmt', dueDate: later }]),
      assign(POLICY, [{ departmentId: 'phong-tnmt', dueDate: yesterday }]),
    ]);
    expect(assigned.map((r) => r.status)).toEqual([200, 200, 200]);
    expect((await stats(`${MONTH}&by=department`)).body.groups).toEqual([
      { key: 'phong-kt-ht', label: 'Phòng Kinh tế và Hạ tầng', count: 1 },
      { key: 'phong-tnmt', label: 'Phòng Tài nguyên và Môi trường', count: 3 },
      { key: '_none', label: 'Chưa giao ban, ngành trả lời', count: 3 },
    ]);

    expect((await assign(POLICY, [{ departmentId: 'phong-kt-ht', dueDate: later }])).status).toBe(200);

    const byDepartment = await stats(`${MONTH}&by=department`);
    expect(byDepartment.body.total).toBe(6);
    expect(byDepartment.body.groups.map((g) => [g.key, g.count])).toEqual([
      ['phong-kt-ht', 2],
      ['phong-tnmt', 3],
      ['_none', 3],
    ]);
  });

  it('takes answers late and on time, a returned one answered again, and accepts them', async () => {
    expect((await answer(CANAL, TNMT, 'Lần 1')).status).toBe(201);
    expect(
      (await review(CANAL, 'phong-tnmt.1', OFFICE, { decision: 'return', reason: 'Chưa nêu kinh phí.' })).status,
    ).toBe(200);
    // one department answers two proposals at once: their counters are the same item.
    const answered = await Promise.all([answer(CANAL, TNMT, 'Lần 2'), answer(LAND, TNMT, 'Giấy đất')]);
    expect(answered.map((r) => r.status)).toEqual([201, 201]);
    expect((await answer(CANAL, KTHT, 'Cống đầu kênh')).status).toBe(201);

    // two reviewers accept the same answer at the same version: one wins, the other changes nothing.
    const version = (await api.request('GET', `/proposals/${LAND}`, { as: OFFICE })).headers.get('etag') as string;
    const race = await Promise.all(
      [OFFICE, BOARD].map((as) =>
        api.request('POST', `/proposals/${LAND}/answers/phong-tnmt.1/review`, {
          as,
          body: { decision: 'accept' },
          headers: { 'if-match': version },
        }),
      ),
    );
    // the loser is refused: a stale version (412) or, when both write at once, a concurrent change (409).
    const [won, lost] = race.map((r) => r.status).sort();
    expect(won).toBe(200);
    expect([409, 412]).toContain(lost);
    expect((await review(CANAL, 'phong-tnmt.2', BOARD, { decision: 'accept' })).status).toBe(200);
    expect((await review(CANAL, 'phong-kt-ht.1', OFFICE, { decision: 'accept' })).status).toBe(200);
  });

  it('takes the communes’ results, heard at the zone’s next close, which marks the one without a result overdue', async () => {
    for (const id of [ROAD, DRAIN]) {
      expect((await step(id, 'result', CHAIR, { outcome: 'resolved', text: 'Xã đã làm xong.' })).status).toBe(200);
    }
    await raiseFromFloor('2027-04.khu-2', DEPUTY, []);

    const solved = await step(ROAD, 'confirmation', SECRETARY, { solved: true, note: 'Đường đã đi lại được.' });
    const reopened = await step(DRAIN, 'confirmation', SECRETARY, { solved: false, note: 'Rãnh vẫn tắc.' });

    expect([solved.body.status, reopened.body.status]).toEqual(['closed', 'routed-commune']);
  });
});

describe('the figures after the walk', () => {
  it('give the shares closed, answered and solved in fact, the answers on time, the days and rounds, and today’s overdue', async () => {
    const figures = await stats(`${MONTH}&by=status`);

    expect(figures.body.total).toBe(6);
    expect(figures.body.groups.map((g) => [g.key, g.count])).toEqual([
      ['routed-commune', 2],
      ['assigned', 1],
      ['answered', 2],
      ['closed', 1],
    ]);
    expect(figures.body.resolution).toEqual({
      closed: { count: 1, share: 0.1667 },
      // the two district answers complete and the commune's result confirmed; the reopened one no longer.
      answered: { count: 3, share: 0.5 },
      solvedInFact: { count: 1, share: 0.1667 },
      // the canal's first department answered after its due day (yesterday), in two rounds; the others on time.
      answers: {
        accepted: 3,
        onTime: { count: 2, share: 0.6667 },
        medianDaysToAccept: 0,
        reviewRoundsPerAnswer: 1.33,
      },
      overdue: {
        asOf: today,
        proposals: 2,
        departments: [{ key: 'phong-tnmt', label: 'Phòng Tài nguyên và Môi trường', count: 1 }],
        communes: [{ key: 'gia-tan', label: 'Xã Gia Tân', count: 1 }],
      },
    });
  });

  it('keep the filters: another field, another zone, another range', async () => {
    const policy = (await stats(`${MONTH}&field=policy`)).body.resolution;
    const otherZone = (await stats(`${MONTH}&zoneId=khu-1`)).body;
    const otherMonths = (await stats('from=2027-04&to=2027-06')).body.resolution;

    expect([policy.answered.count, policy.answers.accepted, policy.overdue.proposals]).toEqual([0, 0, 1]);
    expect(policy.overdue.communes).toEqual([]);
    expect([otherZone.total, otherZone.resolution.overdue.proposals]).toEqual([0, 0]);
    expect([otherMonths.closed.share, otherMonths.overdue.proposals]).toEqual([null, 0]);
  });

  it('read a zone’s overdue entries from its own copy, whose missing entry the recount reports', async () => {
    const [entry] = (await queryAll({ partition: keys.zoneOverdueWatchPartition })).filter(
      (item) => String(item.SK).startsWith('khu-2#') && String(item.overdueFrom) <= today,
    );
    const overdue = async (query: string) => (await stats(`${MONTH}${query}`)).body.resolution.overdue.proposals;
    const before = [await overdue('&zoneId=khu-2'), await overdue('')];
    await documentClient().send(new DeleteCommand({ TableName: tableName(), Key: { PK: entry?.PK, SK: entry?.SK } }));

    const found = await verify();

    expect(found.body.overdueDifferences).toEqual([{ entry: entry?.SK, kind: 'missing' }]);
    expect([await overdue('&zoneId=khu-2'), await overdue('')]).toEqual([(before[0] ?? 0) - 1, before[1]]);
    await documentClient().send(new PutCommand({ TableName: tableName(), Item: entry }));
    expect((await verify()).body.exact).toBe(true);
  });

  it('name only the holders of the overdue entries they keep: another zone’s figures read no department’s name', async () => {
    const calls = recordDynamoCalls();
    const otherZone = (await stats(`${MONTH}&zoneId=khu-1`)).body;
    const named = calls.flatMap(itemsRead).filter((item) => String(item.PK).startsWith(keys.unit('department', '').PK));
    const district = (await stats(MONTH)).body;

    expect(otherZone.resolution.overdue.proposals).toBe(0);
    expect(named).toEqual([]);
    expect(district.resolution.overdue.departments.map((d) => d.label)).toContain('Phòng Tài nguyên và Môi trường');
  });

  it('are in the CSV table under the groups, departments by their Vietnamese names', async () => {
    const response = await fetch(`${api.baseUrl}/stats/proposals.csv?${MONTH}&by=department`, {
      headers: { authorization: `Bearer ${await api.tokenFor(OFFICE)}` },
    });
    const parsed = parseCsv((await response.text()).replace(/^\uFEFF/, '').replaceAll('\r\n', '\n'));
    const rows = 'records' in parsed ? parsed.records.map((record) => record.values) : [];

    expect(rows[0]).toEqual(['Mã', 'Ban, ngành', 'Số kiến nghị']);
    expect(rows).toContainEqual(['phong-kt-ht', 'Phòng Kinh tế và Hạ tầng', '2']);
    expect(rows).toContainEqual(['', 'Trong đó trả lời đúng hạn (66,67%)', '2']);
    expect(rows).toContainEqual(['', 'Chi bộ xác nhận đã giải quyết trên thực tế (16,67%)', '1']);
    expect(rows).toContainEqual(['phong-tnmt', 'Quá hạn trả lời: Phòng Tài nguyên và Môi trường', '1']);
    expect(rows).toContainEqual(['gia-tan', 'Quá hạn báo cáo kết quả: Xã Gia Tân', '1']);
  });

  it('are the same from the district’s commune-free counters as from the zone’s per-commune ones, for every grouping', async () => {
    // every proposal is khu-2's: without a zone the district's items are read, with it the zone's.
    for (const by of ['field', 'status', 'month', 'department']) {
      const district = (await stats(`${MONTH}&by=${by}`)).body;
      const zone = (await stats(`${MONTH}&by=${by}&zoneId=khu-2`)).body;

      expect(district.total).toBe(6);
      expect({ ...district, zoneId: 'khu-2' }).toEqual(zone);
    }
  });

  it('equal a full recount of the records', async () => {
    expect((await verify()).body).toEqual({
      proposals: 6,
      exact: true,
      differences: [],
      overdueDifferences: [],
      unsettled: [],
    });
  });
});

describe('the recount', () => {
  it('reports no false difference while others change the records it counts', async () => {
    const during = Promise.all([
      assign(POLICY, [{ departmentId: 'phong-tnmt', dueDate: later }]),
      step(LAMP, 'result', CHAIR, { outcome: 'resolved', text: 'Đã lắp đèn.' }),
      step(DRAIN, 'route', DEPUTY, { level: 'district', reason: 'Cần huyện hỗ trợ kinh phí.' }),
    ]);

    const [found, changes] = await Promise.all([verify(), during]);

    expect(changes.map((r) => r.status)).toEqual([200, 200, 200]);
    expect([found.body.differences, found.body.overdueDifferences]).toEqual([[], []]);
    expect((await verify()).body.exact).toBe(true);
    expect((await stats(MONTH)).body.resolution.overdue).toMatchObject({ proposals: 0, departments: [], communes: [] });
  });

  it('reports no false difference while one proposal is routed back and forth through many recounts', async () => {
    let routing = true;
    const reroute = async () => {
      for (const level of ['commune', 'district', 'commune', 'district', 'commune', 'district']) {
        expect((await step(DRAIN, 'route', OFFICE, { level, reason: 'Xét lại cấp giải quyết.' })).status).toBe(200);
      }
      routing = false;
    };
    const recounts: CountVerification[] = [];
    const recount = async () => {
      while (routing) recounts.push((await verify()).body);
    };

    await Promise.all([reroute(), recount(), recount()]);

    expect(recounts.length).toBeGreaterThan(0);
    expect(recounts.flatMap((r) => [...r.differences, ...r.overdueDifferences])).toEqual([]);
    expect((await verify()).body.exact).toBe(true);
  });

  it('reports a resolution counter made wrong in the zone’s own copy, an overdue entry missing and one extra, and is exact once they are put back', async () => {
    const counts = keys.zoneCounts('khu-2', '2027-03');
    const combination = 'a|agriculture|on-time';
    const nudge = (by: number) =>
      documentClient().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: counts,
          UpdateExpression: 'ADD #c :n',
          ExpressionAttributeNames: { '#c': combination },
          ExpressionAttributeValues: { ':n': by },
        }),
      );
    const stray = `${yesterday}#${ROAD}#department#phong-tnmt`;
    const watch = {
      overdueFrom: yesterday,
      proposalId: ROAD,
      holder: 'department',
      unitId: 'phong-tnmt',
      month: '2027-03',
      zoneId: 'khu-2',
      field: 'industry-infrastructure',
    };
    // the policy proposal's second department owes an answer due later: its entry is taken away.
    const owed = `${addDays(later, 1)}#${POLICY}#department#phong-kt-ht`;
    const owedItem = await getItem(keys.overdueWatch(owed));
    await nudge(1);
    await documentClient().send(
      new PutCommand({ TableName: tableName(), Item: { ...keys.overdueWatch(stray), ...watch } }),
    );
    await documentClient().send(new DeleteCommand({ TableName: tableName(), Key: keys.overdueWatch(owed) }));

    const found = await verify();

    expect(found.body).toEqual({
      proposals: 6,
      exact: false,
      differences: [{ month: '2027-03', zoneId: 'khu-2', copy: 'by-zone', combination, stored: 2, recounted: 1 }],
      overdueDifferences: [
        { entry: owed, kind: 'missing' },
        { entry: stray, kind: 'extra' },
      ],
      unsettled: [],
    });
    await nudge(-1);
    await documentClient().send(new DeleteCommand({ TableName: tableName(), Key: keys.overdueWatch(stray) }));
    await documentClient().send(new PutCommand({ TableName: tableName(), Item: owedItem }));
    expect(owedItem).toMatchObject({ proposalId: POLICY, holder: 'department', unitId: 'phong-kt-ht' });
    expect((await verify()).body.exact).toBe(true);
  });
});
