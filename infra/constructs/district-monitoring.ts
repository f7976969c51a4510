/**
 * Alarms that reach someone: the district's SNS topic with the e-mail subscriptions of its
 * config, alarms on the API and the table, every alarm of the stack wired to the topic, and an
 * optional CloudWatch dashboard.
 */
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { type ITableV2, Operation } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { DeploymentSettings } from '../../shared/domain/structure/district-config';
import { alarmName } from './alarm-name';
import type { HandlerFunction } from './handler-function';
import type { RouteTableApi } from './route-table-api';
import type { ScheduledCycleOpener } from './scheduled-cycle-opener';

/** The table operations the code performs (`shared/db`): the throttle and system-error alarms watch these. */
export const TABLE_OPERATIONS = [Operation.GET_ITEM, Operation.QUERY, Operation.TRANSACT_WRITE_ITEMS] as const;

const PERIOD = Duration.minutes(5);

interface AlarmOptions {
  /** @default 1 */
  readonly threshold?: number;
  /** @default 1 */
  readonly evaluationPeriods?: number;
}

function tableThrottles(table: ITableV2): IMetric {
  return table.metricThrottledRequestsForOperations({ operations: [...TABLE_OPERATIONS], period: PERIOD });
}

function tableSystemErrors(table: ITableV2): IMetric {
  return table.metricSystemErrorsForOperations({ operations: [...TABLE_OPERATIONS], period: PERIOD });
}

export interface DistrictMonitoringProps {
  readonly districtId: string;
  readonly settings: Pick<DeploymentSettings, 'alarmEmails' | 'apiLatencyP99Ms' | 'dashboard'>;
  readonly api: RouteTableApi;
  readonly table: ITableV2;
  readonly functions: readonly HandlerFunction[];
  readonly cycleOpener: ScheduledCycleOpener;
  /** The user pool's trigger that puts the API scope into access tokens: when it fails, nobody can sign in. */
  readonly signInTrigger: IFunction;
}

/**
 * Create it last in its stack: it wires every alarm the stack holds at that moment to the topic
 * (and shows them on the dashboard), so nothing added before it can be forgotten.
 */
export class DistrictMonitoring extends Construct {
  readonly topic: Topic;
  readonly dashboard?: Dashboard;
  /** Every alarm of the stack, each with the topic as its alarm action. */
  readonly alarms: readonly Alarm[];

