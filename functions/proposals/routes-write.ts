/**
 * The cell reports' and proposals' write routes: writing, agreeing, submitting and reopening
 * reports; raising, routing and merging proposals.
 */
import * as z from 'zod/mini';
import { meetingLifecycle } from '../../shared/domain/cycle/meeting-lifecycle';
import {
  floorPositionSchema,
  floorProposalBodySchema,
  mergeBodySchema,
  routeBodySchema,
} from '../../shared/domain/proposals/proposal';
import { proposalLifecycle } from '../../shared/domain/proposals/proposal-lifecycle';
import { proposalView } from '../../shared/domain/proposals/proposal-views';
import {
  agreementBodySchema,
  proposalPositionSchema,
  reopenBodySchema,
  reportBodySchema,
  withdrawalBodySchema,
} from '../../shared/domain/proposals/report';
import { type ReportAction, reportLifecycle } from '../../shared/domain/proposals/report-lifecycle';
import { floorProposalView, reportView } from '../../shared/domain/proposals/report-views';
import { pathIdSchema } from '../../shared/domain/schema-kit';
import { allow } from '../../shared/http/access-rules';
import { defineRoutes } from '../../shared/http/contract';
import { meetingPath, proposalPath, reportNotFound, reportPath, tag } from './route-parts';

const floorProposalPath = z.strictObject({ meetingId: pathIdSchema, n: floorPositionSchema });

const reportProposalPath = z.strictObject({ meetingId: pathIdSchema, cellId: pathIdSchema, n: proposalPositionSchema });

/** Who may take a lifecycle action on the path's report: the report table's own grants, for the path's cell. */
function reportActors(action: ReportAction) {
  return allow(reportLifecycle.grantsFor(action), { cell: 'path.cellId' });
}

/** Who routes and merges proposals: the proposal table's own grants (the record's zone is checked there). */
const ROUTERS = allow(proposalLifecycle.grantsFor('route-to-commune', 'route-to-district'));

/** A unit a report or proposal refers to, removed while the change was made (`referenced-units.ts`). */
const unitsGone = ['cell_not_found', 'commune_not_found', 'department_not_found'];

const reportsClosed = ['meeting_held', 'meeting_cancelled', 'report_submitted'];

