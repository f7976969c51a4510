/**
 * DynamoDB requests per API call, route by route, on warm functions: the sample district, a walk
 * of writes through the local gateway (units, a month opened, a meeting held with floor proposals
 * and closed, a proposal routed, assigned, answered and compiled into a response), then every
 * GET route. Each call's database requests are those recorded between its request and its answer
 * (see `bench-gateway.ts`).
 */
import { type RouteDefinition, routeKeyOf, routes } from '../../functions/routes';
import { addDays } from '../../shared/domain/answers/due-dates';
import { districtCalendarOf, isWorkingDay } from '../../shared/domain/cycle/meeting-calendar';
import type { DistrictConfig } from '../../shared/domain/structure/district-config';
import { vietnamDate } from '../../shared/domain/time';
import { importJobsSettled } from '../../shared/services/imports/import-jobs';
import { importStructure } from '../../shared/services/structure/import-structure';
import { generatedCells } from '../support/large-district';
import { closedRecordFile } from '../support/legacy-csv';
import { passes, passingCaller, pathValues, withCallers } from '../support/role-callers';
import { readSampleConfig } from '../support/sample-district';
import { type Measured, medianRun, type RouteRuns, type Step, startBenchGateway } from './bench-gateway';
import type { Figure } from './figures';

const OFFICE = 'van-phong-1';
const DEPUTY = 'pho-khu-2';
const TNMT = 'can-bo-phong-tnmt';
const BOARD = 'bi-thu';
const CELL = 'gia-tan-thon-ha';
/**
 * Repeats of each read, and rounds of the walk (each in a month of its own): a route's time is their
 * median. A route's first call in the process also pays what a warm function pays once (V8 compiles a
 * function the first time it runs; schemas are built on first use): with five runs the median is the
 * third, a warm call, and the first is shown beside it.
 */
const READ_RUNS = 5;
const ROUNDS = 5;
const ROUND_TRIP_BUDGET = 2;
const READ_RATIO_BUDGET = 2;
const HANDLER_MS_BUDGET = 1;

const SECRETARY = 'bi-thu-cb-gia-tan-thon-ha';

/** More than the common budget for a route whose design needs it, with the reason, printed in its budget column. */
interface Allowance {
  readonly trips?: number;
  readonly transactions?: number;
  readonly reason: string;
}

/**
 * The issue allows a write "the reads its guards need + 1 transaction"; these routes need more by
 * design. Keep them few: each names what it reads or commits beyond the common budget.
 */
const allowances: Readonly<Record<string, Allowance>> = {
  'meetings.close': {
    trips: 4,
    transactions: 3,
    reason:
      'raising commits the proposals, each with its search words, in transactions of at most 100 actions (the walk’s 3 take 2; a zone of 60 cells raises 180) before the close’s own, which the announcements and overdue marks join when they fit; announcing reads the zone’s earlier meetings (the agenda window), what was reported in that window, then those proposals',
  },
  'responses.compile': {
    trips: 3,
    reason: 'the accepted answers the document quotes are named by the records it reads',
  },
  'structure.import': {
    trips: 3,
    reason:
      'planning reads every collection and setting as stored, then the units’ reference counts; the import lock is read after the plan, so that a plan’s own refusal comes first',
  },
  'stats.verify': {
    trips: 4,
    reason: 'a recount: the counts, every record page by page (a query, then a batch read), the counts again',
  },
};

/** Create, change and remove one unit of a collection. */
function unitSteps(collection: string, unit: { id: string; name: string; [field: string]: string }): Step[] {
  const path = `/${collection}/${unit.id}`;
  return [
    { method: 'POST', path: `/${collection}`, as: OFFICE, body: unit },
    { method: 'PATCH', path, as: OFFICE, body: { name: `${unit.name} mới` }, ifMatchOf: path },
    { method: 'DELETE', path, as: OFFICE, ifMatchOf: path },
  ];
}

