import { describe, expect, it } from 'vitest';
import { metricsRead } from '../bench/cost-figures';
import {
  ARTICLE_VOLUME as ARTICLE,
  ASSUMPTIONS,
  districtMonthCost,
  monthlyCalls,
  PRICES,
  type Resources,
  totalOf,
} from '../bench/cost-model';

const noResources: Resources = {
  alarms: 0,
  alarmMetrics: 0,
  customMetrics: 0,
  dashboards: 0,
  kmsKeys: 0,
  schedules: 0,
  queues: 0,
  memoryMb: 1024,
};
const free = { readUnits: 0, writeUnits: 0, ms: 0 };
const usd = (lines: ReturnType<typeof districtMonthCost>, item: string) =>
  lines.find((line) => line.item.startsWith(item))?.usd;

describe('the calls of a district-month', () => {
  it('scale each route with what drives it, and add the monthly ones once', () => {
    const calls = monthlyCalls({ proposals: 2, reports: 10, meetings: 1, officials: 3 });

    expect(calls.get('PUT /meetings/{meetingId}/reports/{cellId}')).toBe(30);
    expect(calls.get('POST /cycles/{month}/open')).toBe(1);
    // read by officials (5 each) and per proposal (10 each)
    expect(calls.get('GET /proposals/{proposalId}')).toBe(3 * 5 + 2 * 10);
  });
});

describe('the cost of a district-month', () => {
  it('prices the resources the stack creates whatever the traffic', () => {
    // a metric-math alarm is billed for each metric it reads: 8 alarms reading 20.
    const resources = { ...noResources, alarms: 8, alarmMetrics: 20, customMetrics: 1, dashboards: 1, kmsKeys: 1 };
    const lines = districtMonthCost(
      { proposals: 0, reports: 0, meetings: 0, officials: 0 },
      () => free,
      free,
      resources,
    );

    expect(usd(lines, 'CloudWatch alarms')).toBeCloseTo(2);
    expect(usd(lines, 'CloudWatch dashboards')).toBe(3);
    expect(usd(lines, 'KMS keys')).toBe(1);
    expect(usd(lines, 'CloudWatch custom metrics')).toBeCloseTo(PRICES.customMetricMonth / 730, 12);
  });

  it('prices each call with its route’s measured units, and an unmeasured route with the fallback', () => {
    const volume = { proposals: 0, reports: 0, meetings: 0, officials: 0 };
    const measured = { readUnits: 2, writeUnits: 10, ms: 0 };
    const fallback = { readUnits: 1, writeUnits: 0, ms: 0 };
    const lines = districtMonthCost(
      volume,
      (route) => (route === 'POST /cycles/{month}/open' ? measured : undefined),
      fallback,
      noResources,
    );
    const monthly = [...monthlyCalls(volume).values()].reduce((a, b) => a + b, 0);

    const units = 2 * PRICES.dynamoReadUnit + 10 * PRICES.dynamoWriteUnit + (monthly - 1) * PRICES.dynamoReadUnit;
    expect(usd(lines, 'DynamoDB on-demand')).toBeCloseTo(units, 12);
    expect(usd(lines, 'API Gateway')).toBeCloseTo(monthly * PRICES.httpApiRequest, 12);
  });

  it('bills Lambda by the millisecond rounded up, plus its share of cold starts, at the memory set', () => {
    const volume = { proposals: 0, reports: 0, meetings: 0, officials: 1 };
    const calls = [...monthlyCalls(volume).values()].reduce((a, b) => a + b, 0);
    const lines = districtMonthCost(volume, () => ({ ...free, ms: 2.2 }), free, noResources);
    const ms = 3 + ASSUMPTIONS.coldShare * ASSUMPTIONS.initMs;

    expect(usd(lines, 'Lambda')).toBeCloseTo(
      calls * PRICES.lambdaRequest + ((calls * ms) / 1000) * PRICES.lambdaGbSecond,
    );
  });

  it('totals its lines', () => {
    const lines = districtMonthCost(ARTICLE, () => free, free, { ...noResources, alarmMetrics: 3 });
    expect(totalOf(lines)).toBeCloseTo(
      lines.reduce((sum, line) => sum + line.usd, 0),
      12,
    );
  });
});

describe('the metrics an alarm is billed for', () => {
  it('are one for a plain alarm, and each metric a metric-math alarm reads, not its expression', () => {
    expect(metricsRead({ Namespace: 'AWS/ApiGateway' })).toBe(1);
    const read = { MetricStat: { Metric: { MetricName: 'ThrottledRequests' } } };
    expect(metricsRead({ Metrics: [{ Expression: 'a + b + c' }, read, read, read] })).toBe(3);
  });
});
