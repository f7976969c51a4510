/**
 * The local stand-in for API Gateway (HTTP API): matches requests against the one route table,
 * checks bearer tokens like the JWT authorizer, answers CORS preflights for the listed origins,
 * builds payload 2.0 events (array claims flattened to `"[a b]"` strings, as API Gateway does)
 * and calls the handlers in-process.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { type FunctionName, functions, type RouteDefinition, routeKeyOf, routes } from '../../functions/routes';
import { type AppError, UnauthorizedError } from '../../shared/domain/errors';
import { type CorsSettings, preflightHeaders, replyHeaders } from '../../shared/http/cors';
import { problemOf, problemResponse } from '../../shared/http/problem';
import { matchPath } from '../../shared/http/route-match';
import { logRequest, type RequestLogWriter, writeRequestLogTo } from '../../shared/observability/request-log';
import { API_SCOPE } from '../api-scope';
import { grantsScope, type LocalIssuer } from './jwt';
import {
  GATEWAY_MAX_BODY_BYTES,
  GATEWAY_MAX_HEADER_BYTES,
  HeadersTooLargeError,
  headerBytes,
  malformedRequest,
  PARSER_MAX_HEADER_BYTES,
  payloadTooLarge,
  refuseUnparsable,
  requestUrl,
} from './refusals';
import { printRequestLine } from './request-lines';

type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

const repositoryRoot = resolve(import.meta.dirname, '../..');

const loaded = new Map<FunctionName, Promise<Handler>>();

function loadHandler(fn: FunctionName): Promise<Handler> {
  let handler = loaded.get(fn);
  if (!handler) {
    const url = pathToFileURL(resolve(repositoryRoot, functions[fn].entry)).href;
    handler = import(url).then((module: { handler: Handler }) => module.handler);
    loaded.set(fn, handler);
  }
  return handler;
}

/** API Gateway passes every claim as a string; arrays become `"[a b]"`. */
function flattenClaims(claims: Record<string, unknown>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    flat[name] = Array.isArray(value) ? `[${value.join(' ')}]` : String(value);
  }
  return flat;
}

/** The whole body, or `too-large` once it passes the gateway's limit (the rest is still read, and dropped). */
async function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).byteLength;
    if (size <= GATEWAY_MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  return size > GATEWAY_MAX_BODY_BYTES ? 'too-large' : Buffer.concat(chunks);
}

function buildEvent(
  request: IncomingMessage,
  url: URL,
  { routeKey, requestId }: { routeKey: string; requestId: string },
  pathParameters: Record<string, string>,
  body: Buffer,
  claims: Record<string, unknown> | undefined,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  // A Map, then fromEntries: a parameter named `__proto__` stays a parameter, as in API Gateway's JSON event.
  const query = new Map<string, string>();
  for (const [name, value] of url.searchParams) {
    const earlier = query.get(name);
    query.set(name, earlier === undefined ? value : `${earlier},${value}`);
  }
  const now = new Date();
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    queryStringParameters: query.size > 0 ? Object.fromEntries(query) : undefined,
    pathParameters: Object.keys(pathParameters).length > 0 ? pathParameters : undefined,
    isBase64Encoded: false,
    body: body.byteLength > 0 ? body.toString('utf8') : undefined,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? '127.0.0.1',
      domainPrefix: '127',
      http: {
        method: request.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
  };
  if (claims) {
    Object.assign(event.requestContext, {
      authorizer: {
        jwt: {
          claims: flattenClaims(claims),
          scopes: typeof claims.scope === 'string' ? claims.scope.split(' ') : null,
        },
      },
    });
  }
  return event;
}

function send(
  response: ServerResponse,
  result: APIGatewayProxyStructuredResultV2,
  extra: Record<string, string>,
): void {
  response.writeHead(result.statusCode ?? 200, { ...(result.headers as Record<string, string>), ...extra });
  const body = result.body ?? '';
  response.end(result.isBase64Encoded ? Buffer.from(body, 'base64') : body);
}

/** A CORS preflight: API Gateway answers it itself, with no token, once any origin is listed. */
function isPreflight(request: IncomingMessage, cors: CorsSettings): boolean {
  return (
    cors.origins.length > 0 &&
    request.method === 'OPTIONS' &&
    request.headers.origin !== undefined &&
    request.headers['access-control-request-method'] !== undefined
  );
}

