import { beforeAll, describe, expect, it } from 'vitest';
import { ChangeSet } from '../../shared/db/change-set';
import { keys } from '../../shared/db/keys';
import { useApi } from '../support/api';
import { recordDynamoCalls } from '../support/dynamodb-calls';
import { seedSampleDistrict } from '../support/sample-district';

const api = useApi();

beforeAll(async () => {
  await seedSampleDistrict();
});

const OFFICE = 'van-phong-1';

/** The current ETag of a resource, as a client reads it before changing it. */
async function etagOf(path: string): Promise<string> {
  const response = await api.request('GET', path, { as: OFFICE });
  const etag = response.headers.get('etag');
  if (response.status !== 200 || !etag) throw new Error(`GET ${path} answered ${response.status}`);
  return etag;
}

function ifMatch(etag: string) {
  return { 'if-match': etag };
}

function patch(path: string, body: unknown, etag: string, as = OFFICE) {
  return api.request('PATCH', path, { as, body, headers: ifMatch(etag) });
}

describe('creating units', () => {
  it('creates a zone with 201, its ETag and location, and refuses the same id again with 409', async () => {
    const zone = { id: 'khu-tao-moi', name: 'Khu tạo mới' };

    const created = await api.request('POST', '/zones', { as: OFFICE, body: zone });
    const again = await api.request('POST', '/zones', { as: OFFICE, body: zone });
    const read = await api.request('GET', '/zones/khu-tao-moi', { as: OFFICE });

    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.headers.get('location')).toBe('/zones/khu-tao-moi');
    expect(created.body).toEqual(zone);
    expect(read.body).toEqual(zone);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_exists');
  });

  it('rejects unknown fields, naming each one', async () => {
    const response = await api.request('POST', '/zones', {
      as: OFFICE,
      body: { id: 'khu-la', name: 'Khu lạ', isAdmin: true },
    });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: '/isAdmin', code: 'unrecognized_key' })]);
  });

  it('refuses a commune in a zone that does not exist, and a cell in a commune that does not exist', async () => {
    const commune = await api.request('POST', '/communes', {
      as: OFFICE,
      body: { id: 'xa-mo-coi', name: 'Xã mồ côi', kind: 'xa', zoneId: 'khu-khong-co' },
    });
    const cell = await api.request('POST', '/cells', {
      as: OFFICE,
      body: { id: 'chi-bo-mo-coi', name: 'Chi bộ mồ côi', communeId: 'xa-khong-co' },
    });

    expect(commune.status).toBe(400);
    expect(commune.body.errors).toEqual([expect.objectContaining({ path: '/zoneId', code: 'unknown_reference' })]);
    expect(cell.status).toBe(400);
    expect(cell.body.errors).toEqual([expect.objectContaining({ path: '/communeId', code: 'unknown_reference' })]);
    expect((await api.request('GET', '/communes/xa-mo-coi', { as: OFFICE })).status).toBe(404);
  });

  it('lists a new commune under its zone and a new cell under its commune', async () => {
    await api.request('POST', '/communes', {
      as: OFFICE,
      body: { id: 'xa-moi', name: 'Xã Mới', kind: 'xa', zoneId: 'khu-3' },
    });
    await api.request('POST', '/cells', {
      as: OFFICE,
      body: { id: 'xa-moi-thon-1', name: 'Chi bộ thôn 1', communeId: 'xa-moi' },
    });

    const communes = await api.request<{ items: { id: string }[] }>('GET', '/communes?zoneId=khu-3', { as: OFFICE });
    const cells = await api.request<{ items: { id: string }[] }>('GET', '/cells?communeId=xa-moi', { as: OFFICE });

    expect(communes.body.items.map((c) => c.id)).toContain('xa-moi');
    expect(cells.body.items.map((c) => c.id)).toEqual(['xa-moi-thon-1']);
  });
});

