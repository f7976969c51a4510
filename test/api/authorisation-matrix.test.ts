/**
 * The authorisation matrix, generated from the route table: every route, asked by an official of
 * every role whose assignment reaches the requested resource's units and by one whose assignment
 * lies elsewhere (another zone, commune, cell or department), and with no token, a token of an
 * account nobody holds and a token of a removed official. Each answer is checked against a small
 * oracle of the rule's meaning written here (a grant's role, and its `within` against the
 * resource the route reads from its path), not against the code that applies it.
 *
 * Routes whose rule names no resource leave the record's scope to their operation (a proposal's
 * zone, a filtered list): the matrix checks their rule, and the lists are checked below for
 * never showing another zone's records.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type RouteDefinition, routes } from '../../functions/routes';
import type { DistrictConfig } from '../../shared/domain/structure/district-config';
import { type Role, roles, type ScopeKind, scopeOfRole } from '../../shared/domain/structure/roles';
import type { AccessRule } from '../../shared/http/access-rules';
import { importStructure } from '../../shared/services/structure/import-structure';
import { type ApiResponse, useApi } from '../support/api';
import { expectProblem } from '../support/problem';
import { readSampleConfig } from '../support/sample-district';

const api = useApi();
const OFFICE = 'van-phong-1';

type Units = Partial<Record<ScopeKind, string>>;

/** The units of the resource every request names, and units of the same kinds elsewhere. */
const target: Required<Units> = {
  zone: 'khu-2',
  commune: 'gia-tan',
  cell: 'gia-tan-thon-ha',
  department: 'ban-to-chuc',
};
const elsewhere: Required<Units> = {
  zone: 'khu-1',
  commune: 'thi-tran-gia-loc',
  cell: 'thi-tran-gia-loc-khu-dan-cu-1',
  department: 'ban-tuyen-giao',
};

const pathValues: Record<string, string> = {
  zoneId: target.zone,
  communeId: target.commune,
  cellId: target.cell,
  departmentId: target.department,
  officialId: OFFICE,
  assignmentId: `${OFFICE}.office.district`,
  meetingId: `2027-03.${target.zone}`,
  proposalId: `2027-03.${target.zone}.${target.cell}.1`,
  n: '1',
  month: '2027-03',
  year: '2027',
};

/** The units an assignment of `role` scoped to the units `at` reaches (a cell secretary: cell, commune, zone). */
function reachOf(role: Role, at: Required<Units>): Units {
  switch (scopeOfRole(role)) {
    case null:
      return {};
    case 'zone':
      return { zone: at.zone };
    case 'commune':
      return { zone: at.zone, commune: at.commune };
    case 'cell':
      return { zone: at.zone, commune: at.commune, cell: at.cell };
    case 'department':
      return { department: at.department };
  }
}

interface Caller {
  readonly officialId: string;
  readonly role: Role;
  readonly placement: 'in scope' | 'out of scope' | 'district-wide';
  readonly reach: Units;
}

/** One official per role and placement, holding that one assignment only. */
const callers: readonly Caller[] = roles.flatMap((role): Caller[] => {
  const id = (placement: string) => `ma-tran-${role}-${placement}`;
  const scope = scopeOfRole(role);
  if (scope === null) return [{ officialId: id('huyen'), role, placement: 'district-wide', reach: {} }];
  return [
    { officialId: id('trong'), role, placement: 'in scope', reach: reachOf(role, target) },
    { officialId: id('ngoai'), role, placement: 'out of scope', reach: reachOf(role, elsewhere) },
  ];
});

function withCallers(config: DistrictConfig): DistrictConfig {
  const scopeIdOf = (caller: Caller) => {
    const kind = scopeOfRole(caller.role);
    return kind === null ? undefined : caller.reach[kind];
  };
  return {
    ...config,
    officials: [
      ...config.officials,
      ...callers.map((c) => ({
        id: c.officialId,
        name: 'Người thử',
        title: c.role,
        subject: `sample-${c.officialId}`,
      })),
    ],
    assignments: [
      ...config.assignments,
      ...callers.map((c) => ({ officialId: c.officialId, role: c.role, scopeId: scopeIdOf(c) })),
    ],
  };
}

/**
 * The oracle: may a caller holding `role`, reaching `reach`, pass the route's rule for a resource
 * at `target`? A grant of the role passes without `within`; with `within`, when the route reads
 * that kind of unit from its path and the caller's reach holds the same unit, or when the route
 * reads none (its operation decides on the record).
 */
