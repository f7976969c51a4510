/**
 * Alarms that reach someone: the district's topic and its e-mail subscriptions, every alarm wired
 * to it and named for the district, the alarms the config asks for, and the optional dashboard.
 */
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type DistrictStacks } from '../../infra/app';
import { OPENING_CHECK_DELAY_DAYS } from '../../infra/constructs/scheduled-cycle-opener';
import { loadDistrictConfigs } from '../../infra/district-configs';
import type { DistrictConfig } from '../../shared/domain/structure/district-config';
import { METRICS_NAMESPACE, MONTH_NOT_OPEN_METRIC } from '../../shared/observability/metrics';
import { logicalIdOf, nagFindings, only, resourcesOf, WITHOUT_BUNDLING_OR_SCHEMA_CHECK } from './helpers';

const giaLoc = only(
  loadDistrictConfigs().filter((config) => config.district.id === 'gia-loc'),
  'gia-loc config',
);

interface BuiltDistrict {
  readonly stacks: DistrictStacks;
  readonly api: Template;
  readonly data: Template;
  readonly nag: readonly string[];
}

/** The district built alone from `config`, without bundling. */
function build(config: DistrictConfig): BuiltDistrict {
  const built = buildApp({
    districtIds: [config.district.id],
    allowSamples: true,
    configs: [config],
    appProps: WITHOUT_BUNDLING_OR_SCHEMA_CHECK,
  });
  const stacks = only(built.districts, 'district');
  return {
    stacks,
    api: Template.fromStack(stacks.api),
    data: Template.fromStack(stacks.data),
    nag: nagFindings(built.app),
  };
}

function withDeployment(changes: Partial<DistrictConfig['deployment']>): DistrictConfig {
  return { ...giaLoc, deployment: { ...giaLoc.deployment, ...changes } };
}

let district: BuiltDistrict;
let alarms: Record<string, Record<string, unknown>>;

beforeAll(() => {
  district = build(giaLoc);
  alarms = Object.fromEntries(
    Object.entries(resourcesOf(district.api, 'AWS::CloudWatch::Alarm')).map(([id, alarm]) => [id, alarm.Properties]),
  );
});

function alarmNamed(suffix: string): Record<string, unknown> {
  return only(
    Object.values(alarms).filter((alarm) => alarm.AlarmName === `giao-ban-gia-loc-${suffix}`),
    `alarm ${suffix}`,
  );
}

describe('the alarm topic', () => {
  it('subscribes every address of deployment.alarmEmails by e-mail', () => {
    const topicId = logicalIdOf(district.stacks.api.monitoring.topic);
    const subscriptions = Object.values(resourcesOf(district.api, 'AWS::SNS::Subscription')).map(
      (subscription) => subscription.Properties,
    );
    expect(subscriptions).toEqual(
      giaLoc.deployment.alarmEmails.map((email) => ({
        Protocol: 'email',
        Endpoint: email,
        TopicArn: { Ref: topicId },
      })),
    );
  });

  it('refuses plain HTTP and lets only this account’s alarms publish; unencrypted, with the reason given', () => {
    const template = district.api;
    const topicId = logicalIdOf(district.stacks.api.monitoring.topic);
    template.hasResourceProperties('AWS::SNS::Topic', {
      TopicName: 'giao-ban-gia-loc-alarms',
      KmsMasterKeyId: Match.absent(),
    });
    // a key CloudWatch could use costs 1 USD a month: none, and cdk-nag's finding acknowledged, not hidden.
    template.resourceCountIs('AWS::KMS::Key', 0);
    expect(district.nag).toEqual([]);
    expect(JSON.stringify(district.stacks.api.monitoring.topic.node.metadata)).toContain('AwsSolutions-SNS2');
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
            Condition: Match.objectLike({ StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } }),
          }),
        ]),
      },
    });
  });
});

