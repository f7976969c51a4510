import { beforeAll, describe, expect, it } from 'vitest';
import { useApi } from '../support/api';
import { readSampleConfig, seedSampleDistrict } from '../support/sample-district';

const api = useApi();
const config = readSampleConfig();

const MONTH = '2027-04';
const KHU_2_CELL_SECRETARY = 'bi-thu-cb-gia-tan-thon-ha';
const KHU_1_CELL_SECRETARY = 'bi-thu-cb-thi-tran-gia-loc-khu-dan-cu-1';
const DEPARTMENT_OFFICIAL = 'can-bo-phong-tnmt';

interface Announcement {
  id: string;
  title: string;
}
interface Agenda {
  expectedReports: { cellId: string }[];
  sections: Record<string, { id?: string }[]>;
}

function post(zoneIds: 'all' | string[], title: string, as = 'van-phong-1') {
  return api.request<Announcement & { errors?: { path: string; code: string; message: string }[] }>(
    'POST',
    '/announcements',
    {
      as,
      body: { title, body: `Nội dung: ${title}`, zoneIds },
    },
  );
}

async function titlesFor(as: string): Promise<string[]> {
  const response = await api.request<{ items: Announcement[] }>('GET', '/announcements', { as });
  return response.body.items.map((a) => a.title);
}

async function agendaOf(zoneId: string, as = 'van-phong-1') {
  return api.request<Agenda>('GET', `/meetings/${MONTH}.${zoneId}/agenda`, { as });
}

describe('announcements down the line', () => {
  beforeAll(async () => {
    await seedSampleDistrict();
    await api.request('POST', `/cycles/${MONTH}/open`, { as: 'van-phong-1' });
  });

  it('accepts an announcement to existing zones from the office only', async () => {
    const created = await post(['khu-2'], 'Lịch tiêm phòng gia cầm khu 2');
    const unknown = await post(['khu-2', 'khu-99'], 'Sai khu');
    const byDeputy = await post(['khu-2'], 'Không phải văn phòng', 'pho-khu-2');

    expect(created.status).toBe(201);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      { path: '/zoneIds/1', code: 'unknown_reference', message: expect.stringContaining('khu-99') },
    ]);
    expect(byDeputy.status).toBe(403);
  });

  it('puts a zone’s announcement on that zone’s next agenda only', async () => {
    const khu2 = await agendaOf('khu-2', KHU_2_CELL_SECRETARY);
    const khu1 = await agendaOf('khu-1');

    expect(khu2.status).toBe(200);
    expect(khu2.body.sections.announcements?.map((a) => (a as Announcement).title)).toEqual([
      'Lịch tiêm phòng gia cầm khu 2',
    ]);
    expect(khu1.body.sections.announcements).toEqual([]);
  });

  it('lists it for the zone’s members and the office, not for another zone’s cell secretary', async () => {
    expect(await titlesFor(KHU_2_CELL_SECRETARY)).toContain('Lịch tiêm phòng gia cầm khu 2');
    expect(await titlesFor('van-phong-1')).toContain('Lịch tiêm phòng gia cầm khu 2');
    expect(await titlesFor(KHU_1_CELL_SECRETARY)).not.toContain('Lịch tiêm phòng gia cầm khu 2');
    expect(await titlesFor(DEPARTMENT_OFFICIAL)).not.toContain('Lịch tiêm phòng gia cầm khu 2');
  });

  it('shows an announcement to all zones to everyone and on every agenda', async () => {
    await post('all', 'Nghị quyết Đại hội Đảng bộ huyện');

    expect(await titlesFor(KHU_1_CELL_SECRETARY)).toContain('Nghị quyết Đại hội Đảng bộ huyện');
    expect(await titlesFor(DEPARTMENT_OFFICIAL)).toContain('Nghị quyết Đại hội Đảng bộ huyện');
    const khu1 = await agendaOf('khu-1');
    expect(khu1.body.sections.announcements?.map((a) => (a as Announcement).title)).toEqual([
      'Nghị quyết Đại hội Đảng bộ huyện',
    ]);
  });

  it('pages through a member’s announcements newest first, each once', async () => {
    for (const title of ['Thông báo 1', 'Thông báo 2', 'Thông báo 3']) await post(['khu-2', 'khu-3'], title);
    const seen: string[] = [];
    let cursor: string | undefined;

    do {
      const query = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = await api.request<{ items: Announcement[]; nextCursor?: string }>('GET', `/announcements${query}`, {
        as: KHU_2_CELL_SECRETARY,
      });
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((a) => a.title));
      cursor = page.body.nextCursor;
    } while (cursor);

    expect(seen).toEqual([
      'Thông báo 3',
      'Thông báo 2',
      'Thông báo 1',
      'Nghị quyết Đại hội Đảng bộ huyện',
      'Lịch tiêm phòng gia cầm khu 2',
    ]);
  });

  it('refuses a forged cursor', async () => {
    const response = await api.request('GET', '/announcements?cursor=bm90LWEtY3Vyc29y', { as: KHU_2_CELL_SECRETARY });

    expect(response.status).toBe(400);
  });
});

