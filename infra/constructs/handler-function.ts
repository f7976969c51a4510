/**
 * One Lambda function of the route table's `functions`: bundled with esbuild, given the runtime
 * configuration every handler parses (`shared/config.ts`) and exactly the table access it declares.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FunctionDefinition, TableAccess } from '../../functions/routes';
import type { configVariableNames } from '../../shared/config';
import { tableDefinition } from '../../shared/db/table-definition';
import { functionBundle } from './function-bundle';

/** The repository root: function entries in the route table are relative to it. */
const REPOSITORY_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Node.js 24 LTS, the version the code is developed and tested on (`.nvmrc`, `engines`). */
const FUNCTION_RUNTIME = Runtime.NODEJS_24_X;

type ConfigVariableName = (typeof configVariableNames)[number];

/**
 * The variables `shared/config.ts` parses, set here and nowhere else. Typed by
 * `configVariableNames`, so a new variable fails to compile until it is given a value.
 */
function configEnvironment(table: ITableV2, districtId: string): Record<ConfigVariableName, string> {
  return { TABLE_NAME: table.tableName, DISTRICT_ID: districtId };
}

/**
 * The table actions each access level needs, and no more: the code reads with GetItem and Query
 * and writes only through TransactWriteItems, whose items need Put/Update/Delete/ConditionCheck.
 * `grantReadData` would add Scan, which no request path may use.
 */
const tableActions: Record<TableAccess, readonly string[]> = {
  none: [],
  read: ['dynamodb:GetItem', 'dynamodb:Query'],
  'read-write': [
    'dynamodb:GetItem',
    'dynamodb:Query',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:ConditionCheckItem',
  ],
};

/**
 * Copies the package files a function reads at run time into `node_modules/` beside its bundle,
 * where Node's resolution finds them as it does in the repository.
 */
function packageFileCopies(files: readonly string[]) {
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir: string, outputDir: string) =>
      files.flatMap((file) => [
        `mkdir -p "${join(outputDir, 'node_modules', dirname(file))}"`,
        `cp "${join(inputDir, 'node_modules', file)}" "${join(outputDir, 'node_modules', file)}"`,
      ]),
  };
}

/**
 * Grants `access` on the table and on each of its indexes by name, not `<arn>/index/*`: no
 * wildcard to justify, and an index added to the table definition is granted with it.
 */
function grantTableAccess(access: TableAccess, table: ITableV2, role: Role): void {
  const actions = tableActions[access];
  if (actions.length === 0) return;
  const indexArns = tableDefinition.globalIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`);
  role.addToPrincipalPolicy(new PolicyStatement({ actions: [...actions], resources: [table.tableArn, ...indexArns] }));
}

export interface HandlerFunctionProps {
  /** The function's entry in the route table's `functions`. */
  readonly definition: FunctionDefinition;
  readonly table: ITableV2;
  readonly districtId: string;
  /**
   * @default Duration.seconds(15) - well under API Gateway's 29-second integration limit
   */
  readonly timeout?: Duration;
  /**
   * Where failed asynchronous invocations go.
   *
   * @default - none: the function is only invoked synchronously by API Gateway, where the
   * caller receives the error and a dead-letter queue would never receive anything
   */
  readonly deadLetterQueue?: IQueue;
}

/**
 * A bundled handler with its own log group and least-privilege role. No alarm of its own: each
 * alarm metric is billed, and what fails is seen elsewhere (district-monitoring.ts): an API
 * handler's failure as the API's 5xx, the opener's and the import worker's as dead letters.
 */
export class HandlerFunction extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: HandlerFunctionProps) {
    super(scope, id);
    const { definition, table, districtId } = props;
    const { charset, ...bundle } = functionBundle;

    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.THREE_MONTHS });
    // an own role instead of AWSLambdaBasicExecutionRole: it may write to this log group only.
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${definition.entry}`,
    });
    logGroup.grantWrite(role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: join(REPOSITORY_ROOT, definition.entry),
      handler: 'handler',
      projectRoot: REPOSITORY_ROOT,
      depsLockFilePath: join(REPOSITORY_ROOT, 'package-lock.json'),
      description: definition.description,
      runtime: FUNCTION_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: props.timeout ?? Duration.seconds(15),
      role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      tracing: Tracing.ACTIVE,
      deadLetterQueue: props.deadLetterQueue,
      environment: {
        ...configEnvironment(table, districtId),
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        format: OutputFormat.ESM,
        ...bundle,
        mainFields: [...bundle.mainFields],
        // as an esbuild argument: this aws-cdk-lib's NodejsFunction ignores its own `charset` option.
        esbuildArgs: { '--charset': charset },
        // a bundled SDK loads faster on cold start than the runtime's copy.
        bundleAwsSDK: true,
        commandHooks: packageFileCopies(definition.packageFiles ?? []),
      },
    });
    grantTableAccess(definition.table, table, role);

    this.acknowledgeFindings(props, role);
  }

  private acknowledgeFindings(props: HandlerFunctionProps, role: Role): void {
    if (props.deadLetterQueue === undefined) {
      Validations.of(this.function).acknowledge({
        id: 'Serverless-LambdaDLQ',
        reason:
          'Invoked only synchronously by API Gateway: the caller receives every error as a problem response, and a ' +
          'dead-letter queue only ever receives asynchronous events.',
      });
    }
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only the statement active X-Ray tracing adds (xray:PutTraceSegments, xray:PutTelemetryRecords): these ' +
        'actions support no resource-level permissions. Logs and table access are granted on named ARNs.',
    });
  }
}
