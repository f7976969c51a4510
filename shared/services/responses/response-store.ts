/**
 * How official responses are stored: the response (`keys.response`, listed by month on GSI1) with,
 * in its partition, one entry per zone it concerns once issued (on that zone's agenda) and where
 * it was announced; and each month's numbering and current draft (`keys.responseMonth`).
 */

import * as z from 'zod/mini';
import type { EntityRef } from '../../db/change-set';
import { type IndexKeys, type ItemKey, keys } from '../../db/keys';
import { getStored, parseStored, parseValues, queryAll, type Stored } from '../../db/store';
import { NotFoundError } from '../../domain/errors';
import type { OfficialResponse, ResponseMonth } from '../../domain/responses/response';
import { officialResponseRecord, responseMonthRecord } from '../../domain/responses/response-records';
import { lazy } from '../../domain/schema-kit';

export function responseRef(id: string): EntityRef {
  return { type: 'response', id };
}

export function responseMonthRef(month: string): EntityRef {
  return { type: 'response-month', id: month };
}

export function responseItemKeys(response: Pick<OfficialResponse, 'id' | 'month'>): ItemKey & IndexKeys {
  return { ...keys.response(response.id), GSI1PK: keys.responsesByMonth, GSI1SK: `${response.month}#${response.id}` };
}

export function responseNotFound(id: string): NotFoundError {
  return new NotFoundError(`Không có văn bản trả lời "${id}".`, 'response_not_found');
}

export function readResponseMonth(month: string): Promise<Stored<ResponseMonth> | undefined> {
  return getStored(responseMonthRecord, keys.responseMonth(month));
}

export async function loadResponse(id: string): Promise<Stored<OfficialResponse>> {
  const stored = await getStored(officialResponseRecord, keys.response(id));
  if (!stored) throw responseNotFound(id);
  return stored;
}

/** Where a response was announced: one meeting per zone. */
export interface ResponseAnnouncement {
  readonly zoneId: string;
  readonly meetingId: string;
  readonly at: string;
}

const announcementRecord: z.ZodMiniType<ResponseAnnouncement> = lazy(() =>
  z.looseObject({
    zoneId: z.string(),
    meetingId: z.string(),
    at: z.string(),
  }),
);

/** A response with where it was announced, in one query of its partition. */
export async function readResponseWithAnnouncements(
  id: string,
): Promise<{ response: Stored<OfficialResponse>; announcements: ResponseAnnouncement[] }> {
  const items = await queryAll({ partition: keys.responsePartition(id) });
  const record = items.find((item) => item.SK === keys.response(id).SK);
  if (!record) throw responseNotFound(id);
  const announcements = parseValues(
    announcementRecord,
    items.filter((item) => String(item.SK).startsWith(keys.responseAnnouncementPrefix)),
  ).map(({ zoneId, meetingId, at }) => ({ zoneId, meetingId, at }));
  return { response: parseStored(officialResponseRecord, record), announcements };
}
