/**
 * Turns a handler group's operations into one Lambda handler: find the route the event came
 * for, resolve the caller, apply the route table's access rule, run the operation, and map the
 * result (or error) to a response.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import {
  DEFAULT_MAX_BODY_BYTES,
  type HttpFunctionName,
  type RouteDefinition,
  routeKeyOf,
  routes,
} from '../../functions/routes';
import { NotFoundError } from '../domain/errors';
import { Access, resourceScopeFromPath } from './access';
import { type Caller, resolveCaller, subjectOf } from './caller';
import { isAppError, problemResponse, unexpectedErrorResponse } from './problem';
import { etagOf, parseJsonBody, parseQuery, pathParameter, requiredVersion } from './request';
import { EVERY_RESPONSE_HEADERS } from './response-headers';

export interface Reply {
  readonly status?: number;
  readonly body?: unknown;
  /** The resource's version, sent as `ETag`. */
  readonly version?: number;
  readonly headers?: Readonly<Record<string, string>>;
}

/** What an operation gets: the request, already authorised at route level, and its caller. */
export class RequestContext {
  constructor(
    readonly event: APIGatewayProxyEventV2,
    readonly route: RouteDefinition,
    readonly access: Access,
  ) {}

  get caller(): Caller {
    return this.access.caller;
  }

  body<S extends z.ZodMiniType>(schema: S): z.infer<S> {
    return parseJsonBody(this.event, this.route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, schema);
  }

  query<S extends z.ZodMiniType>(schema: S): z.infer<S> {
    return parseQuery(this.event, schema);
  }

  path(name: string): string {
    return pathParameter(this.event, name);
  }

  /** The version named by `If-Match` (428 when absent). */
  expectedVersion(): number {
    return requiredVersion(this.event);
  }
}

export type Operation = (context: RequestContext) => Promise<Reply>;

/** Operations of one handler group, keyed by the route table's operation names. */
export type Operations = Readonly<Record<string, Operation>>;

export function json(body: unknown, version?: number, status = 200): Reply {
  return version === undefined ? { status, body } : { status, body, version };
}

/** Builds the Lambda handler of function `fn`; throws at load time if an operation is missing. */
export function routeHandler(fn: HttpFunctionName, operations: Operations) {
  const served = new Map<string, { route: RouteDefinition; operation: Operation }>();
  for (const route of routes.filter((r) => r.fn === fn)) {
    const operation = operations[route.operation];
    if (!operation) throw new Error(`Function ${fn} has no operation ${route.operation}`);
    served.set(routeKeyOf(route), { route, operation });
  }

  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    try {
      const target = served.get(event.routeKey);
      if (!target) throw new NotFoundError('Không có đường dẫn này.', 'route_not_found');
      const { route, operation } = target;
      const context = new RequestContext(event, route, await authorise(event, route));
      return respond(await operation(context));
    } catch (error) {
      return isAppError(error)
        ? problemResponse(error, event.rawPath)
        : unexpectedErrorResponse(error, event.requestContext?.requestId);
    }
  };
}

async function authorise(event: APIGatewayProxyEventV2, route: RouteDefinition): Promise<Access> {
  const caller = await resolveCaller(subjectOf(event));
  const access = new Access(route.access, caller);
  access.requireAnyGrant();
  if (route.access.kind === 'grants' && route.access.resource) {
    access.require(resourceScopeFromPath(route.access.resource, event.pathParameters ?? {}));
  }
  return access;
}

function respond(reply: Reply): APIGatewayProxyStructuredResultV2 {
  const headers: Record<string, string> = { ...reply.headers, ...EVERY_RESPONSE_HEADERS };
  if (reply.version !== undefined) headers.etag = etagOf(reply.version);
  if (reply.body === undefined) return { statusCode: reply.status ?? 204, headers };
  headers['content-type'] = 'application/json; charset=utf-8';
  return { statusCode: reply.status ?? 200, headers, body: JSON.stringify(reply.body) };
}
