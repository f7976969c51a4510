/**
 * A removal raced against a new reference to what it removes, 40 times each, through the API:
 * an official against an assignment of it, a zone against a commune in it, and a zone against an
 * assignment scoped to it. Whatever the interleaving, never both succeed, nothing is left naming
 * a removed unit, the reference counts equal the references, and an id used again starts with
 * nothing referring to it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { keys, type StructureKind } from '../../shared/db/keys';
import { getItem } from '../../shared/db/store';
import { type ApiResponse, useApi } from '../support/api';
import { referenceProblems } from '../support/reference-audit';
import { seedSampleDistrict } from '../support/sample-district';

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
  expect([201, 400, 409]).toContain(referred.status);
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
