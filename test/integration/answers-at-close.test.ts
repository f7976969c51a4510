/**
 * A zone's close announcing more results than one transaction holds: 30 commune results are
 * announced in transactions of their own before the close's, and the 10 proposals without a result
 * are marked overdue. A close that fails midway leaves the meeting held with what came before the
 * failure announced; retrying it announces the rest, each exactly once, and closes the meeting.
 * The statistics' counters move with every announcement and equal a recount after each attempt.
 */
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentClient, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { parseStored, parseValues, queryAll } from '../../shared/db/store';
import type { HistoryEntry, ProposalRecord } from '../../shared/domain/proposals/proposal';
import { historyEntryRecord, proposalRecordSchema } from '../../shared/domain/proposals/proposal-records';
import { reportResult } from '../../shared/services/answers/commune-results';
import { loadMeeting } from '../../shared/services/cycle/cycle-store';
import { applyMeetingAction, close, hold, type MeetingActor } from '../../shared/services/cycle/meeting-actions';
import { openCycle } from '../../shared/services/cycle/open-cycle';
import { addFloorProposal } from '../../shared/services/proposals/floor-proposals';
import {
  applyProposalAction,
  applyProposalStep,
  type ProposalActor,
  routeProposal,
} from '../../shared/services/proposals/proposal-actions';
import { verifyProposalCounts } from '../../shared/services/stats/proposal-stats';
import { importStructure, parseDistrictConfig } from '../../shared/services/structure/import-structure';

const RAISED_AT = '2027-04.khu-1';
const HEARD_AT = '2027-05.khu-1';
const PROPOSALS = 40;
const REPORTED = 30;
/**
 * Announcements one transaction holds: 5 actions each (record, audit, history, list entry moved),
 * the month's counters, and room for a further record's own (`transitionActions` keeps three: its
 * month and zone's two copies and its month's district item).
 */
const PER_TRANSACTION = 18;

const deputy: MeetingActor = {
  actor: { id: 'pho-khu-1' },
  person: { officialId: 'pho-khu-1', name: 'Phó khu 1' },
  roles: new Set(['zone-deputy']),
};

/** An actor holding `role` over the units named. */
function actorOf(id: string, role: 'zone-deputy' | 'commune-secretary', units: Record<string, string>): ProposalActor {
  return {
    actor: { id },
    person: { officialId: id, name: id },
    rolesOver: (over) =>
      new Set(Object.entries(units).some(([kind, unit]) => over[kind as 'zone'] === unit) ? [role] : []),
    sees: () => true,
  };
}
const router = actorOf('pho-khu-1', 'zone-deputy', { zone: 'khu-1' });
const commune = actorOf('bi-thu-xa-a', 'commune-secretary', { commune: 'xa-a' });

const idOf = (n: number) => `${RAISED_AT}.thon-1.f${n}`;
const numberOf = (n: number) => `2027-04/K1/${String(n).padStart(3, '0')}`;

async function records(): Promise<ProposalRecord[]> {
  const entries = await queryAll({ partition: keys.proposalLists.zone('khu-1') });
  const items = await Promise.all(
    entries.map((entry) => queryAll({ partition: keys.proposalPartition(String(entry.id)) })),
  );
  return items.map(
    (partition) => parseStored(proposalRecordSchema, partition.find((item) => item.SK === 'PROPOSAL') ?? {}).value,
  );
}

async function history(id: string): Promise<HistoryEntry[]> {
  const items = await queryAll({ partition: keys.proposalPartition(id), prefix: keys.proposalHistoryPrefix });
  return parseValues(historyEntryRecord, items);
}

async function runMeeting(meetingId: string, floors: number): Promise<number> {
  let { version } = await loadMeeting(meetingId);
  version = (await applyMeetingAction(meetingId, 'hold', deputy, version, hold())).version;
  for (let n = 1; n <= floors; n++) {
    const floor = {
      cellId: 'thon-1',
      field: 'industry-infrastructure' as const,
      title: `Đèn đường ngõ ${n} thôn 1`,
      content: `Ngõ ${n} của thôn 1 chưa có đèn chiếu sáng, người dân đi lại ban đêm khó khăn và mất an toàn.`,
      place: `Ngõ ${n}, thôn 1`,
      addressee: { kind: 'commune' as const },
    };
    version = (
      await applyMeetingAction(meetingId, 'add-floor-proposal', deputy, version, addFloorProposal(floor, deputy))
    ).version;
  }
  return version;
}

