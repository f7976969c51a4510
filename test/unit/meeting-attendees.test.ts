import { describe, expect, it } from 'vitest';
import { expectedReports, selectAttendees, type ZoneAssignment } from '../../shared/domain/cycle/attendees';
import { type AttendanceEntry, checkAttendance } from '../../shared/domain/cycle/meeting';

const assignments: ZoneAssignment[] = [
  { officialId: 'truong-khu', role: 'zone-head', scopeId: 'khu-1', zoneId: 'khu-1' },
  { officialId: 'pho-khu', role: 'zone-deputy', scopeId: 'khu-1', zoneId: 'khu-1' },
  { officialId: 'pho-khu', role: 'commune-in-charge', scopeId: 'xa-a', zoneId: 'khu-1' },
  { officialId: 'uy-vien', role: 'commune-in-charge', scopeId: 'xa-b', zoneId: 'khu-1' },
  { officialId: 'bi-thu-a', role: 'commune-secretary', scopeId: 'xa-a', zoneId: 'khu-1' },
  { officialId: 'chu-tich-a', role: 'commune-chair', scopeId: 'xa-a', zoneId: 'khu-1' },
  { officialId: 'bi-thu-cb-a1', role: 'cell-secretary', scopeId: 'a1', zoneId: 'khu-1' },
  { officialId: 'bi-thu-cb-b1', role: 'cell-secretary', scopeId: 'b1', zoneId: 'khu-1' },
  { officialId: 'bi-thu-cb-other', role: 'cell-secretary', scopeId: 'c1', zoneId: 'khu-2' },
];
const names: Record<string, string> = { 'truong-khu': 'Nguyễn Văn Trưởng', 'pho-khu': 'Trần Thị Phó' };

describe('selectAttendees', () => {
  const { expected, minutesSecretary } = selectAttendees('khu-1', assignments, (id) => names[id]);

  it('calls the zone head, the members in charge, commune secretaries and chairs, and every cell secretary of the zone', () => {
    expect(expected.map((a) => a.officialId).sort()).toEqual(
      ['bi-thu-a', 'bi-thu-cb-a1', 'bi-thu-cb-b1', 'chu-tich-a', 'pho-khu', 'truong-khu', 'uy-vien'].sort(),
    );
  });

  it('leaves out assignments of other zones', () => {
    expect(expected.some((a) => a.officialId === 'bi-thu-cb-other')).toBe(false);
  });

  it('lists an official once with the attending roles only (the deputy attends as member in charge)', () => {
    const deputy = expected.filter((a) => a.officialId === 'pho-khu');
    expect(deputy).toHaveLength(1);
    expect(deputy[0]?.roles).toEqual([{ role: 'commune-in-charge', unitId: 'xa-a' }]);
  });

  it('puts the zone head first and the cell secretaries last', () => {
    expect(expected[0]?.officialId).toBe('truong-khu');
    expect(expected.slice(-2).map((a) => a.roles[0]?.role)).toEqual(['cell-secretary', 'cell-secretary']);
  });

  it('names the zone deputy as minutes secretary', () => {
    expect(minutesSecretary).toEqual({ officialId: 'pho-khu', name: 'Trần Thị Phó' });
  });

  it('falls back to the id for an official without a name', () => {
    expect(expected.find((a) => a.officialId === 'uy-vien')?.name).toBe('uy-vien');
  });

  it('has no minutes secretary for a zone without deputy', () => {
    expect(selectAttendees('khu-2', assignments, () => undefined).minutesSecretary).toBeNull();
  });
});

describe('expectedReports', () => {
  it('expects one report per cell of the zone’s communes, with the cell’s secretary', () => {
    const { expected } = selectAttendees('khu-1', assignments, (id) => names[id]);
    const communes = [
      { id: 'xa-b', name: 'Xã B' },
      { id: 'xa-a', name: 'Xã A' },
    ];
    const cells = [
      { id: 'b1', name: 'Thôn B1', communeId: 'xa-b' },
      { id: 'a1', name: 'Thôn A1', communeId: 'xa-a' },
      { id: 'c1', name: 'Thôn C1', communeId: 'xa-c' },
    ];

    const reports = expectedReports(communes, cells, expected);

    expect(reports.map((r) => [r.cellId, r.communeName, r.secretaries.map((s) => s.officialId)])).toEqual([
      ['a1', 'Xã A', ['bi-thu-cb-a1']],
      ['b1', 'Xã B', ['bi-thu-cb-b1']],
    ]);
  });
});

describe('checkAttendance', () => {
  const expected = [
    { officialId: 'a', name: 'A' },
    { officialId: 'b', name: 'B' },
  ];

  const cases: { name: string; entries: AttendanceEntry[]; problems: [string, string][] }[] = [
    {
      name: 'accepts present, absent with a reason and delegated with a delegate',
      entries: [
        { officialId: 'a', status: 'absent', reason: 'Ốm' },
        { officialId: 'b', status: 'delegated', delegateName: 'Lê Văn C' },
      ],
      problems: [],
    },
    {
      name: 'points at each entry naming an official not on the expected list, or twice',
      entries: [
        { officialId: 'a', status: 'present' },
        { officialId: 'x', status: 'present' },
        { officialId: 'a', status: 'present' },
      ],
      problems: [
        ['/entries/1/officialId', 'not_expected'],
        ['/entries/2/officialId', 'duplicate'],
      ],
    },
    {
      name: 'requires a reason for an absence and a name for a delegate',
      entries: [
        { officialId: 'a', status: 'absent' },
        { officialId: 'b', status: 'delegated' },
      ],
      problems: [
        ['/entries/0/reason', 'required'],
        ['/entries/1/delegateName', 'required'],
      ],
    },
    {
      name: 'refuses a delegate name on an entry that did not delegate',
      entries: [{ officialId: 'a', status: 'present', delegateName: 'Ai đó' }],
      problems: [['/entries/0/delegateName', 'not_allowed']],
    },
  ];

  it.each(cases)('$name', ({ entries, problems }) => {
    expect(checkAttendance(entries, expected).map((p) => [p.path, p.code])).toEqual(problems);
  });
});
