/**
 * The load mix: officials reading the structure, a meeting, its agenda and their announcement
 * feed while the office posts announcements. Every write has a unique title, and the id of each
 * acknowledged one (201) is kept, so afterwards each can be looked for.
 */
import autocannon from 'autocannon';
import type { LocalIssuer } from '../../infra/local/jwt';

export interface LoadTarget {
  readonly baseUrl: string;
  /** Bearer tokens of the office, which posts, and of a cell secretary of `zoneId`, who reads. */
  readonly officeToken: string;
  readonly readerToken: string;
  /** A meeting of an open cycle that the reader may see. */
  readonly meetingId: string;
  readonly zoneId: string;
}

export interface LoadOptions {
  readonly connections: number;
  readonly durationSeconds: number;
}

export interface AcknowledgedWrite {
  readonly id: string;
  readonly title: string;
}

export interface LoadReport {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly latencyMs: { readonly p50: number; readonly p90: number; readonly p99: number; readonly max: number };
  readonly statusCounts: Readonly<Record<string, number>>;
  /** Connection errors and timeouts: requests that got no answer at all. */
  readonly errors: number;
  readonly acknowledged: readonly AcknowledgedWrite[];
  /** A few answers that were not 2xx, for the report. */
  readonly unexpected: readonly string[];
}

const MONTH = '2027-03';
const ZONE_ID = 'khu-2';

/** Opens a month's cycle on a service holding the sample district, and signs the mix's tokens. */
export async function prepareTarget(baseUrl: string, issuer: LocalIssuer): Promise<LoadTarget> {
  const officeToken = await issuer.sign('sample-van-phong-1');
  const opened = await fetch(`${baseUrl}/cycles/${MONTH}/open`, {
    method: 'POST',
    headers: { authorization: `Bearer ${officeToken}` },
  });
  if (!opened.ok) throw new Error(`opening the cycle answered ${opened.status}: ${await opened.text()}`);
  return {
    baseUrl,
    officeToken,
    readerToken: await issuer.sign('sample-bi-thu-cb-gia-tan-thon-ha'),
    meetingId: `${MONTH}.${ZONE_ID}`,
    zoneId: ZONE_ID,
  };
}

/** Far above what two cores serve: the run stops on time, and this caps it should it not. */
const MAX_REQUESTS_PER_SECOND = 5_000;

export async function runLoad(target: LoadTarget, options: LoadOptions): Promise<LoadReport> {
  const acknowledged: AcknowledgedWrite[] = [];
  const unexpected: string[] = [];
  let sequence = 0;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const noteUnexpected = (status: number, body: string) => {
    if (status >= 300 && unexpected.length < 5) unexpected.push(`${status} ${body.slice(0, 300)}`);
  };
  const read = (path: string, token: string): autocannon.Request => ({
    method: 'GET',
    path,
    headers: as(token),
    onResponse: noteUnexpected,
  });

  const result = await autocannon({
    url: target.baseUrl,
    connections: options.connections,
    duration: options.durationSeconds,
    maxOverallRequests: MAX_REQUESTS_PER_SECOND * options.durationSeconds,
    requests: [
      read('/zones', target.officeToken),
      read(`/meetings/${target.meetingId}`, target.readerToken),
      {
        method: 'POST',
        path: '/announcements',
        headers: { ...as(target.officeToken), 'content-type': 'application/json' },
        setupRequest: (request) => {
          sequence += 1;
          const title = `Thông báo tải thử số ${sequence}`;
          const zoneIds = sequence % 2 === 0 ? 'all' : [target.zoneId];
          return { ...request, body: JSON.stringify({ title, body: `Nội dung ${sequence}`, zoneIds }) };
        },
        onResponse: (status, body) => {
          noteUnexpected(status, body);
          if (status === 201) {
            const { id, title } = JSON.parse(body) as AcknowledgedWrite;
            acknowledged.push({ id, title });
          }
        },
      },
      read(`/meetings/${target.meetingId}/agenda`, target.readerToken),
      read('/announcements?limit=20', target.readerToken),
      read('/me', target.readerToken),
    ],
  });

  const statusCounts = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([status, stats]) => [status, Number(stats.count ?? 0)]),
  );
  return {
    requests: Object.values(statusCounts).reduce((sum, count) => sum + count, 0),
    requestsPerSecond: result.requests.average,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    statusCounts,
    errors: result.errors,
    acknowledged,
    unexpected,
  };
}

/** Statuses of 500 and above, with their counts. */
export function serverErrors(report: LoadReport): Record<string, number> {
  return Object.fromEntries(Object.entries(report.statusCounts).filter(([status]) => Number(status) >= 500));
}

/** The acknowledged writes the office's announcement list does not show as they were acknowledged. */
export async function missingWrites(target: LoadTarget, report: LoadReport): Promise<AcknowledgedWrite[]> {
  const listed = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ limit: '100', ...(cursor ? { cursor } : {}) });
    const response = await fetch(`${target.baseUrl}/announcements?${query}`, {
      headers: { authorization: `Bearer ${target.officeToken}` },
    });
    if (response.status !== 200) throw new Error(`listing announcements answered ${response.status}`);
    const page = (await response.json()) as { items: AcknowledgedWrite[]; nextCursor?: string };
    for (const item of page.items) listed.set(item.id, item.title);
    cursor = page.nextCursor;
  } while (cursor);
  return report.acknowledged.filter((write) => listed.get(write.id) !== write.title);
}

export function describeReport(report: LoadReport, options: LoadOptions): string {
  const statuses = Object.entries(report.statusCounts)
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ');
  const { p50, p90, p99, max } = report.latencyMs;
  return [
    `${options.connections} clients for ${options.durationSeconds} s: ${report.requests} requests (${statuses}), ${report.errors} without answer`,
    `throughput: ${report.requestsPerSecond.toFixed(1)} requests/s`,
    `latency: p50 ${p50} ms, p90 ${p90} ms, p99 ${p99} ms, max ${max} ms`,
    `acknowledged writes: ${report.acknowledged.length}`,
    ...report.unexpected.map((answer) => `unexpected answer: ${answer}`),
  ].join('\n');
}
