/**
 * `GET /proposals/export.csv` on a small imported history (60 old proposals of the sample district):
 * the file a spreadsheet opens, with every name resolved, exactly the filter's proposals, newest
 * month first, and only what the caller may see. Kept apart from the 1,002-row import so that the
 * mutation run of the use cases (which leaves that slow file out) covers the export too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/domain/csv';
import { EXPORT_HEADERS } from '../../shared/domain/proposals/proposal-export';
import type { ProposalField } from '../../shared/domain/proposals/proposal-fields';
import { importJobsSettled } from '../../shared/services/imports/import-jobs';
import { useApi } from '../support/api';
import { legacyCsv, legacyRows, monthPlan } from '../support/legacy-csv';
import { expectProblem } from '../support/problem';
import { readSampleConfig, seedSampleDistrict } from '../support/sample-district';

const api = useApi();
const OFFICE = 'van-phong-1';
const config = readSampleConfig();
const fields: Record<ProposalField, number> = {
  agriculture: 20,
  'industry-infrastructure': 0,
  policy: 10,
  land: 10,
  'culture-society': 0,
  'security-defence': 0,
  'party-government': 0,
  other: 20,
};
const rows = legacyRows(config, monthPlan(60, 7, 29), fields);

/** The file as bytes reach a spreadsheet: `Response.text()` would drop the byte-order mark. */
async function exported(query: string, as = OFFICE) {
  const response = await fetch(`${api.baseUrl}/proposals/export.csv?${query}`, {
    headers: { authorization: `Bearer ${await api.tokenFor(as)}` },
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  if (response.status !== 200) return { response, bytes, text, header: [], lines: [] };
  const parsed = parseCsv(text.replace(/^\uFEFF/, '').replaceAll('\r\n', '\n'));
  if (!('records' in parsed)) throw new Error('the export does not parse');
  const [header = [], ...lines] = parsed.records.map((record) => record.values);
  return { response, bytes, text, header, lines };
}

/** The exported line of each old record, by its legacy id (column «Mã hồ sơ cũ»). */
const byLegacyId = (lines: readonly (readonly string[])[]) => new Map(lines.map((line) => [line[15], line]));

beforeAll(async () => {
  await seedSampleDistrict();
  const accepted = await api.request('POST', '/imports/proposals', {
    as: OFFICE,
    rawBody: legacyCsv(rows),
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  });
  await importJobsSettled();
  expect(accepted.status).toBeLessThan(300);
});

describe('the CSV export of a filtered list', () => {
  it('opens with a BOM and Vietnamese headers, and holds exactly the proposals the filter finds', async () => {
    const { response, bytes, header, lines } = await exported('from=2006-01&to=2006-05&field=land');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(header).toEqual([...EXPORT_HEADERS]);
    const expected = rows.filter(
      (row) => row.month <= '2006-05' && (row.field === 'land' || row.field === 'Quản lý đất đai'),
    );
    expect(expected.length).toBeGreaterThan(1);
    expect(lines.map((line) => [line[15], line[1], line[5], line[7]]).sort()).toEqual(
      expected.map((row) => [row.legacy_id, row.month, 'Quản lý đất đai', row.content]).sort(),
    );
  });

  it('lists every proposal of the range, newest month first', async () => {
    const { lines } = await exported('from=2006-01&to=2006-12');

    expect(lines).toHaveLength(rows.length);
    const months = lines.map((line) => line[1] as string);
    expect(months).toEqual([...months].sort().reverse());
    expect(new Set(months)).toEqual(new Set(rows.map((row) => row.month)));
  });

  it('names the zone, the commune and whoever must answer, as the structure names them', async () => {
    const { lines } = await exported('from=2006-01&to=2006-12');
    const exportedLines = byLegacyId(lines);
    const department = (named: string) =>
      config.departments.find((d) => d.id === named || d.name === named)?.name as string;
    const commune = (named: string) => config.communes.find((c) => c.name === named)?.name as string;

    for (const [n, row] of rows.entries()) {
      const line = exportedLines.get(row.legacy_id) as readonly string[];
      const communeOfRow = config.communes[n % config.communes.length] as (typeof config.communes)[number];
      const zone = config.zones.find((z) => z.id === communeOfRow.zoneId);
      expect([line[2], line[3]]).toEqual([zone?.name, communeOfRow.name]);
      const addressee = [department(row.addressee), 'Huyện uỷ', commune(row.addressee), department(row.addressee)][
        n % 4
      ];
      expect(line[9]).toBe(addressee);
      expect([line[14], line[16]]).toEqual(['Hồ sơ cũ', row.answer]);
    }
  });

  it('holds only what the caller may see', async () => {
    const { lines } = await exported('from=2006-01&to=2006-12', 'bi-thu-gia-tan');

    expect(lines.length).toBeGreaterThan(1);
    expect([...new Set(lines.map((values) => values[3]))]).toEqual(['Xã Gia Tân']);
  });

  it('is only the header when the filter finds nothing', async () => {
    const { lines, header } = await exported('from=2007-01&to=2007-12');

    expect(header).toEqual([...EXPORT_HEADERS]);
    expect(lines).toEqual([]);
  });

  it('refuses a malformed filter with a problem naming it', async () => {
    const response = await api.request<{ errors: { path: string }[] }>('GET', '/proposals/export.csv?from=2006-13', {
      as: OFFICE,
    });

    expectProblem(response, 400, 'validation_failed');
    expect(response.body.errors.map((error) => error.path)).toEqual(['/query/from']);
  });
});
