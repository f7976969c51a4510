/** The district config's own rules, on a small hand-made config: each reference check, and the schema's bounds. */
import { describe, expect, it } from 'vitest';
import {
  type ConfigLists,
  checkConfigReferences,
  type DistrictConfig,
  districtConfigSchema,
} from '../../shared/domain/structure/district-config';
import type { AssignmentInput } from '../../shared/domain/structure/entities';

function lists(): ConfigLists {
  return {
    zones: [
      { id: 'khu-1', name: 'Khu 1' },
      { id: 'khu-2', name: 'Khu 2' },
    ],
    communes: [
      { id: 'xa-a', name: 'Xã A', kind: 'xa', zoneId: 'khu-1' },
      { id: 'xa-b', name: 'Xã B', kind: 'xa', zoneId: 'khu-2' },
    ],
    cells: [{ id: 'chi-bo-a', name: 'Chi bộ A', communeId: 'xa-a' }],
    departments: [{ id: 'phong-a', name: 'Phòng A' }],
    officials: [
      { id: 'can-bo-1', name: 'Cán bộ 1', title: 'Bí thư', subject: 'sub-1' },
      { id: 'can-bo-2', name: 'Cán bộ 2', title: 'Trưởng khu', subject: 'sub-2' },
      { id: 'can-bo-3', name: 'Cán bộ 3', title: 'Chuyên viên' },
      { id: 'can-bo-4', name: 'Cán bộ 4', title: 'Chuyên viên' },
    ],
    assignments: [
      { officialId: 'can-bo-1', role: 'office' },
      { officialId: 'can-bo-2', role: 'zone-head', scopeId: 'khu-1' },
      { officialId: 'can-bo-2', role: 'commune-secretary', scopeId: 'xa-a' },
      { officialId: 'can-bo-3', role: 'cell-secretary', scopeId: 'chi-bo-a' },
      { officialId: 'can-bo-4', role: 'department', scopeId: 'phong-a' },
    ],
  };
}

function withAssignment(assignment: AssignmentInput): ConfigLists {
  const config = lists();
  return { ...config, assignments: [...config.assignments, assignment] };
}

describe('checkConfigReferences, one rule at a time', () => {
  it('finds nothing wrong in a consistent config', () => {
    expect(checkConfigReferences(lists())).toEqual([]);
  });

  it.each(['zones', 'communes', 'cells', 'departments', 'officials'] as const)(
    'reports the second of two %s with one id, at its index',
    (name) => {
      const config = lists();
      const items = config[name] as { id: string; subject?: string }[];
      // the copy has no account subject, so only its id repeats
      const { subject: _subject, ...copy } = items[0] as { id: string; subject?: string };
      items.push(copy);

      expect(checkConfigReferences(config)).toEqual([
        { path: `/${name}/${items.length - 1}/id`, code: 'duplicate_id', message: `Mã "${items[0]?.id}" bị trùng` },
      ]);
    },
  );

  it('reports a commune in an unknown zone and a cell in an unknown commune', () => {
    const config = lists();
    config.communes.push({ id: 'xa-c', name: 'Xã C', kind: 'thi-tran', zoneId: 'khu-9' });
    config.cells.push({ id: 'chi-bo-b', name: 'Chi bộ B', communeId: 'xa-9' });

    expect(checkConfigReferences(config)).toEqual([
      { path: '/communes/2/zoneId', code: 'unknown_reference', message: 'Không tìm thấy khu có mã "khu-9"' },
      { path: '/cells/1/communeId', code: 'unknown_reference', message: 'Không tìm thấy xã có mã "xa-9"' },
    ]);
  });

  it('reports the second official holding an account subject, and lets officials without one be', () => {
    const config = lists();
    config.officials.push({ id: 'can-bo-5', name: 'Cán bộ 5', title: 'Chuyên viên', subject: 'sub-2' });
    config.officials.push({ id: 'can-bo-6', name: 'Cán bộ 6', title: 'Chuyên viên' });

    expect(checkConfigReferences(config)).toEqual([
      {
        path: '/officials/4/subject',
        code: 'duplicate_subject',
        message: 'Tài khoản "sub-2" đã gắn với cán bộ khác',
      },
    ]);
  });

  it('reports an assignment of an unknown official', () => {
    expect(checkConfigReferences(withAssignment({ officialId: 'can-bo-9', role: 'office' }))).toEqual([
      {
        path: '/assignments/5/officialId',
        code: 'unknown_reference',
        message: 'Không tìm thấy cán bộ có mã "can-bo-9"',
      },
    ]);
  });

  it('refuses a scope on a district-wide role', () => {
    expect(
      checkConfigReferences(withAssignment({ officialId: 'can-bo-3', role: 'standing-board', scopeId: 'khu-1' })),
    ).toEqual([
      {
        path: '/assignments/5/scopeId',
        code: 'unexpected_scope',
        message: 'Vai trò "standing-board" áp dụng cho toàn huyện, không nhận phạm vi',
      },
    ]);
  });

  it('requires a scope of a scoped role, naming its kind', () => {
    expect(checkConfigReferences(withAssignment({ officialId: 'can-bo-3', role: 'commune-chair' }))).toEqual([
      {
        path: '/assignments/5/scopeId',
        code: 'missing_scope',
        message: 'Vai trò "commune-chair" cần phạm vi (commune)',
      },
    ]);
  });

  it.each([
    ['zone-deputy', 'zone', 'xa-a'],
    ['commune-in-charge', 'commune', 'khu-1'],
    ['cell-secretary', 'cell', 'phong-a'],
    ['department', 'department', 'chi-bo-a'],
  ] as const)('checks a %s scope among the %s ids only', (role, kind, otherKindsId) => {
    const problems = checkConfigReferences(withAssignment({ officialId: 'can-bo-3', role, scopeId: otherKindsId }));

    expect(problems).toEqual([
      {
        path: '/assignments/5/scopeId',
        code: 'unknown_reference',
        message: `Không tìm thấy ${kind} có mã "${otherKindsId}"`,
      },
    ]);
  });

  it('reports a repeated assignment, telling apart the same role in another unit', () => {
    const repeated = withAssignment({ officialId: 'can-bo-2', role: 'zone-head', scopeId: 'khu-1' });
    const elsewhere = withAssignment({ officialId: 'can-bo-2', role: 'zone-head', scopeId: 'khu-2' });
    const districtWide = withAssignment({ officialId: 'can-bo-1', role: 'office' });

    expect(checkConfigReferences(repeated)).toEqual([
      { path: '/assignments/5', code: 'duplicate_assignment', message: 'Phân công bị trùng' },
    ]);
    expect(checkConfigReferences(elsewhere)).toEqual([]);
    expect(checkConfigReferences(districtWide).map((problem) => problem.code)).toEqual(['duplicate_assignment']);
  });

  it('reports every problem of a config, not only the first', () => {
    const config = lists();
    config.zones.push({ id: 'khu-1', name: 'Khu 1 lặp' });
    config.cells.push({ id: 'chi-bo-c', name: 'Chi bộ C', communeId: 'xa-z' });
    config.assignments.push({ officialId: 'ai-do', role: 'zone-head' });

    expect(checkConfigReferences(config).map((problem) => problem.path)).toEqual([
      '/zones/2/id',
      '/cells/1/communeId',
      '/assignments/5/officialId',
      '/assignments/5/scopeId',
    ]);
  });
});

