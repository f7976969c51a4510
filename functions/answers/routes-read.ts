/** The answers' read routes: who is overdue, and an official response as a document. */
import * as z from 'zod/mini';
import { overdueView } from '../../shared/domain/answers/overdue-views';
import { PROPOSAL_READERS } from '../../shared/domain/proposals/proposal-lifecycle';
import { responseSummaryPageView } from '../../shared/domain/responses/response-summary';
import { monthSchema } from '../../shared/domain/schema-kit';
import { allow } from '../../shared/http/access-rules';
import { defineRoutes } from '../../shared/http/contract';
import { pageQuery } from '../../shared/http/page-query';
import { DOCX_MEDIA, HTML_MEDIA } from './document-media';
import { documentReply, responsePath, responsesTag, tag } from './route-parts';

/** The routes answerRead and responseDocument serve. */
export const answerReadRoutes = defineRoutes([
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
