/**
 * Posting announcements down the line. Each is stored once (the office's feed) plus one target
 * entry per zone, or one `ALL` entry, carrying a copy on GSI1 (see `announcement-feed.ts`).
 */
import { randomUUID } from 'node:crypto';
import { type Actor, ChangeSet } from '../../db/change-set';
import { keys } from '../../db/keys';
import { queryAll } from '../../db/store';
import type { AnnouncementInput } from '../../domain/cycle/cycle-requests';
import type { Person } from '../../domain/cycle/meeting';
import { ConflictError, ValidationError } from '../../domain/errors';
import type { Announcement } from './announcement-feed';

/** Posts an announcement to all zones or to existing zones (400 naming each unknown one). */
export async function postAnnouncement(input: AnnouncementInput, author: Person, actor: Actor): Promise<Announcement> {
  const zoneIds = input.zoneIds === 'all' ? 'all' : [...new Set(input.zoneIds)];
  if (zoneIds !== 'all') await requireZones(zoneIds);
  const changes = new ChangeSet(actor);
  const id = randomUUID();
  const announcement: Announcement = {
    id,
    title: input.title,
    body: input.body,
    zoneIds,
    createdAt: changes.at,
    createdBy: author,
  };
  changes.create({ type: 'announcement', id }, keys.announcement(changes.at, id), announcement);
  for (const target of zoneIds === 'all' ? ['ALL'] : zoneIds) {
    changes.reserve(
      {
        ...keys.announcementTargetEntry(id, target),
        GSI1PK: keys.announcementTarget(target),
        GSI1SK: keys.timelineSortKey(changes.at, id),
      },
      announcement,
      new ConflictError('announcement_exists', 'Thông báo đã được gửi.'),
    );
  }
  await changes.commit();
  return announcement;
}

async function requireZones(zoneIds: readonly string[]): Promise<void> {
  const zones = await queryAll({ index: 'GSI1', partition: keys.unitCollection('zone') });
  const known = new Set(zones.map((zone) => String(zone.id)));
  const problems = zoneIds.flatMap((zoneId, index) =>
    known.has(zoneId)
      ? []
      : [{ path: `/zoneIds/${index}`, code: 'unknown_reference', message: `Không tìm thấy khu có mã "${zoneId}"` }],
  );
  if (problems.length > 0) throw new ValidationError(problems);
}
