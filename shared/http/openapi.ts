/**
 * The API's OpenAPI 3.1 document, generated from a route table and its zod schemas (zod's JSON
 * Schema output), so the description cannot drift from what the handlers accept and answer.
 * Requests are described as zod reads them (`io: 'input'`), replies as the schemas state them
 * (`io: 'output'`). Schemas named with `named()` are listed once under `components/schemas`.
 */
import * as z from 'zod/mini';
import { IDEMPOTENCY_KEY_PATTERN } from '../domain/idempotency';
import { describeAccess } from './access-description';
import { isTextBody, type ParameterSchema, type RouteDefinition, type RouteProblems } from './contract';
import { JSON_DEPTH_LIMIT } from './json-depth';

export const OPENAPI_VERSION = '3.1.0';

type Json = Record<string, unknown>;
type Io = 'input' | 'output';

export interface OpenApiOperation extends Json {
  readonly operationId: string;
  readonly tags: readonly string[];
  readonly parameters?: readonly Json[];
  readonly requestBody?: Json;
  readonly responses: Readonly<Record<string, Json>>;
  readonly security?: readonly Json[];
}

export interface OpenApiDocument extends Json {
  readonly openapi: string;
  readonly info: Json & { readonly title: string; readonly version: string };
  readonly paths: Readonly<Record<string, Readonly<Record<string, OpenApiOperation>>>>;
  readonly components: Json & { readonly schemas: Readonly<Record<string, Json>> };
}

export interface OpenApiOptions {
  readonly title: string;
  readonly version: string;
  readonly description: string;
  /** One line about a tag (area) the routes use, where its name needs one. */
  readonly tags?: Readonly<Record<string, string>>;
}

const JSON_MEDIA = 'application/json';
const PROBLEM_MEDIA = 'application/problem+json';
const SECURITY_SCHEME = 'bearerAuth';

/** An `ETag` as this API writes it, weak or strong: `"3"`. */
const ETAG_SCHEMA = { type: 'string', pattern: '^(W/)?"\\d+"$' };

const ref = (kind: 'schemas' | 'responses' | 'parameters' | 'headers', name: string) => ({
  $ref: `#/components/${kind}/${name}`,
});

/** The RFC 9457 body every error answer carries (`shared/http/problem.ts` writes it). */
const problemSchemas: Record<string, Json> = {
  FieldProblem: {
    type: 'object',
    description: 'Một lỗi của một trường dữ liệu.',
    required: ['path', 'code', 'message'],
    properties: {
      path: { type: 'string', description: 'JSON pointer of the field (`/communes/3/zoneId`), `/` for the whole body' },
      code: { type: 'string', description: 'Stable English code' },
      message: { type: 'string', description: 'What is wrong and what is expected, in Vietnamese' },
    },
  },
  Problem: {
    type: 'object',
    description: 'RFC 9457 problem details; `code` is stable, `title` and `detail` are Vietnamese.',
    required: ['type', 'title', 'status', 'code', 'detail'],
    properties: {
      type: { type: 'string', format: 'uri' },
      title: { type: 'string' },
      status: { type: 'integer', minimum: 400, maximum: 599 },
      code: { type: 'string' },
      detail: { type: 'string' },
      instance: { type: 'string', description: 'The request path' },
      requestId: {
        type: 'string',
        description: 'The request’s id (also in the `apigw-requestid` header): its log line carries the same one',
      },
      errors: { type: 'array', items: ref('schemas', 'FieldProblem'), description: 'Every field problem (400 only)' },
    },
  },
};

