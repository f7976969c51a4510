/**
 * The shape of a route table: what each route takes and returns, who may call it, and the types
 * its operation is held to. Area tables (`functions/<area>/routes.ts`) are written in it; the
 * handlers, the local gateway, the CDK stack and the OpenAPI document all read them.
 */
import type * as z from 'zod/mini';
import type { Caller } from '../domain/access/caller';
import type { Access } from './access';
import type { AccessRule } from './access-rules';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A strict object schema of named string parameters (path or query). */
export type ParameterSchema = z.ZodMiniObject<z.core.$ZodShape, z.core.$strict>;

/**
 * A request body that is not JSON (a CSV file): its media type, and the schema its text is checked
 * against once decoded as UTF-8 (byte-order mark dropped) and NFC-normalised.
 */
export interface TextBody {
  readonly media: string;
  readonly schema: z.ZodMiniType;
}

export interface RouteRequest {
  /** Every `{name}` of the path, each with its pattern. */
  readonly path?: ParameterSchema;
  readonly query?: ParameterSchema;
  /** A JSON body's schema, or a text body's media type and schema. */
  readonly body?: z.ZodMiniType | TextBody;
  /**
   * `true`: the route changes an existing resource, so `If-Match` with its ETag is required (428
   * without, 412 stale). `'to-replace'`: the route creates, or replaces what exists, and only a
   * replacement needs it.
   */
  readonly ifMatch?: true | 'to-replace';
  /**
   * The route creates something and accepts `Idempotency-Key`: a retry under the same key within
   * a day answers the first answer again and creates nothing; the key with another request is a 422.
   */
  readonly idempotent?: true;
}

export interface RouteResponse {
  /**
   * The success status; `201` creations also answer `200` when the same thing already existed;
   * `202` accepts work that goes on after the answer (its `Location` says where to follow it).
   */
  readonly status: 200 | 201 | 202 | 204;
  /** Also answers 200 (an idempotent create, or a replace that found the resource). */
  readonly alsoOk?: boolean;
  /**
   * Also answers 202 with this body when the work is too large for the request: it is accepted
   * to go on after the answer, and the reply's `Location` says where to follow it.
   */
  readonly accepted?: { readonly description: string; readonly body: z.ZodMiniType };
  readonly description: string;
  /** The JSON body; absent for 204. */
  readonly body?: z.ZodMiniType;
  /** The reply carries the resource's version as `ETag`. */
  readonly etag?: boolean;
  /**
   * The media type of a reply that is not JSON (a CSV file, a chart; the docs page and its files,
   * which a handler of its own sends): the operation answers `text`, and `body` stays unset.
   */
  readonly media?: string;
  /**
   * Other media types the route answers in when `Accept` asks for one of them (a document as HTML
   * or .docx); JSON (`body`) stays the default. The operation reads `accept` and replies `raw`.
   */
  readonly alternatives?: readonly string[];
}

/** Problem codes a route can answer beyond the ones every route shares, by status. */
export type RouteProblems = Readonly<Partial<Record<400 | 404 | 409 | 422, readonly string[]>>>;

export interface RouteDefinition<Fn extends string = string, Op extends string = string> {
  readonly method: HttpMethod;
  /** API Gateway path syntax: `/zones/{zoneId}`. */
  readonly path: string;
  readonly fn: Fn;
  readonly operation: Op;
  readonly access: AccessRule;
  readonly summary: string;
  readonly description?: string;
  /** OpenAPI tag: the area's name. */
  readonly tag: string;
  readonly request: RouteRequest;
  readonly response: RouteResponse;
  readonly problems?: RouteProblems;
  /** Largest accepted body; 256 KiB unless the route takes files (at most 5 MiB). */
  readonly maxBodyBytes?: number;
}

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/** Keeps each route's literal types (operation name, schemas) so operations are checked against them. */
export function defineRoutes<const R extends readonly RouteDefinition[]>(routes: R): R {
  return routes;
}

/** `routeKey` as API Gateway writes it: `GET /zones/{zoneId}`. */
export function routeKeyOf(route: Pick<RouteDefinition, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

type Parsed<S> = S extends z.ZodMiniType ? z.output<S> : S extends TextBody ? z.output<S['schema']> : undefined;
/** Replies may be built from the domain's read-only values. */
type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;
type Replied<S> = S extends z.ZodMiniType ? DeepReadonly<z.input<S>> : undefined;
/** What a route's operation may reply: its response's body, or its accepted work's. */
type RepliedBy<R extends RouteResponse> =
  | Replied<R['body']>
  | (R['accepted'] extends { readonly body: infer A } ? Replied<A> : never);

/** What an operation receives: the validated request and its authorised caller. */
export interface OperationInput<R extends RouteDefinition> {
  readonly path: Parsed<R['request']['path']>;
  readonly query: Parsed<R['request']['query']>;
  readonly body: Parsed<R['request']['body']>;
  readonly caller: Caller;
  /** The route's access rule applied to the caller: what it may see beyond the route itself. */
  readonly access: Access;
  /** The version named by `If-Match`, read before the operation runs on routes declaring `ifMatch: true`. */
  readonly expectedVersion: R['request']['ifMatch'] extends true ? number : undefined;
  /** Reads `If-Match` when the operation finds it needs it (428 when absent). */
  readonly ifMatch: () => number;
  /** The request's `Accept` header, for a route with `alternatives`. */
  readonly accept: string | undefined;
  readonly requestId: string;
}

export interface Reply<B = unknown> {
  readonly status?: number;
  readonly body?: B;
  /** The resource's version, sent as `ETag`. */
  readonly version?: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** The body of a route answering its `response.media` instead of JSON. */
  readonly text?: string;
  /** A reply in one of the route's `alternatives` instead of JSON: its media type and content. */
  readonly raw?: { readonly media: string; readonly content: string | Uint8Array };
}

export type Operation<R extends RouteDefinition> = (
  input: OperationInput<R>,
) => Promise<Reply<RepliedBy<R['response']>>>;

/** The operations a function must implement: exactly one per route of the function, typed by its route. */
export type OperationsOf<Routes extends readonly RouteDefinition[], Fn extends string> = {
  readonly [R in Routes[number] as R extends { readonly fn: Fn } ? R['operation'] : never]: Operation<R>;
};

/** Whether a route's body is text of a media type rather than JSON. */
export function isTextBody(body: RouteRequest['body']): body is TextBody {
  return body !== undefined && 'media' in body && 'schema' in body;
}

/** A reply with a JSON body. */
export function json<B>(body: B, version?: number, status = 200): Reply<B> {
  return version === undefined ? { status, body } : { status, body, version };
}
