/** The day-after check of the scheduled opener: it reports a month that is not open, then opens it. */
import { afterEach, beforeAll, describe, expect, it, type MockInstance, vi } from 'vitest';
import { handler } from '../../functions/cycle/open-cycle';
import { keys } from '../../shared/db/keys';
import { getItem } from '../../shared/db/store';
import { METRICS_NAMESPACE, MONTH_NOT_OPEN_METRIC } from '../../shared/observability/metrics';
import { seedSampleDistrict } from '../support/sample-district';

let stdout: MockInstance<typeof process.stdout.write>;
let stderr: MockInstance<typeof console.error>;

/** The JSON lines logged as errors by the last `metricLinesOf` run. */
function errorLines(): Record<string, unknown>[] {
  return stderr.mock.calls.map(([line]) => JSON.parse(String(line)));
}

/** The EMF documents the handler wrote to stdout during `run`. */
async function metricLinesOf(run: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  stderr = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  await run();
  return stdout.mock.calls
    .map(([chunk]) => String(chunk))
    .filter((line) => line.includes('"_aws"'))
    .map((line) => JSON.parse(line));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the opening check', () => {
  beforeAll(async () => {
    await seedSampleDistrict();
  });

  it('reports a month that is not open with MonthNotOpen = 1 for the district, then opens it', async () => {
    expect(await getItem(keys.cycle('2028-03'))).toBeUndefined();

    let result: Awaited<ReturnType<typeof handler>> | undefined;
    const lines = await metricLinesOf(async () => {
      result = await handler({ scheduledTime: '2028-03-02T00:00:00Z', check: true });
    });

    expect(lines).toEqual([
      {
        _aws: {
          Timestamp: expect.any(Number),
          CloudWatchMetrics: [
            {
              Namespace: METRICS_NAMESPACE,
              Dimensions: [['District']],
              Metrics: [{ Name: MONTH_NOT_OPEN_METRIC, Unit: 'Count' }],
            },
          ],
        },
        District: 'gia-loc',
        [MONTH_NOT_OPEN_METRIC]: 1,
      },
    ]);
    expect(errorLines()).toEqual([{ level: 'error', month: '2028-03', message: expect.stringMatching(/not open/) }]);
    expect(result).toMatchObject({ month: '2028-03', created: true });
    expect(await getItem(keys.cycle('2028-03'))).toBeDefined();
  });

  it('reports MonthNotOpen = 0 when the scheduled opening did its work', async () => {
    await handler({ scheduledTime: '2028-04-01T00:00:00Z' });

    const lines = await metricLinesOf(() => handler({ scheduledTime: '2028-04-02T00:00:00Z', check: true }));

    expect(lines.map((line) => line[MONTH_NOT_OPEN_METRIC])).toEqual([0]);
    expect(errorLines()).toEqual([]);
  });

  it('publishes no metric on the scheduled opening itself', async () => {
    expect(await metricLinesOf(() => handler({ scheduledTime: '2028-05-01T00:00:00Z' }))).toEqual([]);
  });
});
