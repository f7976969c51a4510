/** The statistics as a spreadsheet: the groups, the total over the range, the extreme months and the resolution rows. */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/domain/csv';
import { statsTableCsv } from '../../shared/domain/stats/stats-csv';

type Figures = Parameters<typeof statsTableCsv>[0];

const figures: Figures = {
  from: '2027-01',
  to: '2027-06',
  by: 'field',
  total: 12,
  groups: [
    { key: 'agriculture', label: 'Sản xuất nông nghiệp', count: 8 },
    { key: 'land', label: 'Quản lý đất đai', count: 4 },
  ],
  busiestMonth: { month: '2027-03', count: 7 },
  quietestMonth: { month: '2027-05', count: 1 },
  resolution: {
    closed: { count: 3, share: 0.25 },
    answered: { count: 4, share: 1 / 3 },
    solvedInFact: { count: 2, share: 1 / 6 },
    answers: { accepted: 5, onTime: { count: 4, share: 0.8 }, medianDaysToAccept: 12, reviewRoundsPerAnswer: 1.4 },
    overdue: {
      asOf: '2027-06-09',
      proposals: 2,
      departments: [{ key: 'phong-kt-ht', label: 'Phòng Kinh tế và Hạ tầng', count: 1 }],
      communes: [{ key: 'gia-tan', label: 'Xã Gia Tân', count: 1 }],
    },
  },
};

/** The file's rows as a spreadsheet reads them, after checking the mark and the CRLF line ends. */
function rows(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  const parsed = parseCsv(text.slice(1).replaceAll('\r\n', '\n'));
  return 'records' in parsed ? parsed.records.map((record) => [...record.values]) : [];
}

describe('the statistics table', () => {
  it('lists the groups under the dimension’s header, then the total, the extreme months and the resolution', () => {
    expect(rows(statsTableCsv(figures))).toEqual([
      ['Mã', 'Lĩnh vực', 'Số kiến nghị'],
      ['agriculture', 'Sản xuất nông nghiệp', '8'],
      ['land', 'Quản lý đất đai', '4'],
      ['', 'Tổng cộng (Tháng 1/2027 – Tháng 6/2027)', '12'],
      ['', 'Tháng nhiều nhất: Tháng 3/2027', '7'],
      ['', 'Tháng ít nhất: Tháng 5/2027', '1'],
      ['', 'Đã kết thúc (25% tổng số)', '3'],
      ['', 'Đã trả lời, báo cáo kết quả (33,33%)', '4'],
      ['', 'Chi bộ xác nhận đã giải quyết trên thực tế (16,67%)', '2'],
      ['', 'Trả lời của ban, ngành được chấp nhận', '5'],
      ['', 'Trong đó trả lời đúng hạn (80%)', '4'],
      ['', 'Số ngày trung vị từ khi nêu đến khi trả lời được chấp nhận', '12'],
      ['', 'Số lần trả lời bình quân mỗi trả lời được chấp nhận', '1.4'],
      ['', 'Kiến nghị quá hạn đến ngày 09/06/2027', '2'],
      ['phong-kt-ht', 'Quá hạn trả lời: Phòng Kinh tế và Hạ tầng', '1'],
      ['gia-tan', 'Quá hạn báo cáo kết quả: Xã Gia Tân', '1'],
    ]);
  });

  it('writes an empty range: no month to name, a dash for shares of nothing, blanks for figures not computed', () => {
    const empty: Figures = {
      ...figures,
      by: 'department',
      total: 0,
      groups: [],
      busiestMonth: null,
      quietestMonth: null,
      resolution: {
        closed: { count: 0, share: null },
        answered: { count: 0, share: null },
        solvedInFact: { count: 0, share: null },
        answers: {
          accepted: 0,
          onTime: { count: 0, share: null },
          medianDaysToAccept: null,
          reviewRoundsPerAnswer: null,
        },
        overdue: { asOf: '2027-06-09', proposals: 0, departments: [], communes: [] },
      },
    };
    expect(rows(statsTableCsv(empty))).toEqual([
      ['Mã', 'Ban, ngành', 'Số kiến nghị'],
      ['', 'Tổng cộng (Tháng 1/2027 – Tháng 6/2027)', '0'],
      ['', 'Tháng nhiều nhất', '0'],
      ['', 'Tháng ít nhất', '0'],
      ['', 'Đã kết thúc (– tổng số)', '0'],
      ['', 'Đã trả lời, báo cáo kết quả (–)', '0'],
      ['', 'Chi bộ xác nhận đã giải quyết trên thực tế (–)', '0'],
      ['', 'Trả lời của ban, ngành được chấp nhận', '0'],
      ['', 'Trong đó trả lời đúng hạn (–)', '0'],
      ['', 'Số ngày trung vị từ khi nêu đến khi trả lời được chấp nhận', ''],
      ['', 'Số lần trả lời bình quân mỗi trả lời được chấp nhận', ''],
      ['', 'Kiến nghị quá hạn đến ngày 09/06/2027', '0'],
    ]);
  });

  it('names each dimension in the first row', () => {
    const header = (by: Figures['by']) => rows(statsTableCsv({ ...figures, by }))[0]?.[1];
    expect(['month', 'zone', 'commune', 'status'].map((by) => header(by as Figures['by']))).toEqual([
      'Tháng',
      'Khu',
      'Xã, thị trấn',
      'Trạng thái',
    ]);
  });
});
