/**
 * Opens each month's cycle on schedule: an EventBridge Scheduler schedule in Vietnam time invokes
 * the opener; whatever cannot be delivered or fails every retry lands in one dead-letter queue, and
 * alarms say so. A second schedule, a day later, checks that the month is open.
 */
import { Duration, RemovalPolicy, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, MathExpression, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import {
  ContextAttribute,
  Schedule,
  ScheduleExpression,
  ScheduleGroup,
  ScheduleTargetInput,
} from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FunctionDefinition } from '../../functions/routes';
import type { DeploymentSettings } from '../../shared/domain/structure/district-config';
import { DISTRICT_DIMENSION, METRICS_NAMESPACE, MONTH_NOT_OPEN_METRIC } from '../../shared/observability/metrics';
import { alarmName } from './alarm-name';
import { deadLetterAlarm, deadLetterQueue } from './dead-letters';
import { HandlerFunction } from './handler-function';

/** The check runs this many days after the opening, at the same time of day. */
export const OPENING_CHECK_DELAY_DAYS = 1;

/** How often the scheduler retries an invocation it could not deliver, and for how long. */
export const OPENER_DELIVERY_RETRY = { retryAttempts: 5, maxEventAge: Duration.hours(6) } as const;

export interface ScheduledCycleOpenerProps {
  /** The opener's entry in the route table's `functions`. */
  readonly definition: FunctionDefinition;
  readonly table: ITableV2;
  readonly districtId: string;
  /** When the cycle opens each month, in Asia/Ho_Chi_Minh time. */
  readonly openAt: DeploymentSettings['cycleOpener'];
}

/** The opener function, its monthly schedule, their dead-letter queue and the alarms on them. */
export class ScheduledCycleOpener extends Construct {
  readonly opener: HandlerFunction;
  readonly schedule: Schedule;
  /** The day-after check (`check: true`): reports a month that is still not open, then opens it if it can. */
  readonly checkSchedule: Schedule;
  readonly deadLetterQueue: Queue;
  /** Fires when the scheduler fails to invoke the opener, drops an invocation or cannot dead-letter it. */
  readonly scheduleFailuresAlarm: Alarm;
  /** Fires when an opening is parked in the dead-letter queue and needs a person. */
  readonly deadLetterAlarm: Alarm;
  /** Fires when the day-after check finds the month not open. */
  readonly monthNotOpenAlarm: Alarm;

  constructor(scope: Construct, id: string, props: ScheduledCycleOpenerProps) {
    super(scope, id);
    const { openAt, districtId } = props;

    this.deadLetterQueue = deadLetterQueue(this, 'the cycle opener (schedule deliveries and asynchronous invocations)');

    // the scheduler invokes asynchronously: after Lambda's own retries (two, within six hours by
    // default) a failing opening lands in the same queue as one the scheduler could not deliver.
    this.opener = new HandlerFunction(this, 'Opener', {
      definition: props.definition,
      table: props.table,
      districtId,
      timeout: Duration.minutes(1),
      deadLetterQueue: this.deadLetterQueue,
    });

    // its own group gives the metrics a dimension of this district alone, even when a province
    // deploys many districts into one account.
    const group = new ScheduleGroup(this, 'ScheduleGroup', { removalPolicy: RemovalPolicy.DESTROY });
    const schedulerRole = this.schedulerRole(group);
    const monthly = (scheduleId: string, description: string, day: number, input: Record<string, unknown>) =>
      new Schedule(this, scheduleId, {
        description,
        scheduleGroup: group,
        schedule: ScheduleExpression.cron({
          day: String(day),
          hour: String(openAt.hour),
          minute: String(openAt.minute),
          timeZone: TimeZone.ASIA_HO_CHI_MINH,
        }),
        target: new LambdaInvoke(this.opener.function, {
          // the opener keys its idempotency on the scheduled month, which every retry repeats.
          input: ScheduleTargetInput.fromObject({ scheduledTime: ContextAttribute.scheduledTime, ...input }),
          deadLetterQueue: this.deadLetterQueue,
          role: schedulerRole,
          ...OPENER_DELIVERY_RETRY,
        }),
      });
    this.schedule = monthly('Schedule', `Opens the monthly briefing cycle of ${districtId}`, openAt.dayOfMonth, {});
    // a day later every retry of the opening is spent: the check reports a month still not open.
    this.checkSchedule = monthly(
      'CheckSchedule',
      `Checks that the monthly briefing cycle of ${districtId} is open`,
      openAt.dayOfMonth + OPENING_CHECK_DELAY_DAYS,
      { check: true },
    );

    const functionLogicalId: string = Stack.of(this).resolve(
      (this.opener.function.node.defaultChild as CfnFunction).logicalId,
    );
    Validations.of(schedulerRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${functionLogicalId}.Arn>:*]`,
      reason:
        'lambda:InvokeFunction on the opener and its versions (grantInvoke adds "<arn>:*"); no other function is ' +
        'reachable, and the role trusts only schedules in this account and schedule group.',
    });

    const period = Duration.minutes(5);
    this.scheduleFailuresAlarm = new Alarm(this, 'ScheduleFailuresAlarm', {
      alarmName: alarmName(districtId, 'opener-schedule-failures'),
      alarmDescription: `Cycle opener of ${districtId}: the schedule failed to invoke it, dropped or could not dead-letter an invocation`,
      metric: new MathExpression({
        expression: 'errors + dropped + undeliverable',
        usingMetrics: {
          errors: group.metricTargetErrors({ period }),
          dropped: group.metricDropped({ period }),
          undeliverable: group.metricFailedToBeSentToDLQ(undefined, { period }),
        },
        period,
        label: 'Schedule failures',
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.deadLetterAlarm = deadLetterAlarm(this, this.deadLetterQueue, {
      districtId,
      name: 'opener-dead-letters',
      description: `Cycle opener of ${districtId}: an opening or its check is waiting in the dead-letter queue`,
    });
    this.monthNotOpenAlarm = new Alarm(this, 'MonthNotOpenAlarm', {
      alarmName: alarmName(districtId, 'month-not-open'),
      alarmDescription: `Cycle opener of ${districtId}: the month was not open the day after its scheduled opening`,
      metric: new Metric({
        namespace: METRICS_NAMESPACE,
        metricName: MONTH_NOT_OPEN_METRIC,
        dimensionsMap: { [DISTRICT_DIMENSION]: districtId },
        statistic: 'Maximum',
        period: Duration.hours(1),
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // the check reports once a month; the hours in between say nothing.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }

  /** The role the scheduler assumes: only this account's schedules in this group may use it (confused deputy). */
  private schedulerRole(group: ScheduleGroup): Role {
    return new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': Stack.of(this).account, 'aws:SourceArn': group.scheduleGroupArn },
        },
      }),
      description: 'Lets EventBridge Scheduler invoke the cycle opener and dead-letter what it cannot deliver',
    });
  }
}
