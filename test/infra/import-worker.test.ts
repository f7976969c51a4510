/**
 * The import worker: a function of its own with Lambda's longest timeout, invoked only by the
 * import function (which its configuration points at), retried into a dead-letter queue that an
 * alarm watches; the stack stays cdk-nag clean.
 */
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type DistrictStacks } from '../../infra/app';
import { loadDistrictConfigs } from '../../infra/district-configs';
import { actionsOfRole, logicalIdOf, nagFindings, only, WITHOUT_BUNDLING_OR_SCHEMA_CHECK } from './helpers';

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

  it('is named in the import function’s configuration, which alone may invoke it', () => {
    const importer = stacks.api.httpFunctions.proposalImport.function;
    const workerArn = { 'Fn::GetAtt': [logicalIdOf(stacks.api.importWorker.worker.function), 'Arn'] };

    api.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Checks and accepts files of old proposal records, and reports on their import',
      Environment: {
        Variables: Match.objectLike({
          IMPORT_WORKER_FUNCTION: { Ref: logicalIdOf(stacks.api.importWorker.worker.function) },
        }),
      },
    });
    expect(actionsOfRole(api, logicalIdOf(importer.role as never))).toContain('lambda:InvokeFunction');
    for (const [name, handler] of Object.entries(stacks.api.httpFunctions)) {
      if (name === 'proposalImport') continue;
      expect(actionsOfRole(api, logicalIdOf(handler.function.role as never)), name).not.toContain(
        'lambda:InvokeFunction',
      );
    }
    expect(JSON.stringify(api.toJSON())).toContain(JSON.stringify(workerArn));
  });

  it('leaves the stack cdk-nag clean', () => {
    expect(nag).toEqual([]);
  });
});
