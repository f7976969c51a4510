import { beforeAll, describe, expect, it } from 'vitest';
import { useApi } from '../support/api';
import { readSampleConfig, seedSampleDistrict } from '../support/sample-district';

const api = useApi();
const sample = readSampleConfig();

beforeAll(async () => {
  await seedSampleDistrict();
});

interface ListBody<T = Record<string, unknown>> {
  items: T[];
  nextCursor?: string;
}

const OFFICE = 'van-phong-1';
const CELL_SECRETARY = 'bi-thu-cb-gia-tan-thon-ha';

/** Every attribute name in a JSON value, at any depth. */
function attributeNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(attributeNames);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([name, inner]) => [name, ...attributeNames(inner)]);
  }
  return [];
}

/** Re-encodes a cursor with one attribute changed, as a client tampering with it would. */
function tamperedCursor(cursor: string, attribute: string, value: string): string {
  const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, string>;
  return Buffer.from(JSON.stringify({ ...key, [attribute]: value }), 'utf8').toString('base64url');
}

async function firstCursor(path: string): Promise<string> {
  const page = await api.request<ListBody>('GET', path, { as: OFFICE });
  if (!page.body.nextCursor) throw new Error(`${path} has a single page`);
  return page.body.nextCursor;
}

describe('structure lists', () => {
  it('lists every zone of the district to the office', async () => {
    const response = await api.request<ListBody>('GET', '/zones', { as: OFFICE });

    expect(response.status).toBe(200);
    expect(response.body.items.map((zone) => zone.id).sort()).toEqual(sample.zones.map((zone) => zone.id).sort());
    expect(response.body.nextCursor).toBeUndefined();
  });

  it('collects every cell exactly once when walking /cells ten at a time', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const query = cursor ? `?limit=10&cursor=${encodeURIComponent(cursor)}` : '?limit=10';
      const page = await api.request<ListBody>('GET', `/cells${query}`, { as: OFFICE });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(10);
      seen.push(...page.body.items.map((cell) => String(cell.id)));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);

    expect(seen).toHaveLength(sample.cells.length);
    expect(new Set(seen)).toEqual(new Set(sample.cells.map((cell) => cell.id)));
    expect(pages).toBe(Math.ceil(sample.cells.length / 10));
  });

  it('refuses a cursor that is not one of ours with 400 invalid_cursor', async () => {
    const response = await api.request('GET', '/cells?cursor=bm90LWEtY3Vyc29y', { as: OFFICE });

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('invalid_cursor');
  });

  it('refuses a cursor whose list was rewritten by the client', async () => {
    const cursor = tamperedCursor(await firstCursor('/cells?limit=5'), 'GSI1PK', 'OFFICIALS');

    const response = await api.request('GET', `/cells?limit=5&cursor=${cursor}`, { as: OFFICE });

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('invalid_cursor');
  });

  it('refuses a cursor from the cells list on the zones list', async () => {
    const cursor = await firstCursor('/cells?limit=5');

    const response = await api.request('GET', `/zones?cursor=${cursor}`, { as: OFFICE });

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('invalid_cursor');
  });

  it('refuses a cursor of one role’s assignments on another role’s list', async () => {
    const cursor = await firstCursor('/assignments?role=cell-secretary&limit=5');

    const response = await api.request('GET', `/assignments?role=zone-head&cursor=${cursor}`, { as: OFFICE });

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('invalid_cursor');
  });

  it('refuses a cursor stripped of its sort keys instead of failing', async () => {
    const cursor = Buffer.from(JSON.stringify({ GSI1PK: 'CELLS' }), 'utf8').toString('base64url');

    const response = await api.request('GET', `/cells?cursor=${cursor}`, { as: OFFICE });

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('invalid_cursor');
  });

  it.each(['0x10', '1e1', ' 10', '10.0', '+10', '010'])(
    'rejects the page size %j: decimal digits only',
    async (limit) => {
      const response = await api.request('GET', `/zones?${new URLSearchParams({ limit })}`, { as: OFFICE });

      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.body.errors).toEqual([expect.objectContaining({ path: '/query/limit' })]);
    },
  );

  it('takes a page size written in decimal digits, up to 100', async () => {
    const response = await api.request<ListBody>('GET', '/zones?limit=2', { as: OFFICE });

    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(2);
    expect((await api.request('GET', '/zones?limit=100', { as: OFFICE })).status).toBe(200);
  });

  it('rejects a limit outside 1..100 and unknown query parameters, naming each', async () => {
    const tooLarge = await api.request('GET', '/zones?limit=101', { as: OFFICE });
    const unknown = await api.request('GET', '/zones?zoneId=khu-1', { as: OFFICE });

    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body.errors).toEqual([expect.objectContaining({ path: '/query/limit' })]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: '/query/zoneId' })]);
  });

  it('lists the communes of one zone and the cells of one commune', async () => {
    const communes = await api.request<ListBody>('GET', '/communes?zoneId=khu-2', { as: CELL_SECRETARY });
    const cells = await api.request<ListBody>('GET', '/cells?communeId=gia-tan', { as: CELL_SECRETARY });

    expect(communes.body.items.map((c) => c.id).sort()).toEqual(
      sample.communes
        .filter((c) => c.zoneId === 'khu-2')
        .map((c) => c.id)
        .sort(),
    );
    expect(cells.body.items.map((c) => c.id).sort()).toEqual(
      sample.cells
        .filter((c) => c.communeId === 'gia-tan')
        .map((c) => c.id)
        .sort(),
    );
  });
});

