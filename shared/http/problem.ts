/** Turns errors into RFC 9457 `application/problem+json` responses; nothing else leaves as an error. */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { AppError, MethodNotAllowedError } from '../domain/errors';
import { EVERY_RESPONSE_HEADERS } from './response-headers';

const PROBLEM_BASE = 'https://giao-ban.dangbo.vn/problems/';

export function problemResponse(error: AppError, instance?: string): APIGatewayProxyStructuredResultV2 {
  const headers: Record<string, string> = { ...EVERY_RESPONSE_HEADERS, 'content-type': 'application/problem+json' };
  if (error instanceof MethodNotAllowedError) headers.allow = error.allowed.join(', ');
  return {
    statusCode: error.status,
    headers,
    body: JSON.stringify({
      type: `${PROBLEM_BASE}${error.code}`,
      title: error.title,
      status: error.status,
      code: error.code,
      detail: error.detail,
      instance,
      errors: error.errors,
    }),
  };
}

/** The response for anything unexpected: logged with its stack, answered without it. */
export function unexpectedErrorResponse(error: unknown, requestId?: string): APIGatewayProxyStructuredResultV2 {
  console.error(JSON.stringify({ level: 'error', message: 'unhandled error', requestId, error: describe(error) }));
  return problemResponse(
    new AppError(500, 'internal_error', 'Lỗi hệ thống', 'Đã có lỗi ngoài dự kiến; lỗi đã được ghi lại để xử lý.'),
    requestId,
  );
}

function describe(error: unknown): Record<string, unknown> {
  return error instanceof Error
    ? { name: error.name, message: error.message, stack: error.stack }
    : { value: String(error) };
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
