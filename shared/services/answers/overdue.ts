/**
 * Who is overdue, as of a day in Vietnam. Departments: the district's queue entries due before that
 * day (and those due within the next days), one range of one GSI1 partition (`keys.answersDue`).
 * Communes: the proposals routed to a commune (one state's list) whose result is overdue. Bounded:
 * at most `MAX_READ` entries of each are read.
 */
import { getItems } from '../../db/batch';
import { keys } from '../../db/keys';
import { parseValues, queryAll, queryPage } from '../../db/store';
import { addDays, daysBetween } from '../../domain/answers/due-dates';
import { isOverdue, type ProposalRecord } from '../../domain/proposals/proposal';
import { proposalRecordSchema } from '../../domain/proposals/proposal-records';
import { TIMELINE_END, TIMELINE_START } from '../cycle/timeline';
import type { ProposalReader } from '../proposals/proposal-search';
import { queueEntryRecord } from './answer-queue';

const MAX_READ = 1_000;
/** "Due soon": today and the next three days. */
export const DUE_SOON_DAYS = 3;

async function records(ids: readonly string[]): Promise<Map<string, ProposalRecord>> {
  const items = await getItems([...new Set(ids)].map((id) => keys.proposal(id)));
  return new Map(parseValues(proposalRecordSchema, items).map((record) => [record.id, record]));
}

function reminders(record: ProposalRecord) {
  return {
    reminderCount: record.reminderCount ?? 0,
    ...(record.lastReminder && { lastReminder: record.lastReminder }),
  };
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

async function owedAnswers(today: string, reader: ProposalReader) {
  const page = await queryPage({
    index: 'GSI1',
    partition: keys.answersDue,
    between: [TIMELINE_START, `${addDays(today, DUE_SOON_DAYS)}#${TIMELINE_END}`],
    limit: MAX_READ,
  });
  const entries = parseValues(queueEntryRecord, page.items);
  const found = await records(entries.map((entry) => entry.id));
  const shown = entries.flatMap((entry) => {
    const record = found.get(entry.id);
    if (!record || !reader.sees(record)) return [];
    const { id, number, title, zoneId, cellId, status, dueDate } = entry;
    const item = { proposalId: id, number, title, zoneId, cellId, status, dueDate, ...reminders(record) };
    return [{ entry, item: { ...item, daysOverdue: daysBetween(dueDate, today) } }];
  });
  return [...groupBy(shown, ({ entry }) => entry.departmentId).values()].map((group) => ({
    departmentId: group[0]?.entry.departmentId ?? '',
    departmentName: group[0]?.entry.departmentName ?? '',
    overdue: group.filter(({ item }) => item.daysOverdue > 0).map(({ item }) => item),
    dueSoon: group.filter(({ item }) => item.daysOverdue <= 0).map(({ item }) => item),
  }));
}

async function owedResults(today: string, reader: ProposalReader) {
  const page = await queryPage({ partition: keys.proposalLists.status('routed-commune'), limit: MAX_READ });
  if (page.items.length === 0) return [];
  // the communes' names only when some proposal may be overdue, beside its record.
  const [found, communes] = await Promise.all([
    records(page.items.map((item) => String(item.id))),
    queryAll({ index: 'GSI1', partition: keys.unitCollection('commune'), attributes: ['id', 'name'] }),
  ]);
  const names = new Map(communes.map((commune) => [String(commune.id), String(commune.name)]));
  const overdue = [...found.values()].filter((record) => isOverdue(record, today) && reader.sees(record));
  const byCommune = groupBy(overdue, (record) => record.assignedCommuneId ?? record.communeId);
  return [...byCommune].map(([communeId, group]) => ({
    communeId,
    communeName: names.get(communeId) ?? communeId,
    overdue: group
      .sort((a, b) => a.number.localeCompare(b.number))
      .map((record) => ({
        proposalId: record.id,
        number: record.number,
        title: record.title,
        zoneId: record.zoneId,
        ...(record.cellId !== undefined && { cellId: record.cellId }),
        ...(record.dueMonth !== undefined && { dueMonth: record.dueMonth }),
        ...(record.overdueSince !== undefined && { overdueSince: record.overdueSince }),
        ...reminders(record),
      })),
  }));
}

/** The overdue of every department and commune on `today` (Vietnam) that `reader` may see. */
export async function readOverdue(today: string, reader: ProposalReader) {
  const [departments, communes] = await Promise.all([owedAnswers(today, reader), owedResults(today, reader)]);
  return { asOf: today, departments, communes };
}
