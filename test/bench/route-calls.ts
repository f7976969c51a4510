/**
 * DynamoDB requests per API call, route by route, on warm functions: the sample district, a walk
 * of writes through the local gateway (units, a month opened, a meeting held with floor proposals
 * and closed, a proposal routed, assigned, answered and compiled into a response), then every
 * GET route. Each call's database requests are those recorded between its request and its answer
 * (see `bench-gateway.ts`).
 */
import { type RouteDefinition, routeKeyOf, routes } from '../../functions/routes';
import { importStructure } from '../../shared/services/structure/import-structure';
import { passes, passingCaller, pathValues, withCallers } from '../support/role-callers';
import { readSampleConfig } from '../support/sample-district';
import { type Measured, medianRun, type Step, startBenchGateway } from './bench-gateway';
import type { Figure } from './figures';

const OFFICE = 'van-phong-1';
const DEPUTY = 'pho-khu-2';
const TNMT = 'can-bo-phong-tnmt';
const BOARD = 'bi-thu';
const CELL = 'gia-tan-thon-ha';
/** Repeats of each read, and rounds of the walk (each in a month of its own): a route's time is their median. */
const READ_RUNS = 5;
const ROUNDS = 3;
const ROUND_TRIP_BUDGET = 2;
const READ_RATIO_BUDGET = 2;
const HANDLER_MS_BUDGET = 1;

const floorProposal = (title: string) => ({
  cellId: CELL,
  field: 'agriculture',
  title,
  content: `${title}: hiện trạng đã được chi bộ khảo sát, đề nghị cấp có thẩm quyền xem xét giải quyết dứt điểm.`,
  place: 'Thôn Hạ',
  addressee: { kind: 'district' },
});

/** The writes of round `round`, in an order in which each finds what it needs. */
function writes(round: number): Step[] {
  const month = `2027-${String(3 + round).padStart(2, '0')}`;
  const MEETING = `${month}.khu-2`;
  const FLOOR = `${MEETING}.${CELL}.f1`;
  const MERGED = `${MEETING}.${CELL}.f2`;
  const zone = `khu-thu-${round}`;
  return [
    { method: 'POST', path: '/zones', as: OFFICE, body: { id: zone, name: `Khu thử ${round}` } },
    {
      method: 'PATCH',
      path: `/zones/${zone}`,
      as: OFFICE,
      body: { name: 'Khu thử nghiệm' },
      ifMatchOf: `/zones/${zone}`,
    },
    { method: 'DELETE', path: `/zones/${zone}`, as: OFFICE, ifMatchOf: `/zones/${zone}` },
    { method: 'PUT', path: `/communes/gia-tan/hosting-wishes/${2028 + round}`, as: OFFICE, body: { months: [3] } },
    { method: 'POST', path: `/cycles/${month}/open`, as: OFFICE },
    {
      method: 'POST',
      path: '/announcements',
      as: OFFICE,
      body: { title: 'Lịch giao ban', body: 'Nội dung', zoneIds: 'all' },
    },
    { method: 'POST', path: `/meetings/${MEETING}/hold`, as: DEPUTY, ifMatchOf: `/meetings/${MEETING}` },
    ...['Nạo vét kênh tưới T3', 'Nạo vét kênh tưới T3 đoạn thôn Hạ'].map((title) => ({
      method: 'POST',
      path: `/meetings/${MEETING}/floor-proposals`,
      as: DEPUTY,
      body: floorProposal(title),
      ifMatchOf: `/meetings/${MEETING}`,
    })),
    { method: 'POST', path: `/meetings/${MEETING}/close`, as: DEPUTY, ifMatchOf: `/meetings/${MEETING}` },
    {
      method: 'POST',
      path: `/proposals/${MERGED}/merge`,
      as: DEPUTY,
      body: { into: FLOOR, reason: 'Trùng nội dung với kiến nghị trước' },
      ifMatchOf: `/proposals/${MERGED}`,
    },
    {
      method: 'POST',
      path: `/proposals/${FLOOR}/route`,
      as: DEPUTY,
      body: { level: 'district' },
      ifMatchOf: `/proposals/${FLOOR}`,
    },
    {
      method: 'POST',
      path: `/proposals/${FLOOR}/assignments`,
      as: OFFICE,
      body: { departments: [{ departmentId: 'phong-tnmt' }] },
      ifMatchOf: `/proposals/${FLOOR}`,
    },
    {
      method: 'POST',
      path: `/proposals/${FLOOR}/answers`,
      as: TNMT,
      body: { kind: 'substantive', text: 'Phòng TN&MT nạo vét 1,2 km kênh T3 trước ngày 30/4/2027.' },
      ifMatchOf: `/proposals/${FLOOR}`,
    },
    {
      method: 'POST',
      path: `/proposals/${FLOOR}/answers/phong-tnmt.1/review`,
      as: OFFICE,
      body: { decision: 'accept' },
      ifMatchOf: `/proposals/${FLOOR}`,
    },
    { method: 'POST', path: '/responses', as: OFFICE, body: { month } },
    {
      method: 'POST',
      path: `/responses/${month}.1/issue`,
      as: BOARD,
      body: { documentNumber: '12-BC/HU', date: `${month}-20`, signer: { name: 'Đoàn Minh Định', title: 'Bí thư' } },
      ifMatchOf: `/responses/${month}.1`,
    },
  ];
}

