/**
 * The authorisation matrix, generated from the route table: every route, asked by an official of
 * every role whose assignment reaches the requested resource's units and by one whose assignment
 * lies elsewhere (another zone, commune, cell or department), and with no token, a token of an
 * account nobody holds and a token of a removed official. Each answer is checked against a small
 * oracle of the rule's meaning written for the tests (`role-callers.ts`: a grant's role, and its
 * `within` against the resource the route reads from its path), not against the code that applies it.
 *
 * Routes whose rule names no resource leave the record's scope to their operation (a proposal's
 * zone, a filtered list): the matrix checks their rule, and the lists are checked below for
 * never showing another zone's records.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type RouteDefinition, routes } from '../../functions/routes';
import { roles, scopeOfRole } from '../../shared/domain/structure/roles';
import { importStructure } from '../../shared/services/structure/import-structure';
import { type ApiResponse, useApi } from '../support/api';
import { expectProblem } from '../support/problem';
import { callers, concretePath, elsewhere, OFFICE, passes, target, withCallers } from '../support/role-callers';
import { readSampleConfig } from '../support/sample-district';

const api = useApi();

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