describe('changing units with If-Match', () => {
  it('changes a department with its ETag and answers the new ETag; the old one is then stale (412)', async () => {
    const etag = await etagOf('/departments/ban-dan-van');

    const changed = await patch('/departments/ban-dan-van', { shortName: 'Ban DV' }, etag);
    const stale = await patch('/departments/ban-dan-van', { shortName: 'Dân vận' }, etag);

    expect(changed.status).toBe(200);
    expect(changed.body.shortName).toBe('Ban DV');
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(changed.headers.get('etag')).toBe(await etagOf('/departments/ban-dan-van'));
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('etag_mismatch');
  });

  it('lets exactly one of several changes made from the same ETag win', async () => {
    const etag = await etagOf('/departments/cong-an-huyen');

    const replies = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => patch('/departments/cong-an-huyen', { shortName: `CA ${n}` }, etag)),
    );

    const statuses = replies.map((reply) => reply.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.every((status) => status === 200 || status === 412 || status === 409)).toBe(true);
    const winner = replies.find((reply) => reply.status === 200);
    expect((await api.request('GET', '/departments/cong-an-huyen', { as: OFFICE })).body).toEqual(winner?.body);
  });

  it('writes nothing for a PATCH that changes nothing, keeping the ETag', async () => {
    const etag = await etagOf('/departments/ban-to-chuc');
    const trail = () =>
      api.request<{ items: unknown[] }>('GET', '/audit?entity=department:ban-to-chuc', { as: OFFICE });
    const recordsBefore = (await trail()).body.items.length;

    const response = await patch('/departments/ban-to-chuc', {}, etag);

    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe(etag);
    expect((await trail()).body.items).toHaveLength(recordsBefore);
  });

  it('requires If-Match (428)', async () => {
    const response = await api.request('PATCH', '/zones/khu-2', { as: OFFICE, body: { name: 'Khu hai' } });

    expect(response.status).toBe(428);
    expect(response.body.code).toBe('if_match_required');
  });

  it('refuses to move a commune to another zone, pointing to the structure import', async () => {
    const etag = await etagOf('/communes/gia-khanh');

    const response = await patch('/communes/gia-khanh', { zoneId: 'khu-5' }, etag);

    expect(response.status).toBe(409);
    expect(response.body.code).toBe('parent_immutable');
    expect(response.body.detail).toContain('PUT /structure');
  });

  it('refuses a new id and unknown fields in a PATCH body', async () => {
    const etag = await etagOf('/cells/gia-tan-thon-my-xa');

    const response = await patch('/cells/gia-tan-thon-my-xa', { id: 'doi-ma', role: 'office' }, etag);

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ path: '/id' }),
      expect.objectContaining({ path: '/role' }),
    ]);
  });

  it('clears an optional field sent as null', async () => {
    const etag = await etagOf('/communes/gia-luong');

    const response = await patch('/communes/gia-luong', { hall: null }, etag);

    expect(response.status).toBe(200);
    expect(response.body).not.toHaveProperty('hall');
    const read = await api.request('GET', '/communes/gia-luong', { as: OFFICE });
    expect(read.body).not.toHaveProperty('hall');
    expect(read.body.zoneId).toBeDefined();
  });

  it('renames a commune without touching the assignments that name it', async () => {
    const assignmentPath = '/assignments/bi-thu-gia-xuyen.commune-secretary.gia-xuyen';
    const assignmentEtag = await etagOf(assignmentPath);

    const renamed = await patch(
      '/communes/gia-xuyen',
      { name: 'Xã Gia Xuyên (mới)' },
      await etagOf('/communes/gia-xuyen'),
    );

    expect(renamed.status).toBe(200);
    expect(await etagOf(assignmentPath)).toBe(assignmentEtag);
  });

  it('records who changed what (only the changed attributes, before and after) in the audit trail, newest first', async () => {
    await api.request('POST', '/zones', { as: OFFICE, body: { id: 'khu-audit', name: 'Khu nhật ký' } });
    await patch('/zones/khu-audit', { name: 'Khu nhật ký (sửa)' }, '"1"', 'quan-tri');

    const trail = await api.request<{ items: Record<string, unknown>[] }>('GET', '/audit?entity=zone:khu-audit', {
      as: OFFICE,
    });

    expect(trail.status).toBe(200);
    expect(trail.body.items).toEqual([
      expect.objectContaining({
        entity: { type: 'zone', id: 'khu-audit' },
        action: 'update',
        actor: 'quan-tri',
        before: { name: 'Khu nhật ký' },
        after: { name: 'Khu nhật ký (sửa)' },
      }),
      expect.objectContaining({ action: 'create', actor: OFFICE, after: { id: 'khu-audit', name: 'Khu nhật ký' } }),
    ]);
    expect(trail.body.items.every((record) => typeof record.at === 'string')).toBe(true);
  });
});

