/**
 * After a point-in-time restore, `deployment.restoredTableName` binds the stacks to the restored
 * table: the data stack stops creating one, and the API reads and writes the restored one by name.
 */
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { functions } from '../../functions/routes';
import { buildApp, type DistrictStacks } from '../../infra/app';
import { loadDistrictConfigs } from '../../infra/district-configs';
import { tableDefinition } from '../../shared/db/table-definition';
import {
  actionsOfRole,
  logicalIdOf,
  nagFindings,
  only,
  resourcesOf,
  WITHOUT_BUNDLING_OR_SCHEMA_CHECK,
} from './helpers';

const RESTORED = 'giao-ban-gia-loc-restored-2027-03-14';

const giaLoc = only(
  loadDistrictConfigs().filter((config) => config.district.id === 'gia-loc'),
  'gia-loc config',
);

let stacks: DistrictStacks;
let data: Template;
let api: Template;
let nag: string[];

beforeAll(() => {
  const built = buildApp({
    districtIds: ['gia-loc'],
    allowSamples: true,
    configs: [{ ...giaLoc, deployment: { ...giaLoc.deployment, restoredTableName: RESTORED } }],
    appProps: WITHOUT_BUNDLING_OR_SCHEMA_CHECK,
  });
  stacks = only(built.districts, 'district');
  data = Template.fromStack(stacks.data);
  api = Template.fromStack(stacks.api);
  nag = nagFindings(built.app);
});

/** The table's ARN as CloudFormation builds it in an environment-agnostic stack. */
function arnOf(suffix: string) {
  return {
    'Fn::Join': [
      '',
      [
        'arn:',
        { Ref: 'AWS::Partition' },
        ':dynamodb:',
        { Ref: 'AWS::Region' },
        ':',
        { Ref: 'AWS::AccountId' },
        `:table/${RESTORED}${suffix}`,
      ],
    ],
  };
}

describe('a district bound to a restored table', () => {
  it('creates no table in the data stack and names the restored one in its TableName output', () => {
    data.resourceCountIs('AWS::DynamoDB::GlobalTable', 0);
    data.resourceCountIs('AWS::DynamoDB::Table', 0);
    expect(data.findOutputs('TableName')).toEqual({ TableName: { Value: RESTORED } });
    // the user pool stays where it was.
    data.resourceCountIs('AWS::Cognito::UserPool', 1);
  });

  it('gives every function the restored table’s name and no import of a table export', () => {
    for (const [id, lambda] of Object.entries(resourcesOf(api, 'AWS::Lambda::Function'))) {
      const variables = (lambda.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(variables.TABLE_NAME, id).toBe(RESTORED);
    }
    const imports = JSON.stringify(api.toJSON()).match(/"Fn::ImportValue":"[^"]+"/g) ?? [];
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((value) => value.includes('Table'))).toEqual([]);
  });

  it('grants each function its declared access on the restored table and its indexes, by name', () => {
    const expectedResources = [
      arnOf(''),
      ...tableDefinition.globalIndexes.map((index) => arnOf(`/index/${index.indexName}`)),
    ];
    const { api: stack } = stacks;
    const handlers = {
      ...stack.httpFunctions,
      cycleOpener: stack.cycleOpener.opener,
      importWorker: stack.importWorker.worker,
    };
    for (const [name, handler] of Object.entries(handlers)) {
      const role = handler.function.role;
      if (role === undefined) throw new Error(`no role for ${name}`);
      const statements = Object.values(resourcesOf(api, 'AWS::IAM::Policy'))
        .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${logicalIdOf(role)}"`))
        .flatMap(
          (policy) =>
            (policy.Properties.PolicyDocument as { Statement: { Action: unknown; Resource: unknown }[] }).Statement,
        )
        .filter((statement) => JSON.stringify(statement.Action).includes('dynamodb:'));
      if (functions[name as keyof typeof functions].table === 'none') {
        expect(statements, name).toEqual([]);
        continue;
      }
      expect(only(statements, `${name} table statement`).Resource, name).toEqual(expectedResources);
      expect(actionsOfRole(api, logicalIdOf(role)), name).toContain('dynamodb:Query');
    }
  });

  it('watches the restored table in its alarms and stays cdk-nag clean', () => {
    for (const name of ['giao-ban-gia-loc-table-throttles', 'giao-ban-gia-loc-table-system-errors']) {
      const alarm = only(
        Object.values(resourcesOf(api, 'AWS::CloudWatch::Alarm')).filter((a) => a.Properties.AlarmName === name),
        name,
      );
      expect(JSON.stringify(alarm.Properties.Metrics), name).toContain(`{"Name":"TableName","Value":"${RESTORED}"}`);
    }
    expect(nag).toEqual([]);
  });
});
