/**
 * The one route table. The CDK stack, the local gateway and every handler read it: each route's
 * method and path, the function that serves it, the operation inside that function and who may
 * call it. Nothing else lists routes or decides access.
 */
import { type Role, roles } from '../shared/domain/structure/roles';
import { type AccessRule, allow, type Grant, PUBLIC, SIGNED_IN } from '../shared/http/access-rules';

/** What a function may do to the table; the stack grants exactly this. */
export type TableAccess = 'none' | 'read' | 'read-write';

export interface FunctionDefinition {
  /** Entry module, relative to the repository root. */
  readonly entry: string;
  readonly table: TableAccess;
  readonly description: string;
}

/** The Lambda functions: one per handler group, plus the scheduled cycle opener. */
export const functions = {
  system: { entry: 'functions/system/handler.ts', table: 'none', description: 'Health and unmatched routes' },
  structureRead: {
    entry: 'functions/structure/read-handler.ts',
    table: 'read',
    description: 'Reads the district structure, the caller and the audit trail',
  },
  structureWrite: {
    entry: 'functions/structure/write-handler.ts',
    table: 'read-write',
    description: 'Changes and imports the district structure',
  },
  cycleRead: {
    entry: 'functions/cycle/read-handler.ts',
    table: 'read',
    description: 'Reads cycles, meetings, agendas, rotation plans and announcements',
  },
  cycleWrite: {
    entry: 'functions/cycle/write-handler.ts',
    table: 'read-write',
    description: 'Opens cycles and runs meetings, rotation plans and announcements',
  },
  cycleOpener: {
    entry: 'functions/cycle/open-cycle.ts',
    table: 'read-write',
    description: 'Opens the month’s cycle on schedule',
  },
} as const satisfies Record<string, FunctionDefinition>;

export type FunctionName = keyof typeof functions;
/** Functions that serve HTTP routes (the opener is invoked by the scheduler). */
export type HttpFunctionName = Exclude<FunctionName, 'cycleOpener'>;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteDefinition {
  readonly method: HttpMethod;
  /** API Gateway path syntax: `/zones/{zoneId}`. */
  readonly path: string;
  readonly fn: HttpFunctionName;
  readonly operation: string;
  readonly access: AccessRule;
  /** Largest accepted body; 256 KiB unless the route takes files (at most 5 MiB). */
  readonly maxBodyBytes?: number;
  readonly summary: string;
}

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

const STRUCTURE_EDITORS = allow(['office', 'district-admin']);

/** Everyone who may see a zone's meetings: the office and standing board everywhere, the rest in their zone. */
const zoneMembers: readonly Grant[] = [
  { role: 'zone-head', within: 'zone' },
  { role: 'zone-deputy', within: 'zone' },
  { role: 'commune-in-charge', within: 'zone' },
  { role: 'commune-secretary', within: 'zone' },
  { role: 'commune-chair', within: 'zone' },
  { role: 'cell-secretary', within: 'zone' },
];
const MEETING_READERS = allow(['office', 'standing-board', ...zoneMembers]);
const MEETING_READERS_OF_PATH_MEETING = allow(['office', 'standing-board', ...zoneMembers], {
  zone: 'meeting.path.meetingId',
});
const ZONE_READERS_OF_PATH_ZONE = allow(['office', 'standing-board', ...zoneMembers], { zone: 'path.zoneId' });
/**
 * Announcements concern everyone they were sent to: the office and standing board read them all;
 * every other role reads those sent to all zones plus those of the zones its assignments reach
 * (a role without a zone, such as a department, reaches none and reads only the `ALL` ones).
 */
const ANNOUNCEMENT_READERS = allow(
  roles.map((role): Role | Grant => (role === 'office' || role === 'standing-board' ? role : { role, within: 'zone' })),
);
const MINUTES_KEEPERS = allow([{ role: 'zone-deputy', within: 'zone' }], { zone: 'meeting.path.meetingId' });
const MEETING_RUNNERS = allow(['office', { role: 'zone-deputy', within: 'zone' }], { zone: 'meeting.path.meetingId' });

