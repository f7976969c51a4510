/**
 * A removal raced against a new reference to what it removes, 40 times each, through the API:
 * an official against an assignment of it, a zone against a commune in it, and a zone against an
 * assignment scoped to it. Whatever the interleaving, never both succeed, nothing is left naming
 * a removed unit, the reference counts equal the references, and an id used again starts with
 * nothing referring to it. Likewise a commune against a hosting wish or a rotation plan naming it,
 * which keep it from then on. The units proposals refer to (a cell with a report or a floor
 * proposal, a department a proposal is addressed or assigned to) keep their history.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { keys, type StructureKind } from '../../shared/db/keys';
import { getItem, queryAll } from '../../shared/db/store';
import { type ApiResponse, useApi } from '../support/api';
import { countsOf, referenceProblems } from '../support/reference-audit';
import { readSampleConfig, seedSampleDistrict } from '../support/sample-district';

const api = useApi();
const OFFICE = 'van-phong-1';
const RACES = 40;

beforeAll(async () => {
  await seedSampleDistrict();
});

function post(path: string, body: unknown) {
  return api.request('POST', path, { as: OFFICE, body });
}

function remove(path: string) {
  return api.request('DELETE', path, { as: OFFICE, headers: { 'if-match': '"1"' } });
}

async function exists(path: string): Promise<boolean> {
  const response = await api.request('GET', path, { as: OFFICE });
  if (response.status !== 200 && response.status !== 404) throw new Error(`GET ${path} answered ${response.status}`);
  return response.status === 200;
}

/** The counts kept beside a unit (absent counts are zero). */
async function referenceCounts(kind: StructureKind, id: string) {
  const item = await getItem(keys.unitReferences(kind, id));
  return { children: Number(item?.children ?? 0), assignments: Number(item?.assignments ?? 0) };
}

/** Runs the removal and the reference at once; returns both answers. */
async function race(removal: () => Promise<ApiResponse>, reference: () => Promise<ApiResponse>) {
  const [removed, referred] = await Promise.all([removal(), reference()]);
  expect([204, 409]).toContain(removed.status);
  // a reference to what is gone: 400 naming the field, or 404 for a unit the path named.
  expect([201, 400, 404, 409]).toContain(referred.status);
  // both cannot win: one of them must see the other.
  expect(removed.status === 204 && referred.status === 201).toBe(false);
  return { removed: removed.status === 204, referred: referred.status === 201 };
}

/** How often each side won, kept for the message when an invariant breaks. */
function tally() {
  const outcomes: Record<string, number> = {};
  return {
    outcomes,
    note(result: { removed: boolean; referred: boolean }) {
      const name = result.removed ? 'removed' : result.referred ? 'referred' : 'neither';
      outcomes[name] = (outcomes[name] ?? 0) + 1;
    },
  };
}

describe('a removal racing a new reference', () => {
  it('never leaves an assignment of a removed official, and a recreated official holds nothing', async () => {
    const seen = tally();
    for (let i = 0; i < RACES; i++) {
      const id = `race-can-bo-${i}`;
      expect((await post('/officials', { id, name: `Cán bộ ${i}`, title: 'Chuyên viên' })).status).toBe(201);
      const assignmentId = `${id}.office.district`;

      const result = await race(
        () => remove(`/officials/${id}`),
        () => post('/assignments', { officialId: id, role: 'office' }),
      );
      seen.note(result);

      const officialThere = await exists(`/officials/${id}`);
      const assignmentThere = await exists(`/assignments/${assignmentId}`);
      expect(officialThere, JSON.stringify(seen.outcomes)).toBe(!result.removed);
      expect(assignmentThere, JSON.stringify(seen.outcomes)).toBe(result.referred);
      expect(await referenceCounts('official', id)).toEqual({ children: 0, assignments: result.referred ? 1 : 0 });
      if (result.removed) {
        expect((await post('/officials', { id, name: 'Người khác', title: 'Chuyên viên' })).status).toBe(201);
        const held = await api.request<{ items: unknown[] }>('GET', `/assignments?officialId=${id}`, { as: OFFICE });
        expect(held.body.items).toEqual([]);
        expect(await referenceCounts('official', id)).toEqual({ children: 0, assignments: 0 });
      }
    }
    expect(await referenceProblems()).toEqual([]);
  });

  it('never leaves a commune in a removed zone', async () => {
    const seen = tally();
    for (let i = 0; i < RACES; i++) {
      const zoneId = `race-khu-${i}`;
      const communeId = `race-xa-${i}`;
      expect((await post('/zones', { id: zoneId, name: `Khu ${i}` })).status).toBe(201);

      const result = await race(
        () => remove(`/zones/${zoneId}`),
        () => post('/communes', { id: communeId, name: `Xã ${i}`, kind: 'xa', zoneId }),
      );
      seen.note(result);

      expect(await exists(`/zones/${zoneId}`), JSON.stringify(seen.outcomes)).toBe(!result.removed);
      expect(await exists(`/communes/${communeId}`), JSON.stringify(seen.outcomes)).toBe(result.referred);
      expect(await referenceCounts('zone', zoneId)).toEqual({ children: result.referred ? 1 : 0, assignments: 0 });
    }
    expect(await referenceProblems()).toEqual([]);
  });

  it('never leaves an assignment scoped to a removed zone', async () => {
    const seen = tally();
    const officialId = 'race-truong-khu';
    expect((await post('/officials', { id: officialId, name: 'Trưởng khu', title: 'Trưởng khu' })).status).toBe(201);
    let held = 0;
    for (let i = 0; i < RACES; i++) {
      const zoneId = `race-khu-co-truong-${i}`;
      expect((await post('/zones', { id: zoneId, name: `Khu ${i}` })).status).toBe(201);

      const result = await race(
        () => remove(`/zones/${zoneId}`),
        () => post('/assignments', { officialId, role: 'zone-head', scopeId: zoneId }),
      );
      seen.note(result);
      if (result.referred) held++;

      expect(await exists(`/zones/${zoneId}`), JSON.stringify(seen.outcomes)).toBe(!result.removed);
      expect(await exists(`/assignments/${officialId}.zone-head.${zoneId}`), JSON.stringify(seen.outcomes)).toBe(
        result.referred,
      );
      expect(await referenceCounts('zone', zoneId)).toEqual({ children: 0, assignments: result.referred ? 1 : 0 });
    }
    expect(await referenceCounts('official', officialId)).toEqual({ children: 0, assignments: held });
    expect(await referenceProblems()).toEqual([]);
  });
});