describe('the alarms', () => {
  it('every one notifies the topic and carries the district in its name', () => {
    const topicRef = { Ref: logicalIdOf(district.stacks.api.monitoring.topic) };
    // each alarm metric is billed: the API's answers stand for every handler, dead letters for the async functions.
    expect(Object.values(alarms).map((alarm) => alarm.AlarmName)).toEqual(
      expect.arrayContaining(
        [
          'api-5xx',
          'api-latency-p99',
          'table-throttles',
          'table-system-errors',
          'sign-in-trigger-errors',
          'opener-schedule-failures',
          'opener-dead-letters',
          'month-not-open',
          'import-dead-letters',
        ].map((suffix) => `giao-ban-gia-loc-${suffix}`),
      ),
    );
    expect(Object.keys(alarms)).toHaveLength(9);
    for (const [id, alarm] of Object.entries(alarms)) {
      expect(alarm.AlarmActions, id).toEqual([topicRef]);
      expect(alarm.AlarmName, id).toMatch(/^giao-ban-gia-loc-/);
    }
    expect(district.stacks.api.monitoring.alarms).toHaveLength(Object.keys(alarms).length);
  });

  it('watch the API’s 5xx answers and its p99 latency against the configured threshold', () => {
    expect(alarmNamed('api-5xx')).toMatchObject({ Namespace: 'AWS/ApiGateway', MetricName: '5xx', Threshold: 1 });
    expect(alarmNamed('api-latency-p99')).toMatchObject({
      Namespace: 'AWS/ApiGateway',
      MetricName: 'Latency',
      ExtendedStatistic: 'p99',
      Threshold: giaLoc.deployment.apiLatencyP99Ms,
    });
    const faster = build(withDeployment({ apiLatencyP99Ms: 800 }));
    faster.api.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'giao-ban-gia-loc-api-latency-p99',
      Threshold: 800,
    });
  });

  it('watch DynamoDB throttles and system errors of every operation the code performs', () => {
    for (const [suffix, metricName] of [
      ['table-throttles', 'ThrottledRequests'],
      ['table-system-errors', 'SystemErrors'],
    ]) {
      const metrics = JSON.stringify(alarmNamed(suffix as string).Metrics);
      for (const operation of ['GetItem', 'Query', 'TransactWriteItems']) {
        expect(metrics, `${suffix} ${operation}`).toContain(`{"Name":"Operation","Value":"${operation}"}`);
      }
      expect(metrics).toContain(`"MetricName":"${metricName}"`);
    }
  });

  it('watch the user pool’s token trigger, without which nobody can sign in', () => {
    expect(alarmNamed('sign-in-trigger-errors')).toMatchObject({
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Threshold: 1,
      Dimensions: [{ Name: 'FunctionName', Value: expect.anything() }],
    });
  });

  it('watch the opener’s dead letters and a month still not open the day after its opening', () => {
    expect(alarmNamed('opener-dead-letters')).toMatchObject({
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [
        {
          Name: 'QueueName',
          Value: { 'Fn::GetAtt': [logicalIdOf(district.stacks.api.cycleOpener.deadLetterQueue), 'QueueName'] },
        },
      ],
    });
    expect(alarmNamed('month-not-open')).toMatchObject({
      Namespace: METRICS_NAMESPACE,
      MetricName: MONTH_NOT_OPEN_METRIC,
      Dimensions: [{ Name: 'District', Value: 'gia-loc' }],
      Threshold: 1,
    });
  });

  it('get their check from a second schedule the day after the opening, flagged check: true', () => {
    const { dayOfMonth, hour, minute } = giaLoc.deployment.cycleOpener;
    district.api.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: `cron(${minute} ${hour} ${dayOfMonth + OPENING_CHECK_DELAY_DAYS} * ? *)`,
      ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [logicalIdOf(district.stacks.api.cycleOpener.opener.function), 'Arn'] },
        Input: JSON.stringify({ scheduledTime: '<aws.scheduler.scheduled-time>', check: true }),
      }),
    });
  });
});

describe('names', () => {
  it('the API carries the district id (the user pool: identity.test.ts)', () => {
    district.api.hasResourceProperties('AWS::ApiGatewayV2::Api', { Name: 'giao-ban-gia-loc' });
  });
});

describe('the dashboard', () => {
  it('exists, named for the district, when the config switches it on', () => {
    const on = build(withDeployment({ dashboard: true }));
    on.api.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    on.api.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'giao-ban-gia-loc' });
    expect(on.nag).toEqual([]);
  });

  it('does not exist when the config leaves it off', () => {
    const off = build(withDeployment({ dashboard: false }));
    off.api.resourceCountIs('AWS::CloudWatch::Dashboard', 0);
    expect(off.stacks.api.monitoring.dashboard).toBeUndefined();
    expect(off.nag).toEqual([]);
  });
});
