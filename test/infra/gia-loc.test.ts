/**
 * The sample district's stacks, built once through `buildApp` (bundling every handler with
 * esbuild) and inspected with CDK assertions and cdk-nag.
 */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { docsFileNames, docsPackageFiles } from '../../functions/docs/files';
import { functions, type HttpFunctionName, routeKeyOf, routes } from '../../functions/routes';
import { API_RESOURCE_SERVER, API_SCOPE, API_SCOPE_NAME } from '../../infra/api-scope';
import { buildApp, type GiaoBanApp } from '../../infra/app';
import { DEFAULT_ROUTE_THROTTLE } from '../../infra/constructs/route-table-api';
import { OPENER_DELIVERY_RETRY } from '../../infra/constructs/scheduled-cycle-opener';
import { tableDefinition } from '../../shared/db/table-definition';
import {
  AS_CDK_SYNTH,
  actionsOfRole,
  logicalIdOf,
  nagFindings,
  only,
  resourcesOf,
  validationReport,
  WITHOUT_BUNDLING_OR_SCHEMA_CHECK,
} from './helpers';

const WRITE_ACTIONS = [
  'dynamodb:*',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:PartiQLInsert',
  'dynamodb:PartiQLUpdate',
  'dynamodb:PartiQLDelete',
];

let built: GiaoBanApp;
let data: Template;
let api: Template;

beforeAll(() => {
  built = buildApp({ districtIds: ['gia-loc'], allowSamples: true, appProps: AS_CDK_SYNTH });
  const district = only(built.districts, 'district');
  data = Template.fromStack(district.data);
  api = Template.fromStack(district.api);
});

function district() {
  return only(built.districts, 'district');
}

describe('DataStack', () => {
  it('keeps the table: PITR, deletion protection, Retain, termination protection', () => {
    const table = only(Object.values(resourcesOf(data, 'AWS::DynamoDB::GlobalTable')), 'table');
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
    data.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      SSESpecification: { SSEEnabled: true },
      Replicas: [
        Match.objectLike({
          DeletionProtectionEnabled: true,
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        }),
      ],
    });
    expect(district().data.terminationProtection).toBe(true);
  });

  it('builds key schema and indexes from the table definition, all string keys, projection ALL', () => {
    const keySchema = (hash: string, range: string) => [
      { AttributeName: hash, KeyType: 'HASH' },
      { AttributeName: range, KeyType: 'RANGE' },
    ];
    const keyNames = [
      tableDefinition.partitionKey,
      tableDefinition.sortKey,
      ...tableDefinition.globalIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
    ];
    data.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: keySchema(tableDefinition.partitionKey, tableDefinition.sortKey),
      AttributeDefinitions: Match.arrayEquals(keyNames.map((name) => ({ AttributeName: name, AttributeType: 'S' }))),
      GlobalSecondaryIndexes: tableDefinition.globalIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: keySchema(index.partitionKey, index.sortKey),
        Projection: { ProjectionType: 'ALL' },
      })),
    });
  });

  it('lets DynamoDB expire idempotency keys by the definition’s TTL attribute', () => {
    data.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
    });
    expect(tableDefinition.timeToLiveAttribute).toBe('expiresAt');
  });
});

