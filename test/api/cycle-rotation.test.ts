import { beforeAll, describe, expect, it } from 'vitest';
import { useApi } from '../support/api';
import { expectProblem } from '../support/problem';
import { seedSampleDistrict } from '../support/sample-district';

const api = useApi();

interface Rotation {
  detail?: string;
  hosts: string[];
  keptMonths: number[];
  code?: string;
}

const KHU_2 = ['gia-tan', 'gia-luong', 'gia-xuyen', 'lien-hong'];

describe('hosting wishes', () => {
  beforeAll(async () => {
    await seedSampleDistrict();
  });

  it('lets a commune secretary register the months their commune wishes to host', async () => {
    const response = await api.request<{ months: number[] }>('PUT', '/communes/gia-tan/hosting-wishes/2028', {
      as: 'bi-thu-gia-tan',
      body: { months: [9, 3, 9] },
    });

    expect(response.status).toBe(201);
    expect(response.body.months).toEqual([3, 9]);
  });

  it('replaces a registration only with the ETag its registration returned', async () => {
    const path = '/communes/gia-xuyen/hosting-wishes/2028';
    const first = await api.request('PUT', path, { as: 'bi-thu-gia-xuyen', body: { months: [1] } });

    const missing = await api.request('PUT', path, { as: 'bi-thu-gia-xuyen', body: { months: [2] } });
    const replaced = await api.request<{ months: number[] }>('PUT', path, {
      as: 'bi-thu-gia-xuyen',
      body: { months: [] },
      headers: { 'if-match': first.headers.get('etag') as string },
    });

    expect(missing.status).toBe(428);
    expect(replaced.status).toBe(200);
    expect(replaced.body.months).toEqual([]);
  });

  it('refuses a commune secretary registering for another commune', async () => {
    const response = await api.request('PUT', '/communes/gia-luong/hosting-wishes/2028', {
      as: 'bi-thu-gia-tan',
      body: { months: [4] },
    });

    expect(response.status).toBe(403);
  });

  it('lets the office register for any commune', async () => {
    const response = await api.request('PUT', '/communes/gia-luong/hosting-wishes/2028', {
      as: 'van-phong-1',
      body: { months: [3, 6] },
    });

    expect(response.status).toBe(201);
  });

  it('shows the zone’s wishes to its members but not to another zone’s', async () => {
    const own = await api.request<{ items: { communeId: string }[] }>('GET', '/zones/khu-2/hosting-wishes/2028', {
      as: 'bi-thu-cb-gia-tan-thon-ha',
    });
    const other = await api.request('GET', '/zones/khu-2/hosting-wishes/2028', {
      as: 'bi-thu-cb-thi-tran-gia-loc-khu-dan-cu-1',
    });

    expect(own.body.items.map((w) => w.communeId).sort()).toEqual(['gia-luong', 'gia-tan', 'gia-xuyen']);
    expect(other.status).toBe(403);
  });
});

