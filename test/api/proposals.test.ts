/**
 * Issue 7's walk through HTTP: a cell's report raised at its meeting's close with a floor proposal,
 * routed, merged and read back with its history; who sees which proposal; and finding them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/db/keys';
import { getItem, queryAll } from '../../shared/db/store';
import { addMonths, vietnamMonth } from '../../shared/domain/time';
import { type ApiResponse, useApi } from '../support/api';
import { expectProblem } from '../support/problem';
import { seedSampleDistrict } from '../support/sample-district';

const api = useApi();

const OFFICE = 'van-phong-1';
const CELL = 'gia-tan-thon-ha';
const SECRETARY = 'bi-thu-cb-gia-tan-thon-ha';
/** Another cell of the same commune, on whose behalf the floor proposal is raised. */
const NEIGHBOUR = 'gia-tan-thon-my-xa';
const NEIGHBOUR_SECRETARY = 'bi-thu-cb-gia-tan-thon-my-xa';
const DEPUTY = 'pho-khu-2';
const MARCH = '2027-03.khu-2';
/** An earlier month of another zone, whose proposals routed to a commune are overdue by now. */
const SEPTEMBER = '2026-09.khu-1';
const OTHER_DEPUTY = 'pho-khu-1';

interface Proposal {
  id: string;
  number: string;
  status: string;
  level: string | null;
  month: string;
  cellId: string;
  dueMonth?: string;
  overdue: boolean;
  mergedInto?: string;
  history: {
    seq: number;
    action: string;
    from: string | null;
    to: string;
    note?: string;
    by: { officialId: string };
  }[];
}
type Page = { items: Proposal[]; nextCursor?: string };

const text = (title: string, content: string) => ({ title, content });
const report = {
  situation:
    'Chi bộ có 42 đảng viên, sinh hoạt đủ 1 kỳ; thôn Hạ thu hoạch xong 65 ha lúa xuân, năng suất 62 tạ/ha bình quân.',
  nextMonthTasks: 'Vận động 12 hộ ven kênh T3 tháo dỡ lều quán trước ngày 30/4; ra quân làm sạch đường làng.',
  followThrough: { heldOn: '2026-11-20', passedOn: 'Quán triệt kết luận về phòng chống dịch bệnh tới 4 tổ đảng.' },
  proposals: [
    {
      field: 'industry-infrastructure',
      ...text(
        'Cứng hoá đường làng thôn Hạ',
        'Tuyến đường làng từ cổng làng đến nghĩa trang dài 800 m xuống cấp, ổ gà sâu.',
      ),
      place: 'Thôn Hạ',
      addressee: { kind: 'commune' },
    },
    {
      field: 'agriculture',
      ...text('Nạo vét kênh tưới T3', 'Kênh T3 đoạn qua cánh đồng Mả Tre bồi lắng 1,2 km, không đủ nước cho vụ mùa.'),
      place: 'Cánh đồng Mả Tre, thôn Hạ',
      addressee: { kind: 'department', id: 'phong-nn-ptnt' },
    },
    {
      field: 'policy',
      ...text(
        'Chế độ cho thanh niên xung phong',
        'Ba cựu thanh niên xung phong của thôn chưa được giải quyết chế độ trợ cấp một lần.',
      ),
      place: 'Thôn Hạ',
      addressee: { kind: 'district' },
    },
  ],
};
const floor = {
  cellId: NEIGHBOUR,
  field: 'security-defence',
  ...text(
    'Lắp đèn chiếu sáng ngã ba Mỹ Xá',
    'Ngã ba Mỹ Xá không có đèn, hai vụ va chạm xe máy trong tháng; đề nghị lắp 4 bóng đèn.',
  ),
  place: 'Ngã ba thôn Mỹ Xá',
  addressee: { kind: 'commune' },
};

async function etagOf(path: string): Promise<string> {
  return (await api.request('GET', path, { as: OFFICE })).headers.get('etag') as string;
}

async function post<T = Proposal>(
  path: string,
  as: string,
  body?: unknown,
  versionOf = path.replace(/\/[a-z-]+$/, ''),
) {
  return api.request<T>('POST', path, { as, body, headers: { 'if-match': await etagOf(versionOf) } });
}