beforeAll(async () => {
  const config = parseDistrictConfig({
    district: { id: 'khu-lon', name: 'Huyện Khu Lớn', province: 'Thử nghiệm' },
    deployment: { cycleOpener: { dayOfMonth: 1, hour: 7, minute: 0 }, alarmEmails: ['van-phong@khu-lon.example'] },
    calendar: { holidays: [] },
    zones: [{ id: 'khu-1', name: 'Khu 1' }],
    communes: [{ id: 'xa-a', name: 'Xã A', kind: 'xa', zoneId: 'khu-1' }],
    cells: [{ id: 'thon-1', name: 'Chi bộ thôn 1', communeId: 'xa-a' }],
    departments: [],
    officials: [{ id: 'pho-khu-1', name: 'Phó khu 1', title: 'Huyện uỷ viên' }],
    assignments: [{ officialId: 'pho-khu-1', role: 'zone-deputy', scopeId: 'khu-1' }],
  });
  await importStructure(config, { id: 'test' });
  for (const month of ['2027-04', '2027-05']) await openCycle(month, { id: 'test' });
  const version = await runMeeting(RAISED_AT, PROPOSALS);
  await applyMeetingAction(RAISED_AT, 'close', deputy, version, close(deputy));
  for (let n = 1; n <= PROPOSALS; n++) {
    await applyProposalAction(idOf(n), 'route-to-commune', router, 1, routeProposal('commune', undefined));
  }
  const result = { outcome: 'resolved' as const, text: 'Xã đã lắp hai bóng đèn LED cho ngõ.' };
  for (let n = 1; n <= REPORTED; n++) await applyProposalStep(idOf(n), reportResult(result, commune), commune, 2);
});

describe('the close of the zone’s next meeting', () => {
  let heldVersion = 0;
  /** The 25th result's announcement: its history entry is made to exist already, failing the second transaction. */
  const blocked = keys.proposalHistory(idOf(25), 4);

  it('stops at a failing transaction with the meeting held and the results before it announced', async () => {
    heldVersion = await runMeeting(HEARD_AT, 0);
    await documentClient().send(new PutCommand({ TableName: tableName(), Item: { ...blocked, blocker: true } }));

    await expect(applyMeetingAction(HEARD_AT, 'close', deputy, heldVersion, close(deputy))).rejects.toMatchObject({
      status: 409,
    });

    expect((await loadMeeting(HEARD_AT)).value.status).toBe('held');
    const announced = (await records()).filter((record) => record.status === 'announced').map((r) => r.number);
    expect(announced.sort()).toEqual(Array.from({ length: PER_TRANSACTION }, (_, i) => numberOf(i + 1)));
    expect(await verifyProposalCounts()).toMatchObject({ proposals: PROPOSALS, exact: true, differences: [] });
  });

  it('announces the rest when retried, each result exactly once, marks the unreported overdue and closes', async () => {
    await documentClient().send(new DeleteCommand({ TableName: tableName(), Key: blocked }));

    const closed = await applyMeetingAction(HEARD_AT, 'close', deputy, heldVersion, close(deputy));

    expect(closed.meeting.status).toBe('closed');
    const all = await records();
    const byState = (status: string) => all.filter((record) => record.status === status).length;
    expect([byState('announced'), byState('routed-commune')]).toEqual([REPORTED, PROPOSALS - REPORTED]);
    expect(
      all
        .filter((record) => record.status === 'routed-commune')
        .every((r) => r.overdueSince === closed.meeting.closedAt),
    ).toBe(true);
    for (const n of [1, 25, 30]) {
      expect((await history(idOf(n))).filter((entry) => entry.action === 'announce')).toHaveLength(1);
    }
    expect((await history(idOf(40))).map((entry) => entry.action)).toEqual([
      'raise',
      'route-to-commune',
      'mark-overdue',
    ]);
    expect(await verifyProposalCounts()).toMatchObject({ proposals: PROPOSALS, exact: true, differences: [] });
  });
});
