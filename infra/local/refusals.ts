/**
 * What the local gateway refuses before any handler runs, answered as problem+json like every
 * other error: requests too large for API Gateway's quotas (10240 bytes of request line and header
 * values, 10 MB of body) and requests it cannot read at all.
 */
import { type IncomingMessage, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { AppError, BadRequestError, PayloadTooLargeError } from '../../shared/domain/errors';
import { problemResponse } from '../../shared/http/problem';

/** API Gateway's quota on the request line and header values together. */
export const GATEWAY_MAX_HEADER_BYTES = 10240;
/** API Gateway's payload quota; routes enforce their smaller limits in the handler. */
export const GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;
/**
 * Node's own header limit, set well above the gateway's: headers up to this size are parsed and
 * refused by the gateway on a connection that stays usable; beyond it the parser gives up, and
 * the connection with it.
 */
export const PARSER_MAX_HEADER_BYTES = 64 * 1024;

export class HeadersTooLargeError extends AppError {
  constructor() {
    super(
      431,
      'header_fields_too_large',
      'Tiêu đề yêu cầu quá lớn',
      `Dòng yêu cầu và các tiêu đề vượt quá giới hạn ${GATEWAY_MAX_HEADER_BYTES} byte.`,
    );
  }
}

export function malformedRequest(): AppError {
  return new BadRequestError('malformed_request', 'Không đọc được yêu cầu HTTP (dòng yêu cầu, tiêu đề hoặc địa chỉ).');
}

export function payloadTooLarge(): AppError {
  return new PayloadTooLargeError(GATEWAY_MAX_BODY_BYTES);
}

/** The request line and header values, counted as API Gateway counts them against its quota. */
export function headerBytes(request: IncomingMessage): number {
  const requestLine = `${request.method} ${request.url} HTTP/${request.httpVersion}`;
  return request.rawHeaders.reduce(
    (total, value, index) => (index % 2 === 1 ? total + value.length : total),
    requestLine.length,
  );
}

/**
 * The request target as a URL: origin form (`/zones?limit=5`) or absolute form; undefined when it
 * is neither. Origin form is joined to the base, not resolved against it, so `//x` stays a path.
 */
export function requestUrl(request: IncomingMessage): URL | undefined {
  const target = request.url ?? '';
  try {
    return new URL(target.startsWith('/') ? `http://127.0.0.1${target}` : target);
  } catch {
    return undefined;
  }
}

/** A problem response as raw HTTP/1.1, for a socket the parser has given up on. */
function rawProblem(error: AppError): Buffer {
  const result: APIGatewayProxyStructuredResultV2 = problemResponse(error, { path: '' });
  const body = Buffer.from(result.body ?? '', 'utf8');
  const headers = { ...result.headers, 'content-length': body.byteLength, connection: 'close' };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  const head = `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status]}\r\n${lines.join('')}\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

/**
 * Node's `clientError` handler: headers over the parser's limit get a 431, any other unreadable
 * request a 400, both as problem+json. The parser cannot find the next request in what follows,
 * so the connection closes, as Node's default handler closes it.
 */
export function refuseUnparsable(error: NodeJS.ErrnoException, socket: Duplex): void {
  // like Node's default: answer only when nothing of another response is on the wire yet.
  if (error.code === 'ECONNRESET' || !socket.writable || (socket as { bytesWritten?: number }).bytesWritten) {
    socket.destroy();
    return;
  }
  const refusal = error.code === 'HPE_HEADER_OVERFLOW' ? new HeadersTooLargeError() : malformedRequest();
  socket.end(rawProblem(refusal));
}