describe('the units a proposal refers to', () => {
  const MEETING = '/meetings/2027-03.khu-2';
  const DEPUTY = 'pho-khu-2';
  const REPORTING_CELL = 'gia-tan-thon-ha';
  const cells = readSampleConfig()
    .cells.filter((cell) => ['gia-tan', 'gia-luong', 'gia-xuyen', 'lien-hong'].includes(cell.communeId))
    .map((cell) => cell.id)
    .filter((id) => id !== REPORTING_CELL);
  /** A cell whose floor proposal is added with no race: it must keep the cell. */
  const FLOOR_CELL = cells.pop() as string;

  const floor = (cellId: string, addressee: { kind: string; id?: string }) => ({
    cellId,
    field: 'agriculture',
    title: `Nạo vét kênh tưới của ${cellId}`,
    content: 'Kênh tưới bồi lắng 1,2 km, không đủ nước cho vụ mùa; đề nghị nạo vét trước tháng 5.',
    place: 'Cánh đồng đầu thôn',
    addressee,
  });
  const meetingTag = async () => (await api.request('GET', MEETING, { as: OFFICE })).headers.get('etag') as string;
  const act = async (path: string, as: string, body?: unknown, versionOf = MEETING) => {
    const etag = (await api.request('GET', versionOf, { as: OFFICE })).headers.get('etag') as string;
    return api.request('POST', path, { as, body, headers: { 'if-match': etag } });
  };
  /** Ends an official's assignment, so only what refers to the unit otherwise keeps it. */
  const unassign = async (assignmentId: string) =>
    expect((await remove(`/assignments/${assignmentId}`)).status, assignmentId).toBe(204);

  beforeAll(async () => {
    expect((await post('/cycles/2027-03/open', {})).status).toBe(201);
  });

  it('keeps a cell once its report is written, whoever its secretary is later', async () => {
    const secretary = `bi-thu-cb-${REPORTING_CELL}`;
    const report = `${MEETING}/reports/${REPORTING_CELL}`;
    expect((await api.request('PUT', report, { as: secretary, body: { situation: 'Bản nháp.' } })).status).toBe(201);
    await unassign(`${secretary}.cell-secretary.${REPORTING_CELL}`);

    const refused = await remove(`/cells/${REPORTING_CELL}`);

    expect([refused.status, refused.body.code]).toEqual([409, 'unit_has_history']);
  });

  it('never keeps a floor proposal of a cell removed meanwhile', async () => {
    expect((await act(`${MEETING}/hold`, DEPUTY)).status).toBe(200);
    for (const cellId of cells) {
      await unassign(`bi-thu-cb-${cellId}.cell-secretary.${cellId}`);
      const etag = await meetingTag();

      let floorAnswer: ApiResponse | undefined;
      const result = await race(
        () => remove(`/cells/${cellId}`),
        async () => {
          floorAnswer = await api.request('POST', `${MEETING}/floor-proposals`, {
            as: DEPUTY,
            body: floor(cellId, { kind: 'commune' }),
            headers: { 'if-match': etag },
          });
          return floorAnswer;
        },
      );

      const kept = await queryAll({
        partition: keys.cyclePartition('2027-03'),
        prefix: keys.floorProposalPrefix('khu-2'),
      });
      expect(kept.some((item) => item.cellId === cellId)).toBe(result.referred);
      if (result.removed) expect(floorAnswer?.body.code).toMatch(/^(cell_not_found|concurrent_change)$/);
      expect(await exists(`/cells/${cellId}`)).toBe(!result.removed);
      if (result.referred) expect((await remove(`/cells/${cellId}`)).body.code).toBe('unit_has_history');
    }
    expect(await referenceProblems()).toEqual([]);
  });

  it('keeps a cell with a floor proposal, a department a proposal is addressed to, and one it is assigned to', async () => {
    const added = await act(
      `${MEETING}/floor-proposals`,
      DEPUTY,
      floor(FLOOR_CELL, { kind: 'department', id: 'ban-dan-van' }),
    );
    expect(added.status).toBe(201);
    const proposal = `/proposals/2027-03.khu-2.${FLOOR_CELL}.f${(added.body as { n: number }).n}`;
    expect((await act(`${MEETING}/close`, DEPUTY)).status).toBe(200);
    expect((await act(`${proposal}/route`, DEPUTY, { level: 'district' }, proposal)).status).toBe(200);
    const assigned = await act(
      `${proposal}/assignments`,
      OFFICE,
      { departments: [{ departmentId: 'ban-to-chuc' }] },
      proposal,
    );
    expect(assigned.status).toBe(200);
    await unassign(`bi-thu-cb-${FLOOR_CELL}.cell-secretary.${FLOOR_CELL}`);
    expect((await remove(`/cells/${FLOOR_CELL}`)).body.code).toBe('unit_has_history');
    await unassign('can-bo-ban-dan-van.department.ban-dan-van');
    await unassign('can-bo-ban-to-chuc.department.ban-to-chuc');

    for (const department of ['ban-dan-van', 'ban-to-chuc']) {
      const refused = await remove(`/departments/${department}`);
      expect([department, refused.status, refused.body.code]).toEqual([department, 409, 'unit_has_history']);
    }
  });
});

