/** What the report routes answer, as schemas (the route table, the OpenAPI document and the tests read them). */
import * as z from 'zod/mini';
import { personView } from '../cycle/cycle-views';
import { lazy, named, withFieldsAfter } from '../schema-kit';
import { addresseeKinds } from './proposal-fields';
import { floorProposalShape } from './proposal-records';
import { agreementShape, reportProposalShape, reportShape } from './report-records';
import { reportStatusView } from './report-status-view';

const instant = z.string();

export const addresseeView = named(
  lazy(() => z.strictObject({ kind: z.enum(addresseeKinds), id: z.optional(z.string()) })),
  'Addressee',
);

const reportProposalView = named(
  lazy(() =>
    z.strictObject(
      withFieldsAfter(
        reportProposalShape({
          addressee: addresseeView,
          withdrawal: z.strictObject({ reason: z.string(), by: personView, at: instant }),
        }),
        {
          field: {
            /** The field's Vietnamese label. */
            fieldLabel: z.optional(z.string()),
          },
        },
      ),
    ),
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
      ...reportShape({
        proposal: reportProposalView,
        followThrough: z.strictObject({ heldOn: z.optional(z.string()), passedOn: z.optional(z.string()) }),
        agreement: z.strictObject(agreementShape(personView)),
        person: personView,
      }),
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