/** A cell's report specific enough to submit, with one proposal, and its agreement. */
const cellReport = {
  situation: 'Chi bộ có 42 đảng viên, sinh hoạt đủ 1 kỳ; thôn Hạ thu hoạch xong 65 ha lúa xuân, năng suất 62 tạ/ha.',
  nextMonthTasks: 'Vận động 12 hộ ven kênh T3 tháo dỡ lều quán trước ngày 30/4; ra quân làm sạch đường làng.',
  followThrough: { heldOn: '2027-02-20', passedOn: 'Đã quán triệt kết luận về phòng chống dịch tới 4 tổ đảng.' },
  proposals: [
    {
      field: 'industry-infrastructure',
      title: 'Nâng cấp đường làng thôn Hạ',
      content: 'Tuyến đường làng dài 800 m xuống cấp, ổ gà sâu, đề nghị xã đưa vào kế hoạch cứng hoá năm 2027.',
      place: 'Thôn Hạ',
      addressee: { kind: 'commune' },
    },
  ],
};
const agreement = { agreedOn: '2026-11-20', membersPresent: 5, membersTotal: 5, presidedBy: 'Nguyễn Trọng Quyết' };

const floorProposal = (title: string) => ({
  cellId: CELL,
  field: 'agriculture',
  title,
  content: `${title}: hiện trạng đã được chi bộ khảo sát, đề nghị cấp có thẩm quyền xem xét giải quyết dứt điểm.`,
  place: 'Thôn Hạ',
  addressee: { kind: 'district' },
});

/** The district the walk runs in: the sample with an official for each role the routes allow. */
const sampleDistrict = (): DistrictConfig => withCallers(readSampleConfig());

/** The sample file with one zone renamed: an import of one change, small enough to be written in the request. */
function renamedSample(round: number): DistrictConfig {
  const config = sampleDistrict();
  return { ...config, zones: config.zones.map((z) => (z.id === 'khu-6' ? { ...z, name: `Khu 6 (${round + 1})` } : z)) };
}

/**
 * Units added at the walk's end: a zone of 100 communes of 26 cells. Each new unit is two actions
 * of a transaction (the unit and its audit record) and a transaction holds 100, so the file needs
 * more transactions than a request writes (`MAX_SYNC_TRANSACTIONS`) and is accepted as a job.
 */
const ADDED_COMMUNES = 100;
const CELLS_PER_COMMUNE = 26;

/** The sample with that zone more. */
function sampleWithLargeZone(): DistrictConfig {
  const config = sampleDistrict();
  const zone = { id: 'khu-them', name: 'Khu thêm' };
  const communes = Array.from({ length: ADDED_COMMUNES }, (_, i) => ({
    id: `xa-them-${i + 1}`,
    name: `Xã thêm ${i + 1}`,
    kind: 'xa' as const,
    zoneId: zone.id,
  }));
  const cells = generatedCells(communes, CELLS_PER_COMMUNE);
  return {
    ...config,
    zones: [...config.zones, zone],
    communes: [...config.communes, ...communes],
    cells: [...config.cells, ...cells],
  };
}

/** A working day of `month` after its meeting window (days 5 to 10): the 29th, or the last working day before it. */
function lateWorkingDay(month: string): string {
  const calendar = districtCalendarOf(sampleDistrict().calendar);
  for (let day = 29; ; day--) {
    const date = `${month}-${day}`;
    if (isWorkingDay(date, calendar)) return date;
  }
}

