/** The district's official responses, newest first, as summaries read by projection from GSI1. */
import { keys } from '../../db/keys';
import { type Page, queryPage } from '../../db/store';
import {
  RESPONSE_SUMMARY_ATTRIBUTES,
  type ResponseSummary,
  responseSummary,
} from '../../domain/responses/response-summary';

export interface ResponseListQuery {
  /** Only the responses of this month. */
  readonly month?: string;
  readonly limit: number;
  readonly cursor?: string;
  /** Drafts are shown to those who compile and issue them only. */
  readonly withDrafts: boolean;
}

/**
 * A month has at most one draft, so leaving drafts out of a page shortens it by a few items at
 * most; the cursor still continues where the page's query stopped.
 */
export async function listResponses(query: ResponseListQuery): Promise<Page<ResponseSummary>> {
  const page = await queryPage({
    index: 'GSI1',
    partition: keys.responsesByMonth,
    prefix: query.month === undefined ? undefined : `${query.month}#`,
    descending: true,
    limit: query.limit,
    cursor: query.cursor,
    attributes: RESPONSE_SUMMARY_ATTRIBUTES,
  });
  const items = page.items.map(responseSummary).filter((summary) => query.withDrafts || summary.status !== 'draft');
  return page.nextCursor ? { items, nextCursor: page.nextCursor } : { items };
}
