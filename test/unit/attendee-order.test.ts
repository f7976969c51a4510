/** The exact order and membership of a meeting's expected attendees and reports. */
import { describe, expect, it } from 'vitest';
import { expectedReports, selectAttendees, type ZoneAssignment } from '../../shared/domain/cycle/attendees';

const zone = (officialId: string, role: ZoneAssignment['role'], scopeId: string): ZoneAssignment => ({
  officialId,
  role,
  scopeId,
  zoneId: 'khu-1',
});

describe('selectAttendees order', () => {
  it('orders officials by their first role, then by unit, then by id, and each official’s roles alike', () => {
    // given in the reverse of the expected order, so no order survives by accident
    const assignments = [
      zone('cb-z', 'cell-secretary', 'chi-bo-b'),
      zone('cb-y', 'cell-secretary', 'chi-bo-a'),
      zone('cb-x', 'cell-secretary', 'chi-bo-a'),
      zone('ct-xa-b', 'commune-chair', 'xa-b'),
      zone('bt-xa-a', 'commune-secretary', 'xa-a'),
      zone('uv', 'cell-secretary', 'chi-bo-c'),
      zone('uv', 'commune-in-charge', 'xa-b'),
      zone('uv', 'commune-in-charge', 'xa-a'),
      zone('tk', 'zone-head', 'khu-1'),
    ];

    const { expected } = selectAttendees('khu-1', assignments, () => undefined);

    expect(expected.map((a) => [a.officialId, a.roles.map((r) => `${r.role}:${r.unitId}`)])).toEqual([
      ['tk', ['zone-head:khu-1']],
      ['uv', ['commune-in-charge:xa-a', 'commune-in-charge:xa-b', 'cell-secretary:chi-bo-c']],
      ['bt-xa-a', ['commune-secretary:xa-a']],
      ['ct-xa-b', ['commune-chair:xa-b']],
      ['cb-x', ['cell-secretary:chi-bo-a']],
      ['cb-y', ['cell-secretary:chi-bo-a']],
      ['cb-z', ['cell-secretary:chi-bo-b']],
    ]);
  });

  it('ignores an assignment of the zone that names no unit', () => {
    const assignments: ZoneAssignment[] = [{ officialId: 'khong-pham-vi', role: 'zone-head', zoneId: 'khu-1' }];

    expect(selectAttendees('khu-1', assignments, () => undefined).expected).toEqual([]);
  });

  it('ignores assignments of other zones, whatever their role', () => {
    const other: ZoneAssignment[] = [
      { officialId: 'tk-2', role: 'zone-head', scopeId: 'khu-2', zoneId: 'khu-2' },
      { officialId: 'pk-2', role: 'zone-deputy', scopeId: 'khu-2', zoneId: 'khu-2' },
    ];

    expect(selectAttendees('khu-1', other, () => undefined)).toEqual({ expected: [], minutesSecretary: null });
  });

  it('makes the first of several deputies by id the minutes secretary, with the name found', () => {
    const assignments = [zone('pho-khu-c', 'zone-deputy', 'khu-1'), zone('pho-khu-a', 'zone-deputy', 'khu-1')];

    const { expected, minutesSecretary } = selectAttendees('khu-1', assignments, (id) => `Tên ${id}`);

    expect(minutesSecretary).toEqual({ officialId: 'pho-khu-a', name: 'Tên pho-khu-a' });
    expect(expected).toEqual([]);
  });
});

describe('expectedReports', () => {
  const communes = [
    { id: 'xa-b', name: 'Xã B' },
    { id: 'xa-a', name: 'Xã A' },
  ];
  const cells = [
    { id: 'b-2', name: 'Chi bộ B2', communeId: 'xa-b' },
    { id: 'b-1', name: 'Chi bộ B1', communeId: 'xa-b' },
    { id: 'a-9', name: 'Chi bộ A9', communeId: 'xa-a' },
    { id: 'c-1', name: 'Chi bộ của xã khác', communeId: 'xa-c' },
  ];

  it('orders reports by commune, then cell, leaving out cells of other communes', () => {
    expect(expectedReports(communes, cells, []).map((report) => [report.communeName, report.cellId])).toEqual([
      ['Xã A', 'a-9'],
      ['Xã B', 'b-1'],
      ['Xã B', 'b-2'],
    ]);
  });

  it('names as secretary whoever holds the cell-secretary role of that cell, among their other roles', () => {
    const attendees = [
      {
        officialId: 'uv',
        name: 'Uỷ viên',
        roles: [
          { role: 'commune-in-charge' as const, unitId: 'xa-a' },
          { role: 'cell-secretary' as const, unitId: 'a-9' },
        ],
      },
      { officialId: 'bt-xa-b', name: 'Bí thư xã B', roles: [{ role: 'commune-secretary' as const, unitId: 'b-1' }] },
    ];

    const reports = expectedReports(communes, cells, attendees);

    expect(reports.map((report) => [report.cellId, report.secretaries])).toEqual([
      ['a-9', [{ officialId: 'uv', name: 'Uỷ viên' }]],
      ['b-1', []],
      ['b-2', []],
    ]);
  });
});
