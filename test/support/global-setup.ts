/** Starts one in-memory DynamoDB Local for the whole run; each test file makes its own table in it. */
import type { TestProject } from 'vitest/node';
import { freePort, startDynamoDbLocal } from '../../infra/local/dynamodb-local';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return () => dynamo.stop();
}
