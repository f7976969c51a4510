/** How a file of old records is read: names resolved without diacritics, defaults, and every problem at its line. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkImport,
  IMPORT_COLUMNS,
  type ImportRow,
  type ImportStructure,
  importedRecord,
} from '../../shared/domain/imports/legacy-proposals';
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
    { id: 'gia-tan-so-2', name: 'Chi bộ số 2', communeId: 'gia-tan', area: 'Xóm Đồng' },
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

/** The problems of a file, each as `path code message`. */
function problemLines(checked: ReturnType<typeof checkImport>): string[] {
  if (!('problems' in checked)) throw new Error(`expected problems, got ${JSON.stringify(checked)}`);
  return checked.problems.map(({ path, code, message }) => `${path} ${code} ${message}`);
}

/** The one row of a file that passes, its line included. */
function onlyRow(checked: ReturnType<typeof checkImport>): ImportRow {
  if (!('rows' in checked) || checked.rows.length !== 1) throw new Error(JSON.stringify(checked));
  return checked.rows[0] as ImportRow;
}

/** A good row with some columns changed. */
function row(change: Partial<Record<(typeof IMPORT_COLUMNS)[number], string>>): string {
  const values: Record<(typeof IMPORT_COLUMNS)[number], string> = {
    legacy_id: 'GL-1',
    month: '2006-03',
    zone: 'khu-2',
    commune: 'gia-tan',
    cell: '',
    field: 'other',
    title: '',
    content: 'Nội dung',
    addressee: '',
    status: '',
    answer: '',
    answered_on: '',
    ...change,
  };
  return IMPORT_COLUMNS.map((column) => values[column]).join(',');
}

describe('the header', () => {
  it('names an unknown column with the known ones, a column given twice, and each required column missing', () => {
    expect(
      problemLines(checkImport('legacy_id,month,zone,commune,Field,content,colour,MONTH\nx', structure, '2027-06')),
    ).toEqual([
      `/lines/1/colour unknown_column Dòng 1: không có cột «colour»; các cột là ${IMPORT_COLUMNS.join(', ')}`,
      '/lines/1/month duplicate_column Dòng 1: cột «month» có hai lần',
    ]);
    expect(problemLines(checkImport('legacy_id, month \nA-1,2026-01', structure, '2027-06'))).toEqual([
      '/lines/1/zone missing_column Dòng 1: thiếu cột bắt buộc «zone»',
      '/lines/1/commune missing_column Dòng 1: thiếu cột bắt buộc «commune»',
      '/lines/1/field missing_column Dòng 1: thiếu cột bắt buộc «field»',
      '/lines/1/content missing_column Dòng 1: thiếu cột bắt buộc «content»',
    ]);
  });

  it('may hold the required columns alone, in any order: the others are empty', () => {
    const checked = checkImport(
      'content,field,commune,zone,month,legacy_id\nNội dung,land,gia-tan,khu-2,2006-03,GL-9',
      structure,
      '2027-06',
    );
    expect(onlyRow(checked)).toEqual({
      line: 2,
      legacyId: 'GL-9',
      month: '2006-03',
      zoneId: 'khu-2',
      commune: structure.communes[0],
      field: 'land',
      title: 'Nội dung',
      content: 'Nội dung',
      addressee: { kind: 'district' },
      status: 'closed',
    });
  });
});

describe('a whole file refused', () => {
  it('says what is missing from an empty file or one without data, and where a quote was left open', () => {
    expect(problemLines(checkImport('', structure, '2027-06'))).toEqual([
      '/ required Tệp trống: cần dòng tiêu đề và các dòng dữ liệu',
    ]);
    expect(problemLines(check())).toEqual(['/lines/2 required Tệp không có dòng dữ liệu nào']);
    expect(problemLines(check(row({}), '"mở'))).toEqual([
      '/lines/3 unclosed_quote Dòng 3: dấu ngoặc kép mở mà không đóng',
    ]);
  });

  it('takes 25,000 rows and refuses one more', () => {
    const rows = (count: number) => Array.from({ length: count }, (_, i) => row({ legacy_id: `GL-${i}` }));
    const accepted = check(...rows(25_000));
    expect('rows' in accepted && accepted.rows).toHaveLength(25_000);
    expect(problemLines(check(...rows(25_001)))).toEqual([
      '/ too_many_rows Một tệp tối đa 25000 dòng; tệp này có 25001',
    ]);
  });

  it('lists 1,000 problems, then says how many more there are', () => {
    const same = (count: number) => Array.from({ length: count }, () => row({}));
    expect(problemLines(check(...same(1_001)))).toHaveLength(1_000);
    const many = problemLines(check(...same(1_003)));
    expect(many).toHaveLength(1_001);
    expect(many[0]).toBe('/lines/3/legacy_id duplicate Dòng 3, cột legacy_id: mã «GL-1» đã có ở dòng 2');
    expect(many[1_000]).toBe('/ too_many_problems Còn 2 lỗi khác chưa liệt kê; hãy sửa các lỗi trên rồi gửi lại');
  });
});

