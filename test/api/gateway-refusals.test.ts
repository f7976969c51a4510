/**
 * What the local gateway refuses before any handler runs: every refusal is problem+json, and a
 * refusal the parser survives leaves the keep-alive connection usable for the next request.
 */
import { describe, expect, it } from 'vitest';
import { GATEWAY_MAX_BODY_BYTES, GATEWAY_MAX_HEADER_BYTES, PARSER_MAX_HEADER_BYTES } from '../../infra/local/refusals';
import { useApi } from '../support/api';
import { overOneConnection, rawExchange, type WireRequest, type WireResponse } from '../support/connection';

const api = useApi();

const HEALTH: WireRequest = { method: 'GET', path: '/health' };

function expectWireProblem(response: { status: number; headers: object; text: string }, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers).toMatchObject({
    'content-type': 'application/problem+json',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  expect(JSON.parse(response.text)).toMatchObject({
    status,
    code,
    type: expect.any(String),
    detail: expect.any(String),
  });
}

/** The refusal, then a health check on the same connection that answers normally. */
async function refusedThenHealthy(refused: WireRequest): Promise<WireResponse> {
  const [refusal, next] = await overOneConnection(api.baseUrl, [refused, HEALTH]);
  if (!refusal || !next) throw new Error('expected two responses');
  expect(next.status).toBe(200);
  expect(JSON.parse(next.text)).toEqual({ status: 'ok' });
  expect(next.localPort).toBe(refusal.localPort);
  return refusal;
}

describe('refusals on a connection that stays usable', () => {
  it('answers headers over API Gateway’s 10240 bytes with 431', async () => {
    const refusal = await refusedThenHealthy({
      method: 'GET',
      path: '/health',
      headers: { 'x-padding': 'a'.repeat(GATEWAY_MAX_HEADER_BYTES) },
    });

    expectWireProblem(refusal, 431, 'header_fields_too_large');
  });

  it('counts the request line against the header limit, as API Gateway does', async () => {
    const refusal = await refusedThenHealthy({
      method: 'GET',
      path: `/health?q=${'a'.repeat(GATEWAY_MAX_HEADER_BYTES)}`,
    });

    expectWireProblem(refusal, 431, 'header_fields_too_large');
  });

  it('passes headers just under the limit to the route', async () => {
    const [response] = await overOneConnection(api.baseUrl, [
      { method: 'GET', path: '/health', headers: { 'x-padding': 'a'.repeat(GATEWAY_MAX_HEADER_BYTES - 200) } },
    ]);

    expect(response?.status).toBe(200);
  });

  it('answers a body over API Gateway’s 10 MB with 413, reading and dropping the rest', async () => {
    const refusal = await refusedThenHealthy({
      method: 'POST',
      path: '/zones',
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(GATEWAY_MAX_BODY_BYTES + 1024 * 1024, 0x20),
    });

    expectWireProblem(refusal, 413, 'payload_too_large');
  });

  it('answers an absolute-form target it cannot parse with 400', async () => {
    const refusal = await refusedThenHealthy({ method: 'GET', path: 'http://[broken/' });

    expectWireProblem(refusal, 400, 'malformed_request');
  });

  it('takes `//x` as a path, not as a host', async () => {
    const [response] = await overOneConnection(api.baseUrl, [{ method: 'GET', path: '//zones' }]);

    expectWireProblem(response as WireResponse, 401, 'unauthorized');
    expect(JSON.parse((response as WireResponse).text).instance).toBe('//zones');
  });
});

describe('refusals the HTTP parser cannot get past', () => {
  // after these the parser cannot find where the next request starts, so the connection closes
  it.each([
    [
      'headers over the parser’s limit',
      `GET /health HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(PARSER_MAX_HEADER_BYTES)}\r\n\r\n`,
      431,
      'header_fields_too_large',
    ],
    ['a request line that is not HTTP', 'NOT HTTP AT ALL\r\n\r\n', 400, 'malformed_request'],
    ['a header name with a space', 'GET /health HTTP/1.1\r\nHost: x\r\nBad Name: y\r\n\r\n', 400, 'malformed_request'],
    [
      'both Content-Length and chunked',
      'POST /zones HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      400,
      'malformed_request',
    ],
  ])('answers %s with problem+json, then closes', async (_case, bytes, status, code) => {
    const response = await rawExchange(api.baseUrl, bytes);

    expectWireProblem(response, status, code);
    expect(response.headers.connection).toBe('close');
    expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.text));
  });

  it('keeps serving other connections afterwards', async () => {
    await rawExchange(api.baseUrl, 'NOT HTTP AT ALL\r\n\r\n');

    expect((await api.request('GET', '/health', { as: null })).status).toBe(200);
  });
});
