import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { RouteDefinition } from '../../shared/http/contract';
import { idempotentRequestOf } from '../../shared/http/idempotency-key';

const route = { method: 'POST', path: '/announcements', request: { idempotent: true } } as RouteDefinition;
const event = (headers: Record<string, string>) => ({ headers }) as unknown as APIGatewayProxyEventV2;
const keyed = event({ 'idempotency-key': 'k-1' });

function fingerprint(validated: object, on = route) {
  return idempotentRequestOf(keyed, on, 'van-phong-1', validated)?.fingerprint;
}

describe('the fingerprint of a request under an idempotency key', () => {
  it('is the same for the same request whatever the order of its fields', () => {
    expect(fingerprint({ body: { title: 'a', zoneIds: ['k1', 'k2'] } })).toBe(
      fingerprint({ body: { zoneIds: ['k1', 'k2'], title: 'a' } }),
    );
  });

  it('differs with the body, the order of a list, the version named and the route', () => {
    const base = fingerprint({ body: { title: 'a', zoneIds: ['k1', 'k2'] }, expectedVersion: 1 });
    const others = [
      fingerprint({ body: { title: 'b', zoneIds: ['k1', 'k2'] }, expectedVersion: 1 }),
      fingerprint({ body: { title: 'a', zoneIds: ['k2', 'k1'] }, expectedVersion: 1 }),
      fingerprint({ body: { title: 'a', zoneIds: ['k1', 'k2'] }, expectedVersion: 2 }),
      fingerprint({ body: { title: 'a', zoneIds: ['k1', 'k2'] }, expectedVersion: 1 }, { ...route, path: '/zones' }),
    ];
    expect(new Set([base, ...others]).size).toBe(5);
  });

  it('is asked for only on idempotent routes that were sent a key', () => {
    expect(idempotentRequestOf(event({}), route, 'van-phong-1', {})).toBeUndefined();
    expect(idempotentRequestOf(keyed, { ...route, request: {} }, 'van-phong-1', {})).toBeUndefined();
    expect(idempotentRequestOf(keyed, route, 'van-phong-1', {})).toMatchObject({ scope: 'van-phong-1', key: 'k-1' });
  });
});
