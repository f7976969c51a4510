/**
 * Issue 9's import, through HTTP: a generated file of the district's 1,002 old proposals (the
 * published figures of DOMAIN.md) is accepted as a job, written completely, and then counted
 * exactly by `GET /stats/proposals`; importing it again adds nothing; a file with bad rows is
 * rejected with every problem at its line, and nothing of it is written.
 */

import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentClient, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { getItem, queryAll } from '../../shared/db/store';
import { legacyKey } from '../../shared/domain/proposals/proposal';
import { importJobsSettled } from '../../shared/services/imports/import-jobs';
import { type ApiResponse, useApi } from '../support/api';
import { type LegacyRow, legacyCsv, legacyRows, monthPlan, PUBLISHED_FIELD_COUNTS } from '../support/legacy-csv';
import { expectProblem } from '../support/problem';
import { readSampleConfig, seedSampleDistrict } from '../support/sample-district';

const api = useApi();
const OFFICE = 'van-phong-1';

interface Job {
  id: string;
  status: string;
  rows: number;
  imported?: number;
  skipped?: number;
  error?: { code: string; message: string };
}
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
interface Problem {
  errors: { path: string; code: string; message: string }[];
}

const plan = monthPlan(1002, 7, 29);
const rows = legacyRows(readSampleConfig(), plan, PUBLISHED_FIELD_COUNTS);
/** The words of the first record's text beyond those its transaction holds, which follow it (`proposal-store.ts`). */
const LONG_WORDS = Array.from({ length: 90 }, (_, i) => `cot${i + 1}`);
const longRow = rows[0] as LegacyRow;
rows[0] = { ...longRow, content: `${longRow.content} Các cột đèn hỏng: ${LONG_WORDS.join(' ')}.` };
const LONG_ID = `2006-01.khu-1.thi-tran-gia-loc.l-${legacyKey(longRow.legacy_id)}`;
const file = legacyCsv(rows);
const LAST_MONTH = plan.at(-1)?.[0] as string;

function send<T>(csv: string, as = OFFICE, contentType = 'text/csv; charset=utf-8') {
  return api.request<T>('POST', '/imports/proposals', { as, rawBody: csv, headers: { 'content-type': contentType } });
}

/** Sends a file, lets its job run to its end, and reads the job back as its `Location` names it. */
async function importFile(csv: string): Promise<{ accepted: ApiResponse<Job>; finished: ApiResponse<Job> }> {
  const accepted = await send<Job>(csv);
  await importJobsSettled();
  const location = accepted.headers.get('location') ?? '';
  return { accepted, finished: await api.request<Job>('GET', location, { as: OFFICE }) };
}

const stats = (query: string) => api.request<Stats>('GET', `/stats/proposals?${query}`, { as: OFFICE });
const SINCE_2006 = `from=2006-01&to=${LAST_MONTH}`;

beforeAll(async () => {
  await seedSampleDistrict();
});

