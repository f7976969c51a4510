/** The proposals export: one line a proposal, names for ids, Vietnamese labels, and what is overdue today. */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/domain/csv';
import type { ProposalRecord } from '../../shared/domain/proposals/proposal';
import {
  EXPORT_HEADERS,
  type ExportNames,
  exportHead,
  exportLine,
} from '../../shared/domain/proposals/proposal-export';
import { proposalRecord } from '../support/proposal-record';

const names: ExportNames = {
  zones: new Map([['khu-2', 'Khu 2']]),
  communes: new Map([
    ['gia-tan', 'Xã Gia Tân'],
    ['gia-hoa', 'Xã Gia Hoà'],
  ]),
  departments: new Map([['phong-kt-ht', 'Phòng Kinh tế và Hạ tầng']]),
};

/** The line's cells by header, read back as a spreadsheet reads them. */
function cells(line: string): Record<string, string> {
  expect(line.endsWith('\r\n')).toBe(true);
  const parsed = parseCsv(line.slice(0, -2));
  const values = 'records' in parsed ? (parsed.records[0]?.values ?? []) : [];
  expect(values).toHaveLength(EXPORT_HEADERS.length);
  return Object.fromEntries(EXPORT_HEADERS.map((header, i) => [header, values[i] as string]));
}

describe('the export', () => {
  it('opens with the byte-order mark and the Vietnamese headers', () => {
    const head = exportHead();
    expect(head.startsWith('\uFEFFSố kiến nghị,Tháng,Khu,"Xã, thị trấn",Chi bộ,')).toBe(true);
    expect(Object.values(cells(head.slice(1)))).toEqual([...EXPORT_HEADERS]);
  });

  it('writes a raised proposal with the units’ names, its labels and no level, due month or legacy data', () => {
    const record = proposalRecord({ title: 'Đường làng', content: 'Ổ gà sâu' });
    expect(cells(exportLine(record, names, '2027-09'))).toEqual({
      'Số kiến nghị': '2027-03/K2/001',
      Tháng: '2027-03',
      Khu: 'Khu 2',
      'Xã, thị trấn': 'Xã Gia Tân',
      'Chi bộ': 'Chi bộ thôn Hạ',
      'Lĩnh vực': 'Công nghiệp – dịch vụ – xây dựng kết cấu hạ tầng',
      'Tiêu đề': 'Đường làng',
      'Nội dung': 'Ổ gà sâu',
      'Địa điểm': 'Thôn Hạ',
      'Nơi nhận': 'Phòng Kinh tế và Hạ tầng',
      'Trạng thái': 'đã nêu tại hội nghị',
      'Cấp giải quyết': '',
      'Hạn báo cáo kết quả': '',
      'Quá hạn': '',
      Nguồn: 'Báo cáo chi bộ',
      'Mã hồ sơ cũ': '',
      'Trả lời (hồ sơ cũ)': '',
    });
  });

  it('shows a unit no longer in the structure by its id, and a record without a cell with an empty cell', () => {
    const record = proposalRecord({
      zoneId: 'khu-9',
      communeId: 'gia-cu',
      cellName: undefined,
      addressee: { kind: 'department', id: 'phong-cu' },
    });
    const line = cells(exportLine(record, names, '2027-03'));
    expect([line.Khu, line['Xã, thị trấn'], line['Chi bộ'], line['Nơi nhận']]).toEqual([
      'khu-9',
      'gia-cu',
      '',
      'phong-cu',
    ]);
  });

  it('names the addressee: the district, a named commune, or the raising commune when none is named', () => {
    const addressedTo = (addressee: ProposalRecord['addressee']) =>
      cells(exportLine(proposalRecord({ addressee }), names, '2027-03'))['Nơi nhận'];
    expect(addressedTo({ kind: 'district' })).toBe('Huyện uỷ');
    expect(addressedTo({ kind: 'commune', id: 'gia-hoa' })).toBe('Xã Gia Hoà');
    expect(addressedTo({ kind: 'commune' })).toBe('Xã Gia Tân');
    expect(addressedTo({ kind: 'commune', id: 'gia-moi' })).toBe('gia-moi');
    expect(addressedTo({ kind: 'department' })).toBe('');
  });

  it('writes the level, the due month and «Có» once a commune’s result is past due', () => {
    const routed = proposalRecord({ status: 'routed-commune', level: 'commune', dueMonth: '2027-04' });
    const onTime = cells(exportLine(routed, names, '2027-04-30'));
    expect([onTime['Trạng thái'], onTime['Cấp giải quyết'], onTime['Hạn báo cáo kết quả'], onTime['Quá hạn']]).toEqual([
      'chuyển xã giải quyết',
      'Xã',
      '2027-04',
      '',
    ]);
    expect(cells(exportLine(routed, names, '2027-05-01'))['Quá hạn']).toBe('Có');
    const district = cells(
      exportLine(proposalRecord({ status: 'routed-district', level: 'district' }), names, '2027-05'),
    );
    expect(district['Cấp giải quyết']).toBe('Huyện');
  });

  it('writes an imported record’s source, legacy id and answer, and a floor proposal’s source', () => {
    const imported = proposalRecord({
      source: 'import',
      status: 'closed',
      legacyId: 'GL-7',
      legacyAnswer: { text: 'Đã nạo vét xong', answeredOn: '2006-05-02' },
    });
    const line = cells(exportLine(imported, names, '2027-03'));
    expect([line.Nguồn, line['Mã hồ sơ cũ'], line['Trả lời (hồ sơ cũ)'], line['Trạng thái']]).toEqual([
      'Hồ sơ cũ',
      'GL-7',
      'Đã nạo vét xong',
      'đã kết thúc',
    ]);
    expect(cells(exportLine(proposalRecord({ source: 'floor' }), names, '2027-03')).Nguồn).toBe('Nêu tại hội nghị');
  });
});
