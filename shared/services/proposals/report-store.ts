/**
 * How cell reports are stored and read: each report is one item beside its meeting in the month's
 * cycle partition (`keys.report`), so one query lists a meeting's reports. The district's report
 * rules are one item, imported with the structure.
 */

import * as z from 'zod/mini';
import type { EntityRef } from '../../db/change-set';
import { type ItemKey, keys } from '../../db/keys';
import { getStored, parseStored, queryAll, type Stored } from '../../db/store';
import type { ExpectedReport, Meeting } from '../../domain/cycle/meeting';
import { type FieldProblem, NotFoundError } from '../../domain/errors';
import { withFieldLabel } from '../../domain/proposals/proposal-fields';
import type { Report } from '../../domain/proposals/report';
import { reportStates } from '../../domain/proposals/report-lifecycle';
import { reportRecord } from '../../domain/proposals/report-records';
import {
  type KnownUnits,
  type ReportContent,
  type ReportRules,
  reportProblems,
  reportRulesOf,
  reportRulesSchema,
} from '../../domain/proposals/report-rules';
import { lazy } from '../../domain/schema-kit';
import { loadMeetingWith } from '../cycle/cycle-store';

/** Audit entity of a report: `GET /audit?entity=report:<meetingId>.<cellId>`. */
export function reportRef(meetingId: string, cellId: string): EntityRef {
  return { type: 'report', id: `${meetingId}.${cellId}` };
}

/** The cell's entry in the meeting's expected reports; 404 when the meeting expects no report from it. */
export function expectedCell(meeting: Meeting, cellId: string): ExpectedReport {
  const cell = meeting.expectedReports.find((entry) => entry.cellId === cellId);
  if (!cell) {
    throw new NotFoundError(
      `Cuộc họp "${meeting.id}" không chờ báo cáo của chi bộ "${cellId}".`,
      'cell_not_in_meeting',
    );
  }
  return cell;
}

/** What the district's rules (and the units an addressee may name) refuse in a report now. */
export type ReportCheck = (report: ReportContent) => FieldProblem[];

/** A cell's report (absent until first written) with its meeting, and the check its submission must pass. */
export interface ReportScene {
  readonly meeting: Stored<Meeting>;
  readonly report: Stored<Report> | undefined;
  readonly check: ReportCheck;
}

/**
 * Everything a report's use case reads, in one round trip: the meeting, the report and the
 * district's report rules in one batch read, beside the queries of the units an addressee may name.
 */
export async function loadReportScene(meetingId: string, cellId: string): Promise<ReportScene> {
  const [{ meeting, items }, known] = await Promise.all([
    loadMeetingWith(meetingId, (month, zoneId) => [keys.report(month, zoneId, cellId), keys.reportRules()]),
    loadKnownUnits(),
  ]);
  const find = (key: ItemKey) => items.find((item) => item.PK === key.PK && item.SK === key.SK);
  const reportItem = find(keys.report(meeting.value.month, meeting.value.zoneId, cellId));
  const rulesItem = find(keys.reportRules());
  const rules = reportRulesOf(rulesItem ? parseStored(reportRulesSchema, rulesItem).value : undefined);
  return {
    meeting,
    report: reportItem ? parseStored(reportRecord, reportItem) : undefined,
    check: (report) => reportProblems(report, rules, known),
  };
}

/** The report of a cell the meeting expects, and its check; 404 when the meeting or the report does not exist. */
export async function readReport(meetingId: string, cellId: string) {
  const { meeting, report, check } = await loadReportScene(meetingId, cellId);
  expectedCell(meeting.value, cellId);
  if (!report) throw reportNotFound(cellId);
  return { report, check };
}

export function reportNotFound(cellId: string): NotFoundError {
  return new NotFoundError(`Chi bộ "${cellId}" chưa viết báo cáo cho cuộc họp này.`, 'report_not_found');
}

/** The district's report rules, with the defaults when none were imported. */
export async function loadReportRules(): Promise<ReportRules> {
  return reportRulesOf((await getStored(reportRulesSchema, keys.reportRules()))?.value);
}

async function unitIds(kind: 'commune' | 'department'): Promise<Set<string>> {
  const items = await queryAll({ index: 'GSI1', partition: keys.unitCollection(kind), attributes: ['id'] });
  return new Set(items.map((item) => String(item.id)));
}

/** The communes and departments an addressee may name. */
export async function loadKnownUnits(): Promise<KnownUnits> {
  const [communes, departments] = await Promise.all([unitIds('commune'), unitIds('department')]);
  return { communes, departments };
}

/** A report as the API shows it: each proposal with its field's label, and what keeps it from submission. */
export function presentReport(report: Report, check: ReportCheck) {
  return { ...report, proposals: report.proposals.map(withFieldLabel), problems: check(report) };
}

/** The few fields of a report the list of a meeting's reports reads (a projection). */
const reportSummary = lazy(() =>
  z.looseObject({
    cellId: z.string(),
    status: z.enum(reportStates),
    agreement: z.nullable(z.looseObject({ agreedOn: z.string() })),
    submittedAt: z.optional(z.string()),
  }),
);

/** The states of a meeting's reports by cell, reading only the few fields the list shows. */
export async function readReportSummaries(month: string, zoneId: string) {
  const items = await queryAll({
    partition: keys.cyclePartition(month),
    prefix: keys.reportPrefix(zoneId),
    attributes: ['PK', 'SK', 'cellId', 'status', 'agreement', 'submittedAt'],
  });
  return new Map(items.map((item) => [String(item.cellId), parseStored(reportSummary, item).value]));
}

/** Every cell the meeting expects a report from, in the meeting's order, with the state of its report (`missing` until the cell writes one). */
export function reportStatesOf(
  expectedReports: Meeting['expectedReports'],
  byCell: Awaited<ReturnType<typeof readReportSummaries>>,
) {
  return expectedReports.map(({ cellId, cellName, communeId, communeName }) => {
    const report = byCell.get(cellId);
    return {
      cellId,
      cellName,
      communeId,
      communeName,
      status: report?.status ?? ('missing' as const),
      ...(report?.agreement && { agreedOn: report.agreement.agreedOn }),
      ...(report?.submittedAt !== undefined && { submittedAt: report.submittedAt }),
    };
  });
}