/** Query strings of the GET routes that need one to answer a page worth measuring. */
const queries: Record<string, string> = {
  'meetings.list': 'month=2027-03',
  'proposals.list': 'zoneId=khu-2&from=2027-03&to=2027-03',
  'proposals.export': 'from=2027-03&to=2027-03',
  'audit.list': 'entity=zone:khu-thu-0',
  'stats.proposals': 'from=2027-01&to=2027-12',
  'stats.proposalsCsv': 'from=2027-01&to=2027-12',
  'stats.proposalsChart': 'from=2027-01&to=2027-12',
};

/** The ids the walk created, for the reads' paths. */
const readValues: Record<string, string> = {
  ...pathValues,
  proposalId: `2027-03.khu-2.${CELL}.f1`,
  meetingId: '2027-03.khu-2',
  answerId: 'phong-tnmt.1',
  responseId: '2027-03.1',
};

function readStep(route: RouteDefinition): Step {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => readValues[name] ?? `{${name}}`);
  const query = queries[route.operation];
  const as = passes(route.access, 'office', {}) ? OFFICE : passingCaller(route).officialId;
  return { method: 'GET', path: `${path}${query ? `?${query}` : ''}`, as };
}

export async function routeFigures(): Promise<Figure[]> {
  await importStructure(withCallers(readSampleConfig()), { id: 'bench' });
  const gateway = await startBenchGateway();
  const send = gateway.send;
  const measured = new Map<string, Measured>();
  try {
    // one read of each function first: the walk measures warm functions.
    for (const path of ['/me', '/meetings', '/proposals', '/stats/proposals', '/overdue', '/health']) {
      await send({ method: 'GET', path, as: OFFICE });
    }
    const writeRuns = new Map<string, Measured[]>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const step of writes(round)) {
        const route = routeOf(step);
        if (route) writeRuns.set(routeKeyOf(route), [...(writeRuns.get(routeKeyOf(route)) ?? []), await send(step)]);
      }
    }
    for (const [key, runs] of writeRuns) measured.set(key, medianRun(runs));
    for (const route of routes.filter((r) => r.method === 'GET')) {
      const step = readStep(route);
      const runs: Measured[] = [];
      for (let run = 0; run < READ_RUNS; run++) runs.push(await send(step));
      measured.set(routeKeyOf(route), medianRun(runs));
    }
  } finally {
    gateway.close();
  }
  return routes.map((route) => routeFigure(route, measured.get(routeKeyOf(route))));
}

function routeOf(step: Step): RouteDefinition | undefined {
  const path = step.path.split('?')[0] as string;
  return routes.find(
    (route) => route.method === step.method && new RegExp(`^${route.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(path),
  );
}

function routeFigure(route: RouteDefinition, m: Measured | undefined): Figure {
  const section = 'requests per call';
  const name = `${route.method} ${route.path}`;
  if (!m) return { section, name, value: 'not walked', budget: 'measured', pass: false };
  if (m.status >= 300) {
    return {
      section,
      name,
      value: `answered ${m.status} ${m.problem ?? ''}`.trim(),
      budget: 'a 2xx answer',
      pass: false,
    };
  }
  const { calls } = m;
  const isWrite = route.method !== 'GET';
  const readRatio = calls.bytesRead / Math.max(1, m.responseBytes);
  const checks = [
    calls.readRoundTrips <= ROUND_TRIP_BUDGET,
    isWrite ? calls.transactions + calls.otherWrites <= 1 : calls.transactions + calls.otherWrites === 0,
    isWrite || route.operation.endsWith('.list') === false || readRatio <= READ_RATIO_BUDGET,
    m.handlerMs <= HANDLER_MS_BUDGET,
  ];
  const value = [
    `${calls.reads} reads/${calls.readRoundTrips} trips`,
    `${calls.transactions} tx${calls.otherWrites > 0 ? ` +${calls.otherWrites} writes` : ''}`,
    `${(calls.bytesRead / 1024).toFixed(1)}/${(m.responseBytes / 1024).toFixed(1)} KiB`,
    `${m.handlerMs.toFixed(2)} ms`,
  ].join(', ');
  return {
    section,
    name,
    value,
    budget: `≤ ${ROUND_TRIP_BUDGET} trips, ${isWrite ? '1 tx' : 'no writes'}${route.operation.endsWith('.list') ? `, read ≤ ${READ_RATIO_BUDGET} × sent` : ''}, ≤ ${HANDLER_MS_BUDGET} ms`,
    pass: checks.every(Boolean),
    data: { ...calls, responseBytes: m.responseBytes, handlerMs: m.handlerMs, status: m.status },
  };
}
