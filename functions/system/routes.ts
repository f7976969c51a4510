/** Routes anyone may call: the health check, the API's OpenAPI description and its reference page. */
import * as z from 'zod/mini';
import { named } from '../../shared/domain/schema-kit';
import { PUBLIC } from '../../shared/http/access-rules';
import { defineRoutes } from '../../shared/http/contract';
import { DOCS_PAGE_MEDIA, docsFileNames, docsFiles } from '../docs/files';

const tag = 'Hệ thống';

export const healthView = named(z.strictObject({ status: z.literal('ok') }), 'Health');

/** The document's outline; `GET /openapi.json` answers the whole OpenAPI 3.1 document. */
export const openApiView = named(
  z.looseObject({
    openapi: z.string(),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.unknown()),
  }),
  'OpenApiDocument',
);

export const systemRoutes = defineRoutes([
  {
    method: 'GET',
    path: '/health',
    fn: 'system',
    operation: 'health',
    access: PUBLIC,
    tag,
    summary: 'Liveness check',
    request: {},
    response: { status: 200, description: 'The service is up', body: healthView },
  },
  {
    method: 'GET',
    path: '/openapi.json',
    fn: 'system',
    operation: 'openapi',
    access: PUBLIC,
    tag,
    summary: 'This API’s OpenAPI 3.1 description',
    description: 'Generated from the route table and its schemas; a typed client can be generated from it.',
    request: {},
    response: { status: 200, description: 'The OpenAPI document', body: openApiView },
  },
  {
    method: 'GET',
    path: '/docs',
    fn: 'docs',
    operation: 'docs.page',
    access: PUBLIC,
    tag,
    summary: 'The API reference page',
    description: 'Lists every route; paste a bearer token under “Authorize” to try requests.',
    request: {},
    response: { status: 200, description: 'The page', media: DOCS_PAGE_MEDIA },
  },
  ...docsFileNames.map((name) => ({
    method: 'GET' as const,
    path: `/docs/${name}`,
    fn: 'docs' as const,
    operation: `docs.${name}`,
    access: PUBLIC,
    tag,
    summary: `A file of the reference page: ${name}`,
    request: {},
    response: { status: 200 as const, description: name, media: docsFiles[name].media },
  })),
]);