describe('each problem of a row', () => {
  it('is named at its line and column, in words', () => {
    expect(
      problemLines(
        check(
          row({ legacy_id: 'A 1', month: '2026-1', zone: 'khu-9', commune: 'Gia Xuyên', field: 'bong da' }),
          row({ legacy_id: 'x'.repeat(41), month: '2027-07', zone: 'Khu 1', cell: 'thôn Thượng' }),
          row({
            legacy_id: 'A-3',
            commune: 'gia-tan',
            cell: 'khu dân cư số 1',
            status: 'hoàn thành',
            addressee: 'Sở Không Có',
          }),
          row({ legacy_id: 'A-4', content: 'x'.repeat(1_501), title: 'y'.repeat(201), answer: 'z'.repeat(4_001) }),
          row({ legacy_id: 'a-3', answered_on: '2027-02-30' }),
          row({ legacy_id: 'A-6', answered_on: '2027-2-3' }),
        ),
      ),
    ).toEqual([
      '/lines/2/legacy_id invalid_format Dòng 2, cột legacy_id: chỉ gồm chữ không dấu, số và dấu gạch ngang, tối đa 40 ký tự',
      '/lines/2/month invalid_format Dòng 2, cột month: «2026-1» không có dạng YYYY-MM (2000–2099)',
      '/lines/2/zone unknown_reference Dòng 2, cột zone: không có khu «khu-9»',
      '/lines/2/commune unknown_reference Dòng 2, cột commune: không có xã, thị trấn «Gia Xuyên»',
      '/lines/2/field unknown_field Dòng 2, cột field: không có lĩnh vực «bong da»; dùng mã (agriculture…) hoặc tên lĩnh vực',
      '/lines/3/legacy_id invalid_format Dòng 3, cột legacy_id: chỉ gồm chữ không dấu, số và dấu gạch ngang, tối đa 40 ký tự',
      '/lines/3/month future_month Dòng 3, cột month: tháng 2027-07 chưa đến',
      '/lines/3/commune not_in_zone Dòng 3, cột commune: «Xã Gia Tân» không thuộc Khu 1',
      '/lines/4/cell unknown_reference Dòng 4, cột cell: Xã Gia Tân không có chi bộ «khu dân cư số 1»',
      '/lines/4/addressee unknown_reference Dòng 4, cột addressee: không có ban, ngành hay xã «Sở Không Có»; để trống nếu gửi Huyện uỷ',
      '/lines/4/status unknown_status Dòng 4, cột status: không có trạng thái «hoàn thành»; dùng raised, routed-commune, routed-district, closed',
      '/lines/5/content too_long Dòng 5, cột content: dài 1501 ký tự, tối đa 1500',
      '/lines/5/title too_long Dòng 5, cột title: dài 201 ký tự, tối đa 200',
      '/lines/5/answer too_long Dòng 5, cột answer: dài 4001 ký tự, tối đa 4000',
      '/lines/6/answered_on invalid_format Dòng 6, cột answered_on: «2027-02-30» không phải ngày dạng YYYY-MM-DD',
      '/lines/6/legacy_id duplicate Dòng 6, cột legacy_id: mã «a-3» đã có ở dòng 4',
      '/lines/7/answered_on invalid_format Dòng 7, cột answered_on: «2027-2-3» không phải ngày dạng YYYY-MM-DD',
    ]);
  });

  it('names every empty required column, and does not take two rows without an id for one id given twice', () => {
    expect(problemLines(check(',,,,,,,,,,,', ',,,,,,,,,,,')).filter((line) => line.startsWith('/lines/3/'))).toEqual(
      ['legacy_id', 'month', 'zone', 'commune', 'field', 'content'].map(
        (column) => `/lines/3/${column} required Dòng 3, cột ${column}: không được để trống`,
      ),
    );
  });

  it('says how many columns a short row has', () => {
    expect(problemLines(check('A-1,2026-01,khu-2,gia-tan'))).toEqual([
      '/lines/2/legacy_id column_count Dòng 2, cột legacy_id: có 4 cột, dòng tiêu đề có 12',
      '/lines/2/field required Dòng 2, cột field: không được để trống',
      '/lines/2/content required Dòng 2, cột content: không được để trống',
    ]);
  });
});

