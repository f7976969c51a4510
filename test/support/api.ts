/** Runs the local gateway on a free port for an API test file and speaks HTTP to it. */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import * as z from 'zod/mini';
import { routeKeyOf, routes } from '../../functions/routes';
import { createGateway, type GatewayOptions } from '../../infra/local/gateway';
import { createLocalIssuer, type LocalIssuer } from '../../infra/local/jwt';
import { matchPath } from '../../shared/http/route-match';
import type { RequestOutcome } from '../../shared/observability/request-log';

export interface ApiResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export interface RequestOptions {
  /** Official id whose sample subject (`sample-<id>`) signs the token; `null` sends no token. */
  readonly as?: string | null;
  readonly token?: string;
  readonly body?: unknown;
  readonly rawBody?: string;
  readonly headers?: Record<string, string>;
}

export interface TestApi {
  readonly baseUrl: string;
  readonly issuer: LocalIssuer;
  /** Every request the gateway and the handlers logged, in order (kept here instead of printed). */
  readonly requestLog: readonly RequestOutcome[];
  /** A token for a sample official (`sample-<officialId>`). */
  tokenFor(officialId: string): Promise<string>;
  request<T = Record<string, unknown>>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
}

/** Starts the gateway before the file's tests and stops it after; call at module level. */
export function useApi(options: GatewayOptions = {}): TestApi {
  const state: { baseUrl?: string; issuer?: LocalIssuer; close?: () => Promise<void> } = {};
  const requestLog: RequestOutcome[] = [];
  beforeAll(async () => {
    state.issuer = await createLocalIssuer();
    const server = createGateway(state.issuer, { requestLog: (outcome) => requestLog.push(outcome), ...options });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    state.close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  afterAll(() => state.close?.());

  const api: TestApi = {
    get baseUrl() {
      return state.baseUrl as string;
    },
    get issuer() {
      return state.issuer as LocalIssuer;
    },
    requestLog,
    tokenFor: (officialId) => (state.issuer as LocalIssuer).sign(`sample-${officialId}`),
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      const token = options.token ?? (options.as ? await api.tokenFor(options.as) : undefined);
      if (token) headers.authorization = `Bearer ${token}`;
      let body: string | undefined = options.rawBody;
      if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await fetch(`${state.baseUrl}${path}`, { method, headers, body });
      const text = await response.text();
      // JSON replies parsed; others (CSV, SVG) as their text.
      const json = text !== '' && /json/.test(response.headers.get('content-type') ?? 'json');
      const replied: unknown = json ? JSON.parse(text) : text || undefined;
      if (json && response.ok) expectContract(method, path, replied, response.status);
      return { status: response.status, headers: response.headers, body: replied } as ApiResponse<never>;
    },
  };
  return api;
}

/**
 * Fails the calling test when a success reply is not what its route declares: every API test
 * checks the contract of the routes it calls, so the OpenAPI document cannot drift from the code.
 */
export function expectContract(method: string, target: string, body: unknown, status?: number): void {
  const path = target.split('?')[0] ?? target;
  const route = matchPath(routes, path).find((match) => match.route.method === method)?.route;
  // A 202 beside another success status is the accepted work's reply.
  const accepted = status === 202 && route?.response.status !== 202 ? route?.response.accepted : undefined;
  const schema = accepted ? accepted.body : route?.response.body;
  if (!route || !schema) throw new Error(`${method} ${path} answered JSON, but no route declares a JSON reply for it`);
  const result = z.safeParse(schema, body);
  if (!result.success) {
    throw new Error(`${routeKeyOf(route)} answered outside its declared reply:\n${z.prettifyError(result.error)}`);
  }
}
