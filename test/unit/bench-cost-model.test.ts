import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS, districtMonthCost, monthlyCalls, PRICES, type Resources, totalOf } from '../bench/cost-model';

const noResources: Resources = { alarms: 0, dashboards: 0, kmsKeys: 0, schedules: 0, queues: 0, memoryMb: 1024 };
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
    const resources = { ...noResources, alarms: 20, dashboards: 1, kmsKeys: 1 };
    const lines = districtMonthCost(
      { proposals: 0, reports: 0, meetings: 0, officials: 0 },
      () => free,
      free,
      resources,
    );

    expect(usd(lines, 'CloudWatch alarms')).toBeCloseTo(2);
    expect(usd(lines, 'CloudWatch dashboards')).toBe(3);
    expect(usd(lines, 'KMS keys')).toBe(1);
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

  it('bills a route’s metrics for each hour it is called in, at most every working hour', () => {
    const perHour = PRICES.customMetricMonth / 730;
    const quiet = districtMonthCost(
      { proposals: 0, reports: 1, meetings: 0, officials: 0 },
      () => free,
      free,
      noResources,
    );
    const busy = districtMonthCost(
      { proposals: 0, reports: 1_000, meetings: 0, officials: 0 },
      () => free,
      free,
      noResources,
    );
    const monthlyHours = [...monthlyCalls({ proposals: 0, reports: 0, meetings: 0, officials: 0 }).values()].reduce(
      (sum, count) => sum + Math.min(count, ASSUMPTIONS.activeHours),
      0,
    );
    const reportRoutes = 4;
    // one report: 3 + 1 + 1 + 4 calls; a thousand: every route capped at the working hours.
    const quietHours = monthlyHours + 9;
    const busyHours = monthlyHours + reportRoutes * ASSUMPTIONS.activeHours;

    expect(usd(quiet, 'CloudWatch custom metrics')).toBeCloseTo(quietHours * ASSUMPTIONS.metricsPerRoute * perHour, 9);
    expect(usd(busy, 'CloudWatch custom metrics')).toBeCloseTo(busyHours * ASSUMPTIONS.metricsPerRoute * perHour, 9);
    expect(totalOf(busy)).toBeCloseTo(busy.reduce((sum, line) => sum + line.usd, 0));
  });
});
