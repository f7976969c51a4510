/**
 * `GET /proposals`: the filters, and how each is tested. What never changes about a proposal (its
 * month, units, field, addressee) is tested on the index entries before any record is read; what
 * changes (state, level, overdue) and the words of `q` are tested on the records.
 */
import * as z from 'zod/mini';
import { idSchema, monthSchema, text } from '../schema-kit';
import { isOverdue, type ProposalRecord, proposalWords, searchWords } from './proposal';
import { proposalFields } from './proposal-fields';
import { recordStates } from './proposal-lifecycle';

export const proposalFilterSchema = {
  /** First month (`YYYY-MM`) a proposal was raised in. */
  from: z.optional(monthSchema),
  /** Last month. */
  to: z.optional(monthSchema),
  zoneId: z.optional(idSchema),
  /** Proposals of the commune's cells. */
  communeId: z.optional(idSchema),
  cellId: z.optional(idSchema),
  field: z.optional(z.enum(proposalFields)),
  status: z.optional(z.enum(recordStates)),
  level: z.optional(z.enum(['commune', 'district'])),
  /** `district`, `commune:<communeId>` or `department:<departmentId>`. */
  addressee: z.optional(
    z
      .string()
      .check(
        z.regex(
          /^(district|(commune|department):[a-z0-9][a-z0-9-]{0,62})$/,
          'Nơi nhận có dạng district, commune:<mã xã> hoặc department:<mã ban>',
        ),
      ),
  ),
  /** `true`: only the overdue (a commune's result, or a department's answer); `false`: only the others. */
  overdue: z.optional(
    z.pipe(
      z.enum(['true', 'false']),
      z.transform((value) => value === 'true'),
    ),
  ),
  /** Words of the title or content, in any order, without regard to diacritics or case. */
  q: z.optional(text(200)),
  /** A department's queue: what it still owes an answer to, oldest due first. */
  assignedTo: z.optional(idSchema),
};

export interface ProposalFilter {
  readonly from?: string;
  readonly to?: string;
  readonly zoneId?: string;
  readonly communeId?: string;
  readonly cellId?: string;
  readonly field?: string;
  readonly status?: string;
  readonly level?: 'commune' | 'district';
  readonly addressee?: string;
  readonly overdue?: boolean;
  readonly q?: string;
  readonly assignedTo?: string;
}

/** What an index entry says of its proposal (see `proposal-store.ts`). */
export interface EntryFacts {
  readonly month: string;
  readonly zoneId: string;
  readonly communeId: string;
  readonly cellId?: string;
  readonly field: string;
  readonly addressee: string;
}

/** The filters an index entry can answer (the month is also the sort key of every list but a queue). */
export function entryMatches(entry: EntryFacts, filter: ProposalFilter): boolean {
  return (
    (filter.from === undefined || entry.month >= filter.from) &&
    (filter.to === undefined || entry.month <= filter.to) &&
    (filter.zoneId === undefined || entry.zoneId === filter.zoneId) &&
    (filter.communeId === undefined || entry.communeId === filter.communeId) &&
    (filter.cellId === undefined || entry.cellId === filter.cellId) &&
    (filter.field === undefined || entry.field === filter.field) &&
    (filter.addressee === undefined || entry.addressee === filter.addressee)
  );
}

/** The filters only the record can answer: its state, level, whether overdue on `today`, and every word of `q`. */
export function recordMatches(
  record: ProposalRecord,
  filter: ProposalFilter,
  queryWords: readonly string[],
  today: string,
): boolean {
  if (filter.status !== undefined && record.status !== filter.status) return false;
  if (filter.level !== undefined && record.level !== filter.level) return false;
  if (filter.overdue !== undefined && isOverdue(record, today) !== filter.overdue) return false;
  if (queryWords.length === 0) return true;
  const words = new Set(proposalWords(record));
  return queryWords.every((word) => words.has(word));
}

/** The words of `q`; the longest is likely the rarest, so its list is the one read. */
export function queryWordsOf(q: string | undefined): string[] {
  return q === undefined ? [] : searchWords(q).sort((a, b) => b.length - a.length);
}