describe('rotation plans', () => {
  const path = '/zones/khu-2/rotations/2028';

  it('generates a zone’s plan from its communes and wishes', async () => {
    const response = await api.request<Rotation>('PUT', path, { as: 'van-phong-1' });

    expect(response.status).toBe(201);
    expect(response.body.hosts).toHaveLength(12);
    expect(new Set(response.body.hosts)).toEqual(new Set(KHU_2));
    // September was wished by gia-tan alone, June by gia-luong alone.
    expect(response.body.hosts[8]).toBe('gia-tan');
    expect(response.body.hosts[5]).toBe('gia-luong');
  });

  it('is read by the zone’s members with its ETag', async () => {
    const response = await api.request<Rotation>('GET', path, { as: 'bi-thu-gia-tan' });

    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toMatch(/^"\d+"$/);
  });

  it('swaps two months for the office with a reason, and audits the reason', async () => {
    const current = await api.request<Rotation>('GET', path, { as: 'van-phong-1' });
    const ifMatch = current.headers.get('etag') as string;

    const noReason = await api.request('POST', `${path}/swaps`, {
      as: 'van-phong-1',
      body: { a: 1, b: 2 },
      headers: { 'if-match': ifMatch },
    });
    const swapped = await api.request<Rotation>('POST', `${path}/swaps`, {
      as: 'van-phong-1',
      body: { a: 1, b: 2, reason: 'Xã Gia Tân sửa hội trường tháng 1' },
      headers: { 'if-match': ifMatch },
    });

    expect(noReason.status).toBe(400);
    expect(swapped.status).toBe(200);
    expect(swapped.body.hosts.slice(0, 2)).toEqual([current.body.hosts[1], current.body.hosts[0]]);
    const audit = await api.request<{ items: { action: string; reason?: string }[] }>(
      'GET',
      '/audit?entity=rotation:khu-2.2028',
      { as: 'van-phong-1' },
    );
    expect(audit.body.items[0]).toMatchObject({ action: 'swap', reason: 'Xã Gia Tân sửa hội trường tháng 1' });
  });

  it('refuses a swap with a stale ETag, or by anyone but the office', async () => {
    const stale = await api.request('POST', `${path}/swaps`, {
      as: 'van-phong-1',
      body: { a: 4, b: 5, reason: 'Đổi lịch' },
      headers: { 'if-match': '"1"' },
    });
    const deputy = await api.request('POST', `${path}/swaps`, {
      as: 'pho-khu-2',
      body: { a: 4, b: 5, reason: 'Đổi lịch' },
      headers: { 'if-match': '"1"' },
    });

    expect(stale.status).toBe(412);
    expect(deputy.status).toBe(403);
  });

  it('regenerates around the months whose meetings exist, which can no longer be swapped', async () => {
    await api.request('POST', '/cycles/2029-03/open', { as: 'van-phong-1' });
    const meeting = await api.request<{ host: { communeId: string } }>('GET', '/meetings/2029-03.khu-2', {
      as: 'van-phong-1',
    });
    const planPath = '/zones/khu-2/rotations/2029';
    const plan = await api.request<Rotation>('GET', planPath, { as: 'van-phong-1' });
    const ifMatch = plan.headers.get('etag') as string;

    const withoutIfMatch = await api.request('PUT', planPath, { as: 'van-phong-1' });
    const regenerated = await api.request<Rotation>('PUT', planPath, {
      as: 'van-phong-1',
      headers: { 'if-match': ifMatch },
    });
    const swap = await api.request<Rotation>('POST', `${planPath}/swaps`, {
      as: 'van-phong-1',
      body: { a: 3, b: 4, reason: 'Đổi lịch' },
      headers: { 'if-match': regenerated.headers.get('etag') as string },
    });

    expect(withoutIfMatch.status).toBe(428);
    expect(regenerated.status).toBe(200);
    expect(regenerated.body.keptMonths).toEqual([3]);
    expect(regenerated.body.hosts[2]).toBe(meeting.body.host.communeId);
    expect([swap.status, swap.body.code]).toEqual([409, 'month_has_meeting']);
  });
});

