/**
 * The routes of what follows a proposal's routing: the commune's result, the departments' answers
 * and their reviews, the raising cell's confirmation and reminders, and who is overdue.
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
import { overdueView } from '../../shared/domain/answers/overdue-views';
import { proposalIdSchema } from '../../shared/domain/proposals/proposal';
import { PROPOSAL_READERS, proposalLifecycle } from '../../shared/domain/proposals/proposal-lifecycle';
import { proposalDetailView } from '../../shared/domain/proposals/proposal-views';
import { compileBodySchema, issueBodySchema, responseIdSchema } from '../../shared/domain/responses/response';
import { responseDocumentView } from '../../shared/domain/responses/response-document';
import { responseLifecycle } from '../../shared/domain/responses/response-lifecycle';
import { responseSummaryPageView } from '../../shared/domain/responses/response-summary';
import { monthSchema } from '../../shared/domain/schema-kit';
import { allow } from '../../shared/http/access-rules';
import { defineRoutes } from '../../shared/http/contract';
import { pageQuery } from '../../shared/http/page-query';
import { DOCX_MEDIA, HTML_MEDIA } from './document-media';

const tag = 'Trả lời kiến nghị';
const responsesTag = 'Văn bản trả lời';

const proposalPath = z.strictObject({ proposalId: proposalIdSchema });
const answerPath = z.strictObject({ proposalId: proposalIdSchema, answerId: answerIdSchema });
const responsePath = z.strictObject({ responseId: responseIdSchema });

/** A response answers as its document, with its version. */
const documentReply = { description: 'The response as a document', body: responseDocumentView, etag: true } as const;

/** Every step answers with the proposal as it now stands, its history, answers and results. */
const proposalReply = {
  description: 'The proposal with its whole history, answers and results',
  body: proposalDetailView,
  etag: true,
} as const;

/** The states in which no step is taken any more. */
const finished = ['proposal_closed', 'proposal_merged', 'concurrent_change'];

export const answerRoutes = defineRoutes([
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
    method: 'GET',
    path: '/overdue',
    fn: 'answerRead',
    operation: 'overdue.list',
    access: allow(PROPOSAL_READERS),
    tag,
    summary: 'Who is overdue, per department and per commune, as of today in Vietnam',
    description:
      'Departments: proposals they still owe an answer to after its due day, and those due within the next days (`dueSoon`). Communes: proposals whose result their zone’s next meeting did not hear. Only what the caller may see.',
    request: {},
    response: { status: 200, description: 'The overdue, by department and by commune', body: overdueView },
  },
  {
    method: 'GET',
    path: '/responses',
    fn: 'answerRead',
    operation: 'responses.list',
    access: allow(PROPOSAL_READERS),
    tag: responsesTag,
    summary: 'The official responses, newest first (drafts only to the office and the standing bodies)',
    description:
      'Each with its number, date and how many proposals it answers, without its entries (`GET /responses/{responseId}` reads one whole). `month` keeps one month’s responses.',
    request: { query: z.strictObject({ month: z.optional(monthSchema), ...pageQuery }) },
    response: { status: 200, description: 'A page of responses, newest first', body: responseSummaryPageView },
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
  {
    method: 'GET',
    path: '/responses/{responseId}',
    fn: 'responseDocument',
    operation: 'responses.get',
    access: allow(PROPOSAL_READERS),
    tag: responsesTag,
    summary: 'A response as JSON, as a printable page (`Accept: text/html`) or as a Word document (.docx)',
    description:
      'Laid out as a party document: the party’s name and the issuing body, number, place and date, title, the body by zone and field, recipients, signer. An issued response is read by everyone who reads proposals; a draft only by the office and the standing bodies (404 to others).',
    request: { path: responsePath },
    response: { status: 200, ...documentReply, alternatives: [HTML_MEDIA, DOCX_MEDIA] },
    problems: { 404: ['response_not_found'] },
  },
]);
