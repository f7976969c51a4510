/** `npm start`'s guard against serving the wrong district, DynamoDB Local's bounded heap and the local table's TTL. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, inject, it } from 'vitest';
import {
  ensureTable,
  freePort,
  LocalSetupError,
  localClient,
  startDynamoDbLocal,
} from '../../infra/local/dynamodb-local';
import { loadDistrictOnce } from '../../infra/local/local-district';
import { tableDefinition } from '../../shared/db/table-definition';
import { readSampleConfig } from '../support/sample-district';

const folder = mkdtempSync(join(tmpdir(), 'local-state-'));
const marker = join(folder, 'district');

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('loadDistrictOnce', () => {
  const giaLoc = readSampleConfig('gia-loc');
  const thanhMien = readSampleConfig('thanh-mien-sample');

  it('loads the district into the empty table and notes its id', async () => {
    expect(await loadDistrictOnce(giaLoc, marker)).toBe(true);
    expect(readFileSync(marker, 'utf8').trim()).toBe('gia-loc');
  });

  it('serves the same district again without loading it twice', async () => {
    expect(await loadDistrictOnce(giaLoc, marker)).toBe(false);
  });

  it('refuses another district, naming both and the reset', async () => {
    const refusal = loadDistrictOnce(thanhMien, marker);
    await expect(refusal).rejects.toBeInstanceOf(LocalSetupError);
    await expect(refusal).rejects.toThrow(
      /holds district "gia-loc", not "thanh-mien-sample"\.\nRun `npm run reset`.*\nOr keep it: `npm start -- --district gia-loc`/s,
    );
    expect(readFileSync(marker, 'utf8').trim()).toBe('gia-loc');
  });

  it('refuses data whose district nobody recorded', async () => {
    await expect(loadDistrictOnce(giaLoc, join(folder, 'no-marker'))).rejects.toThrow(
      /a district npm start did not record.*npm run reset/s,
    );
  });
});

describe('startDynamoDbLocal', () => {
  it('bounds the JVM heap and leaves the environment as it found it', async () => {
    const before = process.env.JDK_JAVA_OPTIONS;
    const dynamo = await startDynamoDbLocal({ port: await freePort(), maxHeap: '256m' });
    try {
      // the launcher reads JDK_JAVA_OPTIONS from the environment the JVM process started with.
      const environment = readFileSync(`/proc/${dynamo.pid}/environ`, 'utf8').split('\0');
      expect(environment).toContain(before ? `JDK_JAVA_OPTIONS=${before} -Xmx256m` : 'JDK_JAVA_OPTIONS=-Xmx256m');
      expect(process.env.JDK_JAVA_OPTIONS).toBe(before);
    } finally {
      await dynamo.stop();
    }
  });
});

describe('ensureTable', () => {
  it('turns on the definition’s TTL attribute, as the stack does', async () => {
    const client = localClient(inject('dynamoEndpoint'));
    const name = `ttl-${Date.now()}`;
    expect(await ensureTable(client, name)).toBe(true);

    const described = await client.send(new DescribeTimeToLiveCommand({ TableName: name }));

    expect(described.TimeToLiveDescription).toMatchObject({
      AttributeName: tableDefinition.timeToLiveAttribute,
      TimeToLiveStatus: 'ENABLED',
    });
  });
});