describe('refusals and history of plans and wishes', () => {
  beforeAll(async () => {
    await seedSampleDistrict();
  });

  it('stores one of two first registrations of a commune’s year and tells the other to reload', async () => {
    const path = '/communes/gia-luong/hosting-wishes/2033';

    const answers = await Promise.all(
      [[5], [7]].map((months) => api.request('PUT', path, { as: 'van-phong-1', body: { months } })),
    );

    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    // Refused as a conflict when both read no registration, else as a replacement without If-Match.
    const refusals = answers.filter((answer) => answer.status !== 201);
    for (const answer of refusals) {
      expect([
        [409, 'hosting_wishes_exist'],
        [428, 'if_match_required'],
      ]).toContainEqual([answer.status, answer.body.code]);
    }
    const stored = await api.request<{ items: { communeId: string }[] }>('GET', '/zones/khu-2/hosting-wishes/2033', {
      as: 'van-phong-1',
    });
    expect(stored.body.items.map((wish) => wish.communeId)).toEqual(['gia-luong']);
  });

  it('answers 404 naming the commune or zone that does not exist, changing nothing', async () => {
    const wishes = await api.request('PUT', '/communes/xa-khong-co/hosting-wishes/2028', {
      as: 'van-phong-1',
      body: { months: [2] },
    });
    const plan = await api.request('PUT', '/zones/khu-khong-co/rotations/2028', { as: 'van-phong-1' });

    expectProblem(wishes, 404, 'commune_not_found');
    expect(wishes.body.detail).toMatch(/xã.*xa-khong-co/);
    expectProblem(plan, 404, 'zone_not_found');
    expect(plan.body.detail).toMatch(/khu.*khu-khong-co/);
    const read = await api.request('GET', '/zones/khu-khong-co/rotations/2028', { as: 'van-phong-1' });
    expectProblem(read, 404, 'rotation_not_found');
  });

  it('refuses a plan for a zone without communes (409), and has none to show or swap afterwards (404)', async () => {
    await api.request('POST', '/zones', { as: 'van-phong-1', body: { id: 'khu-chua-co-xa', name: 'Khu chưa có xã' } });
    const path = '/zones/khu-chua-co-xa/rotations/2030';

    const generated = await api.request('PUT', path, { as: 'van-phong-1' });
    const read = await api.request('GET', path, { as: 'van-phong-1' });
    const swap = await api.request('POST', `${path}/swaps`, {
      as: 'van-phong-1',
      body: { a: 1, b: 2, reason: 'Đổi lịch' },
      headers: { 'if-match': '"1"' },
    });

    expectProblem(generated, 409, 'zone_has_no_communes');
    expect(generated.body.detail).toContain('khu-chua-co-xa');
    expectProblem(read, 404, 'rotation_not_found');
    expect(read.body.detail).toContain('khu-chua-co-xa');
    expectProblem(swap, 404, 'rotation_not_found');
  });

  it('refuses to swap a month with itself, naming the second month, before anything else', async () => {
    const response = await api.request<{ errors: { path: string; code: string; message: string }[] }>(
      'POST',
      '/zones/khu-khong-co/rotations/2028/swaps',
      { as: 'van-phong-1', body: { a: 4, b: 4, reason: 'Đổi lịch' }, headers: { 'if-match': '"1"' } },
    );

    expectProblem(response, 400, 'validation_failed');
    expect(response.body.errors).toEqual([{ path: '/b', code: 'same_month', message: expect.any(String) }]);
    expect(response.body.errors[0]?.message).not.toBe('');
  });

  it('replaces a registration again with each ETag it returns, auditing every version of the commune’s year', async () => {
    const path = '/communes/lien-hong/hosting-wishes/2031';
    const first = await api.request('PUT', path, { as: 'van-phong-1', body: { months: [1] } });
    const second = await api.request('PUT', path, {
      as: 'van-phong-1',
      body: { months: [2] },
      headers: { 'if-match': first.headers.get('etag') as string },
    });
    const third = await api.request<{ months: number[] }>('PUT', path, {
      as: 'van-phong-1',
      body: { months: [3] },
      headers: { 'if-match': second.headers.get('etag') as string },
    });

    expect([first.status, second.status, third.status]).toEqual([201, 200, 200]);
    expect(third.body.months).toEqual([3]);
    const audit = await api.request<{ items: { after?: { months: number[] } }[] }>(
      'GET',
      '/audit?entity=hosting-wish:lien-hong.2031',
      { as: 'van-phong-1' },
    );
    expect(audit.body.items).toHaveLength(3);
  });

  it('plans January for a zone whose December meeting had no host, from the communes it has since', async () => {
    await api.request('POST', '/zones', { as: 'van-phong-1', body: { id: 'khu-moi', name: 'Khu mới' } });
    await api.request('POST', '/cycles/2030-12/open', { as: 'van-phong-1' });
    const december = await api.request<{ host: unknown }>('GET', '/meetings/2030-12.khu-moi', { as: 'van-phong-1' });
    await api.request('POST', '/communes', {
      as: 'van-phong-1',
      body: { id: 'xa-khu-moi', name: 'Xã Khu Mới', kind: 'xa', zoneId: 'khu-moi' },
    });

    const opened = await api.request('POST', '/cycles/2031-01/open', { as: 'van-phong-1' });

    expect(december.body.host).toBeNull();
    expect(opened.status).toBe(201);
    const january = await api.request<{ host: { communeId: string } }>('GET', '/meetings/2031-01.khu-moi', {
      as: 'van-phong-1',
    });
    expect(january.body.host.communeId).toBe('xa-khu-moi');
  });
});