describe('ApiStack: HTTP API', () => {
  function authorizerId(): string {
    return only(Object.keys(resourcesOf(api, 'AWS::ApiGatewayV2::Authorizer')), 'authorizer');
  }

  it("has one JWT authorizer trusting the data stack's Cognito pool and its app client", () => {
    const { identity } = district().data;
    // The pool lives in the stateful stack: the API imports the client id and the issuer from its exports.
    const exportOf = (value: unknown) => {
      const [name] = Object.entries(data.findOutputs('*', { Value: value })).map(([, output]) => output.Export?.Name);
      return name;
    };
    const clientExport = exportOf({ Ref: logicalIdOf(identity.client) });
    const poolExport = exportOf({ Ref: logicalIdOf(identity.userPool) });
    expect(clientExport).toBeDefined();
    expect(poolExport).toBeDefined();
    api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ 'Fn::ImportValue': clientExport }],
        Issuer: {
          'Fn::Join': [
            '',
            ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { 'Fn::ImportValue': poolExport }],
          ],
        },
      },
    });
  });

  it('has exactly the route table plus $default', () => {
    const routeKeys = Object.values(resourcesOf(api, 'AWS::ApiGatewayV2::Route')).map(
      (route) => route.Properties.RouteKey,
    );
    expect(routeKeys).toHaveLength(routes.length + 1);
    expect(routeKeys.sort()).toEqual([...routes.map(routeKeyOf), '$default'].sort());
  });

  it('puts the JWT authorizer and the API scope on every route except the public ones (health, the API description and its page)', () => {
    const jwt = { AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId() }, AuthorizationScopes: [API_SCOPE] };
    const publicKeys = routes.filter((route) => route.access.kind === 'public').map(routeKeyOf);
    expect(publicKeys).toEqual([
      'GET /health',
      'GET /openapi.json',
      'GET /docs',
      ...docsFileNames.map((name) => `GET /docs/${name}`),
    ]);
    for (const route of Object.values(resourcesOf(api, 'AWS::ApiGatewayV2::Route'))) {
      const properties = route.Properties;
      if (publicKeys.includes(properties.RouteKey as string)) {
        expect(properties.AuthorizationType ?? 'NONE', String(properties.RouteKey)).toBe('NONE');
        expect(properties.AuthorizerId, String(properties.RouteKey)).toBeUndefined();
        expect(properties.AuthorizationScopes, String(properties.RouteKey)).toBeUndefined();
      } else {
        expect(properties, String(properties.RouteKey)).toMatchObject(jwt);
      }
    }
  });

  it('sends each route to the function the route table names, and $default to system', () => {
    const stack = district().api;
    const functionOfIntegration = new Map(
      Object.entries(resourcesOf(api, 'AWS::ApiGatewayV2::Integration')).map(([id, integration]) => [
        id,
        (integration.Properties.IntegrationUri as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0],
      ]),
    );
    const expected = new Map([
      ...routes.map((route) => [routeKeyOf(route), logicalIdOf(stack.httpFunctions[route.fn].function)] as const),
      ['$default', logicalIdOf(stack.httpFunctions.system.function)] as const,
    ]);
    for (const route of Object.values(resourcesOf(api, 'AWS::ApiGatewayV2::Route'))) {
      const target = route.Properties.Target as { 'Fn::Join': [string, [string, { Ref: string }]] };
      const integrationId = target['Fn::Join'][1][1].Ref;
      expect(functionOfIntegration.get(integrationId), String(route.Properties.RouteKey)).toBe(
        expected.get(route.Properties.RouteKey as string),
      );
    }
  });

  it('logs every request as JSON to a log group with retention, and throttles the default route', () => {
    const stage = only(Object.values(resourcesOf(api, 'AWS::ApiGatewayV2::Stage')), 'stage').Properties;
    expect(stage).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: {
        ThrottlingRateLimit: DEFAULT_ROUTE_THROTTLE.rateLimit,
        ThrottlingBurstLimit: DEFAULT_ROUTE_THROTTLE.burstLimit,
      },
    });
    const settings = stage.AccessLogSettings as { DestinationArn: { 'Fn::GetAtt': [string, string] }; Format: string };
    expect(JSON.parse(settings.Format)).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
    const [logGroupId] = settings.DestinationArn['Fn::GetAtt'];
    expect(resourcesOf(api, 'AWS::Logs::LogGroup')[logGroupId]?.Properties.RetentionInDays).toBeGreaterThan(0);
  });

  it('keeps the Cognito pool in the data stack: admin-created accounts, required TOTP MFA, strong passwords', () => {
    api.resourceCountIs('AWS::Cognito::UserPool', 0);
    data.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      DeletionProtection: 'ACTIVE',
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
    });
    data.hasResourceProperties('AWS::Cognito::UserPoolClient', { GenerateSecret: false });
  });

  it('defines the API scope on the pool and adds it to every access token with a version 2 trigger', async () => {
    const { identity } = district().data;
    data.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      UserPoolId: { Ref: logicalIdOf(identity.userPool) },
      Identifier: API_RESOURCE_SERVER,
      Scopes: [Match.objectLike({ ScopeName: API_SCOPE_NAME })],
    });
    const triggerId = logicalIdOf(identity.apiScope.trigger);
    data.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: {
        PreTokenGenerationConfig: { LambdaArn: { 'Fn::GetAtt': [triggerId, 'Arn'] }, LambdaVersion: 'V2_0' },
      },
    });
    // run the trigger's deployed source on an event of the shape Cognito sends
    const trigger = resourcesOf(data, 'AWS::Lambda::Function')[triggerId];
    const source = (trigger?.Properties.Code as { ZipFile?: string } | undefined)?.ZipFile ?? '';
    const module = { exports: {} as { handler?: (event: object) => Promise<unknown> } };
    runInNewContext(source, { exports: module.exports });
    const event = { triggerSource: 'TokenGeneration_Authentication', request: {}, response: {} };
    await expect(module.exports.handler?.(event)).resolves.toMatchObject({
      response: { claimsAndScopeOverrideDetails: { accessTokenGeneration: { scopesToAdd: [API_SCOPE] } } },
    });
  });
});