describe('districtConfigSchema', () => {
  const valid: DistrictConfig = {
    district: { id: 'huyen-mau', name: 'Huyện Mẫu', province: 'Tỉnh Mẫu' },
    deployment: {
      cycleOpener: { dayOfMonth: 1, hour: 7, minute: 0 },
      alarmEmails: ['van-phong@huyen-mau.example'],
      apiLatencyP99Ms: 3000,
      dashboard: false,
    },
    calendar: { holidays: ['2027-01-01'] },
    ...lists(),
  };
  const parse = (config: unknown) => districtConfigSchema.safeParse(config);
  const opener = (cycleOpener: Record<string, number>) => ({
    ...valid,
    deployment: { ...valid.deployment, cycleOpener },
  });

  it('accepts a complete config, with or without $schema and the sample flag', () => {
    expect(parse(valid).success).toBe(true);
    expect(parse({ ...valid, $schema: './schema.json', sample: true }).success).toBe(true);
  });

  it.each([
    ['day 1 at 00:00', true, { dayOfMonth: 1, hour: 0, minute: 0 }],
    ['day 4 at 23:59', true, { dayOfMonth: 4, hour: 23, minute: 59 }],
    ['day 0', false, { dayOfMonth: 0, hour: 7, minute: 0 }],
    ['day 5', false, { dayOfMonth: 5, hour: 7, minute: 0 }],
    ['hour 24', false, { dayOfMonth: 1, hour: 24, minute: 0 }],
    ['hour -1', false, { dayOfMonth: 1, hour: -1, minute: 0 }],
    ['minute 60', false, { dayOfMonth: 1, hour: 7, minute: 60 }],
    ['minute -1', false, { dayOfMonth: 1, hour: 7, minute: -1 }],
    ['a fractional hour', false, { dayOfMonth: 1, hour: 7.5, minute: 0 }],
  ])('opens the cycle on %s: accepted %s', (_case, accepted, cycleOpener) => {
    expect(parse(opener(cycleOpener)).success).toBe(accepted);
  });

  it('refuses unknown fields at the top and in the district', () => {
    expect(parse({ ...valid, extra: 1 }).success).toBe(false);
    expect(parse({ ...valid, district: { ...valid.district, extra: 1 } }).success).toBe(false);
  });

  it('bounds the district’s name and province to 120 characters', () => {
    expect(parse({ ...valid, district: { ...valid.district, name: 'x'.repeat(120) } }).success).toBe(true);
    expect(parse({ ...valid, district: { ...valid.district, name: 'x'.repeat(121) } }).success).toBe(false);
    expect(parse({ ...valid, district: { ...valid.district, province: 'x'.repeat(121) } }).success).toBe(false);
  });
});