// After the proposals' tests, which open a month: the zones these races leave would join that month's cycle
// (and its meeting's hold then answered 409).
describe('a removal racing a rotation plan or a hosting wish', () => {
  /** A zone whose one commune the race may remove. */
  async function zoneWithCommune(i: number, prefix: string) {
    const zoneId = `${prefix}-khu-${i}`;
    const communeId = `${prefix}-xa-${i}`;
    expect((await post('/zones', { id: zoneId, name: `Khu ${i}` })).status).toBe(201);
    expect((await post('/communes', { id: communeId, name: `Xã ${i}`, kind: 'xa', zoneId })).status).toBe(201);
    return { zoneId, raced: communeId };
  }

  it('never leaves a hosting wish of a removed commune, and a kept one keeps its commune', async () => {
    const seen = tally();
    for (let i = 0; i < RACES; i++) {
      const { zoneId, raced } = await zoneWithCommune(i, 'dk');
      const wish = `/communes/${raced}/hosting-wishes/2027`;

      const result = await race(
        () => remove(`/communes/${raced}`),
        () => api.request('PUT', wish, { as: OFFICE, body: { months: [3, 9] } }),
      );
      seen.note(result);

      const wishes = await api.request<{ items: { communeId: string }[] }>(
        'GET',
        `/zones/${zoneId}/hosting-wishes/2027`,
        {
          as: OFFICE,
        },
      );
      expect(
        wishes.body.items.map((item) => item.communeId),
        JSON.stringify(seen.outcomes),
      ).toEqual(result.referred ? [raced] : []);
      expect(await exists(`/communes/${raced}`), JSON.stringify(seen.outcomes)).toBe(!result.removed);
      if (result.referred) {
        expect(countsOf(await getItem(keys.unitReferences('commune', raced)))).toMatchObject({ hostingWishes: 1 });
        expect((await remove(`/communes/${raced}`)).body.code).toBe('unit_has_hosting_wishes');
      }
    }
    expect(await referenceProblems()).toEqual([]);
  });

  it('never leaves a rotation naming a removed commune, and a plan keeps the communes it names', async () => {
    const seen = tally();
    for (let i = 0; i < RACES; i++) {
      const { zoneId, raced } = await zoneWithCommune(i, 'lp');
      const plan = `/zones/${zoneId}/rotations/2027`;

      const result = await race(
        () => remove(`/communes/${raced}`),
        () => api.request('PUT', plan, { as: OFFICE }),
      );
      seen.note(result);

      const stored = await api.request<{ hosts: string[] }>('GET', plan, { as: OFFICE });
      expect(stored.status, JSON.stringify(seen.outcomes)).toBe(result.referred ? 200 : 404);
      expect(await exists(`/communes/${raced}`), JSON.stringify(seen.outcomes)).toBe(!result.removed);
      if (result.referred) {
        // the zone's one commune hosts every month, and can no longer go, nor its zone.
        expect(new Set(stored.body.hosts)).toEqual(new Set([raced]));
        expect((await remove(`/communes/${raced}`)).body.code).toBe('unit_in_rotation');
        expect((await remove(`/zones/${zoneId}`)).status).toBe(409);
      }
    }
    expect(await referenceProblems()).toEqual([]);
  });
});