describe('the agenda', () => {
  it('expects a report from every cell of the zone and reads the later workflows’ sources', async () => {
    const communes = new Set(config.communes.filter((c) => c.zoneId === 'khu-2').map((c) => c.id));
    const cells = config.cells.filter((c) => communes.has(c.communeId)).map((c) => c.id);

    const agenda = await agendaOf('khu-2', KHU_2_CELL_SECRETARY);

    expect(agenda.body.expectedReports.map((r) => r.cellId).sort()).toEqual(cells.sort());
    expect(agenda.body.sections).toMatchObject({ carryOverProposals: [], communeResults: [], officialResponses: [] });
  });

  it('answers 404, not 5xx, for a meeting of the first month keys can name', async () => {
    const agenda = await api.request<{ code?: string }>('GET', '/meetings/0000-01.khu-1/agenda', { as: 'van-phong-1' });

    expect([agenda.status, agenda.body.code]).toEqual([404, 'meeting_not_found']);
  });

  it('is hidden from another zone’s cell secretary', async () => {
    const agenda = await agendaOf('khu-2', KHU_1_CELL_SECRETARY);

    expect(agenda.status).toBe(403);
  });
});

describe('meeting lists', () => {
  it('shows a month’s meetings of the caller’s zone only', async () => {
    const own = await api.request<{ items: { zoneId: string }[] }>('GET', `/meetings?month=${MONTH}`, {
      as: KHU_1_CELL_SECRETARY,
    });
    const all = await api.request<{ items: { zoneId: string }[] }>('GET', `/meetings?month=${MONTH}`, {
      as: 'bi-thu',
    });

    expect(own.body.items.map((m) => m.zoneId)).toEqual(['khu-1']);
    expect(all.body.items).toHaveLength(config.zones.length);
  });

  it('lists a zone’s meetings for its members and refuses another zone’s (403)', async () => {
    const own = await api.request<{ items: { month: string }[] }>('GET', '/meetings?zoneId=khu-1', {
      as: KHU_1_CELL_SECRETARY,
    });
    const other = await api.request('GET', '/meetings?zoneId=khu-2', { as: KHU_1_CELL_SECRETARY });

    expect(own.body.items.map((m) => m.month)).toEqual([MONTH]);
    expect(other.status).toBe(403);
  });

  it('needs a month or a zone', async () => {
    const response = await api.request('GET', '/meetings', { as: 'van-phong-1' });

    expect(response.status).toBe(400);
  });

  it('shows the cycle with the meetings the caller may see', async () => {
    const own = await api.request<{ month: string; meetings: { zoneId: string }[] }>('GET', `/cycles/${MONTH}`, {
      as: KHU_1_CELL_SECRETARY,
    });
    const missing = await api.request('GET', '/cycles/2030-01', { as: 'van-phong-1' });

    expect(own.body.month).toBe(MONTH);
    expect(own.body.meetings.map((m) => m.zoneId)).toEqual(['khu-1']);
    expect(missing.status).toBe(404);
  });

  it('refuses to open a month outside 2000–2099, naming the path parameter', async () => {
    const response = await api.request<{ code: string; errors: { path: string }[] }>('POST', '/cycles/0000-01/open', {
      as: 'van-phong-1',
    });

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    expect(response.body.errors.map((e) => e.path).join()).toContain('month');
  });
});

describe('the agenda after a meeting closes', () => {
  async function advance(path: string, action: string) {
    const current = await api.request('GET', path, { as: 'pho-khu-2' });
    return api.request('POST', `${path}/${action}`, {
      as: 'pho-khu-2',
      headers: { 'if-match': current.headers.get('etag') as string },
    });
  }

  it('keeps what was announced at the closed meeting there, and carries later posts to the next meeting', async () => {
    const april = `/meetings/${MONTH}.khu-2`;
    await advance(april, 'hold');
    await advance(april, 'close');
    await post(['khu-2'], 'Thông báo sau hội nghị tháng 4');
    await api.request('POST', '/cycles/2027-05/open', { as: 'van-phong-1' });

    const closed = await api.request<Agenda>('GET', `${april}/agenda`, { as: KHU_2_CELL_SECRETARY });
    const next = await api.request<Agenda>('GET', '/meetings/2027-05.khu-2/agenda', { as: KHU_2_CELL_SECRETARY });

    const titles = (agenda: Agenda) => agenda.sections.announcements?.map((a) => (a as Announcement).title);
    expect(titles(closed.body)).toContain('Lịch tiêm phòng gia cầm khu 2');
    expect(titles(closed.body)).not.toContain('Thông báo sau hội nghị tháng 4');
    expect(titles(next.body)).toEqual(['Thông báo sau hội nghị tháng 4']);
  });
});

describe('after the other lists were checked', () => {
  beforeAll(async () => {
    await seedSampleDistrict();
    await api.request('POST', `/cycles/${MONTH}/open`, { as: 'van-phong-1' });
    await api.request('POST', '/cycles/2027-06/open', { as: 'van-phong-1' });
  });

  it('returns the zone’s meeting of that month only', async () => {
    const months = async (month: string) =>
      (
        await api.request<{ items: { id: string }[] }>('GET', `/meetings?zoneId=khu-1&month=${month}`, {
          as: 'van-phong-1',
        })
      ).body.items.map((m) => m.id);

    expect(await months('2027-06')).toEqual(['2027-06.khu-1']);
    expect(await months(MONTH)).toEqual([`${MONTH}.khu-1`]);
  });

  it('keeps the posting in the announcement’s audit trail', async () => {
    const created = await post('all', 'Lịch trực Tết');

    const audit = await api.request<{ items: { action: string }[] }>(
      'GET',
      `/audit?entity=announcement:${created.body.id}`,
      { as: 'van-phong-1' },
    );

    expect(audit.status).toBe(200);
    expect(audit.body.items).toHaveLength(1);
  });
});
