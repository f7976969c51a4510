/**
 * Which cells have reported, as a meeting's report list and its agenda show it. Apart from the
 * report views so that the agenda's view (in `cycle-views.ts`, which the report views import) can use it.
 */
import * as z from 'zod/mini';
import { lazy, named } from '../schema-kit';
import { reportStates } from './report-lifecycle';

export const cellFields = {
  cellId: z.string(),
  cellName: z.string(),
  communeId: z.string(),
  communeName: z.string(),
};

/** A cell's report as a meeting's list shows it: `missing` until the cell writes one. */
export const reportStatusView = named(
  lazy(() =>
    z.strictObject({
      ...cellFields,
      status: z.enum(['missing', ...reportStates]),
      agreedOn: z.optional(z.string()),
      submittedAt: z.optional(z.string()),
    }),
  ),
  'ReportStatus',
);
