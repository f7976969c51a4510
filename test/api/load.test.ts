/**
 * A short run of the load mix (`npm run load` runs the long one): under concurrent reads and
 * writes nothing answers 5xx, every request is answered as a valid request should be, and every
 * acknowledged write can be read back. It measures, but asserts no speed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  describeReport,
  type LoadReport,
  type LoadTarget,
  missingWrites,
  prepareTarget,
  runLoad,
  serverErrors,
} from '../load/mix';
import { useApi } from '../support/api';
import { seedSampleDistrict } from '../support/sample-district';

const api = useApi();
// few clients: the machine is shared with the other test files running meanwhile
const OPTIONS = { connections: 8, durationSeconds: 10 };

let target: LoadTarget;
let report: LoadReport;

beforeAll(async () => {
  await seedSampleDistrict();
  target = await prepareTarget(api.baseUrl, api.issuer);
  report = await runLoad(target, OPTIONS);
  console.log(describeReport(report, OPTIONS));
}, 60_000);

describe(`${OPTIONS.connections} clients reading and writing for ${OPTIONS.durationSeconds} s`, () => {
  it('get no 5xx, and only the answers valid requests get', () => {
    expect(serverErrors(report)).toEqual({});
    expect(Object.keys(report.statusCounts).sort()).toEqual(['200', '201']);
    expect(report.unexpected).toEqual([]);
  });

  it('find every acknowledged write afterwards, as it was acknowledged', async () => {
    expect(report.acknowledged.length).toBeGreaterThan(0);

    expect(await missingWrites(target, report)).toEqual([]);
  });
});
