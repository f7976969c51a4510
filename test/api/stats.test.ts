/**
 * The counters behind `GET /stats/proposals` stay exact as proposals move through their lifecycle
 * (a report with a withdrawn proposal, floor proposals, the close's raising, parallel routing,
 * re-routing and a merge): a full recount of the records (`GET /stats/verify`) finds no
 * difference, and the figures equal what the proposal list holds. A counter made wrong on purpose
 * is reported. Who may read which zone's figures, and the range limits.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentClient, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { getItem } from '../../shared/db/store';
import { parseCsv } from '../../shared/domain/csv';
import { isCounter } from '../../shared/domain/stats/proposal-counts';
import type { CountVerification } from '../../shared/domain/stats/stats-views';
import { useApi } from '../support/api';
import { expectProblem } from '../support/problem';
import { seedSampleDistrict } from '../support/sample-district';

const api = useApi();

const OFFICE = 'van-phong-1';
const DEPUTY = 'pho-khu-2';
const CELL = 'gia-tan-thon-ha';
const SECRETARY = 'bi-thu-cb-gia-tan-thon-ha';
const MEETING = '2027-03.khu-2';

interface Proposal {
  id: string;
  status: string;
  field: string;
  communeId: string;
}
interface Stats {
  from: string;
  to: string;
  total: number;
  groups: { key: string; label: string; count: number }[];
  busiestMonth: { month: string; count: number } | null;
  quietestMonth: { month: string; count: number } | null;
  resolution: { overdue: { asOf: string } };
}
/** A recount of `proposals` that found nothing to report. */
const exactRecount = (proposals: number) => ({
  proposals,
  exact: true,
  differences: [],
  overdueDifferences: [],
  unsettled: [],
});

const proposal = (field: string, title: string, content: string, addressee: object = { kind: 'commune' }) => ({
  field,
  title,
  content,
  place: 'Thôn Hạ',
  addressee,
});

const report = {
  situation: 'Chi bộ có 42 đảng viên, sinh hoạt đủ 1 kỳ; thôn Hạ thu hoạch xong 65 ha lúa xuân, năng suất 62 tạ/ha.',
  nextMonthTasks: 'Vận động 12 hộ ven kênh T3 tháo dỡ lều quán trước ngày 30/4; ra quân làm sạch đường làng.',
  followThrough: { heldOn: '2026-11-20', passedOn: 'Quán triệt kết luận về phòng chống dịch bệnh tới 4 tổ đảng.' },
  proposals: [
    proposal(
      'industry-infrastructure',
      'Cứng hoá đường làng thôn Hạ',
      'Tuyến đường làng từ cổng làng đến nghĩa trang dài 800 m xuống cấp, ổ gà sâu.',
    ),
    proposal(
      'agriculture',
      'Nạo vét kênh tưới T3',
      'Kênh T3 đoạn qua cánh đồng Mả Tre bồi lắng 1,2 km, không đủ nước cho vụ mùa.',
      { kind: 'department', id: 'phong-nn-ptnt' },
    ),
    proposal(
      'policy',
      'Chế độ cho thanh niên xung phong',
      'Ba cựu thanh niên xung phong của thôn chưa được giải quyết chế độ trợ cấp một lần.',
      { kind: 'district' },
    ),
  ],
};