/** The writes of round `round`, in an order in which each finds what it needs. */
function writes(round: number): Step[] {
  const month = `2027-${String(3 + round).padStart(2, '0')}`;
  const MEETING = `${month}.khu-2`;
  const FLOOR = `${MEETING}.${CELL}.f1`;
  const MERGED = `${MEETING}.${CELL}.f2`;
  const ROAD = `${MEETING}.${CELL}.f3`;
  const report = `/meetings/${MEETING}/reports/${CELL}`;
  const secretary = { as: SECRETARY, ifMatchOf: report };
  const official = `nguoi-thu-${round}`;
  const rotation = `/zones/khu-2/rotations/${2028 + round}`;
  // the previous round's road: its commune result was announced at this round's close.
  const announced = `2027-${String(2 + round).padStart(2, '0')}.khu-2.${CELL}.f3`;
  return [
    { method: 'PUT', path: '/structure', as: OFFICE, body: renamedSample(round) },
    ...unitSteps('zones', { id: `khu-thu-${round}`, name: 'Khu thử' }),
    ...unitSteps('communes', { id: `xa-thu-${round}`, name: 'Xã thử', kind: 'xa', zoneId: 'khu-2' }),
    ...unitSteps('cells', { id: `chi-bo-thu-${round}`, name: 'Chi bộ thử', communeId: 'gia-tan' }),
    ...unitSteps('departments', { id: `ban-thu-${round}`, name: 'Ban thử' }),
    { method: 'POST', path: '/officials', as: OFFICE, body: { id: official, name: 'Người thử', title: 'Cán bộ' } },
    {
      method: 'PATCH',
      path: `/officials/${official}`,
      as: OFFICE,
      body: { title: 'Chuyên viên' },
      ifMatchOf: `/officials/${official}`,
    },
    {
      method: 'POST',
      path: '/assignments',
      as: OFFICE,
      body: { officialId: official, role: 'zone-head', scopeId: 'khu-1' },
    },
    {
      method: 'DELETE',
      path: `/assignments/${official}.zone-head.khu-1`,
      as: OFFICE,
      ifMatchOf: `/assignments/${official}.zone-head.khu-1`,
    },
    { method: 'DELETE', path: `/officials/${official}`, as: OFFICE, ifMatchOf: `/officials/${official}` },
    { method: 'PUT', path: `/communes/gia-tan/hosting-wishes/${2028 + round}`, as: OFFICE, body: { months: [3] } },
    { method: 'PUT', path: rotation, as: OFFICE },
    {
      method: 'POST',
      path: `${rotation}/swaps`,
      as: OFFICE,
      body: { a: 1, b: 2, reason: 'Xã Gia Tân sửa hội trường tháng 1' },
      ifMatchOf: rotation,
    },
    // a month never opened here, the first window set for it.
    {
      method: 'PUT',
      path: `/cycles/2029-${String(1 + round).padStart(2, '0')}/window`,
      as: OFFICE,
      body: { firstDay: 12, lastDay: 16, reason: 'Trùng lễ hội đền' },
    },
    { method: 'POST', path: `/cycles/${month}/open`, as: OFFICE },
    // late in the month, outside the window (days 5 to 10): the office's decision, on a working day.
    {
      method: 'POST',
      path: `/meetings/${MEETING}/reschedule`,
      as: OFFICE,
      body: {
        date: lateWorkingDay(month),
        session: 'morning',
        reason: 'Trưởng khu đi công tác',
        outsideWindowReason: 'Trưởng khu đi công tác suốt khung ngày',
      },
      ifMatchOf: `/meetings/${MEETING}`,
    },
    { method: 'PUT', path: report, as: SECRETARY, body: cellReport },
    { method: 'POST', path: `${report}/agreement`, body: agreement, ...secretary },
    { method: 'POST', path: `${report}/submit`, ...secretary },
    { method: 'POST', path: `${report}/proposals/1/withdraw`, body: { reason: 'Đã giải quyết tại xã' }, ...secretary },
    { method: 'POST', path: `${report}/reopen`, as: OFFICE, body: { reason: 'Bổ sung số liệu' }, ifMatchOf: report },
    {
      method: 'POST',
      path: `/meetings/${month}.khu-1/cancel`,
      as: OFFICE,
      body: { reason: 'Trùng lịch hội nghị huyện' },
      ifMatchOf: `/meetings/${month}.khu-1`,
    },
    {
      method: 'POST',
      path: '/announcements',
      as: OFFICE,
      body: { title: 'Lịch giao ban', body: 'Nội dung', zoneIds: 'all' },
    },
    { method: 'POST', path: `/meetings/${MEETING}/hold`, as: DEPUTY, ifMatchOf: `/meetings/${MEETING}` },
    ...[
      floorProposal('Nạo vét kênh tưới T3'),
      floorProposal('Nạo vét kênh tưới T3 đoạn thôn Hạ'),
      { ...floorProposal('Vá ổ gà đường trục thôn Hạ'), addressee: { kind: 'commune' } },
      floorProposal('Trồng cây xanh bờ kênh T3'),
    ].map((body) => ({
      method: 'POST',
      path: `/meetings/${MEETING}/floor-proposals`,
      as: DEPUTY,
      body,
      ifMatchOf: `/meetings/${MEETING}`,
    })),
    // the fourth is corrected, then withdrawn from the record before the close.
    {
      method: 'PUT',
      path: `/meetings/${MEETING}/floor-proposals/4`,
      as: DEPUTY,
      body: floorProposal('Trồng cây xanh bờ kênh T3 đoạn thôn Hạ'),
      ifMatchOf: `/meetings/${MEETING}`,
    },
    {
      method: 'DELETE',
      path: `/meetings/${MEETING}/floor-proposals/4`,
      as: DEPUTY,
      ifMatchOf: `/meetings/${MEETING}`,
    },
    {
      method: 'PUT',
      path: `/meetings/${MEETING}/attendance`,
      as: DEPUTY,
      body: { entries: [] },
      ifMatchOf: `/meetings/${MEETING}`,
    },
    {
      method: 'PUT',
      path: `/meetings/${MEETING}/minutes`,
      as: DEPUTY,
      body: { text: 'Hội nghị nghe các chi bộ báo cáo.', decisions: [] },
      ifMatchOf: `/meetings/${MEETING}`,
    },
    { method: 'POST', path: `/meetings/${MEETING}/close`, as: DEPUTY, ifMatchOf: `/meetings/${MEETING}` },
    ...(round === 0
      ? []
      : [
          {
            method: 'POST',
            path: `/proposals/${announced}/confirmation`,
            as: SECRETARY,
            body: { solved: true, note: 'Đường đã được vá, đi lại thuận tiện.' },
            ifMatchOf: `/proposals/${announced}`,
          },
        ]),
    {
      method: 'POST',
      path: `/meetings/${MEETING}/amendments`,
      as: DEPUTY,
      body: { text: 'Bổ sung đại biểu dự.', reason: 'Thiếu tên' },
      ifMatchOf: `/meetings/${MEETING}`,
    },
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
      path: `/proposals/${ROAD}/route`,
      as: DEPUTY,
      body: { level: 'commune' },
      ifMatchOf: `/proposals/${ROAD}`,
    },
    {
      method: 'POST',
      path: `/proposals/${ROAD}/result`,
      as: 'chu-tich-gia-tan',
      body: { outcome: 'resolved', text: 'UBND xã đã vá 200 m ổ gà bằng bê tông.' },
      ifMatchOf: `/proposals/${ROAD}`,
    },
    {
      method: 'POST',
      path: `/proposals/${FLOOR}/assignments`,
      as: OFFICE,
      // due yesterday: overdue at once, so the cell may remind the department.
      body: { departments: [{ departmentId: 'phong-tnmt', dueDate: addDays(vietnamDate(new Date()), -1) }] },
      ifMatchOf: `/proposals/${FLOOR}`,
    },
    {
      method: 'POST',
      path: `/proposals/${FLOOR}/reminders`,
      as: SECRETARY,
      body: { note: 'Đề nghị phòng sớm trả lời.' },
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
    {
      method: 'POST',
      path: '/imports/proposals',
      as: OFFICE,
      body: closedRecordFile(`BENCH-${round + 1}`),
      contentType: 'text/csv; charset=utf-8',
    },
  ];
}

