/**
 * A dead-letter queue for a function's asynchronous invocations, and the alarm that says a message
 * waits there for a person: the cycle opener and the import worker park what failed every attempt
 * the same way.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { alarmName } from './alarm-name';

/** The queue `DeadLetterQueue` in `scope`, for what `whose` could not finish. */
export function deadLetterQueue(scope: Construct, whose: string): Queue {
  const queue = new Queue(scope, 'DeadLetterQueue', {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  Validations.of(queue).acknowledge({
    id: 'Serverless-SQSRedrivePolicy',
    reason: `This queue is itself the dead-letter queue of ${whose}; a further redrive would only move the same messages elsewhere.`,
  });
  return queue;
}

/** The alarm `DeadLetterAlarm` in `scope`: at least one message visible in `queue` over five minutes. */
export function deadLetterAlarm(
  scope: Construct,
  queue: Queue,
  alarm: { readonly districtId: string; readonly name: string; readonly description: string },
): Alarm {
  return new Alarm(scope, 'DeadLetterAlarm', {
    alarmName: alarmName(alarm.districtId, alarm.name),
    alarmDescription: alarm.description,
    metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
}