/** Floor proposals of cells of three communes of the zone, in several fields. */
const floors = [
  [
    'gia-tan-thon-my-xa',
    'security-defence',
    'Lắp đèn ngã ba Mỹ Xá',
    'Ngã ba Mỹ Xá không có đèn, hai vụ va chạm xe máy.',
  ],
  [
    'gia-luong-thon-nhan-ly',
    'land',
    'Cấp giấy đất thôn Nhân Lý',
    'Bảy hộ thôn Nhân Lý chờ giấy chứng nhận đất hai năm.',
  ],
  [
    'gia-luong-thon-nhan-ly',
    'land',
    'Giấy chứng nhận đất Nhân Lý',
    'Các hộ thôn Nhân Lý chưa được cấp giấy chứng nhận đất.',
  ],
  [
    'gia-xuyen-thon-dong',
    'agriculture',
    'Trạm bơm thôn Đông hỏng',
    'Trạm bơm thôn Đông hỏng động cơ, 30 ha lúa thiếu nước.',
  ],
  [
    'gia-xuyen-thon-dong',
    'culture-society',
    'Sửa nhà văn hoá thôn Đông',
    'Mái nhà văn hoá thôn Đông dột, không đủ chỗ họp.',
  ],
  ['gia-xuyen-thon-ha-bi', 'other', 'Thu gom rác thôn Hà Bì', 'Bãi rác tạm thôn Hà Bì quá tải, rác tràn ra đường.'],
  ['gia-tan-thon-thuan-my', 'policy', 'Trợ cấp hộ nghèo Thuần Mỹ', 'Năm hộ nghèo thôn Thuần Mỹ chưa nhận trợ cấp tết.'],
  [
    'gia-tan-thon-thuan-my',
    'agriculture',
    'Giống lúa thôn Thuần Mỹ',
    'Giống lúa vụ xuân cấp cho thôn Thuần Mỹ nảy mầm kém.',
  ],
].map(([cellId, field, title, content]) => ({
  cellId,
  ...proposal(field as string, title as string, content as string),
}));

async function etagOf(path: string): Promise<string> {
  return (await api.request('GET', path, { as: OFFICE })).headers.get('etag') as string;
}

async function post(path: string, as: string, body?: unknown, versionOf = path.replace(/\/[a-z-]+$/, '')) {
  return api.request<Proposal>('POST', path, { as, body, headers: { 'if-match': await etagOf(versionOf) } });
}

async function allProposals(): Promise<Proposal[]> {
  return (await api.request<{ items: Proposal[] }>('GET', '/proposals?limit=100', { as: OFFICE })).body.items;
}

const stats = (query: string, as = OFFICE) => api.request<Stats>('GET', `/stats/proposals?${query}`, { as });
const verify = () => api.request<CountVerification>('GET', '/stats/verify', { as: OFFICE });

/** How many of `items` have each value of `key`. */
function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}
const asCounts = (response: { body: Stats }) =>
  Object.fromEntries(response.body.groups.map((group) => [group.key, group.count]));

beforeAll(async () => {
  await seedSampleDistrict();
  expect((await api.request('POST', '/cycles/2027-03/open', { as: OFFICE })).status).toBe(201);
});