describe('ApiStack: functions', () => {
  it('creates one function per route-table entry: nodejs24.x, arm64, memory, timeout, tracing, config env', () => {
    const lambdas = Object.values(resourcesOf(api, 'AWS::Lambda::Function'));
    expect(lambdas).toHaveLength(Object.keys(functions).length);
    const logGroups = resourcesOf(api, 'AWS::Logs::LogGroup');
    for (const lambda of lambdas) {
      const properties = lambda.Properties;
      expect(properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        MemorySize: expect.any(Number),
        Timeout: expect.any(Number),
        TracingConfig: { Mode: 'Active' },
        Environment: {
          Variables: {
            TABLE_NAME: { 'Fn::ImportValue': expect.stringMatching(/^GiaoBan-gia-loc-Data:/) },
            DISTRICT_ID: 'gia-loc',
            NODE_OPTIONS: '--enable-source-maps',
          },
        },
      });
      const logGroupId = (properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
      expect(logGroups[logGroupId]?.Properties.RetentionInDays).toBeGreaterThan(0);
    }
  });

  it('grants each function exactly its declared table access', () => {
    const stack = district().api;
    const roles: Record<string, IRole | undefined> = {
      ...Object.fromEntries(
        Object.entries(stack.httpFunctions).map(([name, handler]) => [name, handler.function.role]),
      ),
      cycleOpener: stack.cycleOpener.opener.function.role,
      importWorker: stack.importWorker.worker.function.role,
    };
    for (const [name, definition] of Object.entries(functions)) {
      const role = roles[name];
      if (role === undefined) throw new Error(`no role for ${name}`);
      const dynamoActions = actionsOfRole(api, logicalIdOf(role)).filter((action) => action.startsWith('dynamodb:'));
      if (definition.table === 'none') expect(dynamoActions, name).toEqual([]);
      if (definition.table === 'read') {
        expect(dynamoActions, name).toContain('dynamodb:Query');
        expect(
          dynamoActions.filter((action) => WRITE_ACTIONS.includes(action)),
          name,
        ).toEqual([]);
      }
      if (definition.table === 'read-write') expect(dynamoActions, name).toContain('dynamodb:PutItem');
    }
    expect(functions.system.table).toBe('none');
    expect(functions.docs.table).toBe('none');
  });

  it('bundles the docs function with the Swagger UI files it serves, and no other function with them', () => {
    const assetOf = (name: HttpFunctionName) => {
      const lambda = only(
        Object.entries(resourcesOf(api, 'AWS::Lambda::Function'))
          .filter(([id]) => id === logicalIdOf(district().api.httpFunctions[name].function))
          .map(([, resource]) => resource),
        `${name} function`,
      );
      const key = (lambda.Properties.Code as { S3Key: string }).S3Key;
      return join(built.app.assetOutdir, `asset.${key.replace(/\.zip$/, '')}`);
    };
    for (const file of docsPackageFiles) {
      expect(existsSync(join(assetOf('docs'), 'node_modules', file)), file).toBe(true);
    }
    expect(existsSync(join(assetOf('system'), 'node_modules'))).toBe(false);
  });
});