function passes(rule: AccessRule, role: Role, reach: Units): boolean {
  switch (rule.kind) {
    case 'public':
    case 'signed-in':
      return true;
    case 'grants':
      return rule.grants.some((grant) => {
        if (grant.role !== role) return false;
        if (grant.within === undefined || rule.resource === undefined) return true;
        return rule.resource[grant.within] !== undefined && reach[grant.within] === target[grant.within];
      });
    default:
      throw new Error(`a rule of unknown kind: ${JSON.stringify(rule)}`);
  }
}

function concretePath(template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = pathValues[name];
    if (value === undefined) throw new Error(`no value for {${name}}`);
    return value;
  });
}

/**
 * A request that nothing but the rule may refuse, and that changes nothing if it passes: a stale
 * If-Match, an empty body. Sent with fetch, as some routes answer pages and files rather than JSON.
 */
async function ask(route: RouteDefinition, caller: { as?: string | null; token?: string }): Promise<ApiResponse> {
  const token = caller.token ?? (caller.as ? await api.tokenFor(caller.as) : undefined);
  const response = await fetch(`${api.baseUrl}${concretePath(route.path)}`, {
    method: route.method,
    headers: {
      'if-match': '"999999"',
      ...(token && { authorization: `Bearer ${token}` }),
      ...(route.request.body && { 'content-type': 'application/json' }),
    },
    body: route.request.body ? '{}' : undefined,
  });
  const text = await response.text();
  const json = /json/.test(response.headers.get('content-type') ?? '');
  return { status: response.status, headers: response.headers, body: json && text ? JSON.parse(text) : {} };
}

function expectPassed(response: ApiResponse<unknown>, what: string) {
  expect([401, 403], what).not.toContain(response.status);
  expect(response.status, what).toBeLessThan(500);
}

let cases = 0;

const REMOVED = 'ma-tran-da-xoa';

beforeAll(async () => {
  await importStructure(withCallers(readSampleConfig()), { id: 'test-seed' });
  // an official who signed in once, then lost the assignment and was removed.
  const post = (path: string, body: unknown) => api.request('POST', path, { as: OFFICE, body });
  expect(
    (await post('/officials', { id: REMOVED, name: 'Đã xoá', title: 'x', subject: `sample-${REMOVED}` })).status,
  ).toBe(201);
  expect((await post('/assignments', { officialId: REMOVED, role: 'office' })).status).toBe(201);
  expect((await api.request('GET', '/me', { as: REMOVED })).status).toBe(200);
  const ifMatch = { 'if-match': '"1"' };
  expect(
    (await api.request('DELETE', `/assignments/${REMOVED}.office.district`, { as: OFFICE, headers: ifMatch })).status,
  ).toBe(204);
  expect((await api.request('DELETE', `/officials/${REMOVED}`, { as: OFFICE, headers: ifMatch })).status).toBe(204);
  expect((await api.request('POST', '/cycles/2027-03/open', { as: OFFICE })).status).toBe(201);
});

describe('the route table', () => {
  it('gives every route a rule of a known kind, and opens only the known routes to anyone', () => {
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      expect(['public', 'signed-in', 'grants'], key).toContain(route.access?.kind);
      if (route.access.kind === 'grants') expect(route.access.grants.length, key).toBeGreaterThan(0);
    }
    const open = routes.filter((route) => route.access.kind === 'public').map((route) => route.path);
    expect(open.filter((path) => !path.startsWith('/docs/')).sort()).toEqual(['/docs', '/health', '/openapi.json']);
  });

  it('is fully covered: every role placed in and out of scope', () => {
    expect(callers.length).toBe(roles.length + roles.filter((role) => scopeOfRole(role) !== null).length);
  });
});

describe.each(routes.map((route) => [`${route.method} ${route.path}`, route] as const))('%s', (_, route) => {
  it('answers every role in and out of scope as its rule says', async () => {
    const answers = await Promise.all(callers.map((caller) => ask(route, { as: caller.officialId })));
    callers.forEach((caller, i) => {
      const answer = answers[i] as ApiResponse<unknown>;
      const what = `${caller.role} ${caller.placement}: ${answer.status}`;
      if (passes(route.access, caller.role, caller.reach)) expectPassed(answer, what);
      else expectProblem(answer, 403, 'forbidden');
    });
    cases += callers.length;
  });

  it('answers no token, an account nobody holds and a removed official’s token', async () => {
    const [none, nobody, removed] = await Promise.all([
      ask(route, { as: null }),
      ask(route, { token: await api.issuer.sign('sample-khong-ai-giu') }),
      ask(route, { as: REMOVED }),
    ]);
    if (route.access.kind === 'public') {
      for (const answer of [none, nobody, removed]) expect(answer.status).toBe(200);
    } else {
      expectProblem(none, 401, 'unauthorized');
      expectProblem(nobody, 403, 'forbidden');
      expectProblem(removed, 403, 'forbidden');
    }
    cases += 3;
  });
});

