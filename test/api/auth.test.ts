import { beforeAll, describe, expect, it } from 'vitest';
import { createLocalIssuer } from '../../infra/local/jwt';
import { useApi } from '../support/api';
import { expectProblem } from '../support/problem';
import { seedSampleDistrict } from '../support/sample-district';

const api = useApi();

beforeAll(async () => {
  await seedSampleDistrict();
});

const SUBJECT = 'sample-van-phong-1';

describe('tokens the gateway refuses with 401', () => {
  it.each([
    ['no token', async () => ({})],
    ['a malformed token', async () => ({ token: 'not.a.jwt' })],
    [
      'a token of another scheme',
      async () => ({ headers: { authorization: `Basic ${await api.tokenFor('van-phong-1')}` } }),
    ],
    ['an expired token', async () => ({ token: await api.issuer.sign(SUBJECT, { expiresIn: '-1m' }) })],
    [
      'a token from another issuer',
      async () => ({ token: await api.issuer.sign(SUBJECT, { issuer: 'https://evil.example' }) }),
    ],
    [
      'a token for another app client',
      async () => ({ token: await api.issuer.sign(SUBJECT, { clientId: 'other-client' }) }),
    ],
    ['a token signed with another key', async () => ({ token: await (await createLocalIssuer()).sign(SUBJECT) })],
  ])('refuses %s', async (_case, credentials) => {
    const response = await api.request('GET', '/zones', { as: null, ...(await credentials()) });

    expectProblem(response, 401, 'unauthorized');
  });

  it('accepts the same request with a valid token', async () => {
    const response = await api.request('GET', '/zones', { token: await api.issuer.sign(SUBJECT) });

    expect(response.status).toBe(200);
  });

  it('answers the health check without a token', async () => {
    const response = await api.request('GET', '/health', { as: null });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });
});

describe('valid callers without the right with 403', () => {
  it('refuses a valid token whose account belongs to no official', async () => {
    const response = await api.request('GET', '/zones', { token: await api.issuer.sign('nobody-here') });

    expectProblem(response, 403, 'forbidden');
  });

  it('refuses a cell secretary who tries to create a zone, and writes nothing', async () => {
    const response = await api.request('POST', '/zones', {
      as: 'bi-thu-cb-gia-tan-thon-ha',
      body: { id: 'khu-7', name: 'Khu 7' },
    });

    expectProblem(response, 403, 'forbidden');
    expect((await api.request('GET', '/zones/khu-7', { as: 'van-phong-1' })).status).toBe(404);
  });

  it.each([
    ['a cell secretary', 'bi-thu-cb-gia-tan-thon-ha'],
    ['a zone head', 'truong-khu-1'],
    ['the party secretary', 'bi-thu'],
  ])('refuses the audit trail to %s', async (_case, official) => {
    const response = await api.request('GET', '/audit?entity=zone:khu-1', { as: official });

    expectProblem(response, 403, 'forbidden');
  });

  it('refuses structure changes and imports to the standing board', async () => {
    const patch = await api.request('PATCH', '/zones/khu-1', {
      as: 'bi-thu',
      body: { name: 'Khu một' },
      headers: { 'if-match': '"1"' },
    });
    const structure = await api.request('PUT', '/structure', { as: 'bi-thu', body: {} });

    expectProblem(patch, 403, 'forbidden');
    expectProblem(structure, 403, 'forbidden');
  });

  it('lets the district administrator read the audit trail', async () => {
    const response = await api.request('GET', '/audit?entity=zone:khu-1', { as: 'quan-tri' });

    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([expect.objectContaining({ action: 'create', actor: 'test-seed' })]);
  });
});