async function runMeeting(meetingId: string, deputy: string, floors: unknown[]): Promise<void> {
  expect((await post(`/meetings/${meetingId}/hold`, deputy)).status).toBe(200);
  for (const entry of floors) {
    expect((await post(`/meetings/${meetingId}/floor-proposals`, deputy, entry, `/meetings/${meetingId}`)).status).toBe(
      201,
    );
  }
  expect((await post(`/meetings/${meetingId}/close`, deputy)).status).toBe(200);
}

/** Opens a month's cycle, unless an earlier step (whose month depends on today's) opened it already. */
async function openMonth(month: string): Promise<void> {
  const opened = await api.request<{ code?: string }>('POST', `/cycles/${month}/open`, { as: OFFICE });
  expect(opened.status === 201 || opened.body.code === 'cycle_already_open').toBe(true);
}

const list = (query: string, as = OFFICE) => api.request<Page>('GET', `/proposals?${query}`, { as });
const ids = (response: ApiResponse<Page>) => response.body.items.map((p) => p.id).sort();

/** The stored record and its history items, to prove a refusal changed nothing. */
async function stored(id: string) {
  return {
    record: await getItem(keys.proposal(id)),
    history: (await queryAll({ partition: keys.proposalPartition(id), prefix: keys.proposalHistoryPrefix })).length,
  };
}

const march = (suffix: string) => `${MARCH}.${suffix}`;
const [ROAD, CANAL, POLICY, LAMP] = [
  march(`${CELL}.1`),
  march(`${CELL}.2`),
  march(`${CELL}.3`),
  march(`${NEIGHBOUR}.f1`),
];
const september = (n: number) => `${SEPTEMBER}.thi-tran-gia-loc-khu-dan-cu-1.f${n}`;

beforeAll(async () => {
  await seedSampleDistrict();
  for (const month of ['2026-09', '2027-03']) {
    expect((await api.request('POST', `/cycles/${month}/open`, { as: OFFICE })).status).toBe(201);
  }
});

describe('a cell’s proposals from its report to their routing', () => {
  it('drafts, agrees and submits a report of three proposals', async () => {
    const path = `/meetings/${MARCH}/reports/${CELL}`;
    expect((await api.request('PUT', path, { as: SECRETARY, body: report })).status).toBe(201);
    const agreement = { agreedOn: '2026-11-25', membersPresent: 4, membersTotal: 5, presidedBy: 'Nguyễn Trọng Quyết' };
    expect((await post(`${path}/agreement`, SECRETARY, agreement, path)).status).toBe(200);
    const submitted = await post<{ status: string }>(`${path}/submit`, SECRETARY, undefined, path);

    expect(submitted.body.status).toBe('submitted');
  });

  it('raises the three and the deputy’s floor proposal at the close, numbered', async () => {
    await runMeeting(MARCH, DEPUTY, [floor]);

    const raised = await Promise.all(
      [ROAD, CANAL, POLICY, LAMP].map((id) => api.request<Proposal>('GET', `/proposals/${id}`, { as: OFFICE })),
    );
    expect(raised.map((r) => [r.status, r.body.status, r.body.number])).toEqual([
      [200, 'raised', '2027-03/K2/001'],
      [200, 'raised', '2027-03/K2/002'],
      [200, 'raised', '2027-03/K2/003'],
      [200, 'raised', '2027-03/K2/004'],
    ]);
    expect(raised[3]?.body.history).toEqual([
      expect.objectContaining({
        seq: 1,
        action: 'raise',
        from: null,
        to: 'raised',
        by: expect.objectContaining({ officialId: DEPUTY }),
      }),
    ]);
  });

  it('lets the deputy route one to the commune and three to the district, each history in order', async () => {
    const routed = [
      await post(`/proposals/${ROAD}/route`, DEPUTY, { level: 'commune' }),
      ...(await Promise.all(
        [CANAL, POLICY, LAMP].map((id) => post(`/proposals/${id}/route`, DEPUTY, { level: 'district' })),
      )),
    ];

    expect(routed.map((r) => [r.status, r.body.status, r.body.level])).toEqual([
      [200, 'routed-commune', 'commune'],
      [200, 'routed-district', 'district'],
      [200, 'routed-district', 'district'],
      [200, 'routed-district', 'district'],
    ]);
    expect(routed[0]?.body.dueMonth).toBe('2027-04');
    const road = await api.request<Proposal>('GET', `/proposals/${ROAD}`, { as: SECRETARY });
    expect(road.body.history.map(({ seq, action, from, to }) => ({ seq, action, from, to }))).toEqual([
      { seq: 1, action: 'raise', from: 'submitted', to: 'raised' },
      { seq: 2, action: 'route-to-commune', from: 'raised', to: 'routed-commune' },
    ]);
    const audit = await api.request<{ items: { action: string }[] }>('GET', `/audit?entity=proposal:${ROAD}`, {
      as: OFFICE,
    });
    // the trail lists the newest first.
    expect(audit.body.items.map((entry) => entry.action)).toEqual(['route-to-commune', 'create']);
  });

  it('refuses routing again without a reason (400), changing nothing, and takes it with one', async () => {
    const before = await stored(LAMP);

    const refused = await post(`/proposals/${LAMP}/route`, DEPUTY, { level: 'commune' });

    expectProblem(refused, 400, 'validation_failed');
    expect(await stored(LAMP)).toEqual(before);
    const rerouted = await post(`/proposals/${LAMP}/route`, DEPUTY, {
      level: 'commune',
      reason: 'Thuộc thẩm quyền của xã',
    });
    expect([rerouted.status, rerouted.body.status, rerouted.body.level]).toEqual([200, 'routed-commune', 'commune']);
  });

  it('refuses the head of another zone (403) and hides the proposal from its deputy (404), changing nothing', async () => {
    const before = await stored(CANAL);

    const head = await post(`/proposals/${CANAL}/route`, 'truong-khu-1', { level: 'commune', reason: 'Thử' });
    const deputy = await post(`/proposals/${CANAL}/route`, OTHER_DEPUTY, { level: 'commune', reason: 'Thử' });

    expectProblem(head, 403, 'forbidden');
    expectProblem(deputy, 404, 'proposal_not_found');
    expect(await stored(CANAL)).toEqual(before);
  });
});

