/**
 * Finding proposals without Scan, fast at 100,000 of them. Every proposal has an index entry in
 * each list it belongs to (`keys.proposalLists`), sorted by month then number, so a month range is
 * a key condition. A search reads ONE list, the narrowest its filters and the reader allow:
 *
 * | the first that applies                                   | the list read              |
 * |----------------------------------------------------------|----------------------------|
 * | `assignedTo`                                             | the department's queue, oldest due first |
 * | `cellId`                                                 | the cell's                 |
 * | `q`                                                      | its longest word's         |
 * | `communeId`                                              | the commune's              |
 * | `addressee=department:<id>`                              | the department's           |
 * | `zoneId`                                                 | the zone's                 |
 * | a reader who reaches one unit only (a cell secretary, a commune leader, a department) | that unit's |
 * | `status`                                                 | the state's                |
 * | otherwise (the office; a reader reaching several units)  | the district's             |
 *
 * The month range is the key condition (a queue is sorted by due day instead, and its entries are
 * tested for the months); zone, commune, cell, field and addressee are tested on the entries, which
 * repeat them (`entryMatches`).
 * The records of the entries that pass are read in one batch and tested for what changes (state,
 * level, overdue), the other words of `q`, and whether the reader may see them. A page reads at most
 * `MAX_EXAMINED` entries: a page may hold fewer than `limit` proposals and still have a `nextCursor`
 * (the last entry examined), as a DynamoDB query with a filter does.
 */
import { getItems } from '../../db/batch';
import { encodeCursor } from '../../db/cursor';
import { keys } from '../../db/keys';
import { type Page, parseStored, parseValues, queryPage } from '../../db/store';
import { type FieldProblem, ValidationError } from '../../domain/errors';
import type { ProposalRecord } from '../../domain/proposals/proposal';
import {
  type EntryFacts,
  entryMatches,
  type ProposalFilter,
  queryWordsOf,
  recordMatches,
} from '../../domain/proposals/proposal-filter';
import { proposalEntryRecord, proposalRecordSchema } from '../../domain/proposals/proposal-records';
import type { ScopeKind } from '../../domain/structure/roles';
import { TIMELINE_END, TIMELINE_START } from '../cycle/timeline';

/** Entries one page may examine, whatever it finds: the bound on a request's reads. */
const MAX_EXAMINED = 1_000;
/** Entries read per query. */
const ENTRY_BATCH = 100;

/** Who is searching: the units their readers' grants reach (`'all'` for the office), and whether they see a record. */
export interface ProposalReader {
  reach(kind: ScopeKind): 'all' | ReadonlySet<string>;
  sees(record: ProposalRecord): boolean;
}

const lists = keys.proposalLists;

/** The one unit a reader reaches, when they reach exactly one (and nothing else). */
function onlyUnit(reader: ProposalReader): string | undefined {
  const kinds: readonly [ScopeKind, (id: string) => string][] = [
    ['cell', lists.cell],
    ['commune', lists.commune],
    ['zone', lists.zone],
    ['department', lists.department],
  ];
  const reached = kinds.flatMap(([kind, list]) => {
    const units = reader.reach(kind);
    return units === 'all' ? [undefined] : [...units].map(list);
  });
  return reached.length === 1 ? reached[0] : undefined;
}

/** One list, the range of its sort keys a search reads, and in which direction. */
interface ListRead {
  readonly partition: string;
  readonly between: readonly [string, string];
  readonly descending: boolean;
}

/** The list a search reads; see the module comment. */
function listFor(filter: ProposalFilter, words: readonly string[], reader: ProposalReader): ListRead {
  if (filter.assignedTo !== undefined) {
    return {
      partition: keys.answerQueue(filter.assignedTo),
      between: [TIMELINE_START, TIMELINE_END],
      descending: false,
    };
  }
  const between = keys.proposalMonthRange(filter.from ?? '2000-01', filter.to ?? '2099-12');
  return { partition: monthListFor(filter, words, reader), between, descending: true };
}

/** The list sorted by month a search reads; see the module comment. */
function monthListFor(filter: ProposalFilter, words: readonly string[], reader: ProposalReader): string {
  const department = filter.addressee?.startsWith('department:')
    ? filter.addressee.slice('department:'.length)
    : undefined;
  if (filter.cellId !== undefined) return lists.cell(filter.cellId);
  if (words[0] !== undefined) return lists.word(words[0]);
  if (filter.communeId !== undefined) return lists.commune(filter.communeId);
  if (department !== undefined) return lists.department(department);
  if (filter.zoneId !== undefined) return lists.zone(filter.zoneId);
  const own = onlyUnit(reader);
  if (own !== undefined) return own;
  if (filter.status !== undefined) return lists.status(filter.status);
  return lists.district;
}

/** A list's entry, checked, with the keys a cursor after it names. */
function listEntry(item: Record<string, unknown>): EntryFacts & { PK: string; SK: string; id: string } {
  return { ...parseStored(proposalEntryRecord, item).value, PK: String(item.PK), SK: String(item.SK) };
}

/**
 * Proposals matching `filter` that `reader` may see on `today` (Vietnam), newest month first (a
 * queue: oldest due first); see the module comment.
 */
export async function searchProposals(
  filter: ProposalFilter,
  page: { readonly limit: number; readonly cursor?: string },
  reader: ProposalReader,
  today: string,
): Promise<Page<ProposalRecord>> {
  const words = queryWordsOf(filter.q);
  const problems: FieldProblem[] = [];
  if (filter.q !== undefined && words.length === 0) {
    problems.push({ path: '/query/q', code: 'no_words', message: 'Từ khoá tìm kiếm cần có chữ hoặc số' });
  }
  if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to) {
    problems.push({
      path: '/query/to',
      code: 'before_from',
      message: 'Tháng cuối («to») không được trước tháng đầu («from»)',
    });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  const { partition, between, descending } = listFor(filter, words, reader);
  const found: ProposalRecord[] = [];
  let cursor = page.cursor;
  let examined = 0;
  while (found.length < page.limit && examined < MAX_EXAMINED) {
    // the first query reads only as many entries as the page holds: when they pass, as a plain
    // search's do, the page costs one query and one batch read of its own records.
    const limit = Math.min(examined === 0 ? page.limit : ENTRY_BATCH, MAX_EXAMINED - examined);
    const batch = await queryPage({ partition, between, descending, limit, cursor });
    const entries = batch.items.map(listEntry);
    const candidates = entries.filter((entry) => entryMatches(entry, filter));
    const records = new Map(
      parseValues(proposalRecordSchema, await getItems(candidates.map((entry) => keys.proposal(entry.id)))).map(
        (record) => [record.id, record],
      ),
    );
    cursor = batch.nextCursor;
    for (const entry of entries) {
      examined++;
      const record = records.get(entry.id);
      // Entries are written with or after their records; `candidates` are the only records read.
      if (record && recordMatches(record, filter, words, today) && reader.sees(record)) found.push(record);
      if (found.length === page.limit) {
        // Stop after this entry; the next page starts after it, even if this query read further.
        cursor = entry === entries.at(-1) ? batch.nextCursor : encodeCursor({ PK: entry.PK, SK: entry.SK });
        break;
      }
    }
    if (cursor === undefined) break;
  }
  return cursor === undefined ? { items: found } : { items: found, nextCursor: cursor };
}
