import { beforeAll, describe, expect, it } from 'vitest';
import { JSON_DEPTH_LIMIT } from '../../shared/http/json-depth';
import { type RequestOptions, useApi } from '../support/api';
import { expectProblem } from '../support/problem';
import { seedSampleDistrict } from '../support/sample-district';

const api = useApi();

beforeAll(async () => {
  await seedSampleDistrict();
});

const OFFICE = 'van-phong-1';

describe('routing errors', () => {
  it('answers an unknown route with 404 route_not_found', async () => {
    const response = await api.request('GET', '/khong-co-duong-nay', { as: OFFICE });

    expectProblem(response, 404, 'route_not_found');
  });

  it.each([
    ['DELETE', '/zones', ['GET', 'POST']],
    ['PUT', '/health', ['GET']],
  ])('answers %s %s with 405 and the allowed methods', async (method, path, allowed) => {
    const response = await api.request(method, path, { as: OFFICE });

    expectProblem(response, 405, 'method_not_allowed');
    expect(
      response.headers
        .get('allow')
        ?.split(',')
        .map((m) => m.trim())
        .sort(),
    ).toEqual(allowed);
  });
});

describe('request body errors', () => {
  it('refuses a body over 256 KB with 413 payload_too_large', async () => {
    const response = await api.request('POST', '/zones', {
      as: OFFICE,
      body: { id: 'khu-lon', name: 'x'.repeat(300 * 1024) },
    });

    expectProblem(response, 413, 'payload_too_large');
  });

  it('lets the structure import take a larger file, up to its own 5 MiB limit', async () => {
    const large = await api.request('PUT', '/structure', { as: OFFICE, body: { padding: 'x'.repeat(300 * 1024) } });
    const tooLarge = await api.request('PUT', '/structure', {
      as: OFFICE,
      body: { padding: 'x'.repeat(6 * 1024 * 1024) },
    });

    expect(large.status).toBe(400);
    expect(large.body.code).toBe('validation_failed');
    expectProblem(tooLarge, 413, 'payload_too_large');
  });

  it('refuses malformed JSON with 400 malformed_json', async () => {
    const response = await api.request('POST', '/zones', {
      as: OFFICE,
      rawBody: '{"id": "khu-7", ',
      headers: { 'content-type': 'application/json' },
    });

    expectProblem(response, 400, 'malformed_json');
  });

  it('refuses a body that is not JSON with 415', async () => {
    const response = await api.request('POST', '/zones', {
      as: OFFICE,
      rawBody: 'id=khu-7&name=Khu+7',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

    expectProblem(response, 415, 'unsupported_media_type');
  });

  it('refuses a __proto__ member of a body or query like any unknown field, reading nothing through it', async () => {
    const body = await api.request('POST', '/zones', {
      as: OFFICE,
      rawBody: '{"id": "khu-proto", "__proto__": {"name": "Khu qua prototype"}}',
      headers: { 'content-type': 'application/json' },
    });
    const query = await api.request('GET', '/zones?__proto__=x', { as: OFFICE });

    expectProblem(body, 400, 'validation_failed');
    expect(body.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '/__proto__', code: 'unrecognized_key' }),
        expect.objectContaining({ path: '/name' }),
      ]),
    );
    expectProblem(query, 400, 'validation_failed');
    expect(query.body.errors).toEqual([expect.objectContaining({ path: '/query/__proto__' })]);
    expect((await api.request('GET', '/zones/khu-proto', { as: OFFICE })).status).toBe(404);
  });

  it('refuses JSON nested deeper than the limit with 400 json_too_deep, however deep', async () => {
    const nested = (depth: number) => `{"id": "khu-sau", "name": ${'['.repeat(depth)}${']'.repeat(depth)}}`;
    for (const depth of [JSON_DEPTH_LIMIT, 7_300, 100_000]) {
      const response = await api.request('POST', '/zones', {
        as: OFFICE,
        rawBody: nested(depth),
        headers: { 'content-type': 'application/json' },
      });

      expectProblem(response, 400, 'json_too_deep');
    }
  });

  it('refuses control characters and lone surrogates in text, naming each field, and writes nothing', async () => {
    const body = await api.request('POST', '/zones', {
      as: OFFICE,
      rawBody: '{"id": "khu-dieu-khien", "name": "Khu\\u0007 7", "description": "\\ud800"}',
      headers: { 'content-type': 'application/json' },
    });
    const query = await api.request('GET', '/zones?cursor=%1B', { as: OFFICE });

    expectProblem(body, 400, 'validation_failed');
    expect(body.body.errors).toEqual([
      expect.objectContaining({ path: '/name', code: 'control_character', message: expect.stringContaining('«name»') }),
      expect.objectContaining({ path: '/description', code: 'unpaired_surrogate' }),
    ]);
    expectProblem(query, 400, 'validation_failed');
    expect(query.body.errors).toEqual([expect.objectContaining({ path: '/query/cursor', code: 'control_character' })]);
    expect((await api.request('GET', '/zones/khu-dieu-khien', { as: OFFICE })).status).toBe(404);
  });

  it('names each missing or wrong field in Vietnamese, saying what is expected', async () => {
    const response = await api.request('POST', '/zones', { as: OFFICE, body: { name: 7 } });

    expect(response.body.errors).toEqual([
      { path: '/id', code: 'invalid_type', message: 'Trường «id» là bắt buộc' },
      { path: '/name', code: 'invalid_type', message: 'Trường «name» phải là chuỗi ký tự' },
    ]);
  });

  it('refuses a missing body and a wrong-typed one with 400 listing each problem', async () => {
    const missing = await api.request('POST', '/zones', { as: OFFICE });
    const wrong = await api.request('POST', '/zones', { as: OFFICE, body: { id: 'Khu 7!', name: 7 } });

    expectProblem(missing, 400, 'validation_failed');
    expectProblem(wrong, 400, 'validation_failed');
    expect(wrong.body.errors).toEqual([
      expect.objectContaining({ path: '/id', message: expect.any(String) }),
      expect.objectContaining({ path: '/name', message: expect.any(String) }),
    ]);
  });
});