describe('ApiStack: scheduled cycle opener', () => {
  it('runs monthly at the configured time in Asia/Ho_Chi_Minh with retries and a dead-letter queue', () => {
    const { cycleOpener } = district().api;
    const { dayOfMonth, hour, minute } = district().config.deployment.cycleOpener;
    api.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: `cron(${minute} ${hour} ${dayOfMonth} * ? *)`,
      ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
      State: 'ENABLED',
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [logicalIdOf(cycleOpener.opener.function), 'Arn'] },
        Input: JSON.stringify({ scheduledTime: '<aws.scheduler.scheduled-time>' }),
        RetryPolicy: {
          MaximumRetryAttempts: OPENER_DELIVERY_RETRY.retryAttempts,
          MaximumEventAgeInSeconds: OPENER_DELIVERY_RETRY.maxEventAge.toSeconds(),
        },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalIdOf(cycleOpener.deadLetterQueue), 'Arn'] } },
      }),
    });
  });

  it('dead-letters failed asynchronous invocations of the opener into the same encrypted, TLS-only queue', () => {
    const { cycleOpener } = district().api;
    const queueId = logicalIdOf(cycleOpener.deadLetterQueue);
    api.hasResourceProperties('AWS::Lambda::Function', {
      Description: functions.cycleOpener.description,
      DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
    });
    api.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    api.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('alarms on schedule failures, on the dead-letter queues and on the token trigger’s errors, not per function', () => {
    const alarms = Object.values(resourcesOf(api, 'AWS::CloudWatch::Alarm')).map((alarm) => JSON.stringify(alarm));
    const scheduleAlarms = alarms.filter((alarm) => alarm.includes('"Namespace":"AWS/Scheduler"'));
    expect(only(scheduleAlarms, 'schedule failure alarm')).toMatch(/"Name":"ScheduleGroup"/);
    // the opener's and the import worker's.
    expect(alarms.filter((alarm) => alarm.includes('ApproximateNumberOfMessagesVisible'))).toHaveLength(2);
    // an API function's failure is the API's 5xx (alarms.test.ts); each alarm metric is billed.
    const errorAlarms = alarms.filter((alarm) => alarm.includes('"MetricName":"Errors"'));
    expect(only(errorAlarms, 'errors alarm')).toContain('sign-in-trigger-errors');
  });
});

describe('cdk-nag (AwsSolutions, Serverless)', () => {
  it('reports no unacknowledged finding, error or warning', () => {
    expect(nagFindings(built.app)).toEqual([]);
  });

  it('leaves nothing in the validation report synthesis writes', () => {
    expect(validationReport(built.app).pluginReports).toEqual([]);
  });

  it('is wired into synthesis: an unacknowledged finding fails the synth', () => {
    const broken = buildApp({
      districtIds: ['gia-loc'],
      allowSamples: true,
      appProps: WITHOUT_BUNDLING_OR_SCHEMA_CHECK,
    });
    new Queue(only(broken.districts, 'district').api, 'PlainQueue', { encryption: QueueEncryption.UNENCRYPTED });
    expect(nagFindings(broken.app)).toEqual(expect.arrayContaining([expect.stringContaining('AwsSolutions-SQS')]));
    expect(() => broken.app.synth()).toThrow(/AwsSolutions-SQS/);
  });
});
