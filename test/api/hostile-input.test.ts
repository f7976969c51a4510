/**
 * Hostile input, generated with fast-check: every write route gets bad bodies (wrong types, unknown
 * fields such as `PK`, `version` or `role`, nesting and sizes past the limits, control characters
 * and broken Unicode, text that is not JSON or not UTF-8, other media types), bad path segments,
 * hostile query strings and headers; every list gets forged cursors, negative and huge page sizes
 * and unknown parameters. Each request comes from an official the route's rule lets through, so
 * the input itself is what is judged. Every answer must be a 4xx problem (never a 5xx), and a
 * digest of every item of the table must be the same after a route's requests as before.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { type RouteDefinition, routes } from '../../functions/routes';
import type { ParameterSchema } from '../../shared/http/contract';
import { importStructure } from '../../shared/services/structure/import-structure';
import { useApi } from '../support/api';
import { wholeTable } from '../support/reference-audit';
import { concretePath, OFFICE, passingCaller, pathValues, withCallers } from '../support/role-callers';
import { readSampleConfig } from '../support/sample-district';

const api = useApi();

/** Runs per route: enough to meet every kind of input, few enough for `npm test`. */
const WRITE_RUNS = 30;
const LIST_RUNS = 20;
let generated = 0;

beforeAll(async () => {
  await importStructure(withCallers(readSampleConfig()), { id: 'test-seed' });
  expect((await api.request('POST', '/cycles/2027-03/open', { as: OFFICE })).status).toBe(201);
});

// ---------------------------------------------------------------- values

/** Keys the table uses for itself, fields the server sets, and names that reach prototypes. */
const FORBIDDEN_KEYS = [
  'PK',
  'SK',
  'GSI1PK',
  'GSI2SK',
  'version',
  'entityType',
  'inUseSince',
  'expiresAt',
  'role',
  'status',
  '__proto__',
  'constructor',
  'prototype',
];

/** Text that breaks rules: untypable characters, broken Unicode, injections, the table's key separators. */
const shortNastyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    'chuông\u0007',
    'a\u001bb',
    '\uD800',
    'x\uDFFFy',
    '\u202Eđảo chiều',
    '\uFEFF',
    'e\u0301',
    '<script>alert(1)</script>',
    "' OR '1'='1",
    '$' + '{jndi:ldap://x}',
    '../../etc/passwd',
    'ZONE#khu-1',
    'khu-1#ASSIGNMENT#x',
  ),
);

/** Text that breaks rules, and far too much of it (for bodies: request lines and headers stay under API Gateway's 10,240 bytes, past which the gateway itself refuses). */
const nastyText = fc.oneof(
  shortNastyText,
  fc.integer({ min: 1_000, max: 20_000 }).map((n) => 'đ'.repeat(n)),
);

const anyJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    nastyText,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(nastyText, fc.constantFrom(...FORBIDDEN_KEYS)), tie('value'), { maxKeys: 4 }),
  ),
})).value;

interface Body {
  readonly text?: string;
  readonly bytes?: Uint8Array;
  readonly contentType: string;
}

const JSON_MEDIA = 'application/json';
const asJson = (value: unknown): Body => ({ text: JSON.stringify(value), contentType: JSON_MEDIA });
const asText = (text: string): Body => ({ text, contentType: JSON_MEDIA });

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A body no schema of the API accepts. */
const hostileBody: fc.Arbitrary<Body> = fc.oneof(
  // another type than an object
  fc.oneof(fc.constant(null), fc.integer(), nastyText, fc.boolean(), fc.array(anyJson, { maxLength: 3 })).map(asJson),
  // an object with a field no request has (strict schemas refuse it), among anything else
  fc
    .tuple(
      fc.constantFrom(...FORBIDDEN_KEYS),
      anyJson,
      fc.dictionary(fc.string({ maxLength: 12 }), anyJson, { maxKeys: 5 }),
    )
    .map(([key, value, rest]) => asJson(Object.fromEntries([...Object.entries(rest), [key, value]]))),
  // nested past the limit
  fc
    .tuple(fc.integer({ min: 65, max: 5_000 }), fc.boolean())
    .map(([depth, arrays]) =>
      asText(arrays ? '['.repeat(depth) + ']'.repeat(depth) : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
    ),
  // over the route's size limit (256 KiB), under the gateway's
  fc.integer({ min: 257 * 1024, max: 1024 * 1024 }).map((size) => asJson({ name: 'x'.repeat(size) })),
  // not JSON
  fc
    .oneof(
      fc.string({ unit: 'binary', maxLength: 30 }).filter((text) => text !== '' && !isJson(text)),
      fc.constantFrom('{', '{"a":1,}', "{'a':1}", 'NaN', '\uFEFF{}', '{"a":1}{"b":2}', '[1,2', 'undefined'),
    )
    .map(asText),
  // not UTF-8
  fc.uint8Array({ minLength: 1, maxLength: 40 }).map(
    (bytes): Body => ({
      bytes: Uint8Array.of(0x7b, 0x22, 0xc3, 0x28, 0xff, ...bytes),
      contentType: JSON_MEDIA,
    }),
  ),
  // another media type
  fc
    .constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
    )
    .map((contentType): Body => ({ text: '{}', contentType })),
);

