/**
 * What one district pays AWS in a month, from what the bench counted: the calls a district-month
 * makes (a usage model from its volume), each priced with the capacity units and time the route
 * walk measured for that route, plus the resources the stack creates whatever the traffic
 * (counted from the synthesised template). Prices are list prices assumed for ap-southeast-1
 * (Singapore), without free tiers unless said; check them at aws.amazon.com/pricing before relying
 * on the total.
 */

export const PRICES = {
  lambdaRequest: 0.2 / 1e6,
  /** arm64, per GB-second. */
  lambdaGbSecond: 0.0000133334,
  httpApiRequest: 1.2 / 1e6,
  /** On-demand, per write and read request unit (the November 2024 prices). */
  dynamoWriteUnit: 0.7125 / 1e6,
  dynamoReadUnit: 0.1425 / 1e6,
  dynamoGbMonth: 0.285,
  pitrGbMonth: 0.228,
  /** Per metric a standard-resolution alarm reads: a metric-math alarm pays for each. */
  alarmMetricMonth: 0.1,
  /** Beyond the three free dashboards of an account. */
  dashboardMonth: 3,
  /** Prorated by the hour a metric is published in. */
  customMetricMonth: 0.3,
  logIngestGb: 0.7,
  logStoreGbMonth: 0.033,
  kmsKeyMonth: 1,
  xrayTrace: 5 / 1e6,
  /** Scheduler, SQS and SNS e-mail: a few messages a month, priced per million. */
  schedulerInvocation: 1 / 1e6,
  sqsRequest: 0.4 / 1e6,
  snsEmail: 2 / 1e5,
  /** Cognito Essentials beyond the account's 10,000 free monthly active users. */
  cognitoMau: 0.015,
} as const;

export interface Volume {
  readonly proposals: number;
  readonly reports: number;
  readonly meetings: number;
  readonly officials: number;
}

/** The article's district-month: about 30 proposals, 200 reports, 6 meetings, 60 officials. */
export const ARTICLE_VOLUME: Volume = { proposals: 30, reports: 200, meetings: 6, officials: 60 };

/** Calls of each route a district-month makes, by what drives them; assumptions, kept visible. */
export const USAGE: Readonly<Record<keyof Volume | 'month', Readonly<Record<string, number>>>> = {
  officials: {
    'GET /me': 20,
    'GET /meetings': 10,
    'GET /meetings/{meetingId}': 10,
    'GET /meetings/{meetingId}/agenda': 5,
    'GET /announcements': 10,
    'GET /proposals': 5,
    'GET /proposals/{proposalId}': 5,
  },
  reports: {
    'PUT /meetings/{meetingId}/reports/{cellId}': 3,
    'POST /meetings/{meetingId}/reports/{cellId}/agreement': 1,
    'POST /meetings/{meetingId}/reports/{cellId}/submit': 1,
    'GET /meetings/{meetingId}/reports/{cellId}': 4,
  },
  meetings: {
    'POST /meetings/{meetingId}/hold': 1,
    'PUT /meetings/{meetingId}/attendance': 2,
    'PUT /meetings/{meetingId}/minutes': 5,
    'POST /meetings/{meetingId}/floor-proposals': 2,
    'POST /meetings/{meetingId}/close': 1,
    'GET /meetings/{meetingId}/reports': 5,
  },
  proposals: {
    'POST /proposals/{proposalId}/route': 1,
    'POST /proposals/{proposalId}/assignments': 0.5,
    'POST /proposals/{proposalId}/answers': 1,
    'POST /proposals/{proposalId}/answers/{answerId}/review': 1,
    'POST /proposals/{proposalId}/result': 0.5,
    'POST /proposals/{proposalId}/confirmation': 0.5,
    'GET /proposals/{proposalId}': 10,
  },
  month: {
    'POST /cycles/{month}/open': 1,
    'POST /announcements': 4,
    'POST /responses': 2,
    'POST /responses/{responseId}/issue': 1,
    'GET /responses/{responseId}': 5,
    'GET /stats/proposals': 20,
    'GET /overdue': 10,
  },
};

/** What one call of a route costs, as measured. */
export interface CallCost {
  readonly readUnits: number;
  readonly writeUnits: number;
  /** The handler's duration, database calls included. */
  readonly ms: number;
}

/** The resources the stack creates for one district, counted from its template. */
export interface Resources {
  readonly alarms: number;
  /** The metrics the alarms read, what alarms are billed by. */
  readonly alarmMetrics: number;
  /** Custom metrics the code publishes: each a scheduled check's, published in one hour a month. */
  readonly customMetrics: number;
  readonly dashboards: number;
  readonly kmsKeys: number;
  readonly schedules: number;
  readonly queues: number;
  /** Lambda memory, MB. */
  readonly memoryMb: number;
}