/** CRUD routes of one structure collection; the operations are named `<collection>.<verb>`. */
function structureRoutes(collection: string, idParam: string, label: string): RouteDefinition[] {
  const item = `/${collection}/{${idParam}}`;
  return [
    {
      method: 'GET',
      path: `/${collection}`,
      fn: 'structureRead',
      operation: `${collection}.list`,
      access: SIGNED_IN,
      summary: `List ${label}`,
    },
    {
      method: 'GET',
      path: item,
      fn: 'structureRead',
      operation: `${collection}.get`,
      access: SIGNED_IN,
      summary: `Get one ${label}`,
    },
    {
      method: 'POST',
      path: `/${collection}`,
      fn: 'structureWrite',
      operation: `${collection}.create`,
      access: STRUCTURE_EDITORS,
      summary: `Create ${label}`,
    },
    {
      method: 'PATCH',
      path: item,
      fn: 'structureWrite',
      operation: `${collection}.update`,
      access: STRUCTURE_EDITORS,
      summary: `Change ${label} (If-Match)`,
    },
    {
      method: 'DELETE',
      path: item,
      fn: 'structureWrite',
      operation: `${collection}.delete`,
      access: STRUCTURE_EDITORS,
      summary: `Remove ${label} (If-Match)`,
    },
  ];
}