describe('the counters through a proposal’s lifecycle', () => {
  it('count nothing before anything is raised', async () => {
    const response = await stats('from=2027-01&to=2027-12');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      from: '2027-01',
      to: '2027-12',
      by: 'field',
      total: 0,
      groups: [],
      busiestMonth: null,
      quietestMonth: null,
      resolution: {
        closed: { count: 0, share: null },
        answered: { count: 0, share: null },
        solvedInFact: { count: 0, share: null },
        answers: {
          accepted: 0,
          onTime: { count: 0, share: null },
          medianDaysToAccept: null,
          reviewRoundsPerAnswer: null,
        },
        overdue: { asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), proposals: 0, departments: [], communes: [] },
      },
    });
  });

  it('count what the close raises: a report less its withdrawn proposal, and the floor’s', async () => {
    const path = `/meetings/${MEETING}/reports/${CELL}`;
    expect((await api.request('PUT', path, { as: SECRETARY, body: report })).status).toBe(201);
    const agreement = { agreedOn: '2026-11-25', membersPresent: 4, membersTotal: 5, presidedBy: 'Nguyễn Trọng Quyết' };
    expect((await post(`${path}/agreement`, SECRETARY, agreement, path)).status).toBe(200);
    expect((await post(`${path}/submit`, SECRETARY, undefined, path)).status).toBe(200);
    expect((await post(`${path}/proposals/2/withdraw`, SECRETARY, { reason: 'Xã đã nạo vét' }, path)).status).toBe(200);
    expect((await post(`/meetings/${MEETING}/hold`, DEPUTY)).status).toBe(200);
    for (const floor of floors) {
      const added = await post(`/meetings/${MEETING}/floor-proposals`, DEPUTY, floor, `/meetings/${MEETING}`);
      expect(added.status).toBe(201);
    }
    expect((await post(`/meetings/${MEETING}/close`, DEPUTY)).status).toBe(200);

    const raised = await allProposals();
    const byField = await stats('from=2027-03&to=2027-03');

    expect(raised).toHaveLength(2 + floors.length);
    expect(asCounts(byField)).toEqual(countBy(raised, (p) => p.field));
    expect(byField.body.total).toBe(10);
    expect((await stats('from=2027-03&to=2027-03&by=status')).body.groups).toEqual([
      { key: 'raised', label: 'đã nêu tại hội nghị', count: 10 },
    ]);
    expect((await verify()).body).toEqual(exactRecount(10));
  });

  it('stay exact when every proposal is routed at once, then re-routed at once, and one is merged', async () => {
    const raised = await allProposals();

    const routed = await Promise.all(
      raised.map((p, i) => post(`/proposals/${p.id}/route`, DEPUTY, { level: i % 2 === 0 ? 'commune' : 'district' })),
    );
    const rerouted = await Promise.all(
      raised
        .slice(0, 4)
        .map((p, i) =>
          post(`/proposals/${p.id}/route`, OFFICE, { level: i % 2 === 0 ? 'district' : 'commune', reason: 'Xét lại' }),
        ),
    );
    const [kept, duplicate] = raised.filter((p) => p.field === 'land');
    const merged = await post(`/proposals/${duplicate?.id}/merge`, DEPUTY, {
      into: kept?.id,
      reason: 'Trùng nội dung',
    });

    expect(routed.map((r) => r.status)).toEqual(raised.map(() => 200));
    expect(rerouted.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(merged.status).toBe(200);
    const now = await allProposals();
    expect(asCounts(await stats('from=2027-03&to=2027-03&by=status'))).toEqual(countBy(now, (p) => p.status));
    expect(asCounts(await stats('from=2027-03&to=2027-03&by=commune'))).toEqual(countBy(now, (p) => p.communeId));
    expect((await verify()).body).toEqual(exactRecount(10));
  });

  it('stay exact when the same proposal is routed by two callers at once: one wins, the other changes nothing', async () => {
    const target = (await allProposals()).find((p) => p.status === 'routed-commune');
    const version = await etagOf(`/proposals/${target?.id}`);
    const body = { level: 'district', reason: 'Cùng lúc' };

    const answers = await Promise.all(
      [OFFICE, DEPUTY].map((as) =>
        api.request('POST', `/proposals/${target?.id}/route`, { as, body, headers: { 'if-match': version } }),
      ),
    );

    expect(answers.map((a) => a.status).sort()).toEqual([200, 412]);
    expect((await verify()).body.exact).toBe(true);
  });

  it('labels each group in Vietnamese, in the dimension’s order', async () => {
    const byZone = await stats('from=2027-03&to=2027-03&by=zone');
    const byCommune = await stats('from=2027-03&to=2027-03&by=commune&field=land');
    const byMonth = await stats('from=2027-01&to=2027-06&by=month');

    expect(byZone.body.groups).toEqual([{ key: 'khu-2', label: 'Khu 2', count: 10 }]);
    expect(byCommune.body.groups).toEqual([{ key: 'gia-luong', label: 'Xã Gia Lương', count: 2 }]);
    expect(byCommune.body.total).toBe(2);
    expect(byMonth.body.groups).toEqual([{ key: '2027-03', label: 'Tháng 3/2027', count: 10 }]);
    expect(byMonth.body.busiestMonth).toEqual({ month: '2027-03', count: 10 });
    expect(byMonth.body.quietestMonth).toEqual({ month: '2027-03', count: 10 });
    expect((await stats('from=2027-01&to=2027-06&by=field')).body.groups.map((g) => g.label)).toContain(
      'Sản xuất nông nghiệp',
    );
  });
});