describe('removing units', () => {
  async function remove(path: string) {
    return api.request('DELETE', path, { as: OFFICE, headers: ifMatch(await etagOf(path)) });
  }

  it('removes an unused zone with its ETag (204), after which it is gone and audited', async () => {
    await api.request('POST', '/zones', { as: OFFICE, body: { id: 'khu-xoa', name: 'Khu sẽ xoá' } });

    const removed = await remove('/zones/khu-xoa');
    const trail = await api.request<{ items: Record<string, unknown>[] }>('GET', '/audit?entity=zone:khu-xoa', {
      as: OFFICE,
    });

    expect(removed.status).toBe(204);
    expect((await api.request('GET', '/zones/khu-xoa', { as: OFFICE })).status).toBe(404);
    expect(trail.body.items[0]).toMatchObject({ action: 'delete', before: { id: 'khu-xoa' } });
  });

  it('requires If-Match to remove (428)', async () => {
    const response = await api.request('DELETE', '/departments/phong-kt-ht', { as: OFFICE });

    expect(response.status).toBe(428);
  });

  it.each([
    ['a zone that still has communes', '/zones/khu-1', 'zone_has_communes'],
    ['a commune that still has cells', '/communes/gia-tan', 'commune_has_cells'],
    ['a cell with a secretary', '/cells/gia-tan-thon-ha', 'unit_has_assignments'],
    ['a department with an official assigned', '/departments/phong-tnmt', 'unit_has_assignments'],
    ['an official who holds assignments', '/officials/truong-khu-1', 'official_has_assignments'],
  ])('refuses to remove %s (409)', async (_case, path, code) => {
    const response = await remove(path);

    expect(response.status).toBe(409);
    expect(response.body.code).toBe(code);
    expect((await api.request('GET', path, { as: OFFICE })).status).toBe(200);
  });

  it('refuses to remove a zone still named by a zone head once its communes are gone', async () => {
    await api.request('POST', '/zones', { as: OFFICE, body: { id: 'khu-co-truong', name: 'Khu có trưởng' } });
    await api.request('POST', '/assignments', {
      as: OFFICE,
      body: { officialId: 'truong-khu-2', role: 'zone-head', scopeId: 'khu-co-truong' },
    });

    const response = await remove('/zones/khu-co-truong');

    expect(response.status).toBe(409);
    expect(response.body.code).toBe('unit_has_assignments');
  });

  it('refuses to remove a unit that history refers to (409 unit_has_history)', async () => {
    await api.request('POST', '/cells', {
      as: OFFICE,
      body: { id: 'gia-tan-thon-cu', name: 'Chi bộ thôn Cũ', communeId: 'gia-tan' },
    });
    await new ChangeSet({ id: 'test' }).markInUse(keys.unit('cell', 'gia-tan-thon-cu')).commit();

    const response = await remove('/cells/gia-tan-thon-cu');

    expect(response.status).toBe(409);
    expect(response.body.code).toBe('unit_has_history');
  });

  it('keeps a unit’s history mark when it is changed, so it still cannot be removed', async () => {
    await api.request('POST', '/departments', { as: OFFICE, body: { id: 'ban-cu', name: 'Ban cũ' } });
    await new ChangeSet({ id: 'test' }).markInUse(keys.unit('department', 'ban-cu')).commit();
    await patch('/departments/ban-cu', { name: 'Ban cũ (đổi tên)' }, '"1"');

    const response = await remove('/departments/ban-cu');

    expect(response.status).toBe(409);
    expect(response.body.code).toBe('unit_has_history');
  });
});

describe('officials and their accounts', () => {
  function createOfficial(id: string, subject: string) {
    return api.request('POST', '/officials', {
      as: OFFICE,
      body: { id, name: `Cán bộ ${id}`, title: 'Chuyên viên', subject },
    });
  }

  async function signInAs(subject: string) {
    return api.request('GET', '/me', { token: await api.issuer.sign(subject) });
  }

  it('refuses a new official with an account another official already holds (409 subject_taken)', async () => {
    const response = await createOfficial('can-bo-trung', 'sample-van-phong-2');

    expect(response.status).toBe(409);
    expect(response.body.code).toBe('subject_taken');
    expect((await api.request('GET', '/officials/can-bo-trung', { as: OFFICE })).status).toBe(404);
  });

  it('moves the account when the subject changes: the new one signs in, the old one no longer does', async () => {
    await createOfficial('can-bo-doi-tk', 'tai-khoan-cu');
    const before = await signInAs('tai-khoan-cu');

    await patch('/officials/can-bo-doi-tk', { subject: 'tai-khoan-moi' }, '"1"');
    const oldAccount = await signInAs('tai-khoan-cu');
    const newAccount = await signInAs('tai-khoan-moi');
    const reused = await createOfficial('can-bo-nhan-tk', 'tai-khoan-cu');

    expect(before.status).toBe(200);
    expect(oldAccount.status).toBe(403);
    expect(newAccount.status).toBe(200);
    expect(newAccount.body.official).toMatchObject({ id: 'can-bo-doi-tk', subject: 'tai-khoan-moi' });
    expect(reused.status).toBe(201);
  });

  it('frees the account when an official without assignments is removed', async () => {
    await createOfficial('can-bo-nghi', 'tai-khoan-nghi');

    const removed = await api.request('DELETE', '/officials/can-bo-nghi', { as: OFFICE, headers: ifMatch('"1"') });
    const signIn = await signInAs('tai-khoan-nghi');
    const reused = await createOfficial('can-bo-thay', 'tai-khoan-nghi');

    expect(removed.status).toBe(204);
    expect(signIn.status).toBe(403);
    expect(reused.status).toBe(201);
  });
});

