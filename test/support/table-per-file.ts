/**
 * Gives the test file its own table in the shared DynamoDB Local, so files run in parallel
 * without sharing state. Runs before the file imports any application module.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, inject } from 'vitest';
import { ensureTable, localClient } from '../../infra/local/dynamodb-local';

const endpoint = inject('dynamoEndpoint');
process.env.DYNAMODB_ENDPOINT = endpoint;
process.env.TABLE_NAME = `test-${randomUUID()}`;
process.env.DISTRICT_ID = 'gia-loc';

beforeAll(async () => {
  await ensureTable(localClient(endpoint), process.env.TABLE_NAME as string);
});
