/** `-c district=all`: one data and one API stack per district file, each named and tagged for its district. */
import { readdirSync } from 'node:fs';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type GiaoBanApp } from '../../infra/app';
import { DISTRICTS_DIRECTORY } from '../../infra/district-configs';
import { nagFindings, WITHOUT_BUNDLING_OR_SCHEMA_CHECK } from './helpers';

const districtFiles = readdirSync(DISTRICTS_DIRECTORY).filter((name) => name.endsWith('.json'));

let built: GiaoBanApp;

beforeAll(() => {
  // the repository holds only sample districts, so `all` needs allowSamples to build any.
  built = buildApp({ districtIds: ['all'], allowSamples: true, appProps: WITHOUT_BUNDLING_OR_SCHEMA_CHECK });
});

describe('buildApp for all districts', () => {
  it('creates one data stack and one API stack per district file', () => {
    const expected = districtFiles
      .map((file) => file.replace(/\.json$/, ''))
      .flatMap((id) => [`GiaoBan-${id}-Data`, `GiaoBan-${id}-Api`]);
    const stackNames = built.districts.flatMap(({ data, api }) => [data.stackName, api.stackName]);
    expect(stackNames.sort()).toEqual(expected.sort());
    expect(built.app.synth().stacks).toHaveLength(expected.length);
  });

  it('tags every stack with its district and the app', () => {
    for (const { config, data, api } of built.districts) {
      for (const stack of [data, api]) {
        expect(stack.tags.tagValues(), stack.stackName).toEqual({ app: 'giao-ban', district: config.district.id });
      }
    }
  });

  it('schedules each district’s opener at that district’s configured time', () => {
    for (const { config, api } of built.districts) {
      const { dayOfMonth, hour, minute } = config.deployment.cycleOpener;
      Template.fromStack(api).hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: `cron(${minute} ${hour} ${dayOfMonth} * ? *)`,
        ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
      });
    }
  });

  it('leaves no unacknowledged cdk-nag finding in any district', () => {
    expect(nagFindings(built.app)).toEqual([]);
  });
});
