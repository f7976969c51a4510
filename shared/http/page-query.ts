/** The query parameters every list takes (`?limit=`, `?cursor=`) and the shape of its reply. */
import * as z from 'zod/mini';
import type { Page } from '../domain/page';

/** Spread into a list's strict query schema. */
export const pageQuery = {
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
};

/** A list reply `{ items, nextCursor? }`: the cursor only while there is a next page. */
export function listReply<T>(items: T[], nextCursor: string | undefined): Page<T> {
  return nextCursor ? { items, nextCursor } : { items };
}

/** A page of stored items as a list reply. */
export function pageReply<T>(
  page: Page<Record<string, unknown>>,
  present: (item: Record<string, unknown>) => T,
): Page<T> {
  return listReply(page.items.map(present), page.nextCursor);
}
