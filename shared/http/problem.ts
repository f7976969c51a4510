/** Turns errors into RFC 9457 `application/problem+json` responses; nothing else leaves as an error. */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { AppError, MethodNotAllowedError, ServiceUnavailableError } from '../domain/errors';
import { EVERY_RESPONSE_HEADERS } from './response-headers';

const PROBLEM_BASE = 'https://giao-ban.dangbo.vn/problems/';

/** Where a problem arose: the request's path (`instance`) and its id, which the request's log line carries. */
export interface ProblemOrigin {
  readonly path: string;
  readonly requestId?: string;
}

export function problemOriginOf(event: APIGatewayProxyEventV2): ProblemOrigin {
  return { path: event.rawPath, requestId: event.requestContext?.requestId };
}

export function problemResponse(error: AppError, origin: ProblemOrigin): APIGatewayProxyStructuredResultV2 {
  const headers: Record<string, string> = { ...EVERY_RESPONSE_HEADERS, 'content-type': 'application/problem+json' };
  if (error instanceof MethodNotAllowedError) headers.allow = error.allowed.join(', ');
  if (error instanceof ServiceUnavailableError) headers['retry-after'] = String(error.retryAfterSeconds);
  return {
    statusCode: error.status,
    headers,
    body: JSON.stringify({
      type: `${PROBLEM_BASE}${error.code}`,
      title: error.title,
      status: error.status,
      code: error.code,
      detail: error.detail,
      instance: origin.path,
      requestId: origin.requestId,
      errors: error.errors,
    }),
  };
}

/** The problem a thrown value is answered with: its own, or a 500 that shows nothing of it. */
export function problemOf(error: unknown): AppError {
  return isAppError(error)
    ? error
    : new AppError(500, 'internal_error', 'Lỗi hệ thống', 'Đã có lỗi ngoài dự kiến; lỗi đã được ghi lại để xử lý.');
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
