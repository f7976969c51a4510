/** Assertions shared by the API tests about `application/problem+json` answers. */
import { expect } from 'vitest';
import type { ApiResponse } from './api';

/** The answer is a problem of this status and code, with every member RFC 9457 and the house rules ask for, and its request id. */
export function expectProblem(response: ApiResponse<unknown>, status: number, code: string): void {
  const body = response.body as Record<string, unknown>;
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(body).toMatchObject({ status, code });
  for (const member of ['type', 'title', 'detail']) {
    expect(typeof body[member]).toBe('string');
  }
  // the request's id, as in the `apigw-requestid` header and the request's log line.
  expect(body.requestId).toEqual(expect.any(String));
  expect(body.requestId).toBe(response.headers.get('apigw-requestid'));
}