describe('importing the district’s 1,002 old proposals', () => {
  it('accepts the file as a job that writes every row', { timeout: 180_000 }, async () => {
    const { accepted, finished } = await importFile(file);

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

  it('keeps each record as the old books had it, numbered apart, found like any other', async () => {
    const [first] = rows as [LegacyRow];
    const id = `2006-01.khu-1.thi-tran-gia-loc.l-${legacyKey(first.legacy_id)}`;

    const record = await api.request<Record<string, unknown>>('GET', `/proposals/${id}`, { as: OFFICE });
    const found = await api.request<{ items: { id: string }[] }>(
      'GET',
      `/proposals?q=${encodeURIComponent('việc số 1 tại')}&from=2006-01&to=2006-01&limit=100`,
      { as: OFFICE },
    );

    expect(record.status).toBe(200);
    expect(record.body).toMatchObject({
      number: `2006-01/K1/L${first.legacy_id}`,
      source: 'import',
      legacyId: first.legacy_id,
      status: 'closed',
      field: first.field,
      content: first.content,
      legacyAnswer: { text: first.answer, answeredOn: first.answered_on },
      history: [expect.objectContaining({ seq: 1, action: 'import', from: null, to: 'closed' })],
    });
    expect(found.body.items.map((p) => p.id)).toContain(id);
  });

  it('adds nothing when the same file is imported again, but the words a stopped import left out', {
    timeout: 120_000,
  }, async () => {
    const foundBy = async (word: string) =>
      (await queryAll({ partition: keys.proposalLists.word(word) })).map((entry) => entry.id);
    expect(await foundBy(LONG_WORDS.at(-1) ?? '')).toEqual([LONG_ID]);
    // as if the first import had stopped between the record's transaction and the words after it.
    const [entry] = await queryAll({ partition: keys.proposalLists.word(LONG_WORDS.at(-1) ?? '') });
    await documentClient().send(new DeleteCommand({ TableName: tableName(), Key: { PK: entry?.PK, SK: entry?.SK } }));

    const { finished } = await importFile(file);

    expect(finished.body).toMatchObject({ status: 'completed', imported: 0, skipped: 1002 });
    expect(await foundBy(LONG_WORDS.at(-1) ?? '')).toEqual([LONG_ID]);
    expect((await stats(`${SINCE_2006}&by=field`)).body.total).toBe(1002);
  });
});

describe('a file with bad rows', () => {
  const good = (n: number, month: string): LegacyRow => ({
    ...(rows[0] as LegacyRow),
    legacy_id: `MOI-${n}`,
    month,
  });
  const bad: LegacyRow[] = [
    good(1, '2020-01'),
    { ...good(2, '2020-01'), commune: 'Xã Không Có' },
    { ...good(3, '2020-13') },
    { ...good(4, '2020-02'), field: 'thể thao' },
    { ...good(5, '2020-02'), legacy_id: 'moi-1' },
    { ...good(6, '2020-03'), content: '' },
    good(7, '2020-03'),
  ];

  it('is rejected with each problem at its line, and nothing of it is written', async () => {
    const before = (await stats('from=2020-01&to=2020-12')).body.total;

    const response = await send<Problem>(legacyCsv(bad));

    expectProblem(response, 400, 'validation_failed');
    expect(response.body.errors.map(({ path, code }) => ({ path, code }))).toEqual([
      { path: '/lines/3/commune', code: 'unknown_reference' },
      { path: '/lines/4/month', code: 'invalid_format' },
      { path: '/lines/5/field', code: 'unknown_field' },
      { path: '/lines/6/legacy_id', code: 'duplicate' },
      { path: '/lines/7/content', code: 'required' },
    ]);
    expect(response.body.errors[3]?.message).toBe('Dòng 6, cột legacy_id: mã «moi-1» đã có ở dòng 2');
    await importJobsSettled();
    for (const row of [bad[0], bad[6]] as LegacyRow[]) {
      expect(await getItem(keys.legacyProposal(legacyKey(row.legacy_id)))).toBeUndefined();
    }
    expect(await queryAll({ partition: keys.proposalLists.district, between: ['2020-01#', '2020-12#~'] })).toEqual([]);
    expect((await stats('from=2020-01&to=2020-12')).body.total).toBe(before);
  });

  it('names unknown and missing columns at line 1', async () => {
    const response = await send<Problem>(legacyCsv([good(8, '2020-04')], ['legacy_id', 'month', 'zone', 'xa']));

    expectProblem(response, 400, 'validation_failed');
    expect(response.body.errors.map(({ path, code }) => ({ path, code }))).toEqual([
      { path: '/lines/1/xa', code: 'unknown_column' },
      { path: '/lines/1/commune', code: 'missing_column' },
      { path: '/lines/1/field', code: 'missing_column' },
      { path: '/lines/1/content', code: 'missing_column' },
    ]);
  });

  it('is refused when not sent as text/csv (415), and to anyone but the office (403)', async () => {
    expectProblem(
      await send(legacyCsv([good(9, '2020-05')]), OFFICE, 'application/json'),
      415,
      'unsupported_media_type',
    );
    expectProblem(await send(legacyCsv([good(9, '2020-05')]), 'bi-thu'), 403, 'forbidden');
  });

  it('answers 404 for a job that does not exist', async () => {
    const response = await api.request('GET', '/imports/proposals/00000000-0000-4000-8000-000000000000', {
      as: OFFICE,
    });

    expectProblem(response, 404, 'import_job_not_found');
  });
});
