/** Reading an API Gateway HTTP API (payload 2.0) request: body, query, path and preconditions. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import {
  BadRequestError,
  PayloadTooLargeError,
  PreconditionFailedError,
  PreconditionRequiredError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../domain/errors';
import { normaliseText } from '../domain/text';
import { requireShallowJson } from './json-depth';
import { validate } from './validation';

/** Decodes the body, enforcing the route's size limit, before any parsing. */
export function rawBody(event: APIGatewayProxyEventV2, maxBytes: number): string | undefined {
  if (event.body === undefined || event.body === '') return undefined;
  const buffer = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (buffer.byteLength > maxBytes) throw new PayloadTooLargeError(maxBytes);
  return buffer.toString('utf8');
}

/** Parses a JSON body: malformed JSON is a 400, text is NFC-normalised, unknown fields are rejected by the schema. */
export function parseJsonBody<S extends z.ZodMiniType>(
  event: APIGatewayProxyEventV2,
  maxBytes: number,
  schema: S,
): z.infer<S> {
  const text = rawBody(event, maxBytes);
  if (text === undefined) {
    throw new ValidationError([{ path: '/', code: 'required', message: 'Cần gửi nội dung JSON' }]);
  }
  const contentType = header(event, 'content-type');
  if (contentType !== undefined && !/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new UnsupportedMediaTypeError();
  }
  requireShallowJson(text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BadRequestError('malformed_json', `Nội dung không phải JSON hợp lệ: ${(error as Error).message}`);
  }
  return validate(schema, normaliseText(json));
}

/**
 * Parses a text body of the route's media type: decoded as UTF-8 without its byte-order mark,
 * NFC-normalised (a Windows line break counts as a line break), then checked against `schema`.
 */
export function parseTextBody<S extends z.ZodMiniType>(
  event: APIGatewayProxyEventV2,
  maxBytes: number,
  body: { readonly media: string; readonly schema: S },
): z.infer<S> {
  const text = rawBody(event, maxBytes);
  if (text === undefined) {
    throw new ValidationError([{ path: '/', code: 'required', message: `Cần gửi nội dung ${body.media}` }]);
  }
  const contentType = header(event, 'content-type');
  if (contentType?.split(';')[0]?.trim().toLowerCase() !== body.media) {
    throw new UnsupportedMediaTypeError(body.media);
  }
  return validate(body.schema, normaliseText(text.replace(/^\uFEFF/, '')));
}

export function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  return event.headers?.[name] ?? event.headers?.[name.toLowerCase()];
}

/** Query parameters as a plain object, validated (unknown parameters are rejected by strict schemas). */
export function parseQuery<S extends z.ZodMiniType>(event: APIGatewayProxyEventV2, schema: S): z.infer<S> {
  return validate(schema, normaliseText({ ...event.queryStringParameters }, '/query'), '/query');
}

/** Path parameters, decoded and validated against the route's patterns (a bad value is a 400 at `/path/<name>`). */
export function parsePath<S extends z.ZodMiniType>(event: APIGatewayProxyEventV2, schema: S): z.infer<S> {
  const decoded: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.pathParameters ?? {})) {
    if (value !== undefined) decoded[name] = decodePathSegment(value);
  }
  return validate(schema, decoded, '/path');
}

/** Decodes a path segment; a malformed `%` escape is the client's mistake (400), not a server error. */
export function decodePathSegment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new BadRequestError('malformed_path', 'Đường dẫn chứa mã %-escape không hợp lệ.');
  }
}

/** The `ETag` of a version: a strong validator. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The version the client last read, from `If-Match`. Missing → 428; not one of our ETags → 412,
 * since it cannot match any current version.
 */
export function requiredVersion(event: APIGatewayProxyEventV2): number {
  const value = header(event, 'if-match');
  if (value === undefined || value.trim() === '') throw new PreconditionRequiredError();
  const match = /^\s*(?:W\/)?"(\d+)"\s*$/.exec(value);
  if (!match?.[1]) throw new PreconditionFailedError();
  return Number(match[1]);
}
