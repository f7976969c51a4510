/** Request schemas of the monthly cycle's rotation, wishes, announcements and lists. */
import * as z from 'zod/mini';
import { idSchema, lazy, monthSchema, text } from '../schema-kit';

const monthNumberSchema = z.number().check(z.int(), z.gte(1), z.lte(12));

export const hostingWishesBodySchema = lazy(() =>
  z.strictObject({
    /** Months 1..12 the commune wishes to host; repeats are ignored. */
    months: z.array(monthNumberSchema).check(z.maxLength(12)),
  }),
);

export const rotationSwapBodySchema = lazy(() =>
  z.strictObject({
    a: monthNumberSchema,
    b: monthNumberSchema,
    reason: text(500),
  }),
);

export const announcementBodySchema = lazy(() =>
  z.strictObject({
    title: text(200),
    body: text(4_000),
    /** `'all'`, or the zones it concerns. */
    zoneIds: z.union([z.literal('all'), z.array(idSchema).check(z.minLength(1), z.maxLength(50))]),
  }),
);
export type AnnouncementInput = z.infer<typeof announcementBodySchema>;

/** Filters of `GET /meetings`: a month, a zone, or both. */
export const meetingFilterSchema = {
  month: z.optional(monthSchema),
  zoneId: z.optional(idSchema),
};
