import { describe, expect, it } from 'vitest';
import { deploymentSchema } from '../../shared/domain/structure/district-config';
import { type CorsSettings, preflightHeaders, replyHeaders } from '../../shared/http/cors';

const settings: CorsSettings = { origins: ['https://console.gia-loc.example'], methods: ['GET', 'PATCH'] };

describe('CORS settings', () => {
  it('answers a listed origin’s preflight with what it may send, a retry key included', () => {
    expect(preflightHeaders(settings, 'https://console.gia-loc.example')).toEqual({
      'access-control-allow-origin': 'https://console.gia-loc.example',
      'access-control-allow-methods': 'GET,PATCH',
      'access-control-allow-headers': 'authorization,content-type,if-match,idempotency-key',
      'access-control-max-age': '3600',
      vary: 'origin',
    });
  });

  it('names no other origin, nor a missing one', () => {
    for (const origin of ['https://evil.example', 'https://console.gia-loc.example.evil.example', 'null', undefined]) {
      expect(preflightHeaders(settings, origin)).toEqual({});
      expect(replyHeaders(settings, origin)).toEqual({});
    }
  });

  it('lets a listed origin read the ETag, Location and replay mark of replies', () => {
    expect(replyHeaders(settings, 'https://console.gia-loc.example')).toMatchObject({
      'access-control-allow-origin': 'https://console.gia-loc.example',
      'access-control-expose-headers': 'etag,location,idempotent-replayed',
    });
  });
});

describe('deployment.corsOrigins in the district config', () => {
  const deployment = (corsOrigins?: unknown) => ({
    cycleOpener: { dayOfMonth: 1, hour: 7, minute: 0 },
    alarmEmails: ['van-phong@gia-loc.example'],
    ...(corsOrigins === undefined ? {} : { corsOrigins }),
  });

  it('is optional and takes origins with an optional port', () => {
    expect(deploymentSchema.safeParse(deployment()).success).toBe(true);
    expect(
      deploymentSchema.safeParse(deployment(['https://console.gia-loc.example', 'http://localhost:5173'])).success,
    ).toBe(true);
  });

  it.each([
    ['a path', 'https://console.gia-loc.example/app'],
    ['a trailing slash', 'https://console.gia-loc.example/'],
    ['a wildcard', '*'],
    ['upper case', 'https://Console.example'],
    ['no scheme', 'console.gia-loc.example'],
    ['another scheme', 'ftp://console.gia-loc.example'],
  ])('refuses %s, saying what an origin looks like', (_, origin) => {
    const result = deploymentSchema.safeParse(deployment([origin]));

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/^Nguồn \(origin\) phải có dạng https:\/\//);
  });
});