export const routes: readonly RouteDefinition[] = [
  { method: 'GET', path: '/health', fn: 'system', operation: 'health', access: PUBLIC, summary: 'Liveness check' },
  {
    method: 'GET',
    path: '/me',
    fn: 'structureRead',
    operation: 'me',
    access: SIGNED_IN,
    summary: 'The caller and their assignments',
  },
  ...structureRoutes('zones', 'zoneId', 'zone'),
  ...structureRoutes('communes', 'communeId', 'commune'),
  ...structureRoutes('cells', 'cellId', 'party cell'),
  ...structureRoutes('departments', 'departmentId', 'department'),
  ...structureRoutes('officials', 'officialId', 'official'),
  {
    method: 'GET',
    path: '/assignments',
    fn: 'structureRead',
    operation: 'assignments.list',
    access: SIGNED_IN,
    summary: 'List assignments',
  },
  {
    method: 'GET',
    path: '/assignments/{assignmentId}',
    fn: 'structureRead',
    operation: 'assignments.get',
    access: SIGNED_IN,
    summary: 'Get one assignment',
  },
  {
    method: 'POST',
    path: '/assignments',
    fn: 'structureWrite',
    operation: 'assignments.create',
    access: STRUCTURE_EDITORS,
    summary: 'Assign a role',
  },
  {
    method: 'DELETE',
    path: '/assignments/{assignmentId}',
    fn: 'structureWrite',
    operation: 'assignments.delete',
    access: STRUCTURE_EDITORS,
    summary: 'End an assignment (If-Match)',
  },
  {
    method: 'GET',
    path: '/calendar',
    fn: 'structureRead',
    operation: 'calendar.get',
    access: SIGNED_IN,
    summary: 'The district calendar (holidays)',
  },
  {
    method: 'PUT',
    path: '/structure',
    fn: 'structureWrite',
    operation: 'structure.import',
    access: STRUCTURE_EDITORS,
    maxBodyBytes: 5 * 1024 * 1024,
    summary: 'Import a whole district config file',
  },
  {
    method: 'GET',
    path: '/audit',
    fn: 'structureRead',
    operation: 'audit.list',
    access: allow(['office', 'district-admin']),
    summary: 'Audit trail of one entity',
  },

  {
    method: 'GET',
    path: '/zones/{zoneId}/hosting-wishes/{year}',
    fn: 'cycleRead',
    operation: 'hostingWishes.list',
    access: ZONE_READERS_OF_PATH_ZONE,
    summary: 'Hosting wishes of a zone’s communes',
  },
  {
    method: 'PUT',
    path: '/communes/{communeId}/hosting-wishes/{year}',
    fn: 'cycleWrite',
    operation: 'hostingWishes.put',
    access: allow(['office', { role: 'commune-secretary', within: 'commune' }], { commune: 'path.communeId' }),
    summary: 'Register the months a commune wishes to host',
  },
  {
    method: 'GET',
    path: '/zones/{zoneId}/rotations/{year}',
    fn: 'cycleRead',
    operation: 'rotations.get',
    access: ZONE_READERS_OF_PATH_ZONE,
    summary: 'A zone’s host rotation for a year',
  },
  {
    method: 'PUT',
    path: '/zones/{zoneId}/rotations/{year}',
    fn: 'cycleWrite',
    operation: 'rotations.generate',
    access: allow(['office']),
    summary: 'Generate or regenerate a zone’s rotation',
  },
  {
    method: 'POST',
    path: '/zones/{zoneId}/rotations/{year}/swaps',
    fn: 'cycleWrite',
    operation: 'rotations.swap',
    access: allow(['office']),
    summary: 'Swap the hosts of two months (If-Match)',
  },

  {
    method: 'POST',
    path: '/cycles/{month}/open',
    fn: 'cycleWrite',
    operation: 'cycles.open',
    access: allow(['office']),
    summary: 'Open a month’s cycle by hand',
  },
  {
    method: 'PUT',
    path: '/cycles/{month}/window',
    fn: 'cycleWrite',
    operation: 'cycles.window',
    access: allow(['office']),
    summary: 'Set the meeting window of a month not yet open (If-Match to change it, audited)',
  },
  {
    method: 'GET',
    path: '/cycles/{month}',
    fn: 'cycleRead',
    operation: 'cycles.get',
    access: MEETING_READERS,
    summary: 'A month’s cycle and the meetings the caller may see',
  },
  {
    method: 'GET',
    path: '/meetings',
    fn: 'cycleRead',
    operation: 'meetings.list',
    access: MEETING_READERS,
    summary: 'Meetings of a zone',
  },
  {
    method: 'GET',
    path: '/meetings/{meetingId}',
    fn: 'cycleRead',
    operation: 'meetings.get',
    access: MEETING_READERS_OF_PATH_MEETING,
    summary: 'One meeting',
  },
  {
    method: 'GET',
    path: '/meetings/{meetingId}/agenda',
    fn: 'cycleRead',
    operation: 'meetings.agenda',
    access: MEETING_READERS_OF_PATH_MEETING,
    summary: 'A meeting’s agenda',
  },
  {
    method: 'POST',
    path: '/meetings/{meetingId}/reschedule',
    fn: 'cycleWrite',
    operation: 'meetings.reschedule',
    access: MEETING_RUNNERS,
    summary: 'Date or move a meeting; outside the window only the office, with a reason (If-Match)',
  },
  {
    method: 'POST',
    path: '/meetings/{meetingId}/hold',
    fn: 'cycleWrite',
    operation: 'meetings.hold',
    access: MEETING_RUNNERS,
    summary: 'Mark a meeting held (If-Match)',
  },
  {
    method: 'POST',
    path: '/meetings/{meetingId}/close',
    fn: 'cycleWrite',
    operation: 'meetings.close',
    access: MEETING_RUNNERS,
    summary: 'Close a meeting, locking its minutes (If-Match)',
  },
  {
    method: 'POST',
    path: '/meetings/{meetingId}/cancel',
    fn: 'cycleWrite',
    operation: 'meetings.cancel',
    access: allow(['office'], { zone: 'meeting.path.meetingId' }),
    summary: 'Cancel a meeting (If-Match)',
  },
  {
    method: 'PUT',
    path: '/meetings/{meetingId}/attendance',
    fn: 'cycleWrite',
    operation: 'meetings.attendance',
    access: MINUTES_KEEPERS,
    summary: 'Record attendance (If-Match)',
  },
  {
    method: 'PUT',
    path: '/meetings/{meetingId}/minutes',
    fn: 'cycleWrite',
    operation: 'meetings.minutes',
    access: MINUTES_KEEPERS,
    summary: 'Write the minutes (If-Match)',
  },
  {
    method: 'POST',
    path: '/meetings/{meetingId}/amendments',
    fn: 'cycleWrite',
    operation: 'meetings.amend',
    access: MEETING_RUNNERS,
    summary: 'Amend a closed meeting’s minutes (If-Match, audited)',
  },

  {
    method: 'POST',
    path: '/announcements',
    fn: 'cycleWrite',
    operation: 'announcements.create',
    access: allow(['office']),
    summary: 'Post an announcement to zones',
  },
  {
    method: 'GET',
    path: '/announcements',
    fn: 'cycleRead',
    operation: 'announcements.list',
    access: ANNOUNCEMENT_READERS,
    summary: 'Announcements that concern the caller',
  },
];

/** `routeKey` as API Gateway writes it: `GET /zones/{zoneId}`. */
export function routeKeyOf(route: Pick<RouteDefinition, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}
