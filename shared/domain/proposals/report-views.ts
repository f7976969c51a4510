/** What the report routes answer, as schemas (the route table, the OpenAPI document and the tests read them). */
import * as z from 'zod/mini';
import { personView } from '../cycle/cycle-views';
import { lazy, named, withFieldsAfter } from '../schema-kit';
import { addresseeKinds, proposalFields } from './proposal-fields';
import { floorProposalShape } from './proposal-records';
import { reportStates } from './report-lifecycle';
import { cellFields, reportStatusView } from './report-status-view';

const instant = z.string();

export const addresseeView = named(
  lazy(() => z.strictObject({ kind: z.enum(addresseeKinds), id: z.optional(z.string()) })),
  'Addressee',
);

const reportProposalView = named(
  lazy(() =>
    z.strictObject({
      field: z.optional(z.enum(proposalFields)),
      /** The field's Vietnamese label. */
      fieldLabel: z.optional(z.string()),
      title: z.optional(z.string()),
      content: z.optional(z.string()),
      place: z.optional(z.string()),
      addressee: z.optional(addresseeView),
      /** Set once the cell withdrew it: the meeting does not raise it. */
      withdrawal: z.optional(z.strictObject({ reason: z.string(), by: personView, at: instant })),
    }),
  ),
  'ReportProposal',
);

/** One thing that keeps a report from being submitted, at its JSON pointer in the report. */
const reportProblemView = named(
  lazy(() => z.strictObject({ path: z.string(), code: z.string(), message: z.string() })),
  'ReportProblem',
);

export const reportView = named(
  lazy(() =>
    z.strictObject({
      meetingId: z.string(),
      month: z.string(),
      zoneId: z.string(),
      ...cellFields,
      status: z.enum(reportStates),
      situation: z.optional(z.string()),
      nextMonthTasks: z.optional(z.string()),
      followThrough: z.optional(z.strictObject({ heldOn: z.optional(z.string()), passedOn: z.optional(z.string()) })),
      proposals: z.array(reportProposalView),
      agreement: z.nullable(
        z.strictObject({
          agreedOn: z.string(),
          membersPresent: z.number(),
          membersTotal: z.number(),
          presidedBy: z.string(),
          recordedBy: personView,
          recordedAt: instant,
        }),
      ),
      writtenBy: personView,
      writtenAt: instant,
      submittedBy: z.optional(personView),
      submittedAt: z.optional(instant),
      /** What submission would refuse now, under the district's current rules; empty when it may be submitted. */
      problems: z.array(reportProblemView),
    }),
  ),
  'Report',
);

export const floorProposalView = named(
  lazy(() =>
    z.strictObject({
      ...withFieldsAfter(floorProposalShape(addresseeView, personView), { field: { fieldLabel: z.string() } }),
      editedBy: z.optional(personView),
      editedAt: z.optional(instant),
    }),
  ),
  'FloorProposal',
);

export const meetingReportsView = named(
  lazy(() =>
    z.strictObject({
      meetingId: z.string(),
      items: z.array(reportStatusView),
      /** What the minutes keeper added from the floor while the meeting was held. */
      floorProposals: z.array(floorProposalView),
    }),
  ),
  'MeetingReports',
);
