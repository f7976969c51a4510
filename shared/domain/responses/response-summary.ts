/** A response as a list shows it: what it is and where it stands, without its entries. */
import * as z from 'zod/mini';
import { lazy, named, namedPageOf } from '../schema-kit';
import type { OfficialResponse } from './response';
import { responseStates } from './response-lifecycle';

/** The fields a summary shows as the stored response holds them. */
const sharedFields = {
  id: z.string(),
  month: z.string(),
  status: z.enum(responseStates),
  title: z.string(),
  corrects: z.optional(z.string()),
  proposalCount: z.number(),
  compiledAt: z.string(),
};

export const responseSummaryView = named(
  lazy(() =>
    z.strictObject({
      ...sharedFields,
      /** Once issued: as printed, its date and when it was issued. */
      documentNumber: z.optional(z.string()),
      date: z.optional(z.string()),
      issuedAt: z.optional(z.string()),
    }),
  ),
  'ResponseSummary',
);
export type ResponseSummary = z.infer<typeof responseSummaryView>;

export const responseSummaryPageView = namedPageOf(responseSummaryView, 'ResponseSummaryPage');

/** What a summary is made of in a stored response: a list projects these attributes only (so not lazy). */
export const storedSummary = z.object({
  ...sharedFields,
  issue: z.optional(z.object({ documentNumber: z.string(), date: z.string(), issuedAt: z.string() })),
});

export const RESPONSE_SUMMARY_ATTRIBUTES = Object.keys(storedSummary.shape) as readonly (keyof OfficialResponse)[];

/** A stored response's projected attributes (checked against `storedSummary` by the store) as its summary. */
export function responseSummary({ issue, ...response }: z.infer<typeof storedSummary>): ResponseSummary {
  return {
    ...response,
    ...(issue && { documentNumber: issue.documentNumber, date: issue.date, issuedAt: issue.issuedAt }),
  };
}