describe('the figures as a table and a chart', () => {
  it('gives the table as CSV with a BOM, Vietnamese headers, each group, the total and the months', async () => {
    const response = await fetch(`${api.baseUrl}/stats/proposals.csv?from=2027-01&to=2027-06&by=field`, {
      headers: { authorization: `Bearer ${await api.tokenFor(OFFICE)}` },
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const parsed = parseCsv(new TextDecoder().decode(bytes).replaceAll('\r\n', '\n'));
    const figures = (await stats('from=2027-01&to=2027-06&by=field')).body;

    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect('records' in parsed && parsed.records.map((record) => record.values)).toEqual([
      ['Mã', 'Lĩnh vực', 'Số kiến nghị'],
      ...figures.groups.map((group) => [group.key, group.label, String(group.count)]),
      ['', 'Tổng cộng (Tháng 1/2027 – Tháng 6/2027)', '10'],
      ['', 'Tháng nhiều nhất: Tháng 3/2027', '10'],
      ['', 'Tháng ít nhất: Tháng 3/2027', '10'],
      ['', 'Đã kết thúc (0% tổng số)', '0'],
      ['', 'Đã trả lời, báo cáo kết quả (0%)', '0'],
      ['', 'Chi bộ xác nhận đã giải quyết trên thực tế (0%)', '0'],
      ['', 'Trả lời của ban, ngành được chấp nhận', '0'],
      ['', 'Trong đó trả lời đúng hạn (–)', '0'],
      ['', 'Số ngày trung vị từ khi nêu đến khi trả lời được chấp nhận', ''],
      ['', 'Số lần trả lời bình quân mỗi trả lời được chấp nhận', ''],
      ['', `Kiến nghị quá hạn đến ngày ${figures.resolution.overdue.asOf.split('-').reverse().join('/')}`, '0'],
    ]);
  });

  it('draws every month of the range as a bar stacked by field, with Vietnamese labels', async () => {
    const response = await api.request<string>('GET', '/stats/proposals.svg?from=2027-01&to=2027-06', { as: OFFICE });
    const figures = (await stats('from=2027-03&to=2027-03&by=field')).body;

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(response.body).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    for (const group of figures.groups) {
      expect(response.body).toContain(`<title>3/2027 – ${group.label}: ${group.count}</title>`);
    }
    expect(response.body.match(/<rect [^>]*><title>/g)).toHaveLength(figures.groups.length);
    expect(response.body).toContain('Số kiến nghị theo tháng và lĩnh vực, Tháng 1/2027 – Tháng 6/2027');
    expect(response.body).toContain('6/2027');
  });

  it('names the zone and the field the chart is filtered to in its title', async () => {
    const response = await api.request<string>(
      'GET',
      '/stats/proposals.svg?from=2027-03&to=2027-03&zoneId=khu-2&field=land',
      {
        as: OFFICE,
      },
    );

    expect(response.status).toBe(200);
    expect(response.body).toContain('Tháng 3/2027 – Tháng 3/2027 (Khu 2, Quản lý đất đai)');
  });
});

describe('the district counters', () => {
  it('give the figures without a zone as the sums of every zone’s, for every grouping', async () => {
    const zones = await api.request<{ items: { id: string }[] }>('GET', '/zones', { as: OFFICE });
    for (const by of ['month', 'field', 'status', 'commune', 'department']) {
      const district = (await stats(`from=2027-01&to=2027-06&by=${by}`)).body;
      const summed = new Map<string, number>();
      let total = 0;
      for (const { id } of zones.body.items) {
        const zone = (await stats(`from=2027-01&to=2027-06&by=${by}&zoneId=${id}`)).body;
        total += zone.total;
        for (const group of zone.groups) summed.set(group.key, (summed.get(group.key) ?? 0) + group.count);
      }

      expect(district.total).toBe(total);
      expect(district.total).toBeGreaterThan(0);
      expect(new Map(district.groups.map((group) => [group.key, group.count]))).toEqual(summed);
    }
  });

  it('keep a month in one item that names no commune: its size follows the fields, states and departments', async () => {
    const item = (await getItem(keys.districtCounts('2027-03'))) ?? {};
    const counters = Object.keys(item).filter(isCounter);
    const communes = (await allProposals()).map((p) => p.communeId);

    expect(counters).toContain('t|land|merged');
    expect(counters.filter((name) => name.startsWith('c|') || communes.some((id) => name.includes(id)))).toEqual([]);
  });
});

/** Adds `n` to one counter of a counts item behind the application's back. */
async function addToCounter(key: { PK: string; SK: string }, combination: string, n: number) {
  await documentClient().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: key,
      UpdateExpression: 'ADD #c :n',
      ExpressionAttributeNames: { '#c': combination },
      ExpressionAttributeValues: { ':n': n },
    }),
  );
}

