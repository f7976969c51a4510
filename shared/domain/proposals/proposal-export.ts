/**
 * `GET /proposals/export.csv`: proposals as a spreadsheet opens them, one row each, Vietnamese
 * headers and labels, UTF-8 with BOM (`csv.ts`).
 */
import { csvLine, UTF8_BOM } from '../csv';
import { isOverdue, type ProposalRecord } from './proposal';
import { proposalFieldLabels } from './proposal-fields';
import { proposalStateLabels } from './proposal-lifecycle';

/** The names the labels use; a unit no longer in the structure is shown by its id. */
export interface ExportNames {
  readonly zones: ReadonlyMap<string, string>;
  readonly communes: ReadonlyMap<string, string>;
  readonly departments: ReadonlyMap<string, string>;
}

export const EXPORT_HEADERS = [
  'Số kiến nghị',
  'Tháng',
  'Khu',
  'Xã, thị trấn',
  'Chi bộ',
  'Lĩnh vực',
  'Tiêu đề',
  'Nội dung',
  'Địa điểm',
  'Nơi nhận',
  'Trạng thái',
  'Cấp giải quyết',
  'Hạn báo cáo kết quả',
  'Quá hạn',
  'Nguồn',
  'Mã hồ sơ cũ',
  'Trả lời (hồ sơ cũ)',
] as const;

const SOURCE_LABELS: Record<ProposalRecord['source'], string> = {
  report: 'Báo cáo chi bộ',
  floor: 'Nêu tại hội nghị',
  import: 'Hồ sơ cũ',
};

function addresseeLabel(record: ProposalRecord, names: ExportNames): string {
  const { addressee } = record;
  if (addressee.kind === 'district') return 'Huyện uỷ';
  if (addressee.kind === 'department') return names.departments.get(addressee.id ?? '') ?? addressee.id ?? '';
  const communeId = addressee.id ?? record.communeId;
  return names.communes.get(communeId) ?? communeId;
}

/** The header line, after the byte-order mark. */
export function exportHead(): string {
  return `${UTF8_BOM}${csvLine(EXPORT_HEADERS)}`;
}

/** One proposal's line, as of `currentMonth` (for whether it is overdue). */
export function exportLine(record: ProposalRecord, names: ExportNames, currentMonth: string): string {
  return csvLine([
    record.number,
    record.month,
    names.zones.get(record.zoneId) ?? record.zoneId,
    names.communes.get(record.communeId) ?? record.communeId,
    record.cellName ?? '',
    proposalFieldLabels[record.field],
    record.title,
    record.content,
    record.place,
    addresseeLabel(record, names),
    proposalStateLabels[record.status],
    record.level === 'commune' ? 'Xã' : record.level === 'district' ? 'Huyện' : '',
    record.dueMonth ?? '',
    isOverdue(record, currentMonth) ? 'Có' : '',
    SOURCE_LABELS[record.source],
    record.legacyId ?? '',
    record.legacyAnswer?.text ?? '',
  ]);
}