/** The routes proposalWrite serves. */
export const proposalWriteRoutes = defineRoutes([
  {
    method: 'POST',
    path: '/meetings/{meetingId}/floor-proposals',
    fn: 'proposalWrite',
    operation: 'floorProposals.add',
    access: allow(meetingLifecycle.grantsFor('add-floor-proposal'), { zone: 'meeting.path.meetingId' }),
    tag,
    summary: 'Add a proposal raised from the floor, on a cell’s behalf (the minutes keeper, while the meeting is held)',
    description:
      'Checked like a report’s proposals; the meeting’s `If-Match` is required, and its version changes, so the meeting’s close raises it with the cells’ own.',
    request: { path: meetingPath, body: floorProposalBodySchema, ifMatch: true, idempotent: true },
    response: { status: 201, description: 'The floor proposal', body: floorProposalView },
    problems: {
      404: ['meeting_not_found', ...unitsGone],
      409: ['invalid_transition', 'meeting_closed', 'concurrent_change'],
    },
  },
  {
    method: 'PUT',
    path: '/meetings/{meetingId}/floor-proposals/{n}',
    fn: 'proposalWrite',
    operation: 'floorProposals.edit',
    access: allow(meetingLifecycle.grantsFor('edit-floor-proposal'), { zone: 'meeting.path.meetingId' }),
    tag,
    summary: 'Correct a proposal raised from the floor (the minutes keeper, while the meeting is held)',
    description:
      'The whole floor proposal as it should stand, checked like a new one; it keeps its number. The meeting’s `If-Match` is required and its version changes; refused once the meeting is closed, and while a close has already raised it.',
    request: { path: floorProposalPath, body: floorProposalBodySchema, ifMatch: true },
    response: { status: 200, description: 'The corrected floor proposal', body: floorProposalView },
    problems: {
      404: ['meeting_not_found', 'floor_proposal_not_found', ...unitsGone],
      409: ['invalid_transition', 'meeting_closed', 'floor_proposal_raised', 'concurrent_change'],
    },
  },
  {
    method: 'DELETE',
    path: '/meetings/{meetingId}/floor-proposals/{n}',
    fn: 'proposalWrite',
    operation: 'floorProposals.remove',
    access: allow(meetingLifecycle.grantsFor('remove-floor-proposal'), { zone: 'meeting.path.meetingId' }),
    tag,
    summary: 'Remove a proposal raised from the floor (the minutes keeper, while the meeting is held)',
    description:
      'Audited with what it said; the other floor proposals keep their numbers. The meeting’s `If-Match` is required and its version changes; refused once the meeting is closed.',
    request: { path: floorProposalPath, ifMatch: true },
    response: { status: 204, description: 'Removed' },
    problems: {
      404: ['meeting_not_found', 'floor_proposal_not_found'],
      409: ['invalid_transition', 'meeting_closed', 'floor_proposal_raised', 'concurrent_change'],
    },
  },
  {
    method: 'PUT',
    path: '/meetings/{meetingId}/reports/{cellId}',
    fn: 'proposalWrite',
    operation: 'reports.put',
    access: reportActors('write'),
    tag,
    summary: 'Write the cell’s report (its own secretary)',
    description:
      'The whole report as it stands; a draft may be incomplete. The first writing needs no `If-Match`; a change does, and a change to an agreed report returns it to draft.',
    request: { path: reportPath, body: reportBodySchema, ifMatch: 'to-replace' },
    response: { status: 201, alsoOk: true, description: 'The report', body: reportView, etag: true },
    problems: { 404: [...reportNotFound, 'cell_not_found'], 409: [...reportsClosed, 'report_exists'] },
  },
  {
    method: 'POST',
    path: '/meetings/{meetingId}/reports/{cellId}/agreement',
    fn: 'proposalWrite',
    operation: 'reports.agree',
    access: reportActors('agree'),
    tag,
    summary: 'Record the cell committee’s agreement of the report',
    request: { path: reportPath, body: agreementBodySchema, ifMatch: true },
    response: { status: 200, description: 'The agreed report', body: reportView, etag: true },
    problems: { 404: reportNotFound, 409: reportsClosed },
  },
  {
    method: 'POST',
    path: '/meetings/{meetingId}/reports/{cellId}/submit',
    fn: 'proposalWrite',
    operation: 'reports.submit',
    access: reportActors('submit'),
    tag,
    summary: 'Submit the agreed report to the meeting',
    description:
      'Refused (400, every problem listed) while a section or proposal is missing, too short or vague; refused (409) without the committee’s agreement and once the meeting is held.',
    request: { path: reportPath, ifMatch: true },
    response: { status: 200, description: 'The submitted report', body: reportView, etag: true },
    problems: { 404: [...reportNotFound, ...unitsGone], 409: [...reportsClosed, 'agreement_required'] },
  },
  {
    method: 'POST',
    path: '/meetings/{meetingId}/reports/{cellId}/reopen',
    fn: 'proposalWrite',
    operation: 'reports.reopen',
    access: reportActors('reopen'),
    tag,
    summary: 'Return a submitted report to its cell as a draft (audited)',
    request: { path: reportPath, body: reopenBodySchema, ifMatch: true },
    response: { status: 200, description: 'The reopened report', body: reportView, etag: true },
    problems: { 404: reportNotFound, 409: ['meeting_held', 'meeting_cancelled', 'invalid_transition'] },
  },
  {
    method: 'POST',
    path: '/meetings/{meetingId}/reports/{cellId}/proposals/{n}/withdraw',
    fn: 'proposalWrite',
    operation: 'reports.withdrawProposal',
    access: reportActors('withdraw-proposal'),
    tag,
    summary: 'Withdraw the n-th proposal of the cell’s submitted report, with a reason, before the meeting',
    description: 'The proposal stays in the report, marked withdrawn; the meeting’s close does not raise it.',
    request: { path: reportProposalPath, body: withdrawalBodySchema, ifMatch: true },
    response: { status: 200, description: 'The report', body: reportView, etag: true },
    problems: {
      404: [...reportNotFound, 'report_proposal_not_found'],
      409: ['meeting_held', 'meeting_cancelled', 'invalid_transition', 'proposal_withdrawn'],
    },
  },
  {
    method: 'POST',
    path: '/proposals/{proposalId}/route',
    fn: 'proposalWrite',
    operation: 'proposals.route',
    access: ROUTERS,
    tag,
    summary: 'Route a proposal to its commune or to the district (audited)',
    description:
      '`commune`: the addressed commune (else the cell’s) resolves it and reports at the zone’s next meeting; `district`: the office compiles it. Routing again needs a `reason`.',
    request: { path: proposalPath, body: routeBodySchema, ifMatch: true },
    response: { status: 200, description: 'The routed proposal', body: proposalView, etag: true },
    problems: { 404: ['proposal_not_found'], 409: ['invalid_transition', 'proposal_closed', 'proposal_merged'] },
  },
  {
    method: 'POST',
    path: '/proposals/{proposalId}/merge',
    fn: 'proposalWrite',
    operation: 'proposals.merge',
    access: allow(proposalLifecycle.grantsFor('merge')),
    tag,
    summary: 'Fold a duplicate proposal into another; both histories are kept (audited)',
    description: '`If-Match` names the duplicate’s version; the other proposal records the merge in its history.',
    request: { path: proposalPath, body: mergeBodySchema, ifMatch: true },
    response: { status: 200, description: 'The merged duplicate', body: proposalView, etag: true },
    problems: { 404: ['proposal_not_found'], 409: ['invalid_transition', 'proposal_closed', 'proposal_merged'] },
  },
]);
