/**
 * Every route's access rule, tried from outside: for each route that names roles, an official
 * holding none of them gets 403. Loosening any rule (in the route table or in a lifecycle table
 * whose grants the route reads) fails here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes';
import { sampleOfficialPerRole } from '../../infra/local/sample-roles';
import type { Role } from '../../shared/domain/structure/roles';
import { useApi } from '../support/api';
import { readSampleConfig, seedSampleDistrict } from '../support/sample-district';

const api = useApi();

beforeAll(async () => {
  await seedSampleDistrict();
});

const config = readSampleConfig();
/** One sample official per role, with every role that official holds (a zone head also sits on the standing committee). */
const samples = sampleOfficialPerRole(config).map((sample) => ({
  ...sample,
  holds: new Set(config.assignments.filter((a) => a.officialId === sample.officialId).map((a) => a.role)),
}));

/** A well-formed value for each path parameter, so only the access rule can refuse. */
const pathValues: Record<string, string> = {
  zoneId: 'khu-1',
  communeId: 'gia-tan',
  cellId: 'cb-gia-tan-thon-ha',
  departmentId: 'ban-to-chuc',
  officialId: 'van-phong-1',
  assignmentId: 'van-phong-1.office.district',
  meetingId: '2027-03.khu-1',
  proposalId: '2027-03.khu-1.gia-hoa-thon-trung.1',
  answerId: 'phong-nn-ptnt.1',
  responseId: '2027-04.1',
  n: '1',
  month: '2027-03',
  year: '2027',
  jobId: '00000000-0000-4000-8000-000000000000',
};

function concretePath(template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = pathValues[name];
    if (value === undefined) throw new Error(`no sample value for {${name}}`);
    return value;
  });
}

const ZONE_MEMBERS: Role[] = [
  'office',
  'standing-board',
  'zone-head',
  'zone-deputy',
  'commune-in-charge',
  'commune-secretary',
  'commune-chair',
  'cell-secretary',
];

/** Who reads proposals (issue 7): everyone but the district's system administrator. */
const PROPOSAL_READERS: Role[] = [
  'office',
  'standing-board',
  'standing-committee',
  'zone-head',
  'zone-deputy',
  'commune-in-charge',
  'commune-secretary',
  'commune-chair',
  'department',
  'cell-secretary',
];

/** Who reads the figures (issue 9): the office, the standing bodies, and a zone's head and deputy (their zone's). */
const STATS_READERS: Role[] = ['office', 'standing-board', 'standing-committee', 'zone-head', 'zone-deputy'];

/**
 * Who may call each route, written out from the domain brief independently of the route table:
 * the table must say exactly this, and everyone else is refused.
 */
