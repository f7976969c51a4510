/**
 * Flat with size: the reads a district makes every day, timed through the local gateway in a
 * small district (6 zones, 1,000 proposals) and in a large one (60 zones, 100,000), each in its own
 * process and table. Each zone has about 7 proposals a month in both, so the large district simply
 * has more months (about 20 years of records): a zone's month, a search page and one proposal are
 * the same size in both, and only what else the table holds differs.
 */

import { addMonths } from '../../shared/domain/time';
import { type Measured, startBenchGateway } from './bench-gateway';
import { type Figure, ratioFigure } from './figures';
import { BENCH_OFFICE } from './generated-district';
import { median, percentile } from './measure';
import { type DistrictSize, LAST_MONTH, labelOf, OPEN_MONTH, SEARCHED } from './seeded-district';

const SECTION = 'flat with size';
const RUNS = 40;
const BUDGET = 1.3;

/** A read: its path, and who asks it (the office unless said). */
interface Read {
  readonly path: string;
  readonly as?: string;
}

/** The reads, by name. */
function reads(zoneCount: number): Record<string, Read> {
  const year = `from=${addMonths(LAST_MONTH, -11)}&to=${LAST_MONTH}`;
  const zone = `khu-${zoneCount}`;
  return {
    "a zone's proposals for a month": { path: `/proposals?zoneId=${zone}&from=${LAST_MONTH}&to=${LAST_MONTH}` },
    'free-text search, a page of 20': { path: `/proposals?q=${SEARCHED}&limit=20` },
    'one proposal with its history': { path: `/proposals/${LAST_MONTH}.khu-1.khu-1-xa-dong.l-b0` },
    "a month's meetings, a page of 6": { path: `/meetings?month=${OPEN_MONTH}&limit=6` },
    'statistics for a year': { path: `/stats/proposals?${year}` },
    // the zone head's own query: one of 6 or 60 zones.
    "statistics for a zone's year": {
      path: `/stats/proposals?${year}&by=field&zoneId=${zone}`,
      as: `truong-${zone}`,
    },
  };
}

/** Times each read in a district seeded before (`seeded-district.ts`). */
export async function scaleTimings(size: DistrictSize): Promise<Figure[]> {
  const zoneCount = size.zones;
  const label = labelOf(size);
  const figures: Figure[] = [];
  const gateway = await startBenchGateway();
  try {
    for (const [name, { path, as = BENCH_OFFICE }] of Object.entries(reads(zoneCount))) {
      const times: number[] = [];
      let last: Measured | undefined;
      for (let run = 0; run < RUNS; run++) {
        last = await gateway.send({ method: 'GET', path, as });
        times.push(last.totalMs);
      }
      const { status, calls, responseBytes } = last as Measured;
      // the first runs warm the function and the caller's cache up.
      const warm = times.slice(5);
      const [p50, p95] = [median(warm), percentile(warm, 95)];
      figures.push({
        section: SECTION,
        name: `${name} (${label})`,
        value:
          status === 200
            ? `median ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms; ${calls.reads} reads, ${(calls.bytesRead / 1024).toFixed(0)} KiB read, ${(responseBytes / 1024).toFixed(0)} KiB sent`
            : `answered ${status}`,
        data: { median: p50, p95, ...size, status, ...calls, responseBytes },
      });
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
