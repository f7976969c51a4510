/** One DynamoDB document client per process, created on first use and reused across invocations. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '../config';
import { translateUnavailable } from './unavailable';

let client: DynamoDBDocumentClient | undefined;

/**
 * Each attempt gives up on a silent connection or socket instead of waiting for the function's
 * timeout; with the SDK's three attempts the worst case stays well inside 15 s. Every AWS request
 * the functions send uses them (the import worker's invocation too).
 */
export const REQUEST_TIMEOUTS = { connectionTimeout: 1_000, requestTimeout: 3_000 } as const;

export function documentClient(): DynamoDBDocumentClient {
  if (client) return client;
  const { DYNAMODB_ENDPOINT, AWS_REGION } = config();
  const base = new DynamoDBClient({
    region: AWS_REGION,
    requestHandler: REQUEST_TIMEOUTS,
    ...(DYNAMODB_ENDPOINT && {
      endpoint: DYNAMODB_ENDPOINT,
      // DynamoDB Local accepts any credentials; real ones come from the Lambda role.
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  });
  // the outermost step, so it sees what is left after the retry middleware's attempts; every read
  // and write of the process then answers a throttled, slow or unreachable database the same way.
  base.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        throw translateUnavailable(error);
      }
    },
    { step: 'initialize', name: 'unavailableTranslation' },
  );
  client = DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
  return client;
}

export function tableName(): string {
  return config().TABLE_NAME;
}