/** Percent-encodes any string, lone surrogates included (as U+FFFD, which is what a server would see). */
function encodeSegment(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9._~-]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

function decodes(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** A path segment (as sent, encoded) that the parameter's own schema refuses. */
function hostileSegment(schema: ParameterSchema, name: string): fc.Arbitrary<string> {
  const parameter = schema.shape[name] as z.ZodMiniType;
  return fc
    .oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }).map(encodeSegment),
      fc.constantFrom(
        '%',
        '%2F',
        '%00',
        '%E0%A4%A',
        'KHU-2',
        'khu%202',
        'khu-2%23x',
        'a'.repeat(300),
        '-x',
        '2027-13',
        '20271',
        '-1',
        '1e3',
        '%202027',
        '%EF%BC%91',
      ),
    )
    .filter((segment) => {
      const decoded = decodes(segment);
      return decoded === undefined || !parameter.safeParse(decoded).success;
    });
}

/** Cursors of other lists, of no list, and of nothing. */
const forgedCursor = fc.oneof(
  fc
    .constantFrom(
      { PK: 'OFFICIAL#van-phong-1', SK: 'OFFICIAL' },
      // a well-formed key of a list no route reads (a key of the requested list itself would be a real cursor)
      { PK: 'ZONE#khu-1', SK: 'ZONE', GSI1PK: 'NO-SUCH-LIST', GSI1SK: 'khu-1' },
      { PK: 'COMMUNE#gia-tan', SK: 'COMMUNE', GSI2PK: 'NO-SUCH-LIST', GSI2SK: 'gia-tan' },
      { PK: 'SUBJECT#sample-van-phong-1', SK: 'SUBJECT' },
      { PK: 'x'.repeat(2_000), SK: 'y' },
      { PK: '', SK: '' },
      [],
      'PK',
    )
    .map((key) => Buffer.from(JSON.stringify(key)).toString('base64url')),
  fc.base64String({ maxLength: 200 }),
  fc.string({ maxLength: 60 }),
  fc.constant('A'.repeat(2_100)),
);

/** Numbers a number parser takes, written as no page size is. */
const numberLikePageSizes = ['0x10', '1e1', ' 10', '10 ', '10.0', '+10', '010', '0b11', '٣', '１０'];

/** One parameter no list accepts as sent: a bad page size, a forged cursor or an unknown name. */
const badParameter = fc.oneof(
  fc
    .constantFrom(
      ...['-1', '0', '101', '1e9', '99999999999999999999', '1e400', 'abc', '1.5', '', 'NaN', 'Infinity'],
      ...numberLikePageSizes,
    )
    .map((v) => ['limit', v] as const),
  forgedCursor.map((cursor) => ['cursor', cursor] as const),
  fc.tuple(fc.constantFrom('PK', 'version', 'role', '__proto__', 'constructor', 'limit[]', 'x'), shortNastyText),
);

/** A query string holding at least one bad parameter, among others of any kind, or raw junk. */
const hostileQuery = fc.oneof(
  fc
    .tuple(badParameter, fc.array(fc.tuple(fc.string({ maxLength: 10 }), shortNastyText), { maxLength: 4 }))
    .map(([bad, others]) => new URLSearchParams([[bad[0], bad[1]], ...others]).toString()),
  fc.constantFrom('limit=1&limit=2&cursor=%', '%zz=1', 'limit=%00', '__proto__[limit]=1', `cursor=${'%FF'.repeat(10)}`),
);

