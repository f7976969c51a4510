/** `GET /stats/proposals.csv`: the figures as a table a spreadsheet opens, Vietnamese headers, UTF-8 with BOM. */
import { csvLine, UTF8_BOM } from '../csv';
import { monthLabel, type StatsDimension } from './proposal-stats';

const DIMENSION_HEADERS: Record<StatsDimension, string> = {
  field: 'Lĩnh vực',
  month: 'Tháng',
  zone: 'Khu',
  commune: 'Xã, thị trấn',
  status: 'Trạng thái',
};

interface Figures {
  readonly from: string;
  readonly to: string;
  readonly by: StatsDimension;
  readonly total: number;
  readonly groups: readonly { readonly key: string; readonly label: string; readonly count: number }[];
  readonly busiestMonth: { readonly month: string; readonly count: number } | null;
  readonly quietestMonth: { readonly month: string; readonly count: number } | null;
}

function monthRow(title: string, entry: Figures['busiestMonth']): string {
  return csvLine(['', entry ? `${title}: ${monthLabel(entry.month)}` : title, entry?.count ?? 0]);
}

export function statsTableCsv(figures: Figures): string {
  return [
    UTF8_BOM,
    csvLine(['Mã', DIMENSION_HEADERS[figures.by], 'Số kiến nghị']),
    ...figures.groups.map((group) => csvLine([group.key, group.label, group.count])),
    csvLine(['', `Tổng cộng (${monthLabel(figures.from)} – ${monthLabel(figures.to)})`, figures.total]),
    monthRow('Tháng nhiều nhất', figures.busiestMonth),
    monthRow('Tháng ít nhất', figures.quietestMonth),
  ].join('');
}