/** A problem answer; with codes, `code` is one of them. */
function problemAnswer(description: string, codes?: readonly string[]): Json {
  const schema = codes
    ? { allOf: [ref('schemas', 'Problem'), { properties: { code: { type: 'string', enum: codes } } }] }
    : ref('schemas', 'Problem');
  const listed = codes ? ` Codes: ${codes.map((code) => `\`${code}\``).join(', ')}.` : '';
  return { description: `${description}${listed}`, content: { [PROBLEM_MEDIA]: { schema } } };
}

/** The answers that every route of a kind shares, described once. */
const sharedResponses: Record<string, Json> = {
  Unauthorized: problemAnswer('No valid bearer token.', ['unauthorized']),
  Forbidden: problemAnswer('The caller holds no role that may do this (to this unit).', ['forbidden']),
  PreconditionFailed: problemAnswer('`If-Match` names an older version: read again, then retry.', ['etag_mismatch']),
  PreconditionRequired: problemAnswer('`If-Match` with the ETag of the last read is required.', ['if_match_required']),
  PayloadTooLarge: problemAnswer('The body is larger than the route accepts.', ['payload_too_large']),
  UnsupportedMediaType: problemAnswer('The body must be JSON (`application/json`).', ['unsupported_media_type']),
  InternalError: problemAnswer('An unexpected error; it was logged.', ['internal_error']),
};

/** 400 codes the request reading itself can answer, by part of the request. */
const badRequestCodes = {
  path: ['validation_failed', 'malformed_path'],
  query: ['validation_failed'],
  body: ['validation_failed', 'malformed_json', 'json_too_deep'],
  text: ['validation_failed'],
} as const;

/** The problems `Idempotency-Key` adds to a route that accepts it. */
const idempotencyCodes: RouteProblems = {
  400: ['invalid_idempotency_key'],
  409: ['idempotency_key_in_use'],
  422: ['idempotency_key_reused'],
};

/** What holds for every route, said once at the top of the document. */
const API_CONVENTIONS = [
  'Errors are `application/problem+json` (RFC 9457) with a stable English `code` and a Vietnamese `title` and `detail`; a 400 lists every field problem in `errors`; `requestId` names the request for the operators.',
  'Changes to an existing resource require `If-Match` with the `ETag` of the last read (412 when stale, 428 when missing).',
  'Creations accept `Idempotency-Key`: a retry after a lost answer, with the same key, gets the first answer (marked `Idempotent-Replayed: true`) and creates nothing.',
  `Text is stored NFC-normalised; control characters other than tab and newline are refused; JSON bodies may nest at most ${JSON_DEPTH_LIMIT} levels.`,
].join('\n\n');

/**
 * Converts zod schemas to JSON Schema and gathers the named ones as components. A named schema
 * whose request and reply forms differ (defaults, transforms) gets a second component, `<Name>Input`.
 */
class SchemaComponents {
  /** Named schemas as each direction sees them. */
  private readonly named: Record<Io, Map<string, Json>> = { input: new Map(), output: new Map() };

  convert(schema: z.ZodMiniType, io: Io): Json {
    const { $schema, $defs, ...root } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
    for (const [name, definition] of Object.entries(($defs ?? {}) as Record<string, Json>)) {
      if (name.startsWith('__schema')) {
        throw new Error('A recursive schema needs a name: wrap it in named(schema, "Name")');
      }
      const known = this.named[io].get(name);
      if (known && JSON.stringify(known) !== JSON.stringify(definition)) {
        throw new Error(`Two different schemas are named "${name}"`);
      }
      this.named[io].set(name, definition);
    }
    return retarget(root, io) as Json;
  }

  /** The component name of a named schema in one direction. */
  nameOf(name: string, io: Io): string {
    const output = this.named.output.get(name);
    const differs = output !== undefined && JSON.stringify(output) !== JSON.stringify(this.named.input.get(name));
    return io === 'input' && differs ? `${name}Input` : name;
  }

  /** Every named schema under its component name, references resolved. */
  components(): Record<string, Json> {
    const components: Record<string, Json> = {};
    for (const io of ['output', 'input'] as const) {
      for (const [name, definition] of this.named[io])
        components[this.nameOf(name, io)] = retarget(definition, io) as Json;
    }
    return components;
  }
}

/** Zod refers to named schemas as `#/$defs/<Name>`; this marks each reference with its direction until names are final. */
function retarget(value: unknown, io: Io): unknown {
  if (Array.isArray(value)) return value.map((item) => retarget(item, io));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) =>
      key === '$ref' && typeof inner === 'string' && inner.startsWith('#/$defs/')
        ? [key, `${io}:${decodeURIComponent(inner.slice('#/$defs/'.length))}`]
        : [key, retarget(inner, io)],
    ),
  );
}

