/**
 * Who a zone's meeting expects, worked out from the assignments in the zone: the zone head, the
 * district-committee members in charge of its communes, each commune's party secretary and
 * chair, and every cell secretary of the zone. The zone deputy keeps the minutes.
 */
import type { Role } from '../structure/roles';
import type { Attendee, AttendeeRole, ExpectedReport, Person } from './meeting';

/** An assignment as the zone's assignment index holds it (see `assignmentKeys`). */
export interface ZoneAssignment {
  readonly officialId: string;
  readonly role: Role;
  readonly scopeId?: string;
  readonly zoneId?: string;
}

/** The roles that make an official an expected attendee, in the order the list shows them. */
export const attendeeRoles: readonly Role[] = [
  'zone-head',
  'commune-in-charge',
  'commune-secretary',
  'commune-chair',
  'cell-secretary',
];

export interface ZoneAttendance {
  readonly expected: Attendee[];
  readonly minutesSecretary: Person | null;
}

/**
 * The expected attendees of `zoneId` (one entry per official, with every role that calls them)
 * and the minutes secretary. Assignments of other zones are ignored.
 * @param nameOf an official's name; the id stands in for an official the table no longer has.
 */
export function selectAttendees(
  zoneId: string,
  assignments: readonly ZoneAssignment[],
  nameOf: (officialId: string) => string | undefined,
): ZoneAttendance {
  const inZone = assignments.filter((a) => a.zoneId === zoneId && a.scopeId !== undefined);
  const person = (officialId: string): Person => ({ officialId, name: nameOf(officialId) ?? officialId });
  const rolesByOfficial = new Map<string, AttendeeRole[]>();
  for (const a of inZone) {
    if (!attendeeRoles.includes(a.role)) continue;
    const roles = rolesByOfficial.get(a.officialId) ?? [];
    roles.push({ role: a.role, unitId: a.scopeId as string });
    rolesByOfficial.set(a.officialId, roles);
  }
  const rank = (role: AttendeeRole) => attendeeRoles.indexOf(role.role);
  const byRole = (x: AttendeeRole, y: AttendeeRole) => rank(x) - rank(y) || x.unitId.localeCompare(y.unitId);
  const expected = [...rolesByOfficial].map(([officialId, roles]) => ({
    ...person(officialId),
    roles: roles.sort(byRole),
  }));
  expected.sort(
    (x, y) =>
      byRole(x.roles[0] as AttendeeRole, y.roles[0] as AttendeeRole) || x.officialId.localeCompare(y.officialId),
  );
  const deputies = inZone
    .filter((a) => a.role === 'zone-deputy')
    .map((a) => a.officialId)
    .sort();
  return { expected, minutesSecretary: deputies[0] ? person(deputies[0]) : null };
}

/**
 * The reports a zone's meeting expects: one per cell of the zone's communes, with the cell's
 * secretaries, ordered by commune then cell.
 */
export function expectedReports(
  communes: readonly { readonly id: string; readonly name: string }[],
  cells: readonly { readonly id: string; readonly name: string; readonly communeId: string }[],
  attendees: readonly Attendee[],
): ExpectedReport[] {
  const communeName = new Map(communes.map((c) => [c.id, c.name]));
  const secretariesOf = (cellId: string): Person[] =>
    attendees
      .filter((a) => a.roles.some((r) => r.role === 'cell-secretary' && r.unitId === cellId))
      .map(({ officialId, name }) => ({ officialId, name }));
  return cells
    .filter((cell) => communeName.has(cell.communeId))
    .map((cell) => ({
      cellId: cell.id,
      cellName: cell.name,
      communeId: cell.communeId,
      communeName: communeName.get(cell.communeId) as string,
      secretaries: secretariesOf(cell.id),
    }))
    .sort((x, y) => x.communeId.localeCompare(y.communeId) || x.cellId.localeCompare(y.cellId));
}