describe('single structure reads', () => {
  it('returns a commune with its version as ETag', async () => {
    const response = await api.request('GET', '/communes/gia-tan', { as: CELL_SECRETARY });

    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.body).toEqual(sample.communes.find((c) => c.id === 'gia-tan'));
  });

  it('answers 404 with the kind in the code for a unit that does not exist', async () => {
    const response = await api.request('GET', '/zones/khu-99', { as: OFFICE });

    expect(response.status).toBe(404);
    expect(response.body.code).toBe('zone_not_found');
  });

  it('returns the district calendar', async () => {
    const response = await api.request('GET', '/calendar', { as: CELL_SECRETARY });

    expect(response.status).toBe(200);
    expect(response.body).toEqual(sample.calendar);
    expect(response.headers.get('etag')).toMatch(/^"\d+"$/);
  });
});

describe('officials’ account subjects', () => {
  it('shows subjects to the office', async () => {
    const one = await api.request('GET', '/officials/bi-thu-gia-tan', { as: OFFICE });
    const list = await api.request<ListBody>('GET', '/officials?limit=100', { as: 'quan-tri' });

    expect(one.body.subject).toBe('sample-bi-thu-gia-tan');
    expect(list.body.items.every((official) => typeof official.subject === 'string')).toBe(true);
  });

  it('hides subjects from officials who do not edit the structure', async () => {
    const one = await api.request('GET', '/officials/bi-thu-gia-tan', { as: CELL_SECRETARY });
    const list = await api.request<ListBody>('GET', '/officials?limit=100', { as: 'truong-khu-1' });

    expect(one.status).toBe(200);
    expect(one.body.name).toBe(sample.officials.find((o) => o.id === 'bi-thu-gia-tan')?.name);
    expect(one.body).not.toHaveProperty('subject');
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.some((official) => 'subject' in official)).toBe(false);
  });
});

