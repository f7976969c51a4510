/**
 * The local gateway's request log: the fields of the CloudWatch line, one short line per request,
 * `14:03:27 412 PATCH /officials/bi-thu-1 officials.update van-phong-1 8ms etag_mismatch`.
 */

import { VIETNAM_TIME_ZONE } from '../../shared/domain/time';
import type { RequestOutcome } from '../../shared/observability/request-log';

const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Time (Vietnam), status, method, path, operation, official, milliseconds and problem code; `-` for what is unknown. */
export function requestLine(outcome: RequestOutcome, at: Date): string {
  return [
    clock.format(at),
    outcome.status,
    outcome.method,
    outcome.path,
    outcome.operation ?? '-',
    outcome.officialId ?? '-',
    `${Math.round(outcome.durationMs)}ms`,
    outcome.problemCode ?? '',
  ]
    .join(' ')
    .trimEnd();
}

/** Prints a request's line, and below it the stack of an unexpected error. */
export function printRequestLine(outcome: RequestOutcome): void {
  console.log(requestLine(outcome, new Date()));
  if (outcome.error !== undefined) console.error(outcome.error);
}