describe('who sees a proposal', () => {
  it.each([
    ['a cell secretary of another cell', NEIGHBOUR_SECRETARY],
    ['a commune leader of another commune', 'bi-thu-gia-luong'],
    ['a department it is not addressed to', 'can-bo-phong-tnmt'],
    ['the deputy of another zone', OTHER_DEPUTY],
  ])('not %s: 404 on it, and never in a list', async (_, official) => {
    const single = await api.request('GET', `/proposals/${CANAL}`, { as: official });
    const everything = await list('limit=100', official);
    const searched = await list('q=kenh', official);

    expectProblem(single, 404, 'proposal_not_found');
    expect(ids(everything)).not.toContain(CANAL);
    expect(ids(searched)).not.toContain(CANAL);
  });

  it.each([
    ['the cell’s secretary: its three', SECRETARY, [ROAD, CANAL, POLICY]],
    ['the secretary of the cell the floor spoke for: that one', NEIGHBOUR_SECRETARY, [LAMP]],
    ['the addressed department: its one', 'can-bo-phong-nn-ptnt', [CANAL]],
    ['the commune’s secretary: its cells’ four', 'bi-thu-gia-tan', [ROAD, CANAL, POLICY, LAMP]],
    ['the commune leader of another commune: none', 'bi-thu-gia-luong', []],
  ])('%s', async (_, official, expected) => {
    expect(ids(await list('limit=100', official))).toEqual([...expected].sort());
  });
});

