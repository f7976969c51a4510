/**
 * The answers' write routes: communes' results, departments' assignments, answers and their
 * reviews, confirmations and reminders.
 */
import * as z from 'zod/mini';
import {
  answerBodySchema,
  answerIdSchema,
  assignmentsBodySchema,
  confirmationBodySchema,
  reminderBodySchema,
  resultBodySchema,
  reviewBodySchema,
} from '../../shared/domain/answers/answers';
import { assignmentLifecycle } from '../../shared/domain/answers/assignment-lifecycle';
import { proposalIdSchema } from '../../shared/domain/proposals/proposal';
import { proposalLifecycle } from '../../shared/domain/proposals/proposal-lifecycle';
import { proposalDetailView } from '../../shared/domain/proposals/proposal-views';
import { compileBodySchema, issueBodySchema } from '../../shared/domain/responses/response';
import { responseLifecycle } from '../../shared/domain/responses/response-lifecycle';
import { allow } from '../../shared/http/access-rules';
import { defineRoutes } from '../../shared/http/contract';
import { documentReply, responsePath, responsesTag, tag } from './route-parts';

const proposalPath = z.strictObject({ proposalId: proposalIdSchema });

const answerPath = z.strictObject({ proposalId: proposalIdSchema, answerId: answerIdSchema });

/** Every step answers with the proposal as it now stands, its history, answers and results. */
const proposalReply = {
  description: 'The proposal with its whole history, answers and results',
  body: proposalDetailView,
  etag: true,
} as const;

/** The states in which no step is taken any more. */
const finished = ['proposal_closed', 'proposal_merged', 'concurrent_change'];