describe('client mistakes never cause a 5xx', () => {
  const longId = 'a'.repeat(3000);
  const cursorOf = (key: Record<string, string>) => Buffer.from(JSON.stringify(key)).toString('base64url');
  const forgedCursor = cursorOf({ PK: 'x', SK: 'y', GSI1PK: 'ZONES', GSI1SK: 'z'.repeat(1500) });
  it.each<[string, string, RequestOptions]>([
    ['GET', '/zones/%E0%A4%A', {}],
    ['GET', `/zones/${longId}`, {}],
    ['GET', `/assignments/${longId}.office.district`, {}],
    ['GET', `/zones?cursor=${forgedCursor}`, {}],
    ['GET', `/zones?cursor=${cursorOf({ PK: '', SK: '', GSI1PK: 'ZONES', GSI1SK: '' })}`, {}],
    ['GET', `/zones?cursor=${cursorOf({ PK: 'ZONE#khu-1', SK: 'ZONE', GSI1PK: 'ZONES', GSI1SK: '' })}`, {}],
    ['GET', `/audit?entity=zone:khu-1&cursor=${cursorOf({ PK: 'AUDIT#zone#khu-1', SK: '' })}`, {}],
    ['GET', '/zones?limit=-1', {}],
    ['GET', '/zones?limit=1e400', {}],
    ['GET', '/audit', {}],
    ['GET', '/audit?entity=zone', {}],
    ['GET', `/audit?entity=zone:${longId}`, {}],
    ['POST', '/zones', { body: [] }],
    ['POST', '/zones', { body: null }],
    ['POST', '/zones', { rawBody: '"just a string"', headers: { 'content-type': 'application/json' } }],
    ['POST', '/zones', { body: { id: longId, name: 'Khu' } }],
    ['POST', '/communes', { body: { id: 'xa-x', name: 'Xã', kind: 'xa', zoneId: longId } }],
    ['PATCH', '/zones/khu-1', { body: { name: 'Khu' }, headers: { 'if-match': 'W/"abc"' } }],
    ['PATCH', `/zones/${longId}`, { body: { name: 'Khu' }, headers: { 'if-match': '"1"' } }],
    ['DELETE', '/zones/khu-1', { headers: { 'if-match': '"999999999999999999999999"' } }],
    ['POST', '/assignments', { body: { officialId: 'van-phong-1', role: 'zone-head', scopeId: longId } }],
    ['PUT', '/structure', { body: { zones: 'no' } }],
  ])('answers %s %s with a 4xx problem', async (method, path, options) => {
    const response = await api.request(method, path, { as: OFFICE, ...options });

    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body).toMatchObject({ status: response.status, code: expect.any(String) });
  });
});
