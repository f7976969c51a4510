import { beforeAll, describe, expect, it } from 'vitest';
import { API_SCOPE } from '../../infra/api-scope';
import { CLOCK_SKEW_SECONDS, createLocalIssuer, LOCAL_CLIENT_ID } from '../../infra/local/jwt';
import { useApi } from '../support/api';
import { expectProblem } from '../support/problem';
import { seedSampleDistrict } from '../support/sample-district';

const api = useApi();

beforeAll(async () => {
  await seedSampleDistrict();
});

const SUBJECT = 'sample-van-phong-1';
const DAY = 24 * 60 * 60;

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

function secondsFromNow(seconds: number): Date {
  return new Date((nowSeconds() + seconds) * 1000);
}

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
    ['a token without expiry', async () => ({ token: await api.issuer.sign(SUBJECT, { expiresIn: null }) })],
    [
      'a token issued a day ahead',
      async () => ({ token: await api.issuer.sign(SUBJECT, { issuedAt: secondsFromNow(DAY), expiresIn: '2d' }) }),
    ],
    [
      'a token issued beyond the clock skew',
      async () => ({ token: await api.issuer.sign(SUBJECT, { issuedAt: secondsFromNow(CLOCK_SKEW_SECONDS + 30) }) }),
    ],
    ['a token without issue time', async () => ({ token: await api.issuer.sign(SUBJECT, { issuedAt: null }) })],
    [
      'a token not valid before tomorrow',
      async () => ({ token: await api.issuer.sign(SUBJECT, { claims: { nbf: nowSeconds() + DAY } }) }),
    ],
    [
      'a token older than Cognito ever issues',
      async () => ({ token: await api.issuer.sign(SUBJECT, { issuedAt: secondsFromNow(-2 * DAY), expiresIn: '3d' }) }),
    ],
    ['an ID token', async () => ({ token: await api.issuer.sign(SUBJECT, { claims: { token_use: 'id' } }) })],
    [
      'an ID token shaped like Cognito’s (aud, no client_id, no scope)',
      async () => ({
        token: await api.issuer.sign(SUBJECT, {
          claims: { token_use: 'id', aud: LOCAL_CLIENT_ID, client_id: undefined, scope: undefined },
        }),
      }),
    ],
    [
      'a token for another audience',
      async () => ({ token: await api.issuer.sign(SUBJECT, { claims: { aud: 'other-client' } }) }),
    ],
    [
      'a token without a scope',
      async () => ({ token: await api.issuer.sign(SUBJECT, { claims: { scope: undefined } }) }),
    ],
    [
      'a token with only other scopes',
      async () => ({
        token: await api.issuer.sign(SUBJECT, { claims: { scope: `aws.cognito.signin.user.admin ${API_SCOPE}x` } }),
      }),
    ],
  ])('refuses %s', async (_case, credentials) => {
    const response = await api.request('GET', '/zones', { as: null, ...(await credentials()) });

    expectProblem(response, 401, 'unauthorized');
  });

  it('accepts the same request with a valid token', async () => {
    const response = await api.request('GET', '/zones', { token: await api.issuer.sign(SUBJECT) });

    expect(response.status).toBe(200);
  });

  it('accepts a token issued by a clock slightly ahead, within the skew', async () => {
    const token = await api.issuer.sign(SUBJECT, { issuedAt: secondsFromNow(CLOCK_SKEW_SECONDS - 20) });

    expect((await api.request('GET', '/zones', { token })).status).toBe(200);
  });

  it('accepts a token whose scope claim holds the API scope among others', async () => {
    const token = await api.issuer.sign(SUBJECT, { claims: { scope: `openid ${API_SCOPE} profile` } });

    expect((await api.request('GET', '/zones', { token })).status).toBe(200);
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