/** The routes answerWrite serves. */
export const answerWriteRoutes = defineRoutes([
  {
    method: 'POST',
    path: '/proposals/{proposalId}/result',
    fn: 'answerWrite',
    operation: 'proposals.reportResult',
    access: allow(proposalLifecycle.grantsFor('report-result', 'escalate')),
    tag,
    summary: 'Report the commune’s result on a proposal routed to it (its party secretary or chair)',
    description:
      '`resolved`; `partly-resolved` with `remaining` and `remainingBy`; or `beyond-authority`, which escalates it to the district with `text` as the reason. The result is listed on the zone’s next agenda; at that meeting’s close a resolved or partly resolved proposal is announced.',
    request: { path: proposalPath, body: resultBodySchema, ifMatch: true },
    response: { status: 200, ...proposalReply },
    problems: { 404: ['proposal_not_found'], 409: ['not_routed_to_commune', ...finished] },
  },
  {
    method: 'POST',
    path: '/proposals/{proposalId}/assignments',
    fn: 'answerWrite',
    operation: 'proposals.assign',
    access: allow(proposalLifecycle.grantsFor('assign')),
    tag,
    summary: 'Assign a district-level proposal to one or more departments, each with a due day (the office)',
    description:
      'Without `dueDate`, a department’s answer is due the district’s number of days (`answers.dueDaysBeforeMeetings`, 7 unless set) before the first day of next month’s meeting window. Assigning again adds departments or moves due days.',
    request: { path: proposalPath, body: assignmentsBodySchema, ifMatch: true },
    response: { status: 200, ...proposalReply },
    problems: { 404: ['proposal_not_found', 'department_not_found'], 409: ['not_routed_to_district', ...finished] },
  },
  {
    method: 'POST',
    path: '/proposals/{proposalId}/answers',
    fn: 'answerWrite',
    operation: 'proposals.answer',
    access: allow(assignmentLifecycle.grantsFor('hold', 'answer')),
    tag,
    summary: 'Answer a proposal assigned to the caller’s department: a holding answer, or the substantive one',
    description:
      'A `holding` answer names the day of the substantive one (`expectedBy`); a `substantive` answer waits for review. Each answer is kept word for word, never overwritten. A department not assigned the proposal is refused (403).',
    request: { path: proposalPath, body: answerBodySchema, ifMatch: true, idempotent: true },
    response: { status: 201, ...proposalReply },
    problems: {
      404: ['proposal_not_found'],
      409: ['not_awaiting_answers', 'answer_under_review', 'answer_accepted', ...finished],
    },
  },
  {
    method: 'POST',
    path: '/proposals/{proposalId}/answers/{answerId}/review',
    fn: 'answerWrite',
    operation: 'proposals.reviewAnswer',
    access: allow(assignmentLifecycle.grantsFor('accept', 'return')),
    tag,
    summary:
      'Accept a department’s answer, or return it as unsatisfactory with the reason (the office or the standing board)',
    description:
      '`If-Match` names the proposal’s version. Only a department’s latest substantive answer not yet reviewed can be reviewed; a returned answer must be answered again by the same department. When every assigned department’s latest answer is accepted, the district’s answer is complete (`answered`).',
    request: { path: answerPath, body: reviewBodySchema, ifMatch: true },
    response: { status: 200, ...proposalReply },
    problems: {
      404: ['proposal_not_found', 'answer_not_found'],
      409: ['not_awaiting_answers', 'answer_not_reviewable', 'answer_accepted', ...finished],
    },
  },
  {
    method: 'POST',
    path: '/proposals/{proposalId}/confirmation',
    fn: 'answerWrite',
    operation: 'proposals.confirm',
    access: allow(proposalLifecycle.grantsFor('confirm-solved', 'reopen-to-commune', 'reopen-to-district')),
    tag,
    summary:
      'Say whether the problem was solved on the ground, once its answer or result was announced (the raising cell)',
    description:
      '`solved: true` closes the proposal; `false` reopens it at the same level with the note: the commune owes a result at the zone’s next meeting, or each department an answer again, its rounds counted on.',
    request: { path: proposalPath, body: confirmationBodySchema, ifMatch: true },
    response: { status: 200, ...proposalReply },
    problems: { 404: ['proposal_not_found'], 409: ['not_announced', ...finished] },
  },
  {
    method: 'POST',
    path: '/proposals/{proposalId}/reminders',
    fn: 'answerWrite',
    operation: 'proposals.remind',
    access: allow(proposalLifecycle.grantsFor('remind')),
    tag,
    summary: 'Remind whoever holds an overdue proposal (the raising cell)',
    description:
      'Kept in its history and shown on the proposal (`lastReminder`, `reminderCount`) to the commune or departments holding it.',
    request: { path: proposalPath, body: reminderBodySchema, ifMatch: true, idempotent: true },
    response: { status: 201, ...proposalReply },
    problems: { 404: ['proposal_not_found'], 409: ['not_overdue', ...finished] },
  },
  {
    method: 'POST',
    path: '/responses',
    fn: 'answerWrite',
    operation: 'responses.compile',
    access: allow(responseLifecycle.grantsFor('compile')),
    tag: responsesTag,
    summary: 'Compile the month’s draft response from the accepted answers (the office)',
    description:
      'Every proposal whose district answer is complete, grouped by zone and field, each with its number, cell, content and accepted answers. While the month has a draft, compiling again replaces it (its `If-Match` required); once issued, the next compiling starts a new response. `corrects` names an issued response this one corrects.',
    request: { body: compileBodySchema, ifMatch: 'to-replace', idempotent: true },
    response: { status: 201, alsoOk: true, ...documentReply },
    problems: { 409: ['nothing_to_respond', 'concurrent_change'] },
  },
  {
    method: 'POST',
    path: '/responses/{responseId}/issue',
    fn: 'answerWrite',
    operation: 'responses.issue',
    access: allow(responseLifecycle.grantsFor('issue')),
    tag: responsesTag,
    summary: 'Issue the draft under its number, date and signer (the standing board); it never changes after',
    description:
      'Takes its proposals in (`responded`) and puts it on the next agenda of every zone it concerns; the close of each zone’s meeting announces it there. Refused (409 `draft_outdated`) when a proposal changed since the draft was compiled.',
    request: { path: responsePath, body: issueBodySchema, ifMatch: true },
    response: { status: 200, ...documentReply },
    problems: { 404: ['response_not_found'], 409: ['response_issued', 'draft_outdated', 'concurrent_change'] },
  },
]);