/** Query strings of the GET routes that need one to answer a page worth measuring. */
const queries: Record<string, string> = {
  'meetings.list': 'month=2027-03',
  'proposals.list': 'zoneId=khu-2&from=2027-03&to=2027-03',
  'proposals.export': 'from=2027-03&to=2027-03',
  'audit.list': 'entity=zone:khu-thu-0',
  'assignments.list': 'zoneId=khu-2',
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

/** A GET route's call: the job the walk last had accepted for a job's route (`jobs`, by route key), else the walk's ids. */
function readStep(route: RouteDefinition, jobs: ReadonlyMap<string, string>): Step {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => readValues[name] ?? `{${name}}`);
  const query = queries[route.operation];
  const as = passes(route.access, 'office', {}) ? OFFICE : passingCaller(route).officialId;
  return { method: 'GET', path: jobs.get(routeKeyOf(route)) ?? `${path}${query ? `?${query}` : ''}`, as };
}

export async function routeFigures(): Promise<Figure[]> {
  await importStructure(sampleDistrict(), { id: 'bench' });
  const gateway = await startBenchGateway();
  const measured = new Map<string, RouteRuns>();
  /** The `Location` of the last job accepted, by the key of the route that reads it. */
  const jobs = new Map<string, string>();
  // a job runs in this process: it ends before the next call, whose requests it would otherwise add to.
  const send = async (step: Step): Promise<Measured> => {
    const answer = await gateway.send(step);
    await importJobsSettled();
    const read =
      answer.status === 202 && answer.location ? routeOf({ ...step, method: 'GET', path: answer.location }) : undefined;
    if (read && answer.location) jobs.set(routeKeyOf(read), answer.location);
    return answer;
  };
  const measureReads = async (reads: readonly RouteDefinition[]) => {
    for (const route of reads) {
      const step = readStep(route, jobs);
      const runs: Measured[] = [];
      for (let run = 0; run < READ_RUNS; run++) runs.push(await send(step));
      measured.set(routeKeyOf(route), medianRun(runs));
    }
  };
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
    const reads = routes.filter((r) => r.method === 'GET');
    const awaitingJob = (route: RouteDefinition) => route.path.includes('{jobId}') && !jobs.has(routeKeyOf(route));
    const later = reads.filter(awaitingJob);
    await measureReads(reads.filter((route) => !later.includes(route)));
    // last, as every read above would see its zones: a structure file too large for a request, accepted as a job.
    await send({ method: 'PUT', path: '/structure', as: OFFICE, body: sampleWithLargeZone() });
    await measureReads(later);
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

function routeFigure(route: RouteDefinition, m: RouteRuns | undefined): Figure {
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
  const allowance = allowances[route.operation];
  const trips = allowance?.trips ?? ROUND_TRIP_BUDGET;
  const transactions = isWrite ? (allowance?.transactions ?? 1) : 0;
  const readRatio = calls.bytesRead / Math.max(1, m.responseBytes);
  const checks = [
    calls.readRoundTrips <= trips,
    isWrite ? calls.transactions + calls.otherWrites <= transactions : calls.transactions + calls.otherWrites === 0,
    isWrite || route.operation.endsWith('.list') === false || readRatio <= READ_RATIO_BUDGET,
    m.handlerMs <= HANDLER_MS_BUDGET,
  ];
  const value = [
    `${calls.reads} reads/${calls.readRoundTrips} trips`,
    `${calls.transactions} tx${calls.otherWrites > 0 ? ` +${calls.otherWrites} writes` : ''}`,
    `${(calls.bytesRead / 1024).toFixed(1)}/${(m.responseBytes / 1024).toFixed(1)} KiB`,
    `${m.handlerMs.toFixed(2)} ms (first ${m.firstHandlerMs.toFixed(1)})`,
  ].join(', ');
  const budget = [
    `≤ ${trips} trips`,
    isWrite ? `${transactions === 1 ? '1 tx' : `≤ ${transactions} tx`}` : 'no writes',
    ...(route.operation.endsWith('.list') ? [`read ≤ ${READ_RATIO_BUDGET} × sent`] : []),
    `≤ ${HANDLER_MS_BUDGET} ms`,
  ].join(', ');
  return {
    section,
    name,
    value,
    budget: allowance ? `${budget} (${allowance.reason})` : budget,
    pass: checks.every(Boolean),
    data: {
      ...calls,
      responseBytes: m.responseBytes,
      handlerMs: m.handlerMs,
      firstHandlerMs: m.firstHandlerMs,
      status: m.status,
    },
  };
}
