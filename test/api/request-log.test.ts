/**
 * The request log through the local gateway, written as on Lambda (JSON lines): one
 * line per request with who asked what and how it ended, the same request id in every problem
 * answer, and nothing of the token or the minutes in any line.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentClient, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { type ApiResponse, useApi } from '../support/api';
import { cloudWatchLinesDuring, requestLines } from '../support/log-lines';
import { expectProblem } from '../support/problem';
import { seedSampleDistrict } from '../support/sample-district';

const api = useApi();

const OFFICE = 'van-phong-1';
const DEPUTY = 'pho-khu-2';
const MONTH = '2027-03';
const MEETING = `/meetings/${MONTH}.khu-2`;

beforeAll(async () => {
  await seedSampleDistrict();
});

/** The one request line a response was logged with, found by its request id. */
function lineOf(response: ApiResponse, lines: readonly string[]): Record<string, unknown> {
  const requestId = response.headers.get('apigw-requestid');
  const matching = requestLines(lines).filter((line) => line.requestId === requestId);
  expect(matching).toHaveLength(1);
  return matching[0] as Record<string, unknown>;
}

describe('the log line of a request', () => {
  /** What the office reading zone khu-1 is logged with. */
  const ZONE_READ = {
    method: 'GET',
    path: '/zones/khu-1',
    routeKey: 'GET /zones/{zoneId}',
    operation: 'zones.get',
    officialId: OFFICE,
    status: 200,
  };

  it('names the request, the route, the operation, the official, the status and the duration', async () => {
    const { result: response, lines } = await cloudWatchLinesDuring(() =>
      api.request('GET', '/zones/khu-1', { as: OFFICE }),
    );

    expect(response.status).toBe(200);
    const line = lineOf(response, lines);
    expect(line).toMatchObject({
      level: 'INFO',
      service: 'giao-ban',
      district: 'gia-loc',
      ...ZONE_READ,
      durationMs: expect.any(Number),
    });
    expect(line).not.toHaveProperty('problemCode');
  });

  it('goes to the local gateway with the same fields, for its readable line', async () => {
    const response = await api.request('GET', '/zones/khu-1', { as: OFFICE });

    expect(api.requestLog.at(-1)).toMatchObject({
      requestId: response.headers.get('apigw-requestid'),
      ...ZONE_READ,
    });
  });
});

describe('a problem answer', () => {
  it('carries the request id of its log line, which has the problem code and the official', async () => {
    const { result: response, lines } = await cloudWatchLinesDuring(() =>
      api.request('PATCH', '/zones/khu-1', { as: OFFICE, body: { name: 'Khu một' } }),
    );

    expectProblem(response, 428, 'if_match_required');
    expect(response.body.instance).toBe('/zones/khu-1');
    expect(lineOf(response, lines)).toMatchObject({
      level: 'WARN',
      requestId: response.body.requestId,
      operation: 'zones.update',
      officialId: OFFICE,
      status: 428,
      problemCode: 'if_match_required',
    });
  });

  it('names the official who was refused', async () => {
    const { result: response, lines } = await cloudWatchLinesDuring(() =>
      api.request('PATCH', '/zones/khu-1', { as: DEPUTY, body: { name: 'Khu một' }, headers: { 'if-match': '"1"' } }),
    );

    expectProblem(response, 403, 'forbidden');
    expect(lineOf(response, lines)).toMatchObject({ officialId: DEPUTY, problemCode: 'forbidden' });
  });

  it('from the gateway itself (no token) is logged with its id too, without an official', async () => {
    const { result: response, lines } = await cloudWatchLinesDuring(() =>
      api.request('GET', '/zones/khu-1', { as: null }),
    );

    expectProblem(response, 401, 'unauthorized');
    const line = lineOf(response, lines);
    expect(line).toMatchObject({ status: 401, problemCode: 'unauthorized', operation: 'zones.get' });
    expect(line).not.toHaveProperty('officialId');
  });

  it('for a path no route serves is logged under $default', async () => {
    const { result: response, lines } = await cloudWatchLinesDuring(() =>
      api.request('GET', '/khong-co-duong-nay', { as: OFFICE }),
    );

    expectProblem(response, 404, 'route_not_found');
    const line = lineOf(response, lines);
    expect(line).toMatchObject({ routeKey: '$default', path: '/khong-co-duong-nay', problemCode: 'route_not_found' });
    expect(line).not.toHaveProperty('operation');
  });
});

