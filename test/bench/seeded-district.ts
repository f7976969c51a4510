/**
 * The districts the flat-with-size reads are timed in: a generated district (`generated-district.ts`)
 * with about 7 proposals per zone and month, so a larger district simply has more months; one
 * proposal in twenty carries a rare word, so a search finds a full page in every size; and the
 * month after the last one opened.
 */
import type { ImportRow } from '../../shared/domain/imports/legacy-proposals';
import type { Cell, Commune } from '../../shared/domain/structure/entities';
import { addMonths } from '../../shared/domain/time';
import { openCycle } from '../../shared/services/cycle/open-cycle';
import { importStructure } from '../../shared/services/structure/import-structure';
import type { Figure } from './figures';
import { generatedDistrict } from './generated-district';
import { seedProposals } from './seed-proposals';

const PER_ZONE_MONTH = 7;
export const LAST_MONTH = '2027-02';
export const OPEN_MONTH = '2027-03';
export const SEARCHED = 'kenhmuong';

export interface DistrictSize {
  readonly zones: number;
  readonly proposals: number;
}

export function labelOf(size: DistrictSize): string {
  return `${size.zones} zones, ${size.proposals.toLocaleString('en')} proposals`;
}

/**
 * Two-word texts: every word of a proposal is an entry in that word's list, and a hundred thousand
 * proposals of thirty words each would take the seeding past the bench's ten minutes. A search
 * reads one word's list, so the length of the texts does not change what the timed reads do.
 */
const topics = ['Sửa đường', 'Nạo kênh', 'Đèn ngõ', 'Nước sạch', 'Cầu dân'];

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
      content: `${topic}${i % 20 === 0 ? ` ${SEARCHED}` : ''}`,
      addressee: { kind: 'district' },
      status: i % 10 === 0 ? 'raised' : 'closed',
    };
  });
}

/** The district, its proposals and a month's meetings. */
async function seedDistrict(zoneCount: number, proposals: number): Promise<number> {
  await importStructure(generatedDistrict(zoneCount), { id: 'bench' });
  const items = await seedProposals(rowsOf(zoneCount, proposals));
  await openCycle(OPEN_MONTH, { id: 'bench' });
  return items;
}

/** Seeds a district of `size` and reports how long it took. */
export async function seedFigure(size: DistrictSize): Promise<Figure[]> {
  const started = performance.now();
  const items = await seedDistrict(size.zones, size.proposals);
  const seconds = (performance.now() - started) / 1000;
  return [
    {
      section: 'flat with size',
      name: `seeding ${labelOf(size)}`,
      value: `${items.toLocaleString('en')} items in ${seconds.toFixed(0)} s`,
      data: { items, seconds },
    },
  ];
}