describe('assignments', () => {
  const official = {
    id: 'bi-thu-cb-moi',
    name: 'Bí thư chi bộ mới',
    title: 'Bí thư chi bộ',
    subject: 'tk-bi-thu-cb-moi',
  };

  beforeAll(async () => {
    await api.request('POST', '/officials', { as: OFFICE, body: official });
  });

  it('assigns a cell secretary with the cell’s commune and zone, and the official sees it at once', async () => {
    const token = await api.issuer.sign(official.subject);
    const before = await api.request<{ assignments: unknown[] }>('GET', '/me', { token });
    const created = await api.request('POST', '/assignments', {
      as: OFFICE,
      body: { officialId: official.id, role: 'cell-secretary', scopeId: 'gia-tan-thon-thuan-my' },
    });
    const me = await api.request<{ assignments: Record<string, unknown>[] }>('GET', '/me', { token });

    const id = `${official.id}.cell-secretary.gia-tan-thon-thuan-my`;
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/assignments/${id}`);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toEqual({
      id,
      officialId: official.id,
      role: 'cell-secretary',
      scopeId: 'gia-tan-thon-thuan-my',
      cellId: 'gia-tan-thon-thuan-my',
      communeId: 'gia-tan',
      zoneId: 'khu-2',
    });
    expect(before.body.assignments).toEqual([]);
    expect(me.body.assignments).toEqual([created.body]);
  });

  it('keeps the cached callers of other officials: the clerk’s next request reads nothing to know them', async () => {
    await api.request('GET', '/me', { as: OFFICE });

    await api.request('POST', '/assignments', {
      as: OFFICE,
      body: { officialId: official.id, role: 'zone-head', scopeId: 'khu-1' },
    });
    const calls = recordDynamoCalls();
    const me = await api.request('GET', '/me', { as: OFFICE });

    expect(me.status).toBe(200);
    expect(calls).toEqual([]);
  });

  it('refuses the same assignment twice (409)', async () => {
    const body = { officialId: official.id, role: 'standing-committee' };
    await api.request('POST', '/assignments', { as: OFFICE, body });

    const again = await api.request('POST', '/assignments', { as: OFFICE, body });

    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_exists');
  });

  it.each([
    ['a scope of the wrong kind', { role: 'zone-head', scopeId: 'gia-tan' }, '/scopeId', 'unknown_reference'],
    ['a scope that does not exist', { role: 'department', scopeId: 'ban-khong-co' }, '/scopeId', 'unknown_reference'],
    ['a scoped role without scope', { role: 'commune-chair' }, '/scopeId', 'missing_scope'],
    ['a district-wide role with a scope', { role: 'office', scopeId: 'khu-1' }, '/scopeId', 'unexpected_scope'],
    ['an unknown role', { role: 'king' }, '/role', 'invalid_value'],
  ])('refuses %s with 400 naming the field', async (_case, fields, path, code) => {
    const response = await api.request('POST', '/assignments', {
      as: OFFICE,
      body: { officialId: official.id, ...fields },
    });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ path, code })]);
  });

  it('refuses an assignment of an official who does not exist', async () => {
    const response = await api.request('POST', '/assignments', {
      as: OFFICE,
      body: { officialId: 'khong-co-ai', role: 'office' },
    });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: '/officialId', code: 'unknown_reference' })]);
  });

  it('ends an assignment with its ETag; the official loses the role at once', async () => {
    const created = await api.request('POST', '/assignments', {
      as: OFFICE,
      body: { officialId: official.id, role: 'district-admin' },
    });
    const path = String(created.headers.get('location'));
    const asAdmin = await api.request('POST', '/zones', {
      token: await api.issuer.sign(official.subject),
      body: { id: 'khu-cua-quan-tri', name: 'Khu của quản trị' },
    });

    const ended = await api.request('DELETE', path, { as: OFFICE, headers: ifMatch('"1"') });
    const afterwards = await api.request('POST', '/zones', {
      token: await api.issuer.sign(official.subject),
      body: { id: 'khu-sau-khi-thoi', name: 'Khu sau khi thôi' },
    });
    const gone = await api.request('GET', path, { as: OFFICE });

    expect(asAdmin.status).toBe(201);
    expect(ended.status).toBe(204);
    expect(afterwards.status).toBe(403);
    expect(gone.status).toBe(404);
  });
});
