/**
 * Removing units and changing officials' accounts by hand: each refusal names the unit that holds
 * the removal up (its communes, its cells, a rotation plan, a hosting wish, its history), and once
 * the hold is gone the removal goes through.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ChangeSet } from '../../shared/db/change-set';
import { keys } from '../../shared/db/keys';
import { generateRotation, putHostingWishes } from '../../shared/services/cycle/rotations';
import { useApi } from '../support/api';
import { expectProblem } from '../support/problem';
import { referenceProblems } from '../support/reference-audit';
import { seedSampleDistrict } from '../support/sample-district';

const api = useApi();
const OFFICE = 'van-phong-1';
const tester = { id: 'tester' };

beforeAll(async () => {
  await seedSampleDistrict();
});

function post(path: string, body: unknown) {
  return api.request('POST', path, { as: OFFICE, body });
}

async function etagOf(path: string): Promise<string> {
  return String((await api.request('GET', path, { as: OFFICE })).headers.get('etag'));
}

async function remove(path: string) {
  return api.request('DELETE', path, { as: OFFICE, headers: { 'if-match': await etagOf(path) } });
}

async function patch(path: string, body: unknown) {
  return api.request('PATCH', path, { as: OFFICE, body, headers: { 'if-match': await etagOf(path) } });
}

describe('a refused removal names the unit', () => {
  it.each([
    ['a zone with communes', '/zones/khu-1', 'zone_has_communes', 'khu-1'],
    ['a commune with cells', '/communes/gia-tan', 'commune_has_cells', 'gia-tan'],
    ['a cell with a secretary', '/cells/gia-tan-thon-ha', 'unit_has_assignments', 'gia-tan-thon-ha'],
  ])('%s', async (_case, path, code, id) => {
    const response = await remove(path);

    expectProblem(response, 409, code);
    expect(response.body.detail).toContain(`"${id}"`);
  });

  it('a unit with history', async () => {
    await post('/departments', { id: 'ban-lich-su', name: 'Ban có lịch sử' });
    await new ChangeSet(tester).markInUse(keys.unit('department', 'ban-lich-su')).commit();

    const response = await remove('/departments/ban-lich-su');

    expectProblem(response, 409, 'unit_has_history');
    expect(response.body.detail).toContain('"ban-lich-su"');
  });

  it('a unit that does not exist (404)', async () => {
    const response = await api.request('DELETE', '/zones/khu-khong-co', { as: OFFICE, headers: { 'if-match': '"1"' } });

    expectProblem(response, 404, 'zone_not_found');
    expect(response.body.detail).toContain('"khu-khong-co"');
  });
});

describe('rotation plans and hosting wishes hold their units', () => {
  beforeAll(async () => {
    await post('/zones', { id: 'khu-ke-hoach', name: 'Khu có kế hoạch' });
    await post('/zones', { id: 'khu-dang-ky', name: 'Khu có đăng ký' });
    await post('/communes', { id: 'xa-ke-hoach', name: 'Xã có kế hoạch', kind: 'xa', zoneId: 'khu-ke-hoach' });
    await post('/communes', { id: 'xa-dang-ky', name: 'Xã có đăng ký', kind: 'xa', zoneId: 'khu-dang-ky' });
  });

  it('refuses to remove a commune a rotation plan names (409 unit_in_rotation, naming it)', async () => {
    await generateRotation('khu-ke-hoach', 2031, tester, () => 0);

    const response = await remove('/communes/xa-ke-hoach');

    expectProblem(response, 409, 'unit_in_rotation');
    expect(response.body.detail).toContain('"xa-ke-hoach"');
    expect((await api.request('GET', '/communes/xa-ke-hoach', { as: OFFICE })).status).toBe(200);
  });

  it('refuses to remove a commune that wished to host (409 unit_has_hosting_wishes, naming it)', async () => {
    const commune = { id: 'xa-dang-ky', name: 'Xã có đăng ký', kind: 'xa' as const, zoneId: 'khu-dang-ky' };
    await putHostingWishes(commune, 2031, [3], tester, () => 0);

    const response = await remove('/communes/xa-dang-ky');

    expectProblem(response, 409, 'unit_has_hosting_wishes');
    expect(response.body.detail).toContain('"xa-dang-ky"');
    expect(await referenceProblems()).toEqual([]);
  });
});

describe('removing the last child frees the parent', () => {
  it('removes a commune once its only cell is removed', async () => {
    await post('/communes', { id: 'xa-mot-chi-bo', name: 'Xã một chi bộ', kind: 'xa', zoneId: 'khu-4' });
    await post('/cells', { id: 'xa-mot-chi-bo-thon-1', name: 'Chi bộ thôn 1', communeId: 'xa-mot-chi-bo' });
    const before = await remove('/communes/xa-mot-chi-bo');

    const cell = await remove('/cells/xa-mot-chi-bo-thon-1');
    const commune = await remove('/communes/xa-mot-chi-bo');

    expect(before.status).toBe(409);
    expect([cell.status, commune.status]).toEqual([204, 204]);
    expect(await referenceProblems()).toEqual([]);
  });

  it('accepts a commune’s own zone in a PATCH (no move), changing the rest', async () => {
    const response = await patch('/communes/gia-hoa', { zoneId: 'khu-1', name: 'Xã Gia Hoà' });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ zoneId: 'khu-1', name: 'Xã Gia Hoà' });
  });
});

describe('an official’s account', () => {
  async function signInAs(subject: string) {
    return api.request('GET', '/me', { token: await api.issuer.sign(subject) });
  }

  it('names the account another official holds', async () => {
    const response = await post('/officials', {
      id: 'can-bo-trung-tk',
      name: 'Cán bộ trùng',
      title: 'Chuyên viên',
      subject: 'sample-van-phong-2',
    });

    expectProblem(response, 409, 'subject_taken');
    expect(response.body.detail).toContain('"sample-van-phong-2"');
  });

  it('keeps the account through a change of name that sends the same subject', async () => {
    await post('/officials', { id: 'can-bo-giu-tk', name: 'Cán bộ giữ', title: 'Chuyên viên', subject: 'tk-giu' });

    const response = await patch('/officials/can-bo-giu-tk', { name: 'Cán bộ giữ (đổi tên)', subject: 'tk-giu' });
    const signIn = await signInAs('tk-giu');

    expect(response.status).toBe(200);
    expect(signIn.status).toBe(200);
    expect(signIn.body.official).toMatchObject({ id: 'can-bo-giu-tk', name: 'Cán bộ giữ (đổi tên)' });
  });

  it('gives an official without an account one, who then signs in with it', async () => {
    await post('/officials', { id: 'can-bo-chua-tk', name: 'Cán bộ chưa có', title: 'Chuyên viên' });

    const response = await patch('/officials/can-bo-chua-tk', { subject: 'tk-moi-cap' });
    const signIn = await signInAs('tk-moi-cap');

    expect(response.status).toBe(200);
    expect(signIn.body.official).toMatchObject({ id: 'can-bo-chua-tk' });
  });

  it('lets two officials both give up their accounts', async () => {
    await post('/officials', { id: 'can-bo-bo-1', name: 'Cán bộ bỏ 1', title: 'Chuyên viên', subject: 'tk-bo-1' });
    await post('/officials', { id: 'can-bo-bo-2', name: 'Cán bộ bỏ 2', title: 'Chuyên viên', subject: 'tk-bo-2' });

    const first = await patch('/officials/can-bo-bo-1', { subject: null });
    const second = await patch('/officials/can-bo-bo-2', { subject: null });

    expect([first.status, second.status]).toEqual([200, 200]);
    expect((await signInAs('tk-bo-1')).status).toBe(403);
    expect((await signInAs('tk-bo-2')).status).toBe(403);
  });
});