/** Replaces the direction marks with the final component references. */
function resolveMarks(value: unknown, schemas: SchemaComponents): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveMarks(item, schemas));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      const mark = key === '$ref' && typeof inner === 'string' ? /^(input|output):(.+)$/.exec(inner) : null;
      return mark
        ? [key, ref('schemas', schemas.nameOf(mark[2] as string, mark[1] as Io)).$ref]
        : [key, resolveMarks(inner, schemas)];
    }),
  );
}

/** Each property of a path or query object becomes one parameter, with its pattern and limits. */
function parametersOf(schema: ParameterSchema, location: 'path' | 'query', schemas: SchemaComponents): Json[] {
  const object = schemas.convert(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    return {
      name,
      in: location,
      required: location === 'path' || (object.required ?? []).includes(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: propertySchema,
    };
  });
}

function successResponses(route: RouteDefinition, schemas: SchemaComponents): Record<string, Json> {
  const { response } = route;
  const reply: Json = { description: response.description };
  if (response.etag) reply.headers = { ETag: ref('headers', 'ETag') };
  if (response.body) reply.content = { [JSON_MEDIA]: { schema: schemas.convert(response.body, 'output') } };
  if (response.media) reply.content = { [response.media]: { schema: { type: 'string' } } };
  for (const media of response.alternatives ?? []) {
    reply.content = { ...(reply.content as Json), [media]: { schema: { type: 'string' } } };
  }
  if (route.request.idempotent)
    reply.headers = { ...(reply.headers as Json), 'Idempotent-Replayed': ref('headers', 'IdempotentReplayed') };
  const responses: Record<string, Json> = { [response.status]: reply };
  if (response.alsoOk)
    responses['200'] = { ...reply, description: `${response.description} (already there: nothing changed)` };
  if (response.accepted) {
    responses['202'] = {
      description: response.accepted.description,
      headers: { Location: { description: 'Where to follow the accepted work', schema: { type: 'string' } } },
      content: { [JSON_MEDIA]: { schema: schemas.convert(response.accepted.body, 'output') } },
    };
  }
  return responses;
}

function errorResponses(route: RouteDefinition): Record<string, Json> {
  const { request, problems = {} } = route;
  const responses: Record<string, Json> = {};
  const keyed = request.idempotent ? idempotencyCodes : {};
  const badRequest = [
    ...(request.path ? badRequestCodes.path : []),
    ...(request.query ? badRequestCodes.query : []),
    ...(request.body ? (isTextBody(request.body) ? badRequestCodes.text : badRequestCodes.body) : []),
    ...(problems[400] ?? []),
    ...(keyed[400] ?? []),
  ];
  const conflicts = [...(problems[409] ?? []), ...(keyed[409] ?? [])];
  const unprocessable = [...(problems[422] ?? []), ...(keyed[422] ?? [])];
  if (badRequest.length > 0) {
    responses['400'] = problemAnswer('The request is not valid; `errors` names each field.', [...new Set(badRequest)]);
  }
  if (route.access.kind !== 'public') {
    responses['401'] = ref('responses', 'Unauthorized');
    responses['403'] = ref('responses', 'Forbidden');
  }
  if (problems[404]) responses['404'] = problemAnswer('Not found.', problems[404]);
  if (conflicts.length > 0) responses['409'] = problemAnswer('Conflicts with the current state.', conflicts);
  if (request.ifMatch) responses['412'] = ref('responses', 'PreconditionFailed');
  if (request.body) {
    responses['413'] = ref('responses', 'PayloadTooLarge');
    responses['415'] = isTextBody(request.body)
      ? problemAnswer(`The body must be \`${request.body.media}\`.`, ['unsupported_media_type'])
      : ref('responses', 'UnsupportedMediaType');
  }
  if (unprocessable.length > 0) responses['422'] = problemAnswer('Cannot be carried out as sent.', unprocessable);
  if (request.ifMatch) responses['428'] = ref('responses', 'PreconditionRequired');
  responses['500'] = ref('responses', 'InternalError');
  return responses;
}

function requestBodyOf(body: NonNullable<RouteDefinition['request']['body']>, schemas: SchemaComponents): Json {
  const [media, schema] = isTextBody(body) ? [body.media, body.schema] : [JSON_MEDIA, body];
  return { required: true, content: { [media]: { schema: schemas.convert(schema, 'input') } } };
}