describe('the limits of a good row', () => {
  it('takes the current month, an id of 40, a content of 1,500, a title of 200 and an answer of 4,000 characters', () => {
    const longest = onlyRow(
      check(
        row({
          legacy_id: 'x'.repeat(40),
          month: '2027-06',
          content: 'c'.repeat(1_500),
          title: 't'.repeat(200),
          answer: 'a'.repeat(4_000),
          answered_on: '2024-02-29',
        }),
      ),
    );
    expect([
      longest.legacyId.length,
      longest.month,
      longest.content.length,
      longest.title.length,
      longest.answer?.length,
      longest.answeredOn,
    ]).toEqual([40, '2027-06', 1_500, 200, 4_000, '2024-02-29']);
  });

  it('keeps no answer or date it was not given', () => {
    const bare = onlyRow(check(row({})));
    expect(bare).not.toHaveProperty('answer');
    expect(bare).not.toHaveProperty('answeredOn');
    expect(bare).not.toHaveProperty('cell');
  });
});

describe('names resolved', () => {
  const resolved = (change: Parameters<typeof row>[0]) => onlyRow(check(row(change)));

  it('finds a town by its name without «Thị trấn», and a cell by its area or by its name of its own commune', () => {
    expect(resolved({ zone: 'Khu 1', commune: 'gia loc', cell: 'Khu dân cư số 1' })).toMatchObject({
      commune: { id: 'thi-tran-gia-loc' },
      cell: { id: 'tt-khu-1' },
    });
    expect(resolved({ cell: 'xom dong' }).cell?.id).toBe('gia-tan-so-2');
    expect(resolved({ cell: 'gia-tan-so-2' }).cell?.id).toBe('gia-tan-so-2');
    expect(resolved({ legacy_id: ' GL-2 ', zone: ' khu-2', commune: 'gia-tan ' })).toMatchObject({
      legacyId: 'GL-2',
      zoneId: 'khu-2',
      commune: { id: 'gia-tan' },
    });
  });

  it('reads the addressee as the district, a department by its short name, or a commune', () => {
    expect(resolved({ addressee: 'Huyện uỷ' }).addressee).toEqual({ kind: 'district' });
    expect(resolved({ addressee: 'district' }).addressee).toEqual({ kind: 'district' });
    expect(resolved({ addressee: 'phòng nn&ptnt' }).addressee).toEqual({ kind: 'department', id: 'phong-nn-ptnt' });
    expect(resolved({ addressee: 'Gia Lộc' }).addressee).toEqual({ kind: 'commune', id: 'thi-tran-gia-loc' });
  });

  it('reads a status by its code or its Vietnamese name, closed when empty, and a field by its name', () => {
    expect(resolved({ status: 'routed-district' }).status).toBe('routed-district');
    expect(resolved({ status: 'Đã nêu tại hội nghị' }).status).toBe('raised');
    expect(resolved({ status: '' }).status).toBe('closed');
    expect(resolved({ field: 'quan ly dat dai' }).field).toBe('land');
  });

  it('takes the first of two units of one name', () => {
    const twins: ImportStructure = {
      ...structure,
      communes: [
        { id: 'gia-hoa-1', name: 'Xã Gia Hoà', kind: 'xa', zoneId: 'khu-1' },
        { id: 'gia-hoa-2', name: 'Xã Gia Hoà', kind: 'xa', zoneId: 'khu-2' },
      ],
    };
    const checked = checkImport([HEADER, row({ zone: 'khu-1', commune: 'Gia Hoà' })].join('\n'), twins, '2027-06');
    expect(onlyRow(checked).commune.id).toBe('gia-hoa-1');
  });
});

describe('a title taken from the content', () => {
  const titleOf = (content: string) => onlyRow(check(row({ content: `"${content}"` }))).title;

  it('is the first line when it is at most 80 characters', () => {
    expect(titleOf('Dòng một\nDòng hai')).toBe('Dòng một');
    expect(titleOf('z'.repeat(80))).toBe('z'.repeat(80));
  });

  it('is cut at the last space after the 40th character, else at 80, and marked cut', () => {
    expect(titleOf(`${'x'.repeat(45)} ${'y'.repeat(50)}`)).toBe(`${'x'.repeat(45)}…`);
    expect(titleOf(`${'x'.repeat(40)} ${'y'.repeat(50)}`)).toBe(`${'x'.repeat(40)} ${'y'.repeat(39)}…`);
    expect(titleOf('z'.repeat(81))).toBe(`${'z'.repeat(80)}…`);
    expect(titleOf(`${'x'.repeat(45)} ${'y'.repeat(40)} ${'z'.repeat(10)}`)).toBe(`${'x'.repeat(45)}…`);
  });
});