/** Header values that can never match a stored version. */
const staleIfMatch = fc.oneof(
  fc.integer({ min: 1_000, max: 2 ** 31 }).map((n) => `"${n}"`),
  fc.integer({ min: 1_000, max: 2 ** 31 }).map((n) => `W/"${n}"`),
  fc.constantFrom('*', '"abc"', '"-1"', '"1.0"', '', '   ', '"1", "2"', '"99999999999999999999999"', 'W/', '1'),
);

/** Printable Latin-1, as fetch sends header values. */
const headerText = fc
  .string({ unit: 'binary-ascii', maxLength: 300 })
  .map((text) => text.replace(/[^\x20-\x7e]/g, '_'));

const hostileHeaders = fc.record(
  {
    'content-type': fc.constantFrom(
      'text/plain',
      'application/json; charset=utf-16',
      'application/jsonx',
      '',
      'application/json;;;',
    ),
    'if-match': staleIfMatch,
    'idempotency-key': fc.oneof(headerText, fc.constant('k'.repeat(300)), fc.constant(' ')),
    accept: headerText,
    origin: fc.constantFrom('https://evil.example', 'null'),
    'x-http-method-override': fc.constantFrom('DELETE', 'GET', 'PUT'),
    'x-forwarded-for': headerText,
  },
  { requiredKeys: [] },
);

// ---------------------------------------------------------------- requests

type Dimension = 'body' | 'path' | 'query' | 'headers';

interface Hostile {
  readonly dimension: Dimension;
  readonly path: string;
  /** The path parameter made bad, if one was. */
  readonly spoiled?: string;
  readonly query?: string;
  readonly body?: Body;
  readonly headers: Record<string, string>;
}

/**
 * The parameters the route's rule reads its resource from: a bad one is answered 403 before the
 * path is validated, since no assignment covers a unit that cannot exist.
 */
function resourceParameters(route: RouteDefinition): string[] {
  const resource = route.access.kind === 'grants' ? (route.access.resource ?? {}) : {};
  return Object.values(resource).map((reference) => reference.slice(reference.lastIndexOf('.') + 1));
}

