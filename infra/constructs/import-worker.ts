/**
 * The import worker: writes the records of an accepted import (`POST /imports/proposals`, a large
 * `PUT /structure`), invoked asynchronously by the function that accepted it, with up to 15 minutes, far beyond what an HTTP request
 * may take. Lambda retries a failed invocation twice (the job carries on where it stopped); what
 * still fails lands in a dead-letter queue, and an alarm says so.
 */
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FunctionDefinition } from '../../functions/routes';
import { deadLetterAlarm, deadLetterQueue } from './dead-letters';
import { HandlerFunction } from './handler-function';

/** The environment variable that tells the import function which worker to invoke (`shared/config.ts`). */
const WORKER_VARIABLE = 'IMPORT_WORKER_FUNCTION';

export interface ImportWorkerProps {
  /** The worker's entry in the route table's `functions`. */
  readonly definition: FunctionDefinition;
  readonly table: ITableV2;
  readonly districtId: string;
}

export class ImportWorker extends Construct {
  readonly worker: HandlerFunction;
  readonly deadLetterQueue: Queue;
  /** Fires when an import is parked in the dead-letter queue and needs a person. */
  readonly deadLetterAlarm: Alarm;

  constructor(scope: Construct, id: string, props: ImportWorkerProps) {
    super(scope, id);
    this.deadLetterQueue = deadLetterQueue(this, 'the import worker’s asynchronous invocations');
    this.worker = new HandlerFunction(this, 'Worker', {
      definition: props.definition,
      table: props.table,
      districtId: props.districtId,
      // Lambda's longest: 20,000 rows write about a million units on a cold on-demand table.
      timeout: Duration.minutes(15),
      deadLetterQueue: this.deadLetterQueue,
    });
    this.deadLetterAlarm = deadLetterAlarm(this, this.deadLetterQueue, {
      districtId: props.districtId,
      name: 'import-dead-letters',
      description: `Import worker of ${props.districtId}: an import failed every attempt and waits in the dead-letter queue`,
    });
  }

  /** Lets `starter` start jobs: it may invoke the worker, and its configuration names it. */
  grantStart(starter: HandlerFunction): void {
    this.worker.function.grantInvoke(starter.function);
    starter.function.addEnvironment(WORKER_VARIABLE, this.worker.function.functionName);
    const workerLogicalId: string = Stack.of(this).resolve(
      (this.worker.function.node.defaultChild as CfnFunction).logicalId,
    );
    const role = starter.function.role;
    if (role) {
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${workerLogicalId}.Arn>:*]`,
        reason:
          'lambda:InvokeFunction on the import worker and its versions (grantInvoke adds "<arn>:*"); no other ' +
          'function is reachable.',
      });
    }
  }
}