describe('the matrix', () => {
  it('asked every route of every caller', () => {
    expect(cases).toBe(routes.length * (callers.length + 3));
  });
});

describe('lists', () => {
  const text = {
    field: 'security-defence',
    title: 'Lắp đèn chiếu sáng ngã ba',
    content: 'Ngã ba không có đèn, hai vụ va chạm xe máy trong tháng; đề nghị lắp 4 bóng đèn.',
    place: 'Ngã ba đầu thôn',
    addressee: { kind: 'commune' },
  };

  /** Holds a zone's March meeting, raises a floor proposal of one of its cells, and closes it. */
  async function raiseIn(zoneId: string, cellId: string, deputy: string) {
    const meeting = `/meetings/2027-03.${zoneId}`;
    const act = async (path: string, body?: unknown) => {
      const etag = (await api.request('GET', meeting, { as: OFFICE })).headers.get('etag') as string;
      const answer = await api.request('POST', `${meeting}${path}`, {
        as: deputy,
        body,
        headers: { 'if-match': etag },
      });
      expect(answer.status, `${path} in ${zoneId}`).toBeLessThan(300);
    };
    await act('/hold');
    await act('/floor-proposals', { ...text, cellId });
    await act('/close');
  }

  beforeAll(async () => {
    await raiseIn(target.zone, target.cell, 'pho-khu-2');
    await raiseIn(elsewhere.zone, elsewhere.cell, 'pho-khu-1');
    for (const zoneIds of [[target.zone], [elsewhere.zone], 'all']) {
      const body = { title: `Thông báo ${zoneIds}`, body: 'Nội dung', zoneIds };
      expect((await api.request('POST', '/announcements', { as: OFFICE, body })).status).toBe(201);
    }
  });

  type Item = { zoneId?: string; communeId?: string; cellId?: string; zoneIds?: string[] | 'all' };
  const read = async (path: string, as: string) => {
    const answer = await api.request<{ items?: Item[]; meetings?: Item[] }>('GET', path, { as });
    expect(answer.status, `${path} as ${as}`).toBe(200);
    return answer.body.items ?? answer.body.meetings ?? [];
  };

  /** Every caller whose assignment lies in a zone: each of the zone's roles, in either zone. */
  const zoneMembers = callers.filter((caller) => caller.reach.zone !== undefined);

  it.each(zoneMembers.map((caller) => [caller.role, caller.placement, caller] as const))(
    'show a %s (%s) only meetings, announcements and proposals of its own zone, commune or cell',
    async (_role, _placement, caller) => {
      const zone = caller.reach.zone as string;
      const [month, cycle, announcements, proposals] = await Promise.all([
        read('/meetings?month=2027-03', caller.officialId),
        read('/cycles/2027-03', caller.officialId),
        read('/announcements', caller.officialId),
        read('/proposals', caller.officialId),
      ]);

      for (const meetings of [month, cycle]) expect(meetings.map((m) => m.zoneId)).toEqual([zone]);
      expect(announcements.map((a) => a.zoneIds).sort()).toEqual([[zone], 'all'].sort());
      expect(proposals.length).toBeGreaterThan(0);
      for (const proposal of proposals) {
        expect(proposal.zoneId).toBe(zone);
        for (const kind of ['commune', 'cell'] as const) {
          if (caller.reach[kind]) expect(proposal[`${kind}Id`]).toBe(caller.reach[kind]);
        }
      }
    },
  );

  it('show a department none of the zones’ meetings or proposals, and only the announcements to all', async () => {
    const department = callers.find((caller) => caller.role === 'department' && caller.placement === 'in scope');
    const as = department?.officialId as string;
    expect(await read('/announcements', as)).toEqual([expect.objectContaining({ zoneIds: 'all' })]);
    expect(await read('/proposals', as)).toEqual([]);
  });
});