describe('a minutes write', () => {
  const MINUTES_TEXT = 'Biên bản mật: đồng chí Bí thư khu 2 phát biểu về việc nạo vét kênh T3.';
  const DECISION = 'Giao xã Gia Tân hoàn thành nạo vét trước ngày 30/3.';

  beforeAll(async () => {
    const opened = await api.request('POST', `/cycles/${MONTH}/open`, { as: OFFICE });
    expect(opened.status).toBe(201);
    const meeting = await api.request('GET', MEETING, { as: DEPUTY });
    const held = await api.request('POST', `${MEETING}/hold`, {
      as: DEPUTY,
      headers: { 'if-match': meeting.headers.get('etag') as string },
    });
    expect(held.status).toBe(200);
  });

  /** Writes minutes as the deputy, capturing every line the process writes meanwhile. */
  async function writeMinutes(body: unknown) {
    const ifMatch = (await api.request('GET', MEETING, { as: DEPUTY })).headers.get('etag') as string;
    const token = await api.tokenFor(DEPUTY);
    const captured = await cloudWatchLinesDuring(() =>
      api.request('PUT', `${MEETING}/minutes`, { token, body, headers: { 'if-match': ifMatch } }),
    );
    return { ...captured, token };
  }

  function expectNothingOfTheRequest(lines: readonly string[], token: string) {
    const written = lines.join('\n');
    for (const secret of [token, token.split('.')[1] as string, 'Bearer', MINUTES_TEXT, 'nạo vét', DECISION]) {
      expect(written).not.toContain(secret);
    }
  }

  it('logs the write without the token or a word of the minutes', async () => {
    const { result: response, lines, token } = await writeMinutes({ text: MINUTES_TEXT, decisions: [DECISION] });

    expect(response.status).toBe(200);
    expect(lineOf(response, lines)).toMatchObject({ operation: 'meetings.minutes', officialId: DEPUTY, status: 200 });
    expectNothingOfTheRequest(lines, token);
  });

  it('logs a refused write without them either', async () => {
    const { result: response, lines, token } = await writeMinutes({ text: MINUTES_TEXT, decisions: [DECISION], x: 1 });

    expectProblem(response, 400, 'validation_failed');
    expect(lineOf(response, lines)).toMatchObject({ operation: 'meetings.minutes', problemCode: 'validation_failed' });
    expectNothingOfTheRequest(lines, token);
  });
});

describe('an item the code never wrote', () => {
  it('answers 500 and is logged as malformed with its key and the field at fault, never its value', async () => {
    // A value no request id or timestamp can contain by chance, so the check below cannot flake.
    const leaked = 'gia-tri-khong-duoc-lo';
    const zone = { ...keys.unit('zone', 'khu-hong'), entityType: 'zone', version: 1, id: 'khu-hong', name: [leaked] };
    await documentClient().send(new PutCommand({ TableName: tableName(), Item: zone }));

    const { result: response, lines } = await cloudWatchLinesDuring(() =>
      api.request('GET', '/zones/khu-hong', { as: OFFICE }),
    );

    expectProblem(response, 500, 'internal_error');
    const line = lineOf(response, lines);
    expect(line).toMatchObject({
      level: 'ERROR',
      status: 500,
      error: {
        name: 'MalformedItemError',
        message: `Stored item ${zone.PK} / ${zone.SK} is malformed at name (invalid_type)`,
      },
    });
    expect(JSON.stringify(line)).not.toContain(leaked);
  });
});