function operationOf(route: RouteDefinition, schemas: SchemaComponents): OpenApiOperation {
  const { request } = route;
  const parameters = [
    ...(request.path ? parametersOf(request.path, 'path', schemas) : []),
    ...(request.query ? parametersOf(request.query, 'query', schemas) : []),
    ...(request.ifMatch ? [ref('parameters', request.ifMatch === true ? 'IfMatch' : 'IfMatchToReplace')] : []),
    ...(request.idempotent ? [ref('parameters', 'IdempotencyKey')] : []),
  ];
  const description = [route.description, `**Quyền gọi:** ${describeAccess(route.access)}`].filter(Boolean);
  return {
    operationId: route.operation,
    summary: route.summary,
    description: description.join('\n\n'),
    tags: [route.tag],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(request.body ? { requestBody: requestBodyOf(request.body, schemas) } : {}),
    responses: { ...successResponses(route, schemas), ...errorResponses(route) },
    ...(route.access.kind === 'public' ? { security: [] } : {}),
    'x-access': route.access,
  };
}

/** The components a document refers to, directly or through other components; the rest are dropped. */
function referencedOnly(document: OpenApiDocument): OpenApiDocument {
  const { components, ...rest } = document;
  const used = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === '$ref' && typeof inner === 'string' && !used.has(inner)) {
          used.add(inner);
          const [, , kind, name] = inner.split('/');
          visit((components as Record<string, Record<string, unknown>>)[kind as string]?.[name as string]);
        } else visit(inner);
      }
    }
  };
  visit(rest);
  const kept = Object.fromEntries(
    Object.entries(components).map(([kind, entries]) => [
      kind,
      kind === 'securitySchemes'
        ? entries
        : Object.fromEntries(
            Object.entries(entries as Json).filter(([name]) => used.has(`#/components/${kind}/${name}`)),
          ),
    ]),
  );
  return { ...rest, components: kept } as OpenApiDocument;
}

/** The OpenAPI 3.1 document of a route table. */
export function openApiDocument(routes: readonly RouteDefinition[], options: OpenApiOptions): OpenApiDocument {
  const schemas = new SchemaComponents();
  const paths: Record<string, Record<string, OpenApiOperation>> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, OpenApiOperation>)[route.method.toLowerCase()] = operationOf(route, schemas);
  }
  const usedTags = [...new Set(routes.map((route) => route.tag))];
  const document = {
    openapi: OPENAPI_VERSION,
    info: {
      title: options.title,
      version: options.version,
      description: `${options.description}\n\n${API_CONVENTIONS}`,
      contact: { name: 'giao-ban', url: 'https://giao-ban.dangbo.vn' },
    },
    servers: [{ url: '/', description: 'This API (the document is served from it)' }],
    tags: usedTags.map((name) => (options.tags?.[name] ? { name, description: options.tags[name] } : { name })),
    security: [{ [SECURITY_SCHEME]: [] }],
    paths,
    components: {
      schemas: { ...problemSchemas, ...schemas.components() },
      responses: sharedResponses,
      parameters: {
        IfMatch: {
          name: 'If-Match',
          in: 'header',
          required: true,
          description: 'The `ETag` of the last read: the change applies only to that version.',
          schema: ETAG_SCHEMA,
        },
        IfMatchToReplace: {
          name: 'If-Match',
          in: 'header',
          required: false,
          description: 'Needed only to replace what exists: the `ETag` of the last read of it.',
          schema: ETAG_SCHEMA,
        },
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'A key of your own for this request (a UUID): a retry with the same key within 24 hours answers the first answer again and creates nothing; the same key with another request is a 422.',
          schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source },
        },
      },
      headers: {
        ETag: { description: 'The version of the resource; send it back as `If-Match`.', schema: { type: 'string' } },
        IdempotentReplayed: {
          description:
            '`true` when the answer is the kept answer to an earlier request with the same `Idempotency-Key`.',
          schema: { type: 'string', enum: ['true'] },
        },
      },
      securitySchemes: {
        [SECURITY_SCHEME]: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'An access token of the district’s Cognito user pool carrying the scope `giao-ban/api` (ID tokens are refused; locally: `npm run token -- <official-id>`).',
        },
      },
    },
  };
  return referencedOnly(resolveMarks(document, schemas) as OpenApiDocument);
}