describe('assignment lists', () => {
  it('lists one official’s assignments', async () => {
    const response = await api.request<ListBody>('GET', '/assignments?officialId=pho-khu-1', { as: OFFICE });

    const expected = sample.assignments.filter((a) => a.officialId === 'pho-khu-1');
    expect(response.body.items.map((a) => `${a.role}:${a.scopeId}`).sort()).toEqual(
      expected.map((a) => `${a.role}:${a.scopeId}`).sort(),
    );
  });

  it('lists one role everywhere, and one role in one unit', async () => {
    const everywhere = await api.request<ListBody>('GET', '/assignments?role=zone-head', { as: OFFICE });
    const inOneZone = await api.request<ListBody>('GET', '/assignments?role=zone-head&scopeId=khu-3', { as: OFFICE });

    expect(everywhere.body.items).toHaveLength(sample.assignments.filter((a) => a.role === 'zone-head').length);
    expect(inOneZone.body.items.map((a) => a.officialId)).toEqual(
      sample.assignments.filter((a) => a.role === 'zone-head' && a.scopeId === 'khu-3').map((a) => a.officialId),
    );
  });

  it('lists every zone, commune and cell assignment inside one zone', async () => {
    const response = await api.request<ListBody>('GET', '/assignments?zoneId=khu-6&limit=100', { as: OFFICE });

    const communes = new Set(sample.communes.filter((c) => c.zoneId === 'khu-6').map((c) => c.id));
    const cells = new Set(sample.cells.filter((c) => communes.has(c.communeId)).map((c) => c.id));
    const inZone = sample.assignments.filter(
      (a) => a.scopeId === 'khu-6' || communes.has(a.scopeId ?? '') || cells.has(a.scopeId ?? ''),
    );
    expect(response.body.items).toHaveLength(inZone.length);
    expect(response.body.items.every((a) => a.zoneId === 'khu-6')).toBe(true);
  });

  it('refuses two filters at once and a scope without a role', async () => {
    const twoFilters = await api.request('GET', '/assignments?officialId=pho-khu-1&zoneId=khu-1', { as: OFFICE });
    const scopeOnly = await api.request('GET', '/assignments?scopeId=khu-1', { as: OFFICE });

    expect(twoFilters.status).toBe(400);
    expect(twoFilters.body.errors).toEqual([
      expect.objectContaining({ path: '/query/zoneId', code: 'conflicting_filters' }),
    ]);
    expect(scopeOnly.status).toBe(400);
    expect(scopeOnly.body.errors).toEqual([expect.objectContaining({ path: '/query/scopeId', code: 'requires_role' })]);
  });

  it('returns one assignment by id with its reach and ETag', async () => {
    const id = `${CELL_SECRETARY}.cell-secretary.gia-tan-thon-ha`;

    const response = await api.request('GET', `/assignments/${id}`, { as: CELL_SECRETARY });
    const unknown = await api.request('GET', '/assignments/no-such-id', { as: CELL_SECRETARY });

    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.body).toMatchObject({ id, cellId: 'gia-tan-thon-ha', communeId: 'gia-tan', zoneId: 'khu-2' });
    expect(unknown.status).toBe(404);
  });
});

describe('GET /me', () => {
  it('shows a cell secretary their official record and their cell assignment with its commune and zone', async () => {
    const response = await api.request<{ official: Record<string, unknown>; assignments: Record<string, unknown>[] }>(
      'GET',
      '/me',
      { as: CELL_SECRETARY },
    );

    expect(response.status).toBe(200);
    expect(response.body.official.id).toBe(CELL_SECRETARY);
    expect(response.body.assignments).toEqual([
      expect.objectContaining({
        role: 'cell-secretary',
        scopeId: 'gia-tan-thon-ha',
        cellId: 'gia-tan-thon-ha',
        communeId: 'gia-tan',
        zoneId: sample.communes.find((c) => c.id === 'gia-tan')?.zoneId,
      }),
    ]);
  });
});

describe('storage keys', () => {
  it('never appear in structure replies', async () => {
    const paths = [
      '/zones',
      '/communes?zoneId=khu-1',
      '/cells/gia-tan-thon-ha',
      '/departments',
      '/officials/van-phong-1',
      '/assignments?officialId=pho-khu-1',
      '/assignments?role=office',
      '/assignments?zoneId=khu-1',
      '/me',
      '/calendar',
      '/audit?entity=zone:khu-1',
    ];
    const replies = await Promise.all(paths.map((path) => api.request('GET', path, { as: OFFICE })));

    expect(replies.map((reply) => reply.status)).toEqual(paths.map(() => 200));
    const names = new Set(replies.flatMap((reply) => attributeNames(reply.body)));
    for (const forbidden of [
      'PK',
      'SK',
      'GSI1PK',
      'GSI1SK',
      'GSI2PK',
      'GSI2SK',
      'version',
      'entityType',
      'inUseSince',
    ]) {
      expect(names).not.toContain(forbidden);
    }
  });
});