describe('merging a duplicate', () => {
  beforeAll(async () => {
    const cellId = 'thi-tran-gia-loc-khu-dan-cu-1';
    const floors = [
      {
        ...floor,
        cellId,
        field: 'land',
        ...text(
          'Cấp giấy đất ở khu dân cư số 1',
          'Bảy hộ tái định cư khu dân cư số 1 chờ giấy chứng nhận quyền sử dụng đất đã hai năm.',
        ),
      },
      {
        ...floor,
        cellId,
        field: 'land',
        ...text(
          'Giấy chứng nhận đất tái định cư',
          'Các hộ tái định cư khu dân cư số 1 chưa được cấp giấy chứng nhận quyền sử dụng đất.',
        ),
      },
      {
        ...floor,
        cellId,
        field: 'culture-society',
        ...text(
          'Sửa nhà văn hoá khu dân cư số 1',
          'Mái nhà văn hoá khu dân cư số 1 dột nát, không đủ chỗ họp cho 120 hộ.',
        ),
      },
    ];
    await runMeeting(SEPTEMBER, OTHER_DEPUTY, floors);
    for (const n of [1, 3])
      expect((await post(`/proposals/${september(n)}/route`, OTHER_DEPUTY, { level: 'commune' })).status).toBe(200);
  });

  it('folds it into the other, keeping both histories, and locks it', async () => {
    const merged = await post(`/proposals/${september(2)}/merge`, OTHER_DEPUTY, {
      into: september(1),
      reason: 'Trùng nội dung',
    });

    expect([merged.status, merged.body.status, merged.body.mergedInto]).toEqual([200, 'merged', september(1)]);
    const [duplicate, kept] = await Promise.all(
      [2, 1].map((n) => api.request<Proposal>('GET', `/proposals/${september(n)}`, { as: OFFICE })),
    );
    expect(duplicate?.body.history.map((h) => h.action)).toEqual(['raise', 'merge']);
    expect(kept?.body.history.map((h) => [h.action, h.from, h.to])).toEqual([
      ['raise', null, 'raised'],
      ['route-to-commune', 'raised', 'routed-commune'],
      ['absorb', 'routed-commune', 'routed-commune'],
    ]);
    expect(kept?.body.history.at(-1)?.note).toContain('2026-09/K1/002');
    const again = await post(`/proposals/${september(2)}/route`, OTHER_DEPUTY, { level: 'district' });
    expectProblem(again, 409, 'proposal_merged');
  });

  it('refuses merging a proposal into itself or into one the caller cannot see (400), changing nothing', async () => {
    const before = await stored(september(3));

    const itself = await post<{ errors: { path: string; code: string }[] }>(
      `/proposals/${september(3)}/merge`,
      OTHER_DEPUTY,
      { into: september(3), reason: 'Trùng' },
    );
    const hidden = await post<{ errors: { path: string; code: string }[] }>(
      `/proposals/${september(3)}/merge`,
      OTHER_DEPUTY,
      { into: CANAL, reason: 'Trùng' },
    );

    expect([itself.status, itself.body.errors[0]?.code]).toEqual([400, 'same_proposal']);
    expect([hidden.status, hidden.body.errors[0]?.code]).toEqual([400, 'unknown_reference']);
    expect(await stored(september(3))).toEqual(before);
  });
});

