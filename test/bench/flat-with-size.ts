/**
 * Flat with size: the reads a district makes every day, timed through the local gateway in a
 * small district (6 zones, 1,000 proposals) and in a large one (60 zones, 100,000), each in its own
 * process and table. Each zone has about 7 proposals a month in both, so the large district simply
 * has more months (about 20 years of records): a zone's month, a search page and one proposal are
 * the same size in both, and only what else the table holds differs.
 */

import type { ImportRow } from '../../shared/domain/imports/legacy-proposals';
import type { Cell, Commune } from '../../shared/domain/structure/entities';
import { addMonths } from '../../shared/domain/time';
import { openCycle } from '../../shared/services/cycle/open-cycle';
import { importStructure } from '../../shared/services/structure/import-structure';
import { startBenchGateway } from './bench-gateway';
import { type Figure, ratioFigure } from './figures';
import { BENCH_OFFICE, generatedDistrict } from './generated-district';
import { median, percentile } from './measure';
import { seedProposals } from './seed-proposals';

const SECTION = 'flat with size';
const PER_ZONE_MONTH = 7;
const LAST_MONTH = '2027-02';
const OPEN_MONTH = '2027-03';
/** One proposal in twenty carries this word: a search finds a full page in both districts. */
const SEARCHED = 'kenhmuong';
const RUNS = 40;
const BUDGET = 1.3;

const topics = [
  'Sửa đường trục thôn',
  'Nạo vét kênh tưới',
  'Lắp đèn chiếu sáng ngõ xóm',
  'Cấp nước sạch',
  'Xây lại cầu dân sinh',
];

function rowsOf(zoneCount: number, proposals: number): ImportRow[] {
  const district = generatedDistrict(zoneCount);
  const perMonth = zoneCount * PER_ZONE_MONTH;
  return Array.from({ length: proposals }, (_, i): ImportRow => {
    // communes and cells are listed zone by zone, two of each per unit above.
    const communeIndex = (i % zoneCount) * 2 + (Math.floor(i / zoneCount) % 2);
    const commune = district.communes[communeIndex] as Commune;
    const cell = district.cells[communeIndex * 2] as Cell;
    const topic = topics[i % topics.length] as string;
    return {
      line: i + 2,
      legacyId: `b${i}`,
      month: addMonths(LAST_MONTH, -Math.floor(i / perMonth)),
      zoneId: commune.zoneId,
      commune,
      cell,
      field: 'agriculture',
      title: topic,
      content: `Đề nghị ${topic.toLowerCase()}${i % 20 === 0 ? ` ${SEARCHED}` : ''}`,
      addressee: { kind: 'district' },
      status: i % 10 === 0 ? 'raised' : 'closed',
    };
  });
}

/** The reads, by name: each as the office asks it. */
function reads(zoneCount: number): Record<string, string> {
  return {
    "a zone's proposals for a month": `/proposals?zoneId=khu-${zoneCount}&from=${LAST_MONTH}&to=${LAST_MONTH}`,
    'free-text search, a page of 20': `/proposals?q=${SEARCHED}&limit=20`,
    'one proposal with its history': `/proposals/${LAST_MONTH}.khu-1.khu-1-xa-dong.l-b0`,
    "a month's meetings": `/meetings?month=${OPEN_MONTH}`,
    'statistics for a year': `/stats/proposals?from=${addMonths(LAST_MONTH, -11)}&to=${LAST_MONTH}`,
  };
}

/** Seeds a district of `zoneCount` zones and `proposals` proposals, and times each read. */
export async function scaleTimings(zoneCount: number, proposals: number): Promise<Figure[]> {
  const label = `${zoneCount} zones, ${proposals.toLocaleString('en')} proposals`;
  let started = performance.now();
  await importStructure(generatedDistrict(zoneCount), { id: 'bench' });
  const items = await seedProposals(rowsOf(zoneCount, proposals));
  await openCycle(OPEN_MONTH, { id: 'bench' });
  const figures: Figure[] = [
    {
      section: SECTION,
      name: `seeding ${label}`,
      value: `${items.toLocaleString('en')} items in ${((performance.now() - started) / 1000).toFixed(0)} s`,
      data: { items, ms: performance.now() - started },
    },
  ];
  const gateway = await startBenchGateway();
  try {
    for (const [name, path] of Object.entries(reads(zoneCount))) {
      const times: number[] = [];
      let status = 0;
      for (let run = 0; run < RUNS; run++) {
        const measured = await gateway.send({ method: 'GET', path, as: BENCH_OFFICE });
        times.push(measured.totalMs);
        status = measured.status;
      }
      // the first runs warm the function and the caller's cache up.
      const warm = times.slice(5);
      const [p50, p95] = [median(warm), percentile(warm, 95)];
      figures.push({
        section: SECTION,
        name: `${name} (${label})`,
        value: status === 200 ? `median ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms` : `answered ${status}`,
        data: { median: p50, p95, zones: zoneCount, proposals, status },
      });
      started = performance.now();
    }
  } finally {
    gateway.close();
  }
  return figures;
}

/** Each read's median in the large district over the small one's. */
export function flatFigures(small: readonly Figure[], large: readonly Figure[]): Figure[] {
  return Object.keys(reads(1)).map((name) => {
    const of = (figures: readonly Figure[]) => figures.find((f) => f.name.startsWith(`${name} (`))?.data ?? {};
    const [s, l] = [of(small), of(large)];
    return ratioFigure(SECTION, `${name}: large / small median`, Number(l.median) / Number(s.median), BUDGET, {
      smallMedian: Number(s.median),
      largeMedian: Number(l.median),
    });
  });
}
