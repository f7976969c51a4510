/**
 * Generated districts for the tests and benchmarks of what grows with a district's size: the
 * config around generated units (`generatedDistrictConfig`), and a district shaped like a large
 * real one (`largeDistrictConfig`).
 */
import type { DistrictConfig } from '../../shared/domain/structure/district-config';
import { parseDistrictConfig } from '../../shared/services/structure/import-structure';

/** The units, officials and assignments a generator made; everything else is what a district needs. */
export interface GeneratedUnits {
  readonly zones: readonly object[];
  readonly communes: readonly object[];
  readonly cells: readonly object[];
  readonly officials: readonly object[];
  readonly assignments: readonly object[];
}

/** A checked district config of `units`, with no departments or holidays and the cycle opening on the 1st. */
export function generatedDistrictConfig(district: { id: string; name: string }, units: GeneratedUnits): DistrictConfig {
  return parseDistrictConfig({
    district: { ...district, province: 'Thử nghiệm' },
    deployment: {
      cycleOpener: { dayOfMonth: 1, hour: 7, minute: 0 },
      alarmEmails: [`van-phong@${district.id}.example`],
    },
    calendar: { holidays: [] },
    departments: [],
    ...units,
  });
}

/** `perCommune` cells in each of `communes`, named as villages are (`Chi bộ thôn 1`, …). */
export function generatedCells(communes: readonly { id: string }[], perCommune: number) {
  return communes.flatMap((commune) =>
    Array.from({ length: perCommune }, (_, i) => ({
      id: `${commune.id}-thon-${i + 1}`,
      name: `Chi bộ thôn ${i + 1}`,
      communeId: commune.id,
    })),
  );
}

const COMMUNES_PER_ZONE = 4;
const CELLS_PER_COMMUNE = 3;
const COMMUNE_ROLES = ['commune-in-charge', 'commune-secretary', 'commune-chair'] as const;

export function largeDistrictConfig(zoneCount: number): DistrictConfig {
  const zones = Array.from({ length: zoneCount }, (_, i) => ({ id: `khu-${i + 1}`, name: `Khu số ${i + 1}` }));
  const communes = zones.flatMap((zone) =>
    Array.from({ length: COMMUNES_PER_ZONE }, (_, i) => ({
      id: `${zone.id}-xa-${i + 1}`,
      name: `Xã ${i + 1} ${zone.name}`,
      kind: 'xa',
      zoneId: zone.id,
    })),
  );
  const cells = generatedCells(communes, CELLS_PER_COMMUNE);
  const scoped = [
    ...zones.flatMap((zone) => [
      { role: 'zone-head', scopeId: zone.id },
      { role: 'zone-deputy', scopeId: zone.id },
    ]),
    ...communes.flatMap((commune) => COMMUNE_ROLES.map((role) => ({ role, scopeId: commune.id }))),
    ...cells.map((cell) => ({ role: 'cell-secretary', scopeId: cell.id })),
  ];
  const officials = scoped.map(({ role, scopeId }) => ({
    id: `${role}-${scopeId}`,
    name: `Đồng chí ${role} ${scopeId}`,
    title: role,
  }));
  const assignments = scoped.map(({ role, scopeId }) => ({ officialId: `${role}-${scopeId}`, role, scopeId }));
  return generatedDistrictConfig(
    { id: 'huyen-lon', name: 'Huyện Lớn' },
    { zones, communes, cells, officials, assignments },
  );
}
