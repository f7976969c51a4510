/**
 * One structured log line of each API request: the fields an operator queries (request id, route,
 * operation, caller, status, problem code, duration) and nothing of the request itself, so no
 * token, proposal text or minutes can reach the logs. The HTTP layer calls `logRequest` once per
 * request.
 *
 * Written here, as Powertools Logger wrote it (`level`, `message`, `timestamp`, `service`,
 * `xray_trace_id`, `district`, then the fields), without the library: it was 22 KiB of every API
 * function's bundle, and of its cold start, for this one line. Lambda's JSON log format filters
 * such lines by their `level` when the function has an application log level.
 *
 * No custom metric per request: CloudWatch bills each metric for every hour it is published in,
 * per operation that was most of a district's bill, and it would repeat what the API's own
 * metrics count (requests, 4xx, 5xx, latency, which the alarms watch). Figures per operation or
 * problem code come from these lines with Logs Insights (`stats count(), pct(durationMs, 99) by operation`).
 */
import { config, invocationTraceId } from '../config';

export interface RequestOutcome {
  /** API Gateway's request id, also the `requestId` of a problem response. */
  readonly requestId: string;
  readonly method: string;
  /** The path as requested (ids, never the query string). */
  readonly path: string;
  /** `GET /zones/{zoneId}`, or `$default` for an unmatched request. */
  readonly routeKey: string;
  /** The route table's operation; undefined when no route matched. */
  readonly operation?: string;
  /** The official the token resolved to; undefined before (or without) authentication. */
  readonly officialId?: string;
  readonly status: number;
  /** The problem response's `code`, for 4xx and 5xx answers. */
  readonly problemCode?: string;
  readonly durationMs: number;
  /** An unexpected error, logged with its stack; expected failures are problem codes. */
  readonly error?: unknown;
}

/** Where request outcomes go: CloudWatch in AWS, a readable line on the local gateway. */
export type RequestLogWriter = (outcome: RequestOutcome) => void;

const SERVICE = 'giao-ban';

type Level = 'INFO' | 'WARN' | 'ERROR';

/** One JSON line: information on stdout, warnings and errors on stderr (both reach CloudWatch). */
function writeLine(level: Level, fields: Record<string, unknown>): void {
  const line = JSON.stringify({
    level,
    message: 'request',
    timestamp: new Date().toISOString(),
    service: SERVICE,
    xray_trace_id: invocationTraceId(),
    district: config().DISTRICT_ID,
    ...fields,
  });
  (level === 'INFO' ? process.stdout : process.stderr).write(`${line}\n`);
}

/** Only what an operator needs of an unexpected error: never the request it came from. */
function describeError(error: unknown): Record<string, unknown> {
  return error instanceof Error
    ? { name: error.name, message: error.message, stack: error.stack }
    : { name: 'NonError', message: String(error) };
}

/**
 * The JSON log line of a request: info, warn for 4xx, error for 5xx or an unexpected error.
 * Each field is picked by name, so nothing else an outcome object carries is ever written.
 */
export function writeToCloudWatch(outcome: RequestOutcome): void {
  const fields = {
    requestId: outcome.requestId,
    method: outcome.method,
    path: outcome.path,
    routeKey: outcome.routeKey,
    operation: outcome.operation,
    officialId: outcome.officialId,
    status: outcome.status,
    problemCode: outcome.problemCode,
    durationMs: Math.round(outcome.durationMs),
  };
  if (outcome.error !== undefined || outcome.status >= 500) {
    writeLine('ERROR', { ...fields, ...(outcome.error !== undefined && { error: describeError(outcome.error) }) });
  } else if (outcome.status >= 400) {
    writeLine('WARN', fields);
  } else {
    writeLine('INFO', fields);
  }
}

let writer: RequestLogWriter = writeToCloudWatch;

/** Logs one request; the HTTP layer calls it once per request, whatever the answer. */
export function logRequest(outcome: RequestOutcome): void {
  writer(outcome);
}

/**
 * Sends every request logged from now on in this process to `next` (the local gateway prints
 * readable lines); returns the writer it replaces.
 */
export function writeRequestLogTo(next: RequestLogWriter): RequestLogWriter {
  const previous = writer;
  writer = next;
  return previous;
}
