/**
 * The only place that builds `PK`/`SK`/`GSI*` values. Every access pattern of the table is
 * visible here.
 *
 * Structure units live in their own partition (`ZONE#<id>` / `ZONE`) and are listed through a
 * small collection partition on GSI1; units of a parent are listed through GSI2.
 */

export interface ItemKey {
  readonly PK: string;
  readonly SK: string;
}

export interface IndexKeys {
  readonly GSI1PK?: string;
  readonly GSI1SK?: string;
  readonly GSI2PK?: string;
  readonly GSI2SK?: string;
}

export const keyAttributes = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK'] as const;

export type StructureKind = 'zone' | 'commune' | 'cell' | 'department' | 'official';

const KIND_TAG: Record<StructureKind, string> = {
  zone: 'ZONE',
  commune: 'COMMUNE',
  cell: 'CELL',
  department: 'DEPARTMENT',
  official: 'OFFICIAL',
};

export const keys = {
  /** A structure unit's own item. */
  unit(kind: StructureKind, id: string): ItemKey {
    const tag = KIND_TAG[kind];
    return { PK: `${tag}#${id}`, SK: tag };
  },
  /**
   * What refers to a unit, counted beside it (`children`: a zone's communes or a commune's cells;
   * `assignments`: those naming the unit, or those an official holds): a removal requires both
   * at zero in its own transaction, so no reference made meanwhile is left pointing at nothing.
   */
  unitReferences(kind: StructureKind, id: string): ItemKey {
    const tag = KIND_TAG[kind];
    return { PK: `${tag}#${id}`, SK: `${tag}#REFERENCES` };
  },
  /** GSI1 partition listing every unit of a kind. */
  unitCollection(kind: StructureKind): string {
    return `${KIND_TAG[kind]}S`;
  },
  /** GSI2 partition listing the communes of a zone or the cells of a commune. */
  childrenOf(parentKind: 'zone' | 'commune', parentId: string): string {
    return `${KIND_TAG[parentKind]}#${parentId}#${parentKind === 'zone' ? 'COMMUNES' : 'CELLS'}`;
  },

  /** Reserves an account subject for one official, so no two officials share it. */
  subject(subject: string): ItemKey {
    return { PK: `SUBJECT#${subject}`, SK: 'SUBJECT' };
  },

  /** An assignment lives in its official's partition: one query yields the official and their roles. */
  assignment(officialId: string, assignmentId: string): ItemKey {
    return { PK: `OFFICIAL#${officialId}`, SK: `ASSIGNMENT#${assignmentId}` };
  },
  assignmentPrefix: 'ASSIGNMENT#',
  officialPartition(officialId: string): string {
    return `OFFICIAL#${officialId}`;
  },
  /** GSI1: every assignment, sorted by role then scope, so a role (and scope) is a prefix query. */
  assignmentCollection: 'ASSIGNMENTS',
  assignmentSortKey(role: string, scopeId: string | undefined, officialId: string): string {
    return `${role}#${scopeId ?? '-'}#${officialId}`;
  },
  /** GSI1 sort-key prefix of every assignment of a role, or of a role in one unit. */
  assignmentSortPrefix(role: string, scopeId?: string): string {
    return scopeId === undefined ? `${role}#` : `${role}#${scopeId}#`;
  },
  /** GSI2: every assignment inside one zone (zone, commune and cell roles), for attendee lists. */
  zoneAssignments(zoneId: string): string {
    return `ZONE#${zoneId}#ASSIGNMENTS`;
  },

  /** An idempotency key a caller (`scope`: the official) sent with a creating request. */
  idempotencyKey(scope: string, key: string): ItemKey {
    return { PK: `IDEMPOTENCY#${scope}#${key}`, SK: 'IDEMPOTENCY' };
  },

  /** The district calendar (holidays). */
  calendar(): ItemKey {
    return { PK: 'DISTRICT', SK: 'CALENDAR' };
  },

  /** The district's rules for cell reports (vague phrases, minimum lengths), from its config. */
  reportRules(): ItemKey {
    return { PK: 'DISTRICT', SK: 'REPORT-RULES' };
  },

  /** Audit records of one entity, oldest first. */
  auditPartition(entityType: string, entityId: string): string {
    return `AUDIT#${entityType}#${entityId}`;
  },
  audit(entityType: string, entityId: string, at: string, unique: string): ItemKey {
    return { PK: `AUDIT#${entityType}#${entityId}`, SK: keys.timelineSortKey(at, unique) };
  },
  /** GSI1: audit records of a whole (Vietnam) month, for the office's trail. */
  auditMonth(month: string): string {
    return `AUDIT#${month}`;
  },

  /** A zone's hosting wishes of one year, one item per commune. */
  hostingWish(zoneId: string, year: number, communeId: string): ItemKey {
    return { PK: `ZONE#${zoneId}#WISHES#${year}`, SK: communeId };
  },
  hostingWishPartition(zoneId: string, year: number): string {
    return `ZONE#${zoneId}#WISHES#${year}`;
  },
  /** A zone's rotation plan of one year. */
  rotation(zoneId: string, year: number): ItemKey {
    return { PK: `ZONE#${zoneId}`, SK: `ROTATION#${year}` };
  },

  /** A month's cycle; its meetings share the partition, so one query reads the whole month. */
  cycle(month: string): ItemKey {
    return { PK: `CYCLE#${month}`, SK: 'CYCLE' };
  },
  cyclePartition(month: string): string {
    return `CYCLE#${month}`;
  },
  /** The office's window for a month, set before it opens; next to the cycle item, see `cycleItemsPrefix`. */
  monthWindow(month: string): ItemKey {
    return { PK: `CYCLE#${month}`, SK: 'CYCLE#WINDOW' };
  },
  /** Sort-key prefix of exactly the cycle item and the month's window: the opener reads both in one query. */
  cycleItemsPrefix: 'CYCLE',
  meetingPrefix: 'MEETING#',
  meeting(month: string, zoneId: string): ItemKey {
    return { PK: `CYCLE#${month}`, SK: `MEETING#${zoneId}` };
  },
  /**
   * A large part of a meeting (its roster, attendance or minutes) beside its record, outside
   * `meetingPrefix` and without index keys: lists of meetings never read it.
   */
  meetingPart(month: string, zoneId: string, part: 'roster' | 'attendance' | 'minutes'): ItemKey {
    return { PK: `CYCLE#${month}`, SK: `MEETINGPART#${zoneId}#${part}` };
  },
  /** GSI1: a zone's meetings by month, for "the zone's last meeting" and zone listings. */
  zoneMeetings(zoneId: string): string {
    return `ZONE#${zoneId}#MEETINGS`;
  },
  /** Amendments to a closed meeting's minutes, oldest first. */
  amendment(month: string, zoneId: string, at: string, unique: string): ItemKey {
    return { PK: `CYCLE#${month}`, SK: `AMENDMENT#${zoneId}#${at}#${unique}` };
  },
  amendmentPrefix(zoneId: string): string {
    return `AMENDMENT#${zoneId}#`;
  },

  /** A cell's report to its zone's meeting, beside the meeting: one query reads a meeting's reports. */
  report(month: string, zoneId: string, cellId: string): ItemKey {
    return { PK: `CYCLE#${month}`, SK: `REPORT#${zoneId}#${cellId}` };
  },
  reportPrefix(zoneId: string): string {
    return `REPORT#${zoneId}#`;
  },

  /** A proposal raised from the floor of a meeting, beside the meeting until its close raises it. */
  floorProposal(month: string, zoneId: string, n: number): ItemKey {
    return { PK: `CYCLE#${month}`, SK: `FLOOR#${zoneId}#${String(n).padStart(4, '0')}` };
  },
  floorProposalPrefix(zoneId: string): string {
    return `FLOOR#${zoneId}#`;
  },

  /** A proposal record; its history entries share its partition, so one query reads both. */
  proposal(id: string): ItemKey {
    return { PK: `PROPOSAL#${id}`, SK: 'PROPOSAL' };
  },
  proposalPartition(id: string): string {
    return `PROPOSAL#${id}`;
  },
  /** The `seq`-th entry of a proposal's history; they sort in order before the record itself. */
  proposalHistory(id: string, seq: number): ItemKey {
    return { PK: `PROPOSAL#${id}`, SK: `HISTORY#${String(seq).padStart(4, '0')}` };
  },
  proposalHistoryPrefix: 'HISTORY#',
  /** A department's n-th answer to a proposal: written once, never rewritten. */
  proposalAnswer(id: string, departmentId: string, n: number): ItemKey {
    return { PK: `PROPOSAL#${id}`, SK: `ANSWER#${departmentId}#${String(n).padStart(4, '0')}` };
  },
  proposalAnswerPrefix: 'ANSWER#',
  /** The review of one answer (accepted or returned): written once, beside the answer. */
  answerReview(id: string, departmentId: string, n: number): ItemKey {
    return { PK: `PROPOSAL#${id}`, SK: `REVIEW#${departmentId}#${String(n).padStart(4, '0')}` };
  },
  answerReviewPrefix: 'REVIEW#',
  /**
   * A commune's n-th result on a proposal, written once; GSI1 (`zoneCommuneResults`, by the time it
   * was reported) puts it on the zone's next agenda.
   */
  communeResult(id: string, n: number): ItemKey {
    return { PK: `PROPOSAL#${id}`, SK: `RESULT#${String(n).padStart(4, '0')}` };
  },
  communeResultPrefix: 'RESULT#',
  /** The last number given to a zone's proposals of a month (`2027-03/K2`), so no number is given twice. */
  proposalNumbers(prefix: string): ItemKey {
    return { PK: 'PROPOSAL-NUMBERS', SK: prefix };
  },

  /**
   * The lists proposals are found in (`GET /proposals`): each list is a partition of index entries,
   * one per proposal in it, sorted by `proposalEntrySortKey` (month, then number). A search picks
   * the list that narrows it most and filters what remains.
   */
  proposalLists: {
    /** Every proposal of the district. */
    district: 'PROPOSALS',
    zone: (zoneId: string) => `ZONE#${zoneId}#PROPOSALS`,
    /** The proposals of a commune's cells, and those addressed to the commune. */
    commune: (communeId: string) => `COMMUNE#${communeId}#PROPOSALS`,
    cell: (cellId: string) => `CELL#${cellId}#PROPOSALS`,
    /** Those addressed to a department. */
    department: (departmentId: string) => `DEPARTMENT#${departmentId}#PROPOSALS`,
    /** Those in one state now: the entry moves when the state changes. */
    status: (status: string) => `PROPOSALS#STATUS#${status}`,
    /** Those whose title or content holds the (folded) word. */
    word: (word: string) => `PROPOSALS#WORD#${word}`,
  },
  proposalEntry(list: string, month: string, number: string): ItemKey {
    return { PK: list, SK: keys.proposalEntrySortKey(month, number) };
  },
  proposalEntrySortKey(month: string, number: string): string {
    return `${month}#${number}`;
  },
  /** The inclusive sort-key range of the months `from` to `to` in a proposal list. */
  proposalMonthRange(from: string, to: string): [string, string] {
    return [`${from}#`, `${to}#~`];
  },

  /**
   * The district's proposal counts (`shared/domain/stats/proposal-counts.ts`): one item per month
   * and zone, all in one partition sorted by month, so the counts of any range of months are one
   * query whatever the number of proposals. Items per zone keep changes in different zones apart.
   */
  proposalCountsPartition: 'STATS#PROPOSALS',
  proposalCounts(month: string, zoneId: string): ItemKey {
    return { PK: 'STATS#PROPOSALS', SK: `${month}#${zoneId}` };
  },
  /**
   * The district's counters of a month: every zone's summed without their communes, moved in the
   * same transactions, so figures without a zone or commune read one item a month, of the same size
   * whatever the number of zones and communes.
   */
  districtCountsPartition: 'STATS#DISTRICT',
  districtCounts(month: string): ItemKey {
    return { PK: 'STATS#DISTRICT', SK: month };
  },
  /** The inclusive sort-key range of the months `from` to `to` in the counts partition. */
  proposalCountsRange(from: string, to: string): [string, string] {
    return [`${from}#`, `${to}#~`];
  },
  /**
   * Every owed answer and result of the district (`shared/domain/stats/overdue-watch.ts`), in one
   * partition sorted by the first day it is overdue: what is overdue today is one range.
   */
  overdueWatchPartition: 'STATS#OVERDUE',
  overdueWatch(sortKey: string): ItemKey {
    return { PK: 'STATS#OVERDUE', SK: sortKey };
  },
  /** The sort-key range of what is overdue on `today` (`YYYY-MM-DD`): every entry overdue from that day or before. */
  overdueUpTo(today: string): [string, string] {
    return ['0', `${today}#~`];
  },
  /** An import job (`POST /imports/proposals`, a large `PUT /structure`) and the parts of its file, in one partition. */
  importJob(jobId: string): ItemKey {
    return { PK: `IMPORT-JOB#${jobId}`, SK: 'IMPORT-JOB' };
  },
  importJobPart(jobId: string, n: number): ItemKey {
    return { PK: `IMPORT-JOB#${jobId}`, SK: `PART#${String(n).padStart(4, '0')}` };
  },
  importJobPartition(jobId: string): string {
    return `IMPORT-JOB#${jobId}`;
  },
  importJobPartPrefix: 'PART#',
  /** Held by the structure import job running now (`PUT /structure`), so that no other import runs beside it. */
  structureImport(): ItemKey {
    return { PK: 'STRUCTURE-IMPORT', SK: 'STRUCTURE-IMPORT' };
  },
  /** Reserves a legacy record's id for the proposal imported from it, so importing it again adds nothing. */
  legacyProposal(legacyId: string): ItemKey {
    return { PK: `LEGACY-PROPOSAL#${legacyId}`, SK: 'LEGACY-PROPOSAL' };
  },

  /**
   * A department's queue: one entry per proposal it still owes an answer to, sorted by due day
   * then proposal (`answerQueueSortKey`), so the oldest due comes first. GSI1 (`answersDue`) holds
   * the same entries for the whole district, sorted by due day then department: everything overdue
   * is one range of one partition.
   */
  answerQueue(departmentId: string): string {
    return `DEPARTMENT#${departmentId}#QUEUE`;
  },
  answerQueueEntry(departmentId: string, dueDate: string, proposalId: string): ItemKey & IndexKeys {
    return {
      PK: keys.answerQueue(departmentId),
      SK: `${dueDate}#${proposalId}`,
      GSI1PK: keys.answersDue,
      GSI1SK: `${dueDate}#${departmentId}#${proposalId}`,
    };
  },
  answersDue: 'ANSWERS-DUE',

  /** The district's settings for answers and its official responses (`answers` in its config, and its name). */
  answerSettings(): ItemKey {
    return { PK: 'DISTRICT', SK: 'ANSWER-SETTINGS' };
  },

  /**
   * An official response; its zone entries and where it was announced share its partition. GSI1
   * lists every response by month (`responsesByMonth`).
   */
  response(id: string): ItemKey {
    return { PK: `RESPONSE#${id}`, SK: 'RESPONSE' };
  },
  responsePartition(id: string): string {
    return `RESPONSE#${id}`;
  },
  responsesByMonth: 'RESPONSES',
  /** The responses of a month: how many were numbered, and the draft being compiled, if any. */
  responseMonth(month: string): ItemKey {
    return { PK: 'RESPONSES', SK: `MONTH#${month}` };
  },
  /**
   * What an issued response says to one zone (its proposals there); GSI1 (`zoneOfficialResponses`,
   * by the time it was issued) puts it on the zone's next agenda.
   */
  responseZoneEntry(id: string, zoneId: string): ItemKey {
    return { PK: `RESPONSE#${id}`, SK: `ZONE#${zoneId}` };
  },
  responseZonePrefix: 'ZONE#',
  /** The meeting of a zone at whose close the response was announced. */
  responseAnnouncement(id: string, zoneId: string): ItemKey {
    return { PK: `RESPONSE#${id}`, SK: `ANNOUNCED#${zoneId}` };
  },
  responseAnnouncementPrefix: 'ANNOUNCED#',

  /** Announcements by time; GSI1 per target (`ALL` or a zone) so an agenda reads only its own. */
  announcement(createdAt: string, id: string): ItemKey {
    return { PK: 'ANNOUNCEMENTS', SK: `${createdAt}#${id}` };
  },
  announcementsPartition: 'ANNOUNCEMENTS',
  announcementTarget(zoneId: string | 'ALL'): string {
    return `ANNOUNCEMENTS#${zoneId}`;
  },
  /** One target entry of an announcement (a copy carrying the GSI1 target keys). */
  announcementTargetEntry(announcementId: string, target: string): ItemKey {
    return { PK: `ANNOUNCEMENT#${announcementId}`, SK: `TARGET#${target}` };
  },

  /** Sort key of time-ordered feeds (announcements, results, responses, the monthly audit trail): ISO time, then id. */
  timelineSortKey(at: string, id: string): string {
    return `${at}#${id}`;
  },
  /** GSI1 sort key of a meeting in its zone's partition (`zoneMeetings`). */
  zoneMeetingSortKey(month: string): string {
    return month;
  },
  /** Reserves a day and session of a month for one meeting, so no two zones share it. */
  meetingSlot(month: string, date: string, session: string): ItemKey {
    return { PK: `CYCLE#${month}`, SK: `SLOT#${date}#${session}` };
  },

  /**
   * Agenda sources (the agenda only reads them). GSI2 (sparse): a zone's proposals that are still
   * open, sorted by `proposalEntrySortKey`, half of every agenda's carry-over (with
   * `zoneEndedProposals`); the proposal records carry these keys while open (see `proposal-store.ts`).
   */
  zoneOpenProposals(zoneId: string): string {
    return `ZONE#${zoneId}#OPEN-PROPOSALS`;
  },
  /**
   * GSI2, sorted by `timelineSortKey(endedAt, id)`: a zone's proposals that stopped being open
   * (closed or merged), so an agenda also carries over those open at the previous close and ended since.
   */
  zoneEndedProposals(zoneId: string): string {
    return `ZONE#${zoneId}#ENDED-PROPOSALS`;
  },
  /** GSI1, sorted by `timelineSortKey(reportedAt, id)`: results communes of the zone reported (`communeResult`). */
  zoneCommuneResults(zoneId: string): string {
    return `ZONE#${zoneId}#RESULTS`;
  },
  /** GSI1, sorted by `timelineSortKey(issuedAt, id)`: official responses concerning the zone (`responseZoneEntry`). */
  zoneOfficialResponses(zoneId: string): string {
    return `ZONE#${zoneId}#RESPONSES`;
  },
} as const;
