import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { named } from '../../shared/domain/schema-kit';
import { PUBLIC } from '../../shared/http/access-rules';
import { type RouteDefinition, routeKeyOf } from '../../shared/http/contract';
import { openApiDocument } from '../../shared/http/openapi';
import { fixtureRoutes } from '../support/fixture-routes';
import { describedRouteKeys, specificationErrors, spectralFindings } from '../support/openapi-checks';

const options = { title: 'Fixture API', version: '1.0.0', description: 'A fixture.', tags: {} };
const document = openApiDocument(fixtureRoutes, options);

const operation = (method: string, path: string) => {
  const found = document.paths[path]?.[method];
  if (!found) throw new Error(`no ${method} ${path}`);
  return found;
};

describe('the OpenAPI document of a route table', () => {
  it('describes exactly the routes of the table, each under its operation name', () => {
    expect(describedRouteKeys(document).sort()).toEqual(fixtureRoutes.map(routeKeyOf).sort());
    expect(operation('patch', '/zones/{zoneId}').operationId).toBe('zones.update');
  });

  it('notices a route the document lacks and one the table lacks', () => {
    const fewer = openApiDocument(fixtureRoutes.slice(1), options);
    const extra: RouteDefinition = { ...(fixtureRoutes[0] as RouteDefinition), path: '/extra', operation: 'extra' };
    const more = openApiDocument([...fixtureRoutes, extra], options);

    expect(describedRouteKeys(fewer)).not.toContain('GET /health');
    expect(describedRouteKeys(more)).toContain('GET /extra');
  });

  it('is valid OpenAPI 3.1', async () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(await specificationErrors(document)).toEqual([]);
  });

  it('lints clean with Spectral’s OpenAPI ruleset', async () => {
    expect(await spectralFindings(document)).toEqual([]);
  });

  it('gives path and query parameters their patterns, and requires only path ones and stated query ones', () => {
    expect(operation('get', '/zones/{zoneId}').parameters).toEqual([
      { name: 'zoneId', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$' } },
    ]);
    expect(operation('get', '/zones').parameters).toEqual([
      { name: 'limit', in: 'query', required: false, schema: { type: 'string', pattern: '^\\d+$' } },
      { name: 'month', in: 'query', required: false, schema: expect.objectContaining({ pattern: expect.any(String) }) },
    ]);
  });

  it('lists a named schema once and refers to it, with a request form where defaults make it differ', () => {
    const { schemas } = document.components;

    expect(operation('get', '/zones/{zoneId}').responses['200']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/FixtureZone' } } },
      headers: { ETag: { $ref: '#/components/headers/ETag' } },
    });
    expect(operation('post', '/zones').requestBody).toMatchObject({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/FixtureZoneInput' } } },
    });
    expect(schemas.FixtureZone?.required).toEqual(['id', 'name', 'active']);
    expect(schemas.FixtureZoneInput?.required).toEqual(['id', 'name']);
  });

  it('refuses two different schemas under one name', () => {
    const first = named(z.strictObject({ a: z.string() }), 'Twice');
    const second = named(z.strictObject({ b: z.string() }), 'Twice');
    const route = (schema: z.ZodMiniType, path: string): RouteDefinition => ({
      ...(fixtureRoutes[0] as RouteDefinition),
      path,
      response: { status: 200, description: 'x', body: schema },
    });

    expect(() => openApiDocument([route(first, '/a'), route(second, '/b')], options)).toThrow(/named "Twice"/);
  });

  it('answers 200 besides 201 where a create finds the same thing already there', () => {
    expect(Object.keys(operation('post', '/zones').responses)).toEqual(expect.arrayContaining(['200', '201']));
  });

  it('states the problem answers each route can give, as application/problem+json', () => {
    const codes = (method: string, path: string) => Object.keys(operation(method, path).responses);

    expect(codes('get', '/health')).toEqual(['200', '500']);
    expect(codes('get', '/zones/{zoneId}')).toEqual(['200', '400', '401', '403', '404', '500']);
    expect(codes('patch', '/zones/{zoneId}')).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '412',
      '413',
      '415',
      '422',
      '428',
      '500',
    ]);
    expect(codes('delete', '/zones/{zoneId}')).toEqual(['204', '400', '401', '403', '404', '409', '412', '428', '500']);
    expect(operation('patch', '/zones/{zoneId}').responses['422']).toMatchObject({
      content: {
        'application/problem+json': {
          schema: {
            allOf: [{ $ref: '#/components/schemas/Problem' }, { properties: { code: { enum: ['zone_closed'] } } }],
          },
        },
      },
    });
    expect(document.components.schemas.Problem).toMatchObject({
      required: ['type', 'title', 'status', 'code', 'detail'],
    });
  });

  it('asks for If-Match on routes that change an existing resource', () => {
    expect(operation('delete', '/zones/{zoneId}').parameters).toContainEqual({
      $ref: '#/components/parameters/IfMatch',
    });
    expect(operation('post', '/zones').parameters).toBeUndefined();
  });

  it('requires a bearer token everywhere but on public routes', () => {
    expect(document.security).toEqual([{ bearerAuth: [] }]);
    expect(document.components.securitySchemes).toEqual({
      bearerAuth: expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }),
    });
    expect(operation('get', '/health').security).toEqual([]);
    expect(operation('get', '/zones').security).toBeUndefined();
  });

  it('names in each description the roles that may call it, in Vietnamese', () => {
    expect(operation('get', '/health').description).toContain('Công khai');
    expect(operation('get', '/zones').description).toContain('Mọi cán bộ đã đăng nhập');
    expect(operation('patch', '/zones/{zoneId}').description).toContain(
      'Văn phòng Huyện uỷ (office); Phó khu (thư ký) (zone-deputy) trong khu của mình.',
    );
    expect(operation('post', '/zones').description).toMatch(
      /^Creates a zone;.*\n\n.*Quản trị hệ thống huyện \(district-admin\)/s,
    );
  });

  it('keeps no component that nothing refers to', () => {
    const onlyPublic = openApiDocument(
      fixtureRoutes.filter((route) => route.access === PUBLIC),
      options,
    );

    expect(Object.keys(onlyPublic.components.responses as object)).toEqual(['InternalError']);
    expect(onlyPublic.components.parameters).toEqual({});
  });
});
