/**
 * The local service with DynamoDB Local gone and back: 503 with Retry-After while it is away,
 * the same answers as before once it returns, without restarting the service.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureTable,
  freePort,
  localClient,
  type RunningDynamoDb,
  startDynamoDbLocal,
} from '../../infra/local/dynamodb-local';
import { useApi } from '../support/api';
import { expectProblem } from '../support/problem';
import { seedSampleDistrict } from '../support/sample-district';

// this file's own DynamoDB Local, which the test stops and starts again; the service's client is
// created at its first request, so pointing the environment here is enough.
const port = await freePort();
const endpoint = `http://127.0.0.1:${port}`;
process.env.DYNAMODB_ENDPOINT = endpoint;
const dataPath = mkdtempSync(join(tmpdir(), 'dynamodb-recovery-'));
let dynamo: RunningDynamoDb;

const api = useApi();
const OFFICE = 'van-phong-1';

beforeAll(async () => {
  dynamo = await startDynamoDbLocal({ port, dataPath });
  await ensureTable(localClient(endpoint), process.env.TABLE_NAME as string);
  await seedSampleDistrict();
});

afterAll(async () => {
  await dynamo.stop();
  rmSync(dataPath, { recursive: true, force: true });
});

describe('DynamoDB Local going away and coming back', () => {
  it('answers 503 with Retry-After while it is down and recovers by itself when it is back', async () => {
    const before = await api.request('GET', '/zones', { as: OFFICE });
    expect(before.status).toBe(200);

    await dynamo.stop();
    const whileDown = await api.request('GET', '/zones', { as: OFFICE });
    expectProblem(whileDown, 503, 'service_unavailable');
    expect(whileDown.headers.get('retry-after')).toBe('5');

    dynamo = await startDynamoDbLocal({ port, dataPath });
    const after = await api.request('GET', '/zones', { as: OFFICE });
    expect(after.status).toBe(200);
    expect(after.body).toEqual(before.body);
  });
});