  constructor(scope: Construct, id: string, props: DistrictMonitoringProps) {
    super(scope, id);
    const { districtId, settings, api, table } = props;
    this.topic = this.alarmTopic(districtId, settings.alarmEmails);

    const alarm = (what: string, description: string, metric: IMetric, options: AlarmOptions = {}) =>
      new Alarm(this, what, {
        alarmName: alarmName(districtId, what),
        alarmDescription: `${description} (${districtId})`,
        metric,
        threshold: options.threshold ?? 1,
        evaluationPeriods: options.evaluationPeriods ?? 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
    alarm('api-5xx', 'API answered with a 5xx status', api.stage.metricServerError({ period: PERIOD }));
    alarm(
      'api-latency-p99',
      `API p99 latency at or above ${settings.apiLatencyP99Ms} ms`,
      api.stage.metricLatency({ period: PERIOD, statistic: 'p99' }),
      // two periods in a row: one cold start among a handful of requests is not an incident.
      { threshold: settings.apiLatencyP99Ms, evaluationPeriods: 2 },
    );
    alarm('table-throttles', 'DynamoDB throttled requests', tableThrottles(table));
    alarm('table-system-errors', 'DynamoDB system errors', tableSystemErrors(table));
    alarm(
      'sign-in-trigger-errors',
      'The token trigger of the user pool failed: officials cannot sign in',
      props.signInTrigger.metricErrors({ period: PERIOD }),
    );

    this.alarms = Stack.of(this)
      .node.findAll()
      .filter((construct): construct is Alarm => construct instanceof Alarm);
    const action = new SnsAction(this.topic);
    for (const alarm of this.alarms) alarm.addAlarmAction(action);

    if (settings.dashboard) this.dashboard = this.buildDashboard(props);
  }

  /**
   * A TLS-only topic with one e-mail subscription per address. Not encrypted at rest: CloudWatch
   * can only publish to an encrypted topic whose key policy grants it the key, which an AWS managed
   * key's policy cannot, and a customer managed key costs 1 USD a month, as much as the district's
   * traffic ten times over. What it would protect is an alarm's name, state and metric value (no
   * personal data, nothing of a request) for the moments before SNS e-mails it in clear anyway.
   */
  private alarmTopic(districtId: string, emails: readonly string[]): Topic {
    const topic = new Topic(this, 'Topic', {
      topicName: `giao-ban-${districtId}-alarms`,
      displayName: `giao-ban ${districtId}`,
      enforceSSL: true,
    });
    const { account, region, partition } = Stack.of(this);
    // the TLS policy replaces SNS's default one, so CloudWatch needs its own grant: this account's alarms only.
    topic.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
        conditions: {
          ArnLike: { 'aws:SourceArn': `arn:${partition}:cloudwatch:${region}:${account}:alarm:*` },
          StringEquals: { 'aws:SourceAccount': account },
        },
      }),
    );
    for (const email of emails) topic.addSubscription(new EmailSubscription(email));
    Validations.of(topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'Alarm notifications only (alarm name, state, metric value; no personal data), e-mailed in clear once ' +
        'published: a customer managed key CloudWatch could use would cost more than the district’s traffic, and ' +
        'an AWS managed key cannot be granted to CloudWatch. Publishing requires TLS (AwsSolutions-SNS3).',
    });
    Validations.of(topic).acknowledge({
      id: 'Serverless-SNSRedrivePolicy',
      reason:
        'Only e-mail subscriptions to alarm notifications: SNS retries e-mail delivery itself, and a dead-letter ' +
        'queue of undelivered alarms would be one more thing nobody reads; the alarms stay visible in CloudWatch.',
    });
    return topic;
  }

  private buildDashboard(props: DistrictMonitoringProps): Dashboard {
    const { districtId, api, table, functions, cycleOpener, settings } = props;
    const graph = (title: string, left: IMetric[], extra: Partial<ConstructorParameters<typeof GraphWidget>[0]> = {}) =>
      new GraphWidget({ title, left, width: 8, ...extra });
    const dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `giao-ban-${districtId}`,
      defaultInterval: Duration.days(7),
    });
    dashboard.addWidgets(
      new AlarmStatusWidget({ title: 'Alarms', alarms: [...this.alarms], width: 24 }),
      graph('API requests', [api.stage.metricCount({ period: PERIOD })]),
      graph('API errors', [
        api.stage.metricClientError({ period: PERIOD, label: '4xx' }),
        api.stage.metricServerError({ period: PERIOD, label: '5xx' }),
      ]),
      graph(
        'API latency',
        [
          api.stage.metricLatency({ period: PERIOD, statistic: 'p50', label: 'p50' }),
          api.stage.metricLatency({ period: PERIOD, statistic: 'p99', label: 'p99' }),
        ],
        { leftAnnotations: [{ value: settings.apiLatencyP99Ms, label: 'p99 alarm' }] },
      ),
      graph(
        'Function errors',
        functions.map((handler) => handler.function.metricErrors({ period: PERIOD, label: handler.node.id })),
      ),
      graph(
        'Function duration p99',
        functions.map((handler) =>
          handler.function.metricDuration({ period: PERIOD, statistic: 'p99', label: handler.node.id }),
        ),
      ),
      // one graph each: the two sums read metrics of the same operation names.
      graph('DynamoDB throttled requests', [tableThrottles(table)]),
      graph('DynamoDB system errors', [tableSystemErrors(table)]),
      graph('Opener dead letters', [
        cycleOpener.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum' }),
      ]),
    );
    return dashboard;
  }
}
