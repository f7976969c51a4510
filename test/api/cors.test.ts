/** CORS in the local gateway, as API Gateway does it from the district config's listed origins. */
import { beforeAll, describe, expect, it } from 'vitest';
import { useApi } from '../support/api';
import { seedSampleDistrict } from '../support/sample-district';

const CONSOLE = 'https://console.gia-loc.example';
const withOrigins = useApi({ corsOrigins: [CONSOLE] });
const withoutOrigins = useApi();

beforeAll(async () => {
  await seedSampleDistrict();
});

const preflight = (baseUrl: string, origin: string) =>
  fetch(`${baseUrl}/zones/khu-1`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'PATCH',
      'access-control-request-headers': 'authorization,if-match',
    },
  });

describe('CORS for the listed origins', () => {
  it('answers a listed origin’s preflight without a token', async () => {
    const response = await preflight(withOrigins.baseUrl, CONSOLE);

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(response.headers.get('access-control-allow-methods')?.split(',')).toContain('PATCH');
    expect(response.headers.get('access-control-allow-headers')?.split(',')).toEqual(
      expect.arrayContaining(['authorization', 'if-match', 'content-type']),
    );
  });

  it('answers another origin’s preflight without allowing it', async () => {
    const response = await preflight(withOrigins.baseUrl, 'https://evil.example');

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets a listed origin read replies and their ETag, and no other origin', async () => {
    const token = await withOrigins.tokenFor('van-phong-1');
    const read = (origin: string) =>
      fetch(`${withOrigins.baseUrl}/zones/khu-1`, { headers: { origin, authorization: `Bearer ${token}` } });
    const listed = await read(CONSOLE);
    const other = await read('https://evil.example');

    expect(listed.status).toBe(200);
    expect(listed.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(listed.headers.get('access-control-expose-headers')?.split(',')).toContain('etag');
    expect(other.status).toBe(200);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('still asks a listed origin’s real requests for a token', async () => {
    const response = await fetch(`${withOrigins.baseUrl}/zones`, { headers: { origin: CONSOLE } });

    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe(CONSOLE);
  });

  it('allows no origin when the district lists none', async () => {
    const response = await preflight(withoutOrigins.baseUrl, CONSOLE);

    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
