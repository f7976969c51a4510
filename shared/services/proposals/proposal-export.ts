/**
 * Exporting a search as CSV. A Lambda reply is buffered, not streamed, so the file is built page by
 * page of the search (`searchProposals`, the same filters and visibility as `GET /proposals`) up to
 * a bound: at most `MAX_EXPORT_PAGES` pages of at most 1,000 entries examined each, and a file of at
 * most 5 MB (about 15,000 proposals); a search beyond either is refused, asking for narrower filters.
 */
import { keys } from '../../db/keys';
import { queryAll } from '../../db/store';
import { BadRequestError } from '../../domain/errors';
import { type ExportNames, exportHead, exportLine } from '../../domain/proposals/proposal-export';
import type { ProposalFilter } from '../../domain/proposals/proposal-filter';
import { loadUnitNames } from '../stats/proposal-stats';
import { type ProposalReader, searchProposals } from './proposal-search';

export const MAX_EXPORT_BYTES = 5 * 1024 * 1024;
const MAX_EXPORT_PAGES = 50;
const PAGE = 1_000;

async function exportNames(): Promise<ExportNames> {
  const [units, departments] = await Promise.all([
    loadUnitNames(),
    queryAll({ index: 'GSI1', partition: keys.unitCollection('department'), attributes: ['id', 'name'] }),
  ]);
  return { ...units, departments: new Map(departments.map((item) => [String(item.id), String(item.name)])) };
}

const tooLarge = () =>
  new BadRequestError(
    'export_too_large',
    'Danh sách quá lớn để xuất một lần (quá 5 MB); hãy thu hẹp khoảng tháng hoặc thêm bộ lọc.',
  );

/** The CSV file of every proposal `reader` finds with `filter`, newest month first. */
export async function exportProposals(
  filter: ProposalFilter,
  reader: ProposalReader,
  currentMonth: string,
): Promise<string> {
  const search = (cursor: string | undefined) => searchProposals(filter, { limit: PAGE, cursor }, reader, currentMonth);
  // the names and the first page are independent: read them in the same round trips.
  const [names, first] = await Promise.all([exportNames(), search(undefined)]);
  const lines = [exportHead()];
  let bytes = Buffer.byteLength(lines[0] as string);
  let cursor: string | undefined;
  for (let pages = 0; pages === 0 || cursor !== undefined; pages++) {
    if (pages === MAX_EXPORT_PAGES) throw tooLarge();
    const page = pages === 0 ? first : await search(cursor);
    for (const record of page.items) {
      const line = exportLine(record, names, currentMonth);
      bytes += Buffer.byteLength(line);
      if (bytes > MAX_EXPORT_BYTES) throw tooLarge();
      lines.push(line);
    }
    cursor = page.nextCursor;
  }
  return lines.join('');
}
