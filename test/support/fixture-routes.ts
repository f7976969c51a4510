/**
 * A small route table in the contract's shape, covering every feature the OpenAPI document
 * describes: public, signed-in and granted routes, path and query parameters, bodies, ETags,
 * If-Match, problem codes and named schemas whose request and reply forms differ.
 */
import * as z from 'zod/mini';
import { idSchema, monthSchema, named, text } from '../../shared/domain/schema-kit';
import { allow, PUBLIC, SIGNED_IN } from '../../shared/http/access-rules';
import { defineRoutes } from '../../shared/http/contract';

const zoneSchema = named(
  z.strictObject({ id: idSchema, name: text(120), active: z._default(z.boolean(), true) }),
  'FixtureZone',
);
const zonePath = z.strictObject({ zoneId: idSchema });

export const fixtureRoutes = defineRoutes([
  {
    method: 'GET',
    path: '/health',
    fn: 'system',
    operation: 'health',
    access: PUBLIC,
    summary: 'Liveness check',
    tag: 'system',
    request: {},
    response: { status: 200, description: 'Alive', body: z.strictObject({ status: z.literal('ok') }) },
  },
  {
    method: 'GET',
    path: '/zones',
    fn: 'read',
    operation: 'zones.list',
    access: SIGNED_IN,
    summary: 'List zones',
    tag: 'structure',
    request: {
      query: z.strictObject({ limit: z.optional(z.string().check(z.regex(/^\d+$/))), month: z.optional(monthSchema) }),
    },
    response: {
      status: 200,
      description: 'A page of zones',
      body: z.strictObject({ items: z.array(zoneSchema), next: z.optional(z.string()) }),
    },
  },
  {
    method: 'GET',
    path: '/zones/{zoneId}',
    fn: 'read',
    operation: 'zones.get',
    access: SIGNED_IN,
    summary: 'Get one zone',
    tag: 'structure',
    request: { path: zonePath },
    response: { status: 200, description: 'The zone', body: zoneSchema, etag: true },
    problems: { 404: ['zone_not_found'] },
  },
  {
    method: 'POST',
    path: '/zones',
    fn: 'write',
    operation: 'zones.create',
    access: allow(['office', 'district-admin']),
    summary: 'Create a zone',
    description: 'Creates a zone; sending the same zone again answers 200.',
    tag: 'structure',
    request: { body: zoneSchema },
    response: { status: 201, alsoOk: true, description: 'The zone', body: zoneSchema, etag: true },
    problems: { 409: ['zone_exists'] },
  },
  {
    method: 'PATCH',
    path: '/zones/{zoneId}',
    fn: 'write',
    operation: 'zones.update',
    access: allow(['office', { role: 'zone-deputy', within: 'zone' }], { zone: 'path.zoneId' }),
    summary: 'Change a zone',
    tag: 'structure',
    request: { path: zonePath, body: z.strictObject({ name: z.optional(text(120)) }), ifMatch: true },
    response: { status: 200, description: 'The changed zone', body: zoneSchema, etag: true },
    problems: { 404: ['zone_not_found'], 422: ['zone_closed'] },
  },
  {
    method: 'DELETE',
    path: '/zones/{zoneId}',
    fn: 'write',
    operation: 'zones.delete',
    access: allow(['office']),
    summary: 'Remove a zone',
    tag: 'structure',
    request: { path: zonePath, ifMatch: true },
    response: { status: 204, description: 'Removed' },
    problems: { 404: ['zone_not_found'], 409: ['zone_in_use'] },
  },
]);
