/**
 * Assignments as the office makes and ends them, and what they hold up: a unit or an official
 * cannot be removed while an assignment names them, and can be once it is ended. Every refusal
 * names the unit (or the role, or the field) the clerk has to act on.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { roleCatalogue } from '../../shared/domain/structure/roles';
import { useApi } from '../support/api';
import { expectProblem } from '../support/problem';
import { referenceProblems } from '../support/reference-audit';
import { seedSampleDistrict } from '../support/sample-district';

const api = useApi();
const OFFICE = 'van-phong-1';

beforeAll(async () => {
  await seedSampleDistrict();
});

function post(path: string, body: unknown) {
  return api.request('POST', path, { as: OFFICE, body });
}

function remove(path: string, etag: string) {
  return api.request('DELETE', path, { as: OFFICE, headers: { 'if-match': etag } });
}

async function removeAtCurrentVersion(path: string) {
  const read = await api.request('GET', path, { as: OFFICE });
  return remove(path, String(read.headers.get('etag')));
}

describe('ending an assignment', () => {
  const official = { id: 'truong-khu-tam', name: 'Trưởng khu tạm', title: 'Trưởng khu', subject: 'tk-truong-khu-tam' };
  const zone = { id: 'khu-tam', name: 'Khu tạm' };
  const path = `/assignments/${official.id}.zone-head.${zone.id}`;

  beforeAll(async () => {
    await post('/zones', zone);
    await post('/officials', official);
    await post('/assignments', { officialId: official.id, role: 'zone-head', scopeId: zone.id });
  });

  it('holds up the removal of its zone and of its official, each refusal naming who', async () => {
    const zoneRefused = await removeAtCurrentVersion(`/zones/${zone.id}`);
    const officialRefused = await removeAtCurrentVersion(`/officials/${official.id}`);

    expectProblem(zoneRefused, 409, 'unit_has_assignments');
    expect(zoneRefused.body.detail).toContain(zone.id);
    expectProblem(officialRefused, 409, 'official_has_assignments');
    expect(officialRefused.body.detail).toContain(official.id);
  });

  it('refuses a stale ETag with 412 and keeps the assignment and the official’s role', async () => {
    const stale = await remove(path, '"7"');

    expectProblem(stale, 412, 'etag_mismatch');
    expect((await api.request('GET', path, { as: OFFICE })).status).toBe(200);
    const me = await api.request<{ assignments: { id: string }[] }>('GET', '/me', {
      token: await api.issuer.sign(official.subject),
    });
    expect(me.body.assignments.map((a) => a.id)).toEqual([`${official.id}.zone-head.${zone.id}`]);
  });

  it('ends with its ETag, audited, after which the zone and the official can both be removed', async () => {
    const ended = await remove(path, '"1"');
    const trail = await api.request<{ items: Record<string, unknown>[] }>(
      'GET',
      `/audit?entity=assignment:${official.id}.zone-head.${zone.id}`,
      { as: OFFICE },
    );
    expect(await referenceProblems()).toEqual([]);
    const zoneRemoved = await removeAtCurrentVersion(`/zones/${zone.id}`);
    const officialRemoved = await removeAtCurrentVersion(`/officials/${official.id}`);

    expect(ended.status).toBe(204);
    expect(trail.body.items.map((record) => record.action)).toEqual(['delete', 'create']);
    expect(zoneRemoved.status).toBe(204);
    expect(officialRemoved.status).toBe(204);
  });

  it('ends a district-wide role without touching any unit’s counts', async () => {
    await post('/officials', { id: 'uy-vien-tam', name: 'Uỷ viên tạm', title: 'Uỷ viên' });
    await post('/assignments', { officialId: 'uy-vien-tam', role: 'standing-committee' });

    const ended = await remove('/assignments/uy-vien-tam.standing-committee.district', '"1"');

    expect(ended.status).toBe(204);
    expect(await referenceProblems()).toEqual([]);
    expect((await removeAtCurrentVersion('/officials/uy-vien-tam')).status).toBe(204);
  });

  it('answers 404 naming an assignment that does not exist', async () => {
    const response = await remove('/assignments/khong-co-ai.office.district', '"1"');

    expectProblem(response, 404, 'assignment_not_found');
    expect(response.body.detail).toContain('khong-co-ai.office.district');
  });
});

describe('making an assignment', () => {
  beforeAll(async () => {
    await post('/officials', { id: 'can-bo-pham-vi', name: 'Cán bộ phạm vi', title: 'Chuyên viên' });
  });

  it.each([
    ['a zone', 'zone-deputy', 'khu-3', { zoneId: 'khu-3' }, '/assignments?zoneId=khu-3'],
    ['a commune', 'commune-chair', 'gia-tan', { zoneId: 'khu-2', communeId: 'gia-tan' }, '/assignments?zoneId=khu-2'],
    ['a department', 'department', 'phong-tnmt', { departmentId: 'phong-tnmt' }, '/assignments?role=department'],
  ])('stores the units a role in %s reaches, and lists it under them', async (_case, role, scopeId, reach, list) => {
    const created = await post('/assignments', { officialId: 'can-bo-pham-vi', role, scopeId });
    const listed = await api.request<{ items: { id: string }[] }>('GET', `${list}&limit=100`, { as: OFFICE });

    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: `can-bo-pham-vi.${role}.${scopeId}`,
      officialId: 'can-bo-pham-vi',
      role,
      scopeId,
      ...reach,
    });
    expect(listed.body.items.map((a) => a.id)).toContain(created.body.id);
  });

  it('refuses a cell that does not exist, naming it, and writes nothing', async () => {
    const response = await post('/assignments', {
      officialId: 'can-bo-pham-vi',
      role: 'cell-secretary',
      scopeId: 'chi-bo-khong-co',
    });

    expectProblem(response, 400, 'validation_failed');
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        path: '/scopeId',
        code: 'unknown_reference',
        message: expect.stringMatching(/chi bộ.*"chi-bo-khong-co"/),
      }),
    ]);
    const path = '/assignments/can-bo-pham-vi.cell-secretary.chi-bo-khong-co';
    expect((await api.request('GET', path, { as: OFFICE })).status).toBe(404);
  });

  it.each([
    ['a district-wide role given a scope', { role: 'office', scopeId: 'khu-1' }, 'unexpected_scope', 'office'],
    ['a commune role without one', { role: 'commune-secretary' }, 'missing_scope', 'commune-secretary'],
  ] as const)('refuses %s, naming the role', async (_case, fields, code, role) => {
    const response = await post('/assignments', { officialId: 'can-bo-pham-vi', ...fields });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        path: '/scopeId',
        code,
        message: expect.stringContaining(roleCatalogue[role].label.vi),
      }),
    ]);
  });

  it('tells the clerk which kind of unit a scoped role needs', async () => {
    const response = await post('/assignments', { officialId: 'can-bo-pham-vi', role: 'cell-secretary' });

    expect(response.body.errors).toEqual([
      expect.objectContaining({ code: 'missing_scope', message: expect.stringContaining('cell') }),
    ]);
  });
});

describe('listing assignments', () => {
  it('lists every assignment of the district when no filter is given, a page at a time', async () => {
    const response = await api.request<{ items: { id: string }[]; nextCursor?: string }>(
      'GET',
      '/assignments?limit=100',
      {
        as: OFFICE,
      },
    );

    // the sample district holds more than a hundred assignments, cell secretaries first by role.
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(100);
    expect(response.body.items.map((a) => a.id)).toContain(
      'bi-thu-cb-gia-hoa-thon-trung.cell-secretary.gia-hoa-thon-trung',
    );
    expect(response.body.nextCursor).toEqual(expect.any(String));
  });

  it('names the filters that cannot go together, and the one a scope needs', async () => {
    const twoFilters = await api.request('GET', '/assignments?officialId=pho-khu-1&role=office', { as: OFFICE });
    const scopeOnly = await api.request('GET', '/assignments?scopeId=khu-1', { as: OFFICE });

    expect(twoFilters.body.errors).toEqual([
      expect.objectContaining({ code: 'conflicting_filters', message: expect.stringMatching(/officialId.*role/) }),
    ]);
    expect(scopeOnly.body.errors).toEqual([
      expect.objectContaining({ code: 'requires_role', message: expect.stringContaining('role') }),
    ]);
  });
});