describe('an imported record', () => {
  const by = { officialId: 'van-phong-1', name: 'Văn phòng' };
  const recordOf = (change: Parameters<typeof row>[0]) =>
    importedRecord(onlyRow(check(row(change))), '2027-06-01T00:00:00.000Z', by);

  it('holds the row, the cell’s area as its place, the old answer, and its import as the first history entry', () => {
    const { record, first } = recordOf({
      legacy_id: 'GL-5',
      cell: 'xom dong',
      field: 'land',
      title: 'Giấy đất',
      content: 'Bảy hộ chờ giấy đất',
      answer: 'Đã cấp',
      answered_on: '2006-05-02',
    });
    expect(record).toEqual({
      id: '2006-03.khu-2.gia-tan.l-gl-5',
      number: '2006-03/K2/LGL-5',
      status: 'closed',
      level: 'district',
      meetingId: '2006-03.khu-2',
      month: '2006-03',
      zoneId: 'khu-2',
      communeId: 'gia-tan',
      cellId: 'gia-tan-so-2',
      cellName: 'Chi bộ số 2',
      field: 'land',
      title: 'Giấy đất',
      content: 'Bảy hộ chờ giấy đất',
      place: 'Xóm Đồng',
      addressee: { kind: 'district' },
      source: 'import',
      raisedAt: '2006-02-28T17:00:00.000Z',
      legacyId: 'GL-5',
      legacyAnswer: { text: 'Đã cấp', answeredOn: '2006-05-02' },
      historyCount: 1,
    });
    expect(first).toEqual({
      seq: 1,
      at: '2027-06-01T00:00:00.000Z',
      by,
      action: 'import',
      from: null,
      to: 'closed',
      note: 'Nhập từ hồ sơ cũ, mã GL-5 (dòng 2)',
    });
  });

  it('takes a cell without an area at its name, keeps an answer without a date, and none when not given', () => {
    expect(recordOf({ zone: 'khu-1', commune: 'thi-tran-gia-loc', cell: 'tt-khu-1' }).record.place).toBe(
      'Chi bộ khu dân cư số 1',
    );
    expect(recordOf({ answer: 'Đã trả lời' }).record.legacyAnswer).toEqual({ text: 'Đã trả lời' });
    expect(recordOf({}).record).not.toHaveProperty('legacyAnswer');
  });

  it('is at the level its state says, or once closed the level of its addressee', () => {
    const level = (status: string, addressee = '') => recordOf({ status, addressee }).record.level;
    expect([
      level('raised'),
      level('routed-commune'),
      level('routed-district'),
      level('closed'),
      level('closed', 'Gia Lộc'),
      level('closed', 'Phòng NN&PTNT'),
    ]).toEqual([null, 'commune', 'district', 'district', 'commune', 'district']);
  });

  it('routed to a commune, waits on the addressed commune, else its own, for the next month', () => {
    expect(recordOf({ status: 'routed-commune', addressee: 'Gia Lộc' }).record).toMatchObject({
      assignedCommuneId: 'thi-tran-gia-loc',
      dueMonth: '2006-04',
    });
    expect(recordOf({ status: 'routed-commune', addressee: 'Phòng NN&PTNT' }).record.assignedCommuneId).toBe('gia-tan');
    const routedUp = recordOf({ status: 'routed-district', addressee: 'Gia Lộc' }).record;
    expect(routedUp).not.toHaveProperty('assignedCommuneId');
    expect(routedUp).not.toHaveProperty('dueMonth');
  });
});

describe('a cell named in a commune that has none', () => {
  it('is an unknown reference, not a failure', () => {
    const withBareCommune: ImportStructure = {
      ...structure,
      communes: [...structure.communes, { id: 'gia-xuyen', name: 'Xã Gia Xuyên', kind: 'xa', zoneId: 'khu-2' }],
    };
    const result = checkImport(
      [HEADER, row({ commune: 'gia-xuyen', cell: 'thôn Hạ' })].join('\n'),
      withBareCommune,
      '2027-06',
    );

    expect(problemLines(result)).toEqual([
      '/lines/2/cell unknown_reference Dòng 2, cột cell: Xã Gia Xuyên không có chi bộ «thôn Hạ»',
    ]);
  });
});
