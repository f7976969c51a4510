/** `GET /stats/proposals.csv`: the figures as a table a spreadsheet opens, Vietnamese headers, UTF-8 with BOM. */
import type * as z from 'zod/mini';
import { csvLine, UTF8_BOM } from '../csv';
import { monthLabel, type StatsDimension } from './proposal-stats';
import type { resolutionView } from './stats-views';

const DIMENSION_HEADERS: Record<StatsDimension, string> = {
  field: 'Lĩnh vực',
  month: 'Tháng',
  zone: 'Khu',
  commune: 'Xã, thị trấn',
  status: 'Trạng thái',
  department: 'Ban, ngành',
};

interface Figures {
  readonly from: string;
  readonly to: string;
  readonly by: StatsDimension;
  readonly total: number;
  readonly groups: readonly { readonly key: string; readonly label: string; readonly count: number }[];
  readonly busiestMonth: { readonly month: string; readonly count: number } | null;
  readonly quietestMonth: { readonly month: string; readonly count: number } | null;
  readonly resolution: z.infer<typeof resolutionView>;
}

function monthRow(title: string, entry: Figures['busiestMonth']): string {
  return csvLine(['', entry ? `${title}: ${monthLabel(entry.month)}` : title, entry?.count ?? 0]);
}

/**
 * Made on first use and kept: `toLocaleString` builds a formatter on every call (about 75 µs each),
 * and the locale's data loads with the first one (about 30 ms), which a module import should not pay.
 */
let percentFormat: Intl.NumberFormat | undefined;

/** `42,5%`: a share as the office writes it. */
function percent(share: number | null): string {
  if (share === null) return '–';
  percentFormat ??= new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
  return `${percentFormat.format(share * 100)}%`;
}

/** The resolution figures, one row each, then what each department and commune holds overdue. */
function resolutionRows({ closed, answered, solvedInFact, answers, overdue }: Figures['resolution']): string[] {
  const [year, month, day] = overdue.asOf.split('-');
  return [
    csvLine(['', `Đã kết thúc (${percent(closed.share)} tổng số)`, closed.count]),
    csvLine(['', `Đã trả lời, báo cáo kết quả (${percent(answered.share)})`, answered.count]),
    csvLine(['', `Chi bộ xác nhận đã giải quyết trên thực tế (${percent(solvedInFact.share)})`, solvedInFact.count]),
    csvLine(['', 'Trả lời của ban, ngành được chấp nhận', answers.accepted]),
    csvLine(['', `Trong đó trả lời đúng hạn (${percent(answers.onTime.share)})`, answers.onTime.count]),
    csvLine(['', 'Số ngày trung vị từ khi nêu đến khi trả lời được chấp nhận', answers.medianDaysToAccept ?? '']),
    csvLine(['', 'Số lần trả lời bình quân mỗi trả lời được chấp nhận', answers.reviewRoundsPerAnswer ?? '']),
    csvLine(['', `Kiến nghị quá hạn đến ngày ${day}/${month}/${year}`, overdue.proposals]),
    ...overdue.departments.map((d) => csvLine([d.key, `Quá hạn trả lời: ${d.label}`, d.count])),
    ...overdue.communes.map((c) => csvLine([c.key, `Quá hạn báo cáo kết quả: ${c.label}`, c.count])),
  ];
}

export function statsTableCsv(figures: Figures): string {
  return [
    UTF8_BOM,
    csvLine(['Mã', DIMENSION_HEADERS[figures.by], 'Số kiến nghị']),
    ...figures.groups.map((group) => csvLine([group.key, group.label, group.count])),
    csvLine(['', `Tổng cộng (${monthLabel(figures.from)} – ${monthLabel(figures.to)})`, figures.total]),
    monthRow('Tháng nhiều nhất', figures.busiestMonth),
    monthRow('Tháng ít nhất', figures.quietestMonth),
    ...resolutionRows(figures.resolution),
  ].join('');
}
