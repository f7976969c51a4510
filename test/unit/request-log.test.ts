/** The CloudWatch request log line: the fields an operator queries, and nothing of the request itself. */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeToCloudWatch } from '../../shared/observability/request-log';

beforeAll(() => {
  process.env.DISTRICT_ID ??= 'gia-loc';
  process.env.TABLE_NAME ??= 'unit-test';
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Every JSON line written to stdout or stderr while `run` runs. */
function linesOf(run: () => void): Record<string, unknown>[] {
  const written: string[] = [];
  const capture = (chunk: unknown) => {
    written.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  run();
  vi.restoreAllMocks();
  return written
    .join('')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

const logLine = (lines: Record<string, unknown>[]) => lines.filter((line) => line.message === 'request');
const metricLines = (lines: Record<string, unknown>[]) => lines.filter((line) => '_aws' in line);

const outcome = {
  requestId: 'req-1',
  method: 'PATCH',
  path: '/officials/bi-thu-1',
  routeKey: 'PATCH /officials/{officialId}',
  operation: 'officials.update',
  officialId: 'van-phong-1',
  status: 200,
  durationMs: 41.6,
};

describe('writeToCloudWatch', () => {
  it('writes one info line with the request’s fields and no metric (each is billed by the hour)', () => {
    const lines = linesOf(() => writeToCloudWatch(outcome));

    expect(logLine(lines)).toEqual([
      expect.objectContaining({
        level: 'INFO',
        service: 'giao-ban',
        district: 'gia-loc',
        requestId: 'req-1',
        method: 'PATCH',
        path: '/officials/bi-thu-1',
        routeKey: 'PATCH /officials/{officialId}',
        operation: 'officials.update',
        officialId: 'van-phong-1',
        status: 200,
        durationMs: 42,
      }),
    ]);
    expect(metricLines(lines)).toEqual([]);
  });

  it('logs a 4xx as a warning with its problem code and operation, for Logs Insights to count', () => {
    const lines = linesOf(() => writeToCloudWatch({ ...outcome, status: 412, problemCode: 'etag_mismatch' }));

    expect(logLine(lines)).toEqual([
      expect.objectContaining({ level: 'WARN', operation: 'officials.update', problemCode: 'etag_mismatch' }),
    ]);
    expect(metricLines(lines)).toEqual([]);
  });

  it('logs an unexpected error at error level with its stack', () => {
    const error = new TypeError('cannot read properties of undefined');
    const lines = linesOf(() => writeToCloudWatch({ ...outcome, status: 500, problemCode: 'internal_error', error }));

    const [line] = logLine(lines);
    expect(line).toMatchObject({
      level: 'ERROR',
      error: { name: 'TypeError', message: 'cannot read properties of undefined' },
    });
    expect(String((line?.error as { stack?: string } | undefined)?.stack)).toContain('request-log.test.ts');
  });

  it('writes only its own fields, whatever else the outcome object carries', () => {
    const carrying = {
      ...outcome,
      headers: { authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.secret.token' },
      body: { text: 'Đề nghị nạo vét kênh tưới thôn Hạ' },
    };
    const written = JSON.stringify(linesOf(() => writeToCloudWatch(carrying)));
    expect(written).not.toContain('eyJhbGciOiJSUzI1NiJ9');
    expect(written).not.toContain('nạo vét');
  });

  it('carries the invocation’s X-Ray trace root, read at each line since Lambda sets it per invocation', () => {
    const traced = (header: string | undefined) => {
      vi.stubEnv('_X_AMZN_TRACE_ID', header);
      const [line] = logLine(linesOf(() => writeToCloudWatch(outcome)));
      vi.unstubAllEnvs();
      return line;
    };

    expect(traced('Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1')).toMatchObject({
      xray_trace_id: '1-5759e988-bd862e3fe1be46a994272793',
    });
    expect(traced('Root=1-67891233-abcdef012345678912345678;Sampled=0')).toMatchObject({
      xray_trace_id: '1-67891233-abcdef012345678912345678',
    });
    expect(traced(undefined)).not.toHaveProperty('xray_trace_id');
  });

  it('writes information to stdout, warnings and errors to stderr', () => {
    const streams: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation(() => streams.push('stdout') > 0);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => streams.push('stderr') > 0);
    for (const status of [200, 404, 500]) writeToCloudWatch({ ...outcome, status });
    vi.restoreAllMocks();

    expect(streams).toEqual(['stdout', 'stderr', 'stderr']);
  });

  it('logs an unmatched request under its route key, without an operation', () => {
    const lines = linesOf(() =>
      writeToCloudWatch({
        requestId: 'r',
        method: 'GET',
        path: '/nowhere',
        routeKey: '$default',
        status: 404,
        problemCode: 'route_not_found',
        durationMs: 1,
      }),
    );
    const [line] = logLine(lines);
    expect(line).toMatchObject({ routeKey: '$default', status: 404 });
    expect(line).not.toHaveProperty('operation');
  });
});
