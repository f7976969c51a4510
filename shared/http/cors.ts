/**
 * Which other origins' pages may call the API from a browser: those the district config lists
 * (`deployment.corsOrigins`), none by default. API Gateway answers preflights itself from these
 * settings (the stack's `corsPreflight`); the local gateway applies the same ones.
 */
import type { HttpMethod } from './contract';
import { IDEMPOTENCY_KEY_HEADER, REPLAYED_HEADER } from './idempotency-key';

/** The request headers a browser may send: the token, the JSON body's type, the version precondition and a retry's key. */
export const CORS_ALLOWED_HEADERS = ['authorization', 'content-type', 'if-match', IDEMPOTENCY_KEY_HEADER] as const;
/** The reply headers a page may read besides the simple ones: the version, a created resource's address, a replay's mark. */
export const CORS_EXPOSED_HEADERS = ['etag', 'location', REPLAYED_HEADER] as const;
/** How long a browser may reuse a preflight answer. */
export const CORS_MAX_AGE_SECONDS = 3600;

export interface CorsSettings {
  readonly origins: readonly string[];
  readonly methods: readonly HttpMethod[];
}

function allows(settings: CorsSettings, origin: string | undefined): origin is string {
  return origin !== undefined && settings.origins.includes(origin);
}

/** The answer to a preflight: its headers, which name the origin only when it is listed. */
export function preflightHeaders(settings: CorsSettings, origin: string | undefined): Record<string, string> {
  if (!allows(settings, origin)) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': settings.methods.join(','),
    'access-control-allow-headers': CORS_ALLOWED_HEADERS.join(','),
    'access-control-max-age': String(CORS_MAX_AGE_SECONDS),
    vary: 'origin',
  };
}

/** The headers added to any other reply to a listed origin. */
export function replyHeaders(settings: CorsSettings, origin: string | undefined): Record<string, string> {
  if (!allows(settings, origin)) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': CORS_EXPOSED_HEADERS.join(','),
    vary: 'origin',
  };
}