describe('finding proposals', () => {
  const all = () => [ROAD, CANAL, POLICY, LAMP, september(1), september(2), september(3)].sort();

  it('matches words of title and content without diacritics or case', async () => {
    expect(ids(await list('q=duong%20lang'))).toEqual([ROAD]);
    expect(ids(await list(`q=${encodeURIComponent('ĐƯỜNG LÀNG')}`))).toEqual([ROAD]);
    expect(ids(await list('q=lang%20duong'))).toEqual([ROAD]);
    expect(ids(await list('q=chung%20nhan'))).toEqual([september(1), september(2)].sort());
    expect(ids(await list('q=ca%20phe'))).toEqual([]);
    expectProblem(await list('q=%21%21'), 400, 'validation_failed');
  });

  it('refuses a month range that ends before it starts (400 at /query/to)', async () => {
    const response = await list('from=2027-03&to=2027-01');

    expectProblem(response, 400, 'validation_failed');
    expect((response.body as unknown as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      '/query/to',
    ]);
  });

  it.each([
    ['from=2027-01', [ROAD, CANAL, POLICY, LAMP]],
    ['to=2026-12', [september(1), september(2), september(3)]],
    ['from=2026-10&to=2027-02', []],
    ['zoneId=khu-1', [september(1), september(2), september(3)]],
    ['communeId=gia-tan', [ROAD, CANAL, POLICY, LAMP]],
    [`cellId=${CELL}`, [ROAD, CANAL, POLICY]],
    ['field=land', [september(1), september(2)]],
    ['status=routed-district', [CANAL, POLICY]],
    ['status=merged', [september(2)]],
    ['level=commune', [ROAD, LAMP, september(1), september(3)]],
    ['addressee=department:phong-nn-ptnt', [CANAL]],
    ['addressee=district', [POLICY]],
    ['addressee=commune:gia-tan', [ROAD, LAMP]],
    ['zoneId=khu-2&field=agriculture&status=routed-district&q=kenh', [CANAL]],
    ['communeId=gia-tan&level=commune', [ROAD, LAMP]],
  ])('filters by %s', async (query, expected) => {
    expect(ids(await list(`${query}&limit=100`))).toEqual([...expected].sort());
  });

  it('finds the overdue: routed to a commune, and the meeting due to hear their result closed without it', async () => {
    const routed = (await list('level=commune&limit=100')).body.items;
    // routed late (now), September's are due at the meeting of the month after now's, not at once.
    const due = addMonths(vietnamMonth(new Date()), 1);
    expect(routed.filter((p) => p.month === '2026-09').map((p) => p.dueMonth)).toEqual([due, due]);
    expect((await list('overdue=true&limit=100')).body.items).toEqual([]);
    await openMonth(due);
    await runMeeting(`${due}.khu-1`, OTHER_DEPUTY, []);
    const overdue = [september(1), september(3)];

    expect(ids(await list('overdue=true&limit=100'))).toEqual(overdue.sort());
    expect(ids(await list('overdue=false&limit=100'))).toEqual(all().filter((id) => !overdue.includes(id)));
  });

  it('pages through every proposal, newest month first, each once', async () => {
    const seen: Proposal[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await list(`limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);

    expect(pages).toBe(4);
    expect(seen.map((p) => p.id).sort()).toEqual(all());
    expect(seen.map((p) => p.month)).toEqual([...seen.map((p) => p.month)].sort().reverse());
  });

  it('pages a cell secretary through their own only, and refuses a cursor of another list', async () => {
    const first = await list('limit=2', SECRETARY);
    const second = await list(`limit=2&cursor=${encodeURIComponent(first.body.nextCursor ?? '')}`, SECRETARY);
    const foreign = await list(`limit=2&zoneId=khu-1&cursor=${encodeURIComponent(first.body.nextCursor ?? '')}`);

    expect([...ids(first), ...ids(second)].sort()).toEqual([ROAD, CANAL, POLICY]);
    expect(second.body.nextCursor).toBeUndefined();
    expectProblem(foreign, 400, 'invalid_cursor');
  });
});

describe('the carry-over on the next meeting’s agenda', () => {
  const carriedTo = async (meetingId: string) => {
    const agenda = await api.request<{ sections: { carryOverProposals: { id: string; status: string }[] } }>(
      'GET',
      `/meetings/${meetingId}/agenda`,
      { as: OFFICE },
    );
    expect(agenda.status).toBe(200);
    return agenda.body.sections.carryOverProposals.map((p) => [p.id, p.status]);
  };

  it('carries what the previous close left open, each as it stands now, and not the meeting’s own', async () => {
    for (const month of ['2026-10', '2027-04']) await openMonth(month);

    expect(await carriedTo(MARCH)).toEqual([]);
    expect(await carriedTo('2027-04.khu-2')).toEqual([
      [ROAD, 'routed-commune'],
      [CANAL, 'routed-district'],
      [POLICY, 'routed-district'],
      [LAMP, 'routed-commune'],
    ]);
    // merged after September's close: still carried to October, as merged.
    expect(await carriedTo('2026-10.khu-1')).toEqual([
      [september(1), 'routed-commune'],
      [september(2), 'merged'],
      [september(3), 'routed-commune'],
    ]);
  });

  it('leaves out what ended before the previous close, and keeps a closed meeting’s as it was', async () => {
    await runMeeting('2026-10.khu-1', OTHER_DEPUTY, []);
    await openMonth('2026-11');

    expect(await carriedTo('2026-11.khu-1')).toEqual([
      [september(1), 'routed-commune'],
      [september(3), 'routed-commune'],
    ]);
    expect((await carriedTo('2026-10.khu-1')).map(([id]) => id)).toEqual([1, 2, 3].map(september));
  });
});
