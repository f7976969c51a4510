/**
 * Every answer, from a handler or from the gateway, success or problem, carries `Cache-Control:
 * no-store` and `X-Content-Type-Options: nosniff`. The local gateway passes handler responses on
 * untouched, as API Gateway does, so these prove the handlers set them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiResponse, type RequestOptions, useApi } from '../support/api';
import { seedSampleDistrict } from '../support/sample-district';

const api = useApi();
const OFFICE = 'van-phong-1';

beforeAll(async () => {
  await seedSampleDistrict();
});

function expectUncacheableAndNosniff(response: ApiResponse) {
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
}

describe('Cache-Control: no-store and X-Content-Type-Options: nosniff', () => {
  it.each<[string, number, string, string, RequestOptions]>([
    ['the health check', 200, 'GET', '/health', { as: null }],
    ['a read', 200, 'GET', '/zones/khu-1', { as: OFFICE }],
    ['a list', 200, 'GET', '/zones', { as: OFFICE }],
    ['a creation', 201, 'POST', '/zones', { as: OFFICE, body: { id: 'khu-dau', name: 'Khu đầu' } }],
    ['a change without If-Match', 428, 'PATCH', '/zones/khu-1', { as: OFFICE, body: { name: 'Khu một' } }],
    [
      'a change with a stale ETag',
      412,
      'PATCH',
      '/zones/khu-1',
      { as: OFFICE, body: { name: 'Khu một' }, headers: { 'if-match': '"99"' } },
    ],
    ['an invalid body', 400, 'POST', '/zones', { as: OFFICE, body: { id: 7 } }],
    ['a body over the route’s limit', 413, 'POST', '/zones', { as: OFFICE, body: { name: 'x'.repeat(300 * 1024) } }],
    ['a missing resource', 404, 'GET', '/zones/khu-khong-co', { as: OFFICE }],
    ['a forbidden change', 403, 'POST', '/zones', { as: 'truong-khu-1', body: { id: 'khu-9', name: 'Khu 9' } }],
    ['an unknown route', 404, 'GET', '/khong-co', { as: OFFICE }],
    ['a wrong method', 405, 'DELETE', '/zones', { as: OFFICE }],
    ['a request without token (answered by the gateway)', 401, 'GET', '/zones', { as: null }],
  ])('on %s (%i)', async (_case, status, method, path, options) => {
    const response = await api.request(method, path, options);

    expect(response.status).toBe(status);
    expectUncacheableAndNosniff(response);
  });

  it('on a removal without body (204)', async () => {
    await api.request('POST', '/departments', { as: OFFICE, body: { id: 'phong-tam', name: 'Phòng tạm' } });
    const etag = (await api.request('GET', '/departments/phong-tam', { as: OFFICE })).headers.get('etag') ?? '';

    const removed = await api.request('DELETE', '/departments/phong-tam', {
      as: OFFICE,
      headers: { 'if-match': etag },
    });

    expect(removed.status).toBe(204);
    expectUncacheableAndNosniff(removed);
  });
});
