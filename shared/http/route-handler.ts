/**
 * Turns a function's routes and operations into one Lambda handler: find the route the event came
 * for, resolve the caller, apply the route's access rule, validate path, query and body against
 * the route's schemas, run the operation with the typed input, and map the reply (or error) to a
 * response, logging the request once. Operations never see the raw event.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Caller, CallerLookup } from '../domain/access/caller';
import { ConflictError, NotFoundError } from '../domain/errors';
import {
  type IdempotencyStore,
  type IdempotentRequest,
  type KeptRequest,
  keyInUse,
  keyReused,
} from '../domain/idempotency';
import { Access, resourceScopeFromPath } from './access';
import { subjectOf } from './caller';
import {
  DEFAULT_MAX_BODY_BYTES,
  isTextBody,
  type Operation,
  type OperationInput,
  type OperationsOf,
  type Reply,
  type RouteDefinition,
  routeKeyOf,
} from './contract';
import { idempotentRequestOf, REPLAYED_HEADER } from './idempotency-key';
import { answerAndLog, type RequestNotes } from './logged-answer';
import { etagOf, header, parseJsonBody, parsePath, parseQuery, parseTextBody, requiredVersion } from './request';
import { EVERY_RESPONSE_HEADERS } from './response-headers';

/** The media type of every JSON reply. */
export const JSON_MEDIA = 'application/json; charset=utf-8';

/** Anyone: the access rule of a public route needs no caller. */
const NOBODY: Caller = { subject: '', official: { id: 'anonymous', name: '', title: '' }, assignments: [] };

/**
 * Builds the Lambda handler of function `fn`; its operations are checked against its routes by
 * type. A function serving `idempotent` routes is handed where keys are kept.
 */
export function routeHandler<const Routes extends readonly RouteDefinition[], Fn extends Routes[number]['fn']>(
  routes: Routes,
  fn: Fn,
  operations: OperationsOf<Routes, Fn>,
  callers: CallerLookup,
  idempotency?: IdempotencyStore,
) {
  const served = new Map<string, { route: RouteDefinition; operation: Operation<RouteDefinition> }>();
  const byName = operations as unknown as Readonly<Record<string, Operation<RouteDefinition>>>;
  for (const route of routes.filter((r) => r.fn === fn)) {
    const operation = byName[route.operation];
    if (!operation) throw new Error(`Function ${fn} has no operation ${route.operation}`);
    if (route.request.idempotent && !idempotency) throw new Error(`Function ${fn} needs an idempotency store`);
    served.set(routeKeyOf(route), { route, operation });
  }

  return (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> =>
    answerAndLog(event, async (notes) => {
      const target = served.get(event.routeKey);
      if (!target) throw new NotFoundError('Không có đường dẫn này.', 'route_not_found');
      const { route, operation } = target;
      notes.operation = route.operation;
      const access = await authorise(event, route, callers, notes);
      const input = readInput(event, route, access);
      const { path, query, body, expectedVersion } = input;
      const keyed = idempotentRequestOf(event, route, access.caller.official.id, {
        path,
        query,
        body,
        expectedVersion,
      });
      if (!keyed || !idempotency) return respond(await operation(input), route);
      return answerOnce(keyed, idempotency, route, () => operation(input));
    });
}

/**
 * Answers a request made under an idempotency key: the first answer again when the same request
 * came before (422 when the key came with another request, 409 while the first is still running),
 * else the operation's, kept for later retries. A request that lost a race for the key is
 * answered like a retry of the winner.
 */
async function answerOnce(
  request: IdempotentRequest,
  store: IdempotencyStore,
  route: RouteDefinition,
  run: () => Promise<Reply>,
) {
  const kept = await store.find(request);
  if (kept) return answerKept(request, kept, route);
  try {
    return respond(
      await store.run(request, async () => {
        const reply = await run();
        return { ...reply, status: reply.status ?? (reply.body === undefined ? 204 : 200) };
      }),
      route,
    );
  } catch (error) {
    const winner = error instanceof ConflictError ? await store.find(request) : undefined;
    if (!winner) throw error;
    return answerKept(request, winner, route);
  }
}

function answerKept(request: IdempotentRequest, kept: KeptRequest, route: RouteDefinition) {
  if (kept.fingerprint !== request.fingerprint) throw keyReused();
  if (!kept.answer) throw keyInUse();
  const replayed = respond(kept.answer, route);
  return { ...replayed, headers: { ...replayed.headers, [REPLAYED_HEADER]: 'true' } };
}

async function authorise(
  event: APIGatewayProxyEventV2,
  route: RouteDefinition,
  callers: CallerLookup,
  notes: RequestNotes,
) {
  if (route.access.kind === 'public') return new Access(route.access, NOBODY);
  const caller = await callers(subjectOf(event));
  // noted before the checks, so a refused request's line names who was refused.
  notes.officialId = caller.official.id;
  const access = new Access(route.access, caller);
  access.requireAnyGrant();
  if (route.access.kind === 'grants' && route.access.resource) {
    access.require(resourceScopeFromPath(route.access.resource, event.pathParameters ?? {}));
  }
  return access;
}

/** The body as the route declares it: JSON, or text of a media type. */
function readBody(event: APIGatewayProxyEventV2, route: RouteDefinition) {
  const { body } = route.request;
  const maxBytes = route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (body === undefined) return undefined;
  return isTextBody(body) ? parseTextBody(event, maxBytes, body) : parseJsonBody(event, maxBytes, body);
}

/** The request as the route declares it; every problem of path, query and body is a 400 before any work. */
function readInput(event: APIGatewayProxyEventV2, route: RouteDefinition, access: Access) {
  const { request } = route;
  // The route's declared schemas made these values; their types are the route's own (see `OperationInput`).
  const input = {
    path: request.path ? parsePath(event, request.path) : undefined,
    query: request.query ? parseQuery(event, request.query) : undefined,
    body: readBody(event, route),
    caller: access.caller,
    access,
    expectedVersion: request.ifMatch === true ? requiredVersion(event) : undefined,
    ifMatch: () => requiredVersion(event),
    accept: header(event, 'accept'),
    requestId: event.requestContext?.requestId ?? '',
  };
  return input as OperationInput<RouteDefinition>;
}

/** A reply that is not JSON: one of the route's `alternatives`, or the text of its `response.media`. */
function rawOf(reply: Reply, route: RouteDefinition): Reply['raw'] {
  if (reply.raw) return reply.raw;
  return reply.text !== undefined && route.response.media
    ? { media: route.response.media, content: reply.text }
    : undefined;
}

function respond(reply: Reply, route: RouteDefinition): APIGatewayProxyStructuredResultV2 {
  const headers: Record<string, string> = { ...reply.headers, ...EVERY_RESPONSE_HEADERS };
  if (reply.version !== undefined) headers.etag = etagOf(reply.version);
  const raw = rawOf(reply, route);
  if (raw) {
    headers['content-type'] = raw.media;
    const { content } = raw;
    return typeof content === 'string'
      ? { statusCode: reply.status ?? 200, headers, body: content }
      : {
          statusCode: reply.status ?? 200,
          headers,
          body: Buffer.from(content).toString('base64'),
          isBase64Encoded: true,
        };
  }
  if (reply.body === undefined) return { statusCode: reply.status ?? 204, headers };
  headers['content-type'] = JSON_MEDIA;
  return { statusCode: reply.status ?? 200, headers, body: JSON.stringify(reply.body) };
}
