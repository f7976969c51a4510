/** How a file of old records is read: names resolved without diacritics, defaults, and every problem at its line. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkImport, type ImportStructure, importedRecord } from '../../shared/domain/imports/legacy-proposals';
import { readSampleConfig } from '../support/sample-district';

const structure: ImportStructure = {
  zones: [
    { id: 'khu-1', name: 'Khu 1' },
    { id: 'khu-2', name: 'Khu 2' },
  ],
  communes: [
    { id: 'gia-tan', name: 'Xã Gia Tân', kind: 'xa', zoneId: 'khu-2' },
    { id: 'thi-tran-gia-loc', name: 'Thị trấn Gia Lộc', kind: 'thi-tran', zoneId: 'khu-1' },
  ],
  cells: [
    { id: 'gia-tan-thon-ha', name: 'Chi bộ thôn Hạ', communeId: 'gia-tan', area: 'Thôn Hạ' },
    { id: 'tt-khu-1', name: 'Chi bộ khu dân cư số 1', communeId: 'thi-tran-gia-loc' },
  ],
  departments: [{ id: 'phong-nn-ptnt', name: 'Phòng Nông nghiệp và Phát triển nông thôn', shortName: 'Phòng NN&PTNT' }],
};

const HEADER = 'legacy_id,month,zone,commune,cell,field,title,content,addressee,status,answer,answered_on';
const check = (...lines: string[]) => checkImport([HEADER, ...lines].join('\n'), structure, '2027-06');

describe('a good row', () => {
  it('resolves names without diacritics, case or the kind’s word, and applies the defaults', () => {
    const checked = check(
      'GL-1,2006-03,khu 2,GIA TAN,thon ha,Sản xuất nông nghiệp,,"Kênh T3 bồi lắng, thiếu nước",Phòng NN&PTNT,,,',
    );

    expect(checked).toEqual({
      rows: [
        expect.objectContaining({
          line: 2,
          legacyId: 'GL-1',
          zoneId: 'khu-2',
          commune: expect.objectContaining({ id: 'gia-tan' }),
          cell: expect.objectContaining({ id: 'gia-tan-thon-ha' }),
          field: 'agriculture',
          title: 'Kênh T3 bồi lắng, thiếu nước',
          addressee: { kind: 'department', id: 'phong-nn-ptnt' },
          status: 'closed',
        }),
      ],
    });
  });

  it('becomes a record numbered apart, routed as its state says, with its import in its history', () => {
    const checked = check(
      'gl-7,2006-03,khu-2,gia-tan,,land,Giấy đất,Bảy hộ chờ giấy đất,Gia Tân,chuyển xã giải quyết,,',
    );
    if (!('rows' in checked)) throw new Error(JSON.stringify(checked));
    const { record, first } = importedRecord(checked.rows[0] as never, '2027-06-01T00:00:00.000Z', {
      officialId: 'van-phong-1',
      name: 'Văn phòng',
    });

    expect(record).toMatchObject({
      id: '2006-03.khu-2.gia-tan.l-gl-7',
      number: '2006-03/K2/Lgl-7',
      status: 'routed-commune',
      level: 'commune',
      assignedCommuneId: 'gia-tan',
      dueMonth: '2006-04',
      meetingId: '2006-03.khu-2',
      place: 'Xã Gia Tân',
      source: 'import',
      raisedAt: '2006-02-28T17:00:00.000Z',
    });
    expect(record.cellId).toBeUndefined();
    expect(first).toMatchObject({ seq: 1, action: 'import', from: null, to: 'routed-commune' });
  });
});

describe('bad rows', () => {
  it('are each reported at their line and column, every problem of a row', () => {
    const checked = check(
      'A-1,2027-07,khu-1,Xã Gia Tân,thôn Hạ,other,,Nội dung,,,,2027-02-30',
      'A 2,2026-01,khu-9,gia-tan,,other,,Nội dung,Sở Không Có,hoàn thành,,',
      `A-3,2026-01,khu-2,gia-tan,,other,${'x'.repeat(201)},Nội dung,,,,`,
    );

    expect('problems' in checked && checked.problems.map(({ path, code }) => `${path} ${code}`)).toEqual([
      '/lines/2/month future_month',
      '/lines/2/commune not_in_zone',
      '/lines/2/answered_on invalid_format',
      '/lines/3/legacy_id invalid_format',
      '/lines/3/zone unknown_reference',
      '/lines/3/addressee unknown_reference',
      '/lines/3/status unknown_status',
      '/lines/4/title too_long',
    ]);
  });

  it('count lines as the file has them, quoted line breaks included, and name an unclosed quote', () => {
    const checked = check(
      'A-1,2026-01,khu-2,gia-tan,,other,,"Hai\ndòng",,,,',
      'A-2,2026-01,khu-2,gia-tan,,bong da,,x,,,,',
    );

    expect('problems' in checked && checked.problems.map((p) => p.path)).toEqual(['/lines/4/field']);
    expect(check('A-1,2026-01,khu-2,gia-tan,,other,,"mở mãi,,,,')).toEqual({
      problems: [expect.objectContaining({ path: '/lines/2', code: 'unclosed_quote' })],
    });
  });

  it('refuse a file with nothing but its header, or a row of the wrong width', () => {
    expect(check()).toEqual({ problems: [expect.objectContaining({ code: 'required' })] });
    expect(check('A-1,2026-01,khu-2,gia-tan')).toMatchObject({
      problems: expect.arrayContaining([expect.objectContaining({ path: '/lines/2/legacy_id', code: 'column_count' })]),
    });
  });
});

describe('the sample file of the README', () => {
  it('imports into the sample district as it is', () => {
    const text = readFileSync(new URL('../../infra/samples/proposals-sample.csv', import.meta.url), 'utf8');

    const checked = checkImport(text, readSampleConfig(), '2027-06');

    expect(
      'rows' in checked && checked.rows.map((row) => [row.legacyId, row.commune.id, row.field, row.status]),
    ).toEqual([
      ['GL-2006-001', 'thi-tran-gia-loc', 'agriculture', 'closed'],
      ['GL-2006-002', 'phuong-hung', 'policy', 'closed'],
      ['GL-2006-003', 'gia-hoa', 'land', 'closed'],
      ['GL-2006-004', 'gia-tan', 'industry-infrastructure', 'routed-district'],
      ['GL-2006-005', 'gia-luong', 'security-defence', 'raised'],
      ['GL-2006-006', 'gia-xuyen', 'other', 'closed'],
    ]);
  });
});
