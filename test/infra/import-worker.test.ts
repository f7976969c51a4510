/**
 * The import worker: a function of its own with Lambda's longest timeout, invoked only by the
 * functions that accept import jobs (old records; large structure files), whose configuration
 * points at it, retried into a dead-letter queue that an
 * alarm watches; the stack stays cdk-nag clean.
 */
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type DistrictStacks } from '../../infra/app';
import { loadDistrictConfigs } from '../../infra/district-configs';
import {
  actionsOfRole,
  logicalIdOf,
  nagFindings,
  only,
  resourcesOf,
  WITHOUT_BUNDLING_OR_SCHEMA_CHECK,
} from './helpers';

interface Statement {
  Action: unknown;
  Resource: unknown;
}

let stacks: DistrictStacks;
let api: Template;
let nag: readonly string[];

beforeAll(() => {
  const config = only(
    loadDistrictConfigs().filter((c) => c.district.id === 'gia-loc'),
    'gia-loc config',
  );
  const built = buildApp({
    districtIds: ['gia-loc'],
    allowSamples: true,
    configs: [config],
    appProps: WITHOUT_BUNDLING_OR_SCHEMA_CHECK,
  });
  stacks = only(built.districts, 'district');
  api = Template.fromStack(stacks.api);
  nag = nagFindings(built.app);
});

describe('the import worker', () => {
  it('runs for up to 15 minutes, dead-lettering what fails every retry', () => {
    const { worker, deadLetterQueue } = stacks.api.importWorker;

    api.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      Timeout: 900,
      DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': [logicalIdOf(deadLetterQueue), 'Arn'] } },
      Description: 'Writes the records of an accepted import',
    });
    expect(logicalIdOf(worker.function)).toMatch(/ImportWorker/);
    api.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'giao-ban-gia-loc-import-dead-letters',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalIdOf(deadLetterQueue), 'QueueName'] } }],
    });
  });

  it('is named in the configuration of the functions accepting jobs, which alone may invoke it', () => {
    const workerArn = { 'Fn::GetAtt': [logicalIdOf(stacks.api.importWorker.worker.function), 'Arn'] };
    const starters = ['proposalImport', 'structureWrite'] as const;

    for (const name of starters) {
      const starter = stacks.api.httpFunctions[name].function;
      const variables =
        api.findResources('AWS::Lambda::Function')[logicalIdOf(starter)]?.Properties?.Environment?.Variables;
      expect(variables?.IMPORT_WORKER_FUNCTION, name).toEqual({
        Ref: logicalIdOf(stacks.api.importWorker.worker.function),
      });
      expect(actionsOfRole(api, logicalIdOf(starter.role as never)), name).toContain('lambda:InvokeFunction');
    }
    for (const [name, handler] of Object.entries(stacks.api.httpFunctions)) {
      if ((starters as readonly string[]).includes(name)) continue;
      expect(actionsOfRole(api, logicalIdOf(handler.function.role as never)), name).not.toContain(
        'lambda:InvokeFunction',
      );
    }
    expect(JSON.stringify(api.toJSON())).toContain(JSON.stringify(workerArn));
  });

  it('lets the structure writer invoke the worker and no other function', () => {
    const role = logicalIdOf(stacks.api.httpFunctions.structureWrite.function.role as never);
    const invokes = Object.values(resourcesOf(api, 'AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties?.Roles).includes(`"${role}"`))
      .flatMap(
        (policy) => (policy.Properties?.PolicyDocument as { Statement: Statement[] } | undefined)?.Statement ?? [],
      )
      .filter((statement) => JSON.stringify(statement.Action).includes('lambda:'));
    const worker = logicalIdOf(stacks.api.importWorker.worker.function);

    expect(invokes.map((statement) => statement.Action)).toEqual(['lambda:InvokeFunction']);
    const resources = [invokes[0]?.Resource].flat();
    expect(resources.length).toBeGreaterThan(0);
    for (const resource of resources) expect(JSON.stringify(resource)).toContain(`"${worker}"`);
  });

  it('leaves the stack cdk-nag clean', () => {
    expect(nag).toEqual([]);
  });
});
