import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/db/keys';
import { getItem, queryAll } from '../../shared/db/store';
import { ConflictError } from '../../shared/domain/errors';
import { loadMeeting } from '../../shared/services/cycle/cycle-store';
import { applyMeetingAction, close, hold, type MeetingActor } from '../../shared/services/cycle/meeting-actions';
import type { MeetingClosedHook } from '../../shared/services/cycle/meeting-close-hooks';
import { openCycle } from '../../shared/services/cycle/open-cycle';
import { seedSampleDistrict } from '../support/sample-district';

const office: MeetingActor = {
  actor: { id: 'van-phong-1' },
  person: { officialId: 'van-phong-1', name: 'Văn phòng' },
  roles: new Set(['office']),
};

/** A marker item a test hook writes, outside any real key pattern. */
const marker = (meetingId: string) => ({ PK: 'TEST#CLOSE-HOOK', SK: meetingId });

async function heldMeeting(zoneId: string): Promise<{ id: string; version: number }> {
  const id = `2027-05.${zoneId}`;
  const { version } = await loadMeeting(id);
  const held = await applyMeetingAction(id, 'hold', office, version, hold());
  return { id, version: held.version };
}

describe('the meeting-close hook point', () => {
  beforeAll(async () => {
    await seedSampleDistrict();
    await openCycle('2027-05', { id: 'test' });
  });

  it('commits what a hook adds in the same transaction as the close', async () => {
    const meeting = await heldMeeting('khu-1');
    const hook: MeetingClosedHook = ({ meeting: closing, changes }) => {
      changes.reserve(marker(closing.id), { closedAt: closing.closedAt }, new ConflictError('marker', 'marker'));
    };

    const closed = await applyMeetingAction(meeting.id, 'close', office, meeting.version, close(office, [hook]));

    expect(closed.meeting.status).toBe('closed');
    expect((await getItem(marker(meeting.id)))?.closedAt).toBe(closed.meeting.closedAt);
    const audit = await queryAll({ partition: keys.auditPartition('meeting', meeting.id) });
    expect(audit.map((record) => record.action)).toEqual(['create', 'hold', 'close']);
  });

  it('leaves the meeting held when a hook’s operation fails', async () => {
    const meeting = await heldMeeting('khu-2');
    const hook: MeetingClosedHook = ({ changes }) => {
      // The khu-1 marker exists already, so this reservation fails and the whole close with it.
      changes.reserve(marker('2027-05.khu-1'), {}, new ConflictError('hook_refused', 'Không đóng được.'));
    };

    await expect(
      applyMeetingAction(meeting.id, 'close', office, meeting.version, close(office, [hook])),
    ).rejects.toMatchObject({ code: 'hook_refused' });

    const after = await loadMeeting(meeting.id);
    expect(after.value.status).toBe('held');
    expect(after.version).toBe(meeting.version);
  });

  it('runs every hook’s reads before any hook’s writes, and the writes in the hooks’ order', async () => {
    const meeting = await heldMeeting('khu-3');
    const steps: string[] = [];
    const hook =
      (name: string): MeetingClosedHook =>
      async ({ meeting: closing }) => {
        steps.push(`${name} reads`);
        await getItem(keys.meeting(closing.month, closing.zoneId));
        steps.push(`${name} has read`);
        return () => {
          steps.push(`${name} writes`);
        };
      };

    await applyMeetingAction(meeting.id, 'close', office, meeting.version, close(office, [hook('a'), hook('b')]));

    expect(steps.slice(0, 2)).toEqual(['a reads', 'b reads']);
    expect(steps.slice(4)).toEqual(['a writes', 'b writes']);
  });
});