describe('the recount', () => {
  const combination = 'c|gia-tan|other|raised|-|district';

  it('reports a counter that differs from the records, with both values', async () => {
    const key = keys.proposalCounts('2027-03', 'khu-2');
    await addToCounter(key, combination, 1);

    const found = await verify();

    expect(found.body).toEqual({
      ...exactRecount(10),
      exact: false,
      differences: [{ month: '2027-03', zoneId: 'khu-2', copy: 'by-month', combination, stored: 1, recounted: 0 }],
    });
    await addToCounter(key, combination, -1);
    expect((await verify()).body.exact).toBe(true);
  });

  it('reports a counter of the zone’s own copy that differs, which only the zone’s figures read', async () => {
    const key = keys.zoneCounts('khu-2', '2027-03');
    const giaTan = async (query: string) =>
      (await stats(`from=2027-03&to=2027-03&by=commune${query}`)).body.groups.find((g) => g.key === 'gia-tan')?.count;
    const before = await giaTan('&zoneId=khu-2');
    await addToCounter(key, combination, 1);

    const found = await verify();

    expect(found.body).toEqual({
      ...exactRecount(10),
      exact: false,
      differences: [{ month: '2027-03', zoneId: 'khu-2', copy: 'by-zone', combination, stored: 1, recounted: 0 }],
    });
    expect([await giaTan('&zoneId=khu-2'), await giaTan('')]).toEqual([(before ?? 0) + 1, before]);
    await addToCounter(key, combination, -1);
    expect((await verify()).body.exact).toBe(true);
  });

  it('reports a district counter that differs from its month’s records, the zones’ being right', async () => {
    const key = keys.districtCounts('2027-03');
    const total = 't|other|raised';
    await addToCounter(key, total, 1);

    const found = await verify();

    expect(found.body).toEqual({
      ...exactRecount(10),
      exact: false,
      differences: [
        { month: '2027-03', zoneId: '_district', copy: 'by-month', combination: total, stored: 1, recounted: 0 },
      ],
    });
    await addToCounter(key, total, -1);
    expect((await verify()).body.exact).toBe(true);
  });

  it('is the office’s only', async () => {
    expectProblem(await api.request('GET', '/stats/verify', { as: 'bi-thu' }), 403, 'forbidden');
  });
});

describe('who reads which figures', () => {
  it('gives a zone’s deputy their own zone by default and refuses another (403)', async () => {
    const own = await stats('from=2027-03&to=2027-03', 'pho-khu-1');
    const other = await stats('from=2027-03&to=2027-03&zoneId=khu-2', 'pho-khu-1');
    const theirs = await stats('from=2027-03&to=2027-03', DEPUTY);

    expect([own.status, own.body.total]).toEqual([200, 0]);
    expectProblem(other, 403, 'forbidden');
    expect([theirs.status, theirs.body.total]).toEqual([200, 10]);
  });

  it('gives the standing board every zone, and refuses a cell secretary (403)', async () => {
    expect((await stats('from=2027-03&to=2027-03', 'bi-thu')).body.total).toBe(10);
    expectProblem(await stats('from=2027-03&to=2027-03', SECRETARY), 403, 'forbidden');
  });
});

describe('the range of months', () => {
  it.each([
    ['from=2027-05&to=2027-01', '/query/to', 'before_from'],
    ['from=2001-01&to=2027-01', '/query/from', 'range_too_long'],
    ['from=2027-13', '/query/from', 'invalid_format'],
  ])('refuses %s (400 at %s)', async (query, path, code) => {
    const response = await stats(query);

    expectProblem(response, 400, 'validation_failed');
    expect((response.body as unknown as { errors: { path: string; code: string }[] }).errors).toEqual([
      expect.objectContaining({ path, code }),
    ]);
  });

  it('covers 300 months ending this month by default', async () => {
    const response = await stats('by=month');

    expect(response.status).toBe(200);
    const [fromYear, fromMonth] = response.body.from.split('-').map(Number);
    const [toYear, toMonth] = response.body.to.split('-').map(Number);
    expect(((toYear ?? 0) - (fromYear ?? 0)) * 12 + (toMonth ?? 0) - (fromMonth ?? 0) + 1).toBe(300);
  });
});
