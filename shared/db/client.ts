/** One DynamoDB document client per process, created on first use and reused across invocations. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '../config';

let client: DynamoDBDocumentClient | undefined;

export function documentClient(): DynamoDBDocumentClient {
  if (client) return client;
  const { DYNAMODB_ENDPOINT, AWS_REGION } = config();
  const base = new DynamoDBClient(
    DYNAMODB_ENDPOINT
      ? {
          endpoint: DYNAMODB_ENDPOINT,
          region: AWS_REGION,
          // DynamoDB Local accepts any credentials; real ones come from the Lambda role.
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : { region: AWS_REGION },
  );
  client = DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
  return client;
}

export function tableName(): string {
  return config().TABLE_NAME;
}