const specification: Record<string, Role[]> = {
  'POST /zones': ['office', 'district-admin'],
  'PATCH /zones/{zoneId}': ['office', 'district-admin'],
  'DELETE /zones/{zoneId}': ['office', 'district-admin'],
  'POST /communes': ['office', 'district-admin'],
  'PATCH /communes/{communeId}': ['office', 'district-admin'],
  'DELETE /communes/{communeId}': ['office', 'district-admin'],
  'POST /cells': ['office', 'district-admin'],
  'PATCH /cells/{cellId}': ['office', 'district-admin'],
  'DELETE /cells/{cellId}': ['office', 'district-admin'],
  'POST /departments': ['office', 'district-admin'],
  'PATCH /departments/{departmentId}': ['office', 'district-admin'],
  'DELETE /departments/{departmentId}': ['office', 'district-admin'],
  'POST /officials': ['office', 'district-admin'],
  'PATCH /officials/{officialId}': ['office', 'district-admin'],
  'DELETE /officials/{officialId}': ['office', 'district-admin'],
  'POST /assignments': ['office', 'district-admin'],
  'DELETE /assignments/{assignmentId}': ['office', 'district-admin'],
  'PUT /structure': ['office', 'district-admin'],
  // whoever may send a large structure file follows its job
  'GET /structure/imports/{jobId}': ['office', 'district-admin'],
  'GET /audit': ['office', 'district-admin'],
  'GET /zones/{zoneId}/hosting-wishes/{year}': ZONE_MEMBERS,
  'PUT /communes/{communeId}/hosting-wishes/{year}': ['office', 'commune-secretary'],
  'GET /zones/{zoneId}/rotations/{year}': ZONE_MEMBERS,
  'PUT /zones/{zoneId}/rotations/{year}': ['office'],
  'POST /zones/{zoneId}/rotations/{year}/swaps': ['office'],
  'POST /cycles/{month}/open': ['office'],
  'PUT /cycles/{month}/window': ['office'],
  'GET /cycles/{month}': ZONE_MEMBERS,
  'GET /meetings': ZONE_MEMBERS,
  'GET /meetings/{meetingId}': ZONE_MEMBERS,
  'GET /meetings/{meetingId}/agenda': ZONE_MEMBERS,
  'POST /meetings/{meetingId}/reschedule': ['office', 'zone-deputy'],
  'POST /meetings/{meetingId}/hold': ['office', 'zone-deputy'],
  'POST /meetings/{meetingId}/close': ['office', 'zone-deputy'],
  'POST /meetings/{meetingId}/cancel': ['office'],
  'PUT /meetings/{meetingId}/attendance': ['zone-deputy'],
  'PUT /meetings/{meetingId}/minutes': ['zone-deputy'],
  'POST /meetings/{meetingId}/amendments': ['office', 'zone-deputy'],
  'POST /meetings/{meetingId}/floor-proposals': ['zone-deputy'],
  'PUT /meetings/{meetingId}/floor-proposals/{n}': ['zone-deputy'],
  'DELETE /meetings/{meetingId}/floor-proposals/{n}': ['zone-deputy'],
  'GET /meetings/{meetingId}/reports': ZONE_MEMBERS,
  'GET /meetings/{meetingId}/reports/{cellId}': ZONE_MEMBERS,
  'PUT /meetings/{meetingId}/reports/{cellId}': ['cell-secretary'],
  'POST /meetings/{meetingId}/reports/{cellId}/agreement': ['cell-secretary'],
  'POST /meetings/{meetingId}/reports/{cellId}/submit': ['cell-secretary'],
  'POST /meetings/{meetingId}/reports/{cellId}/reopen': ['office'],
  'POST /meetings/{meetingId}/reports/{cellId}/proposals/{n}/withdraw': ['cell-secretary'],
  'GET /proposals': PROPOSAL_READERS,
  'GET /proposals/{proposalId}': PROPOSAL_READERS,
  'GET /proposals/export.csv': PROPOSAL_READERS,
  'POST /proposals/{proposalId}/route': ['office', 'zone-head', 'zone-deputy'],
  'POST /proposals/{proposalId}/merge': ['office', 'zone-head', 'zone-deputy'],
  'GET /stats/proposals': STATS_READERS,
  'GET /stats/proposals.csv': STATS_READERS,
  'GET /stats/proposals.svg': STATS_READERS,
  'GET /stats/verify': ['office'],
  'POST /imports/proposals': ['office'],
  'GET /imports/proposals/{jobId}': ['office'],
  'POST /proposals/{proposalId}/result': ['commune-secretary', 'commune-chair'],
  'POST /proposals/{proposalId}/assignments': ['office'],
  'POST /proposals/{proposalId}/answers': ['department'],
  'POST /proposals/{proposalId}/answers/{answerId}/review': ['office', 'standing-board'],
  'POST /proposals/{proposalId}/confirmation': ['cell-secretary'],
  'POST /proposals/{proposalId}/reminders': ['cell-secretary'],
  'GET /overdue': PROPOSAL_READERS,
  'GET /responses': PROPOSAL_READERS,
  'POST /responses': ['office'],
  'POST /responses/{responseId}/issue': ['standing-board'],
  'GET /responses/{responseId}': PROPOSAL_READERS,
  'POST /announcements': ['office'],
  'GET /announcements': [
    'office',
    'standing-board',
    'standing-committee',
    'district-admin',
    'zone-head',
    'zone-deputy',
    'commune-in-charge',
    'commune-secretary',
    'commune-chair',
    'department',
    'cell-secretary',
  ],
};

/** Every route that names roles, with every sample official holding none of the roles the specification allows. */
const guarded = routes.flatMap((route) => {
  if (route.access.kind !== 'grants') return [];
  const allowed = new Set<Role>(specification[`${route.method} ${route.path}`] ?? []);
  return samples
    .filter((sample) => ![...sample.holds].some((role) => allowed.has(role)))
    .map((outsider) => ({ route, outsider }));
});

describe('a role outside a route’s rule', () => {
  it('is what the specification says, for every route that names roles', () => {
    const table = Object.fromEntries(
      routes.flatMap((route) =>
        route.access.kind === 'grants'
          ? [[`${route.method} ${route.path}`, [...new Set(route.access.grants.map((grant) => grant.role))].sort()]]
          : [],
      ),
    );
    const expected = Object.fromEntries(Object.entries(specification).map(([key, roles]) => [key, [...roles].sort()]));
    expect(table).toEqual(expected);
  });

  it('exists for every route that does not open itself to every role', () => {
    const openToAll = routes.filter(
      (route) => route.access.kind === 'grants' && !guarded.some((entry) => entry.route === route),
    );
    expect(openToAll.map((route) => `${route.method} ${route.path}`)).toEqual(['GET /announcements']);
  });

  it('covers every role the sample district has', () => {
    expect(samples.length).toBeGreaterThanOrEqual(10);
    expect(guarded.length).toBeGreaterThan(100);
  });

  it.each(
    guarded.map(({ route, outsider }) => [`${route.method} ${route.path}`, outsider.role, route, outsider] as const),
  )('%s refuses %s with 403', async (_, _role, route, outsider) => {
    const response = await api.request(route.method, concretePath(route.path), {
      as: outsider.officialId,
      body: route.request.body ? {} : undefined,
      headers: { 'if-match': '"1"' },
    });
    expect(response.status, `${outsider.role} on ${route.method} ${route.path}`).toBe(403);
  });
});