function parametersOf(route: RouteDefinition): string[] {
  return [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
}

/**
 * The request a route must refuse whatever else it carries: a bad body where it takes one, else a
 * version that is not the stored one, else a bad path. Every write route has one of the three.
 */
function refusal(route: RouteDefinition): fc.Arbitrary<Partial<Hostile>> {
  if (route.request.body) return hostileBody.map((body) => ({ body, headers: { 'if-match': '"999999"' } }));
  if (route.request.ifMatch === true) return staleIfMatch.map((ifMatch) => ({ headers: { 'if-match': ifMatch } }));
  return hostilePath(route).map((spoilt) => ({ ...spoilt, headers: {} }));
}

/** The route's path with one parameter spoiled; `spoiled` names it. */
function hostilePath(route: RouteDefinition): fc.Arbitrary<{ path: string; spoiled: string }> {
  const schema = route.request.path;
  const names = parametersOf(route);
  if (!schema || names.length === 0) throw new Error(`${route.method} ${route.path} has no path to spoil`);
  return fc
    .constantFrom(...names)
    .chain((spoiled) => hostileSegment(schema, spoiled).map((segment) => ({ spoiled, segment })))
    .map(({ spoiled, segment }) => ({
      spoiled,
      path: route.path.replace(/\{(\w+)\}/g, (_, parameter: string) =>
        parameter === spoiled ? segment : (pathValues[parameter] as string),
      ),
    }));
}

function hostileRequest(route: RouteDefinition): fc.Arbitrary<Hostile> {
  const valid = concretePath(route.path);
  const dimensions: fc.Arbitrary<Hostile>[] = [];
  const base = refusal(route);
  if (route.request.body) {
    dimensions.push(
      hostileBody.map((body) => ({ dimension: 'body', path: valid, body, headers: { 'if-match': '"999999"' } })),
    );
  }
  if (parametersOf(route).length > 0) {
    dimensions.push(
      fc
        .tuple(hostilePath(route), fc.option(hostileBody, { nil: undefined }))
        .map(([spoilt, body]) => ({ dimension: 'path', ...spoilt, body, headers: { 'if-match': '"999999"' } })),
    );
  }
  dimensions.push(
    fc
      .tuple(base, hostileQuery)
      .map(([refused, query]) => ({ dimension: 'query', path: valid, headers: {}, ...refused, query })),
    fc.tuple(base, hostileHeaders).map(([refused, headers]) => ({
      dimension: 'headers',
      path: valid,
      ...refused,
      // the refusal's version wins: a hostile If-Match is stale too, but the base may rely on its own.
      headers: { ...headers, ...refused.headers },
    })),
  );
  return fc.oneof(...dimensions);
}

async function send(route: RouteDefinition, request: Hostile) {
  const token = await api.tokenFor(passingCaller(route).officialId);
  const headers: Record<string, string> = { ...request.headers, authorization: `Bearer ${token}` };
  // a body refused for its media type keeps it; any other takes a hostile header's.
  if (request.body && (headers['content-type'] === undefined || request.body.contentType !== JSON_MEDIA)) {
    headers['content-type'] = request.body.contentType;
  }
  const body = request.body?.bytes ?? request.body?.text;
  const url = `${api.baseUrl}${request.path}${request.query ? `?${request.query}` : ''}`;
  const response = await fetch(url, { method: route.method, headers, body });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type'), text };
}

/** A digest of every item of the table, whatever order the scan returns them in. */
async function tableDigest(): Promise<string> {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : value;
  const items = (await wholeTable()).map((item) => JSON.stringify(canonical(item))).sort();
  return createHash('sha256').update(items.join('\n')).digest('hex');
}

async function expectRefused(route: RouteDefinition, request: Hostile): Promise<void> {
  generated++;
  const answer = await send(route, request);
  const what = `${route.method} ${request.path}?${request.query ?? ''} (${request.dimension}) → ${answer.status} ${answer.text.slice(0, 300)}`;
  expect(answer.status, what).toBeGreaterThanOrEqual(400);
  expect(answer.status, what).toBeLessThan(500);
  const mayForbid = request.spoiled !== undefined && resourceParameters(route).includes(request.spoiled);
  expect(mayForbid ? [401] : [401, 403], what).not.toContain(answer.status);
  expect(answer.type, what).toBe('application/problem+json');
  const problem = JSON.parse(answer.text) as { status?: number; code?: unknown };
  expect(problem.status, what).toBe(answer.status);
  expect(typeof problem.code, what).toBe('string');
}

const writeRoutes = routes.filter((route) => route.method !== 'GET');
const listRoutes = routes.filter((route) => route.method === 'GET' && route.request.query);

describe.each(writeRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))('%s', (_, route) => {
  it('refuses every hostile request with a 4xx problem and changes nothing', async () => {
    const before = await tableDigest();
    await fc.assert(
      fc.asyncProperty(hostileRequest(route), (request) => expectRefused(route, request)),
      { numRuns: WRITE_RUNS },
    );
    expect(await tableDigest()).toBe(before);
  });
});

describe.each(listRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))('%s', (_, route) => {
  it('refuses forged cursors, bad page sizes and unknown parameters with a 4xx problem', async () => {
    const before = await tableDigest();
    await fc.assert(
      fc.asyncProperty(hostileQuery, (query) =>
        expectRefused(route, { dimension: 'query', path: concretePath(route.path), query, headers: {} }),
      ),
      { numRuns: LIST_RUNS },
    );
    expect(await tableDigest()).toBe(before);
  });

  it('refuses every page size not written in decimal digits, naming the field', async () => {
    for (const limit of numberLikePageSizes) {
      const query = new URLSearchParams({ limit });
      const response = await api.request('GET', `${concretePath(route.path)}?${query}`, {
        as: passingCaller(route).officialId,
      });
      expect([limit, response.status, response.body.errors]).toEqual([
        limit,
        400,
        expect.arrayContaining([expect.objectContaining({ path: '/query/limit' })]),
      ]);
    }
  });
});

describe('the generated input', () => {
  it('reached every write route and every list, each as often as asked', () => {
    expect(writeRoutes.length).toBeGreaterThan(30);
    expect(listRoutes.length).toBeGreaterThan(5);
    expect(generated).toBe(writeRoutes.length * WRITE_RUNS + listRoutes.length * LIST_RUNS);
  });
});