/** How the calls are spread and what each leaves behind; assumptions, kept visible. */
export const ASSUMPTIONS = {
  /** Log bytes per request: the request line, Lambda's START/END/REPORT lines and the API access log line. */
  logBytesPerRequest: 1_500,
  logRetentionMonths: 3,
  /** One call in ten starts a function cold (INIT billed since August 2025), taking this long. */
  coldShare: 0.1,
  initMs: 300,
  /** Items of all kinds per proposal, and their mean size, for storage; ten years kept. */
  bytesStoredPerProposal: 20_000,
  monthsStored: 120,
} as const;

export interface CostLine {
  readonly item: string;
  readonly usd: number;
}

/** Calls per route for a district-month of `volume`. */
export function monthlyCalls(volume: Volume): Map<string, number> {
  const calls = new Map<string, number>();
  for (const [driver, routes] of Object.entries(USAGE) as [keyof typeof USAGE, Record<string, number>][]) {
    const times = driver === 'month' ? 1 : volume[driver];
    for (const [route, perUnit] of Object.entries(routes)) calls.set(route, (calls.get(route) ?? 0) + perUnit * times);
  }
  return calls;
}

/**
 * The cost lines of a district-month. `costOf` prices a call of a route; a route the walk did not
 * measure is priced by `fallback` (the mean of the measured ones).
 */
export function districtMonthCost(
  volume: Volume,
  costOf: (route: string) => CallCost | undefined,
  fallback: CallCost,
  resources: Resources,
): CostLine[] {
  const calls = monthlyCalls(volume);
  let requests = 0;
  let readUnits = 0;
  let writeUnits = 0;
  let gbSeconds = 0;
  for (const [route, count] of calls) {
    const cost = costOf(route) ?? fallback;
    requests += count;
    readUnits += count * cost.readUnits;
    writeUnits += count * cost.writeUnits;
    const billedMs = Math.ceil(cost.ms) + ASSUMPTIONS.coldShare * ASSUMPTIONS.initMs;
    gbSeconds += ((count * billedMs) / 1000) * (resources.memoryMb / 1024);
  }
  const logGb = (requests * ASSUMPTIONS.logBytesPerRequest) / 1e9;
  const storedGb = (volume.proposals * ASSUMPTIONS.bytesStoredPerProposal * ASSUMPTIONS.monthsStored) / 1e9;
  const hoursPerMonth = 730;
  return [
    { item: 'Lambda requests and duration', usd: requests * PRICES.lambdaRequest + gbSeconds * PRICES.lambdaGbSecond },
    { item: 'API Gateway HTTP API', usd: requests * PRICES.httpApiRequest },
    {
      item: 'DynamoDB on-demand reads and writes',
      usd: readUnits * PRICES.dynamoReadUnit + writeUnits * PRICES.dynamoWriteUnit,
    },
    { item: 'DynamoDB storage and PITR (10 years kept)', usd: storedGb * (PRICES.dynamoGbMonth + PRICES.pitrGbMonth) },
    {
      item: `CloudWatch alarms (${resources.alarms}, reading ${resources.alarmMetrics} metrics)`,
      usd: resources.alarmMetrics * PRICES.alarmMetricMonth,
    },
    { item: `CloudWatch dashboards (${resources.dashboards})`, usd: resources.dashboards * PRICES.dashboardMonth },
    {
      item: `CloudWatch custom metrics (${resources.customMetrics}, an hour a month each)`,
      usd: (resources.customMetrics / hoursPerMonth) * PRICES.customMetricMonth,
    },
    {
      item: 'CloudWatch Logs (ingested, kept 3 months)',
      usd: logGb * (PRICES.logIngestGb + ASSUMPTIONS.logRetentionMonths * PRICES.logStoreGbMonth),
    },
    { item: 'X-Ray traces (active tracing)', usd: requests * PRICES.xrayTrace },
    { item: `KMS keys (${resources.kmsKeys})`, usd: resources.kmsKeys * PRICES.kmsKeyMonth },
    {
      item: 'Scheduler, SQS, SNS',
      usd:
        resources.schedules * 2 * PRICES.schedulerInvocation +
        resources.queues * PRICES.sqsRequest +
        10 * PRICES.snsEmail,
    },
    { item: 'Cognito (within the 10,000 free MAU)', usd: 0 },
  ];
}

export function totalOf(lines: readonly CostLine[]): number {
  return lines.reduce((sum, line) => sum + line.usd, 0);
}

/** The prices assumed, one per line, for the bench's output. */
export function describePrices(): string {
  return Object.entries(PRICES)
    .map(([name, usd]) => `  ${name}: ${usd.toPrecision(3)} USD`)
    .join('\n');
}
