/** The query parameters every list takes (`?limit=`, `?cursor=`) and the shape of its reply. */
import * as z from 'zod/mini';
import type { Page } from '../domain/page';

/**
 * A page size as a client writes it: decimal digits only, then 1 to 100. A number parser would
 * also take `0x10`, `1e1`, ` 10` or `10.0`; none of them is a page size.
 */
const pageSize = z.pipe(
  z.string().check(z.regex(/^(0|[1-9][0-9]*)$/, 'Số bản ghi mỗi trang phải là số nguyên viết bằng chữ số thập phân')),
  z.pipe(z.transform(Number), z.number().check(z.gte(1), z.lte(100))),
);

/** Spread into a list's strict query schema. */
export const pageQuery = {
  limit: z._default(pageSize, 50),
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
