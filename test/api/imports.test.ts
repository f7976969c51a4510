/**
 * Issue 9's import at the district's size, through HTTP: a generated file of its 1,002 old
 * proposals (the published figures of DOMAIN.md) is accepted as a job, written completely, and
 * then counted exactly by `GET /stats/proposals`. What any file does (records as the old books had
 * them, a repeated import, bad rows) is `legacy-import.test.ts`, on a small file.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { useApi } from '../support/api';
import { legacyCsv, legacyRows, monthPlan, PUBLISHED_FIELD_COUNTS } from '../support/legacy-csv';
import { IMPORTING_OFFICIAL, importLegacyFile } from '../support/legacy-import';
import { readSampleConfig, seedSampleDistrict } from '../support/sample-district';

const api = useApi();
const OFFICE = IMPORTING_OFFICIAL;

interface Stats {
  total: number;
  groups: { key: string; label: string; count: number }[];
  busiestMonth: { month: string; count: number } | null;
  quietestMonth: { month: string; count: number } | null;
  resolution: {
    closed: { count: number };
    answered: { count: number };
    solvedInFact: { count: number };
    overdue: { proposals: number; communes: { count: number }[] };
  };
}

const plan = monthPlan(1002, 7, 29);
const rows = legacyRows(readSampleConfig(), plan, PUBLISHED_FIELD_COUNTS);
const file = legacyCsv(rows);
const LAST_MONTH = plan.at(-1)?.[0] as string;

const stats = (query: string) => api.request<Stats>('GET', `/stats/proposals?${query}`, { as: OFFICE });
const SINCE_2006 = `from=2006-01&to=${LAST_MONTH}`;

beforeAll(async () => {
  await seedSampleDistrict();
});

describe('importing the district’s 1,002 old proposals', () => {
  it('accepts the file as a job that writes every row', { timeout: 180_000 }, async () => {
    const { accepted, finished } = await importLegacyFile(api, file);

    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ status: 'accepted', rows: 1002 });
    expect(accepted.headers.get('location')).toBe(`/imports/proposals/${accepted.body.id}`);
    expect(finished.status).toBe(200);
    expect(finished.body).toMatchObject({ status: 'completed', rows: 1002, imported: 1002, skipped: 0 });
  });

  it('gives exactly the published figures: per field, in total, busiest month 29 and quietest 7', async () => {
    const byField = await stats(`${SINCE_2006}&by=field`);
    const byMonth = await stats(`${SINCE_2006}&by=month`);

    expect(Object.fromEntries(byField.body.groups.map((g) => [g.key, g.count]))).toEqual(PUBLISHED_FIELD_COUNTS);
    expect(byField.body.groups.find((g) => g.key === 'land')?.label).toBe('Quản lý đất đai');
    expect(byField.body.total).toBe(1002);
    expect(byField.body.busiestMonth).toEqual({ month: '2006-03', count: 29 });
    expect(byField.body.quietestMonth).toEqual({ month: '2006-01', count: 7 });
    expect(byMonth.body.groups.map((g) => [g.key, g.count])).toEqual(plan);
    // closed in the old books: closed and answered, not solved in fact (no cell confirmed them); those
    // still at a commune whose result was due long ago are overdue now, each under its commune.
    const closed = rows.filter((row) => ['', 'closed', 'Đã kết thúc'].includes(row.status)).length;
    const atCommune = rows.length - closed - rows.filter((row) => row.status === 'routed-district').length;
    const { resolution } = byField.body;
    expect([resolution.closed.count, resolution.answered.count, resolution.solvedInFact.count]).toEqual([
      closed,
      closed,
      0,
    ]);
    expect(resolution.overdue.proposals).toBe(atCommune);
    expect(resolution.overdue.communes.reduce((sum, c) => sum + c.count, 0)).toBe(atCommune);
    expect((await api.request('GET', '/stats/verify', { as: OFFICE })).body).toEqual({
      proposals: 1002,
      exact: true,
      differences: [],
      overdueDifferences: [],
      unsettled: [],
    });
  });
});