/** Which route (or `$default`) serves a method and path, as API Gateway would choose. */
function selectRoute(
  method: string,
  path: string,
): { route?: RouteDefinition; pathParameters: Record<string, string> } {
  const matches = matchPath(routes, path);
  const match = matches.find((m) => m.route.method === method);
  return match ? { route: match.route, pathParameters: match.pathParameters } : { pathParameters: {} };
}

/** The claims of a valid access token that carries the API's scope, as every signed-in route requires. */
async function verifyBearer(issuer: LocalIssuer, header: string | undefined) {
  const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  const claims = token ? await issuer.verify(token) : undefined;
  return claims && grantsScope(claims, API_SCOPE) ? claims : undefined;
}

export interface GatewayOptions {
  /** Origins whose pages may call the API (the district config's `deployment.corsOrigins`). */
  readonly corsOrigins?: readonly string[];
  /**
   * Where the request log of every handler in this process goes (the gateway created last decides).
   *
   * @default printRequestLine - one readable line per request
   */
  readonly requestLog?: RequestLogWriter;
}

export function createGateway(issuer: LocalIssuer, options: GatewayOptions = {}): Server {
  const cors: CorsSettings = {
    origins: options.corsOrigins ?? [],
    methods: [...new Set(routes.map((route) => route.method))],
  };
  writeRequestLogTo(options.requestLog ?? printRequestLine);
  const server = createServer({ maxHeaderSize: PARSER_MAX_HEADER_BYTES }, async (request, response) => {
    const started = performance.now();
    // API Gateway names every request, in the event and in the `apigw-requestid` header.
    const requestId = randomUUID();
    const target = requestUrl(request);
    const url = target ?? new URL('http://127.0.0.1/');
    const method = request.method ?? 'GET';
    const { route, pathParameters } = target
      ? selectRoute(method, url.pathname)
      : { route: undefined, pathParameters: {} };
    const routeKey = route ? routeKeyOf(route) : '$default';
    /** An answer the gateway gives itself, logged like the handlers log theirs. */
    const answerHere = (
      result: APIGatewayProxyStructuredResultV2,
      headers: Record<string, string>,
      logged: { problemCode?: string; error?: unknown } = {},
    ) => {
      send(response, result, { ...headers, 'apigw-requestid': requestId });
      logRequest({
        requestId,
        method,
        path: url.pathname,
        routeKey,
        operation: route?.operation,
        status: result.statusCode ?? 200,
        durationMs: performance.now() - started,
        ...logged,
      });
    };
    if (isPreflight(request, cors)) {
      answerHere({ statusCode: 204 }, preflightHeaders(cors, request.headers.origin));
      return;
    }
    const corsHeaders = replyHeaders(cors, request.headers.origin);
    /** A problem the gateway answers itself, as problem+json like the handlers' own. */
    const refuse = (problem: AppError) =>
      answerHere(problemResponse(problem, { path: url.pathname, requestId }), corsHeaders, {
        problemCode: problem.code,
      });
    try {
      // read to the end whatever the answer: an unread body would be taken for the next request.
      const body = await readBody(request);
      if (!target) return refuse(malformedRequest());
      if (headerBytes(request) > GATEWAY_MAX_HEADER_BYTES) return refuse(new HeadersTooLargeError());
      if (body === 'too-large') return refuse(payloadTooLarge());
      let claims: Record<string, unknown> | undefined;
      // Like the stack: every route but the public ones, and the `$default` fallback, needs a valid token.
      if (route?.access.kind !== 'public') {
        claims = await verifyBearer(issuer, request.headers.authorization);
        if (!claims) return refuse(new UnauthorizedError());
      }
      const handler = await loadHandler(route ? route.fn : 'system');
      const event = buildEvent(request, url, { routeKey, requestId }, pathParameters, body, claims);
      send(response, await handler(event), { ...corsHeaders, 'apigw-requestid': requestId });
    } catch (error) {
      answerHere(problemResponse(problemOf(error), { path: url.pathname, requestId }), corsHeaders, { error });
    }
  });
  server.on('clientError', refuseUnparsable);
  return server;
}
