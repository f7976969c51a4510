/**
 * A district of any number of zones, each of two communes of two cells, with a zone head and a
 * cell secretary per unit and the office (`van-phong-1`): the shape of the sample, at 6 or 60 zones.
 * The office and the zone heads can sign in (`sample-<id>`).
 */
import type { DistrictConfig } from '../../shared/domain/structure/district-config';
import { generatedDistrictConfig } from '../support/large-district';

export const BENCH_OFFICE = 'van-phong-1';
export const BENCH_DISTRICT = 'bench';

export function generatedDistrict(zoneCount: number): DistrictConfig {
  const zones = Array.from({ length: zoneCount }, (_, i) => ({ id: `khu-${i + 1}`, name: `Khu ${i + 1}` }));
  const communes = zones.flatMap((zone) =>
    ['dong', 'tay'].map((side) => ({
      id: `${zone.id}-xa-${side}`,
      name: `Xã ${side} ${zone.name}`,
      kind: 'xa',
      zoneId: zone.id,
    })),
  );
  const cells = communes.flatMap((commune) =>
    ['thon-thuong', 'thon-ha'].map((part) => ({
      id: `${commune.id}-${part}`,
      name: `Chi bộ ${part}`,
      communeId: commune.id,
    })),
  );
  const officials = [
    { id: BENCH_OFFICE, name: 'Văn phòng', title: 'Chánh văn phòng', subject: `sample-${BENCH_OFFICE}` },
    // zone heads sign in: a zone head's own statistics are timed (`flat-with-size.ts`).
    ...zones.map((zone) => ({
      id: `truong-${zone.id}`,
      name: `Trưởng ${zone.name}`,
      title: 'Uỷ viên BTV',
      subject: `sample-truong-${zone.id}`,
    })),
    ...cells.map((cell) => ({ id: `bi-thu-${cell.id}`, name: `Bí thư ${cell.id}`, title: 'Bí thư chi bộ' })),
  ];
  const assignments = [
    { officialId: BENCH_OFFICE, role: 'office' },
    ...zones.map((zone) => ({ officialId: `truong-${zone.id}`, role: 'zone-head', scopeId: zone.id })),
    ...cells.map((cell) => ({ officialId: `bi-thu-${cell.id}`, role: 'cell-secretary', scopeId: cell.id })),
  ];
  return generatedDistrictConfig(
    { id: BENCH_DISTRICT, name: `Huyện ${zoneCount} khu` },
    { zones, communes, cells, officials, assignments },
  );
}
