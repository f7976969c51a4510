import { beforeAll, describe, expect, it } from 'vitest';
import { useApi } from '../support/api';
import { seedSampleDistrict } from '../support/sample-district';

const api = useApi();

interface Rotation {
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
