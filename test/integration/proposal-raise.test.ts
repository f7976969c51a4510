/**
 * Closing a meeting of 60 cells raises their 180 proposals (less one withdrawn, plus one from the
 * floor) as numbered records, in more transactions than one; a close that fails midway leaves the
 * meeting held, and retrying it raises the rest, each proposal exactly once.
 */
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentClient, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { getItem, queryAll, toStored } from '../../shared/db/store';
import type { HistoryEntry, ProposalRecord } from '../../shared/domain/proposals/proposal';
import type { DistrictConfig } from '../../shared/domain/structure/district-config';
import { loadMeeting } from '../../shared/services/cycle/cycle-store';
import { applyMeetingAction, close, hold, type MeetingActor } from '../../shared/services/cycle/meeting-actions';
import { openCycle } from '../../shared/services/cycle/open-cycle';
import { addFloorProposal } from '../../shared/services/proposals/floor-proposals';
import {
  agreeReport,
  applyReportAction,
  type ReportActor,
  submitReport,
  withdrawProposal,
  writeReport,
} from '../../shared/services/proposals/report-actions';
import { importStructure, parseDistrictConfig } from '../../shared/services/structure/import-structure';

const MONTH = '2027-04';
const MEETING = `${MONTH}.khu-1`;
const CELLS = 60;
/** Three proposals a cell, one of them withdrawn, and one from the floor. */
const RAISED = CELLS * 3 - 1 + 1;

/** One zone of three communes with 20 cells each. */
function bigZoneConfig(): DistrictConfig {
  const communes = ['a', 'b', 'c'].map((suffix) => ({
    id: `xa-${suffix}`,
    name: `Xã ${suffix}`,
    kind: 'xa',
    zoneId: 'khu-1',
  }));
  const cells = Array.from({ length: CELLS }, (_, i) => ({
    id: `thon-${i + 1}`,
    name: `Chi bộ thôn ${i + 1}`,
    communeId: communes[i % 3]?.id,
  }));
  return parseDistrictConfig({
    district: { id: 'khu-lon', name: 'Huyện Khu Lớn', province: 'Thử nghiệm' },
    deployment: { cycleOpener: { dayOfMonth: 1, hour: 7, minute: 0 }, alarmEmails: ['van-phong@khu-lon.example'] },
    calendar: { holidays: [] },
    zones: [{ id: 'khu-1', name: 'Khu 1' }],
    communes,
    cells,
    departments: [{ id: 'ban-dan-van', name: 'Ban Dân vận Huyện uỷ' }],
    officials: [{ id: 'pho-khu-1', name: 'Phó khu 1', title: 'Huyện uỷ viên' }],
    assignments: [{ officialId: 'pho-khu-1', role: 'zone-deputy', scopeId: 'khu-1' }],
  });
}

const deputy: MeetingActor = {
  actor: { id: 'pho-khu-1' },
  person: { officialId: 'pho-khu-1', name: 'Phó khu 1' },
  roles: new Set(['zone-deputy']),
};

const secretaryOf = (cellId: string): ReportActor => ({
  actor: { id: `bi-thu-${cellId}` },
  person: { officialId: `bi-thu-${cellId}`, name: `Bí thư ${cellId}` },
  roles: new Set(['cell-secretary']),
});

/** The words of the long text one proposal has: more than fit in its record's transaction. */
const longWords = Array.from({ length: 120 }, (_, i) => `cot${i + 1}`);
const LONG = `${MEETING}.thon-1.1`;

const proposal = (cellId: string, n: number) => ({
  field: 'agriculture' as const,
  title: `Kiến nghị ${n} của ${cellId} về kênh tưới`,
  content: `Kênh tưới nội đồng của ${cellId} bị bồi lắng đoạn ${n * 100} m, đề nghị nạo vét trước vụ mùa.${
    `${MEETING}.${cellId}.${n}` === LONG ? ` Đèn đường hỏng ở các cột ${longWords.join(' ')}.` : ''
  }`,
  place: `Cánh đồng ${cellId}`,
  addressee: n === 3 ? { kind: 'department' as const, id: 'ban-dan-van' } : { kind: 'commune' as const },
});

/** A cell's report with three proposals, written, agreed and submitted through the use cases; its version. */
async function submitThree(cellId: string): Promise<number> {
  const by = secretaryOf(cellId);
  const body = {
    situation: `Chi bộ ${cellId} có 30 đảng viên; khu dân cư thu hoạch xong 40 ha lúa, năng suất 60 tạ/ha.`,
    nextMonthTasks: 'Vận động các hộ ra quân làm thuỷ lợi nội đồng trước ngày 15.',
    followThrough: { heldOn: '2027-03-20', passedOn: 'Đã quán triệt kết luận hội nghị tháng trước tới các tổ đảng.' },
    proposals: [1, 2, 3].map((n) => proposal(cellId, n)),
  };
  let version = 0;
  const target = { meetingId: MEETING, cellId, version: () => version };
  version = (await applyReportAction(target, 'write', by, writeReport(body, by))).version;
  const agreement = { agreedOn: '2026-11-01', membersPresent: 3, membersTotal: 3, presidedBy: 'Bí thư' };
  version = (await applyReportAction(target, 'agree', by, agreeReport(agreement, by))).version;
  return (await applyReportAction(target, 'submit', by, submitReport(by))).version;
}

async function raisedRecords(): Promise<ProposalRecord[]> {
  const entries = await queryAll({ partition: keys.proposalLists.zone('khu-1') });
  const records = await Promise.all(entries.map((entry) => getItem(keys.proposal(String(entry.id)))));
  return records.map((item) => toStored<ProposalRecord>(item ?? {}).value);
}

/** The ids the entries of a word's list name. */
async function idsFoundBy(word: string): Promise<string[]> {
  return (await queryAll({ partition: keys.proposalLists.word(word) })).map((entry) => String(entry.id)).sort();
}

const numbers = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${MONTH}/K1/${String(from + i).padStart(3, '0')}`);

describe('closing a meeting of 60 cells and 180 proposals', () => {
  let heldVersion = 0;
  /** The 100th proposal the close raises: its first history entry is made to exist already. */
  const blocked = keys.proposalHistory(`${MEETING}.thon-34.1`, 1);

  beforeAll(async () => {
    await importStructure(bigZoneConfig(), { id: 'test' });
    await openCycle(MONTH, { id: 'test' });
    const cellIds = Array.from({ length: CELLS }, (_, i) => `thon-${i + 1}`);
    const versions = await Promise.all(cellIds.map(submitThree));
    // The last cell withdraws its third proposal: it stays in the report, and is not raised.
    const last = secretaryOf('thon-60');
    const withdrawal = withdrawProposal(3, 'Xã đã bố trí vốn', last);
    const target = { meetingId: MEETING, cellId: 'thon-60', version: () => versions.at(-1) ?? 0 };
    await applyReportAction(target, 'withdraw-proposal', last, withdrawal);
    const { version } = await loadMeeting(MEETING);
    heldVersion = (await applyMeetingAction(MEETING, 'hold', deputy, version, hold())).version;
    const floor = { cellId: 'thon-7', ...proposal('thon-7', 4), title: 'Kiến nghị nêu tại hội nghị về đèn đường' };
    heldVersion = (
      await applyMeetingAction(MEETING, 'add-floor-proposal', deputy, heldVersion, addFloorProposal(floor, deputy))
    ).version;
  });

  it('stops at a failing transaction with the meeting held, what came before it raised and numbered in order', async () => {
    await documentClient().send(new PutCommand({ TableName: tableName(), Item: { ...blocked, blocker: true } }));

    await expect(applyMeetingAction(MEETING, 'close', deputy, heldVersion, close(deputy))).rejects.toMatchObject({
      status: 409,
    });

    const meeting = await loadMeeting(MEETING);
    expect([meeting.value.status, meeting.version]).toEqual(['held', heldVersion]);
    const raised = await raisedRecords();
    expect(raised.length).toBeGreaterThan(0);
    expect(raised.length).toBeLessThan(100);
    expect(raised.map((r) => r.number).sort()).toEqual(numbers(1, raised.length));
    expect((await getItem(keys.proposalNumbers(`${MONTH}/K1`)))?.last).toBe(raised.length);
    // The word lists hold exactly the records written: nothing of the failed transaction's.
    expect(await idsFoundBy('kenh')).toEqual(raised.map((r) => r.id).sort());
    expect(await idsFoundBy('thon')).toEqual(raised.map((r) => r.id).sort());
    // The long text's words beyond those of its transaction followed it.
    expect(await idsFoundBy(longWords[0] ?? '')).toEqual([LONG]);
    expect(await idsFoundBy(longWords.at(-1) ?? '')).toEqual([LONG]);
  });

  it('writes again, on the retry, the words of a long text that did not follow its transaction', async () => {
    const last = keys.proposalEntry(keys.proposalLists.word(longWords.at(-1) ?? ''), MONTH, `${MONTH}/K1/001`);
    await documentClient().send(new DeleteCommand({ TableName: tableName(), Key: last }));
    expect(await idsFoundBy(longWords.at(-1) ?? '')).toEqual([]);
    await documentClient().send(new PutCommand({ TableName: tableName(), Item: { ...blocked, blocker: true } }));

    await expect(applyMeetingAction(MEETING, 'close', deputy, heldVersion, close(deputy))).rejects.toMatchObject({
      status: 409,
    });

    expect(await idsFoundBy(longWords.at(-1) ?? '')).toEqual([LONG]);
  });

  it('raises the rest when the close is retried, each of the 180 exactly once, and closes the meeting', async () => {
    await documentClient().send(new DeleteCommand({ TableName: tableName(), Key: blocked }));

    const closed = await applyMeetingAction(MEETING, 'close', deputy, heldVersion, close(deputy));

    expect(closed.meeting.status).toBe('closed');
    const raised = await raisedRecords();
    expect(raised).toHaveLength(RAISED);
    expect(new Set(raised.map((r) => r.id)).size).toBe(RAISED);
    expect(raised.map((r) => r.number).sort()).toEqual(numbers(1, RAISED));
    expect(raised.map((r) => r.id)).not.toContain(`${MEETING}.thon-60.3`);
    expect(new Set(raised.map((r) => r.status))).toEqual(new Set(['raised']));
    expect(await idsFoundBy('kenh')).toEqual(raised.map((r) => r.id).sort());
    for (const word of longWords) expect(await idsFoundBy(word)).toEqual([LONG]);
    expect(raised.find((r) => r.source === 'floor')).toMatchObject({
      id: `${MEETING}.thon-7.f1`,
      number: `${MONTH}/K1/180`,
      cellId: 'thon-7',
    });
  });

  it('gives each record one history entry, by the closer at the close, and a place in every list it belongs to', async () => {
    const { value: meeting } = await loadMeeting(MEETING);
    const id = `${MEETING}.thon-12.3`;
    const history = await queryAll({ partition: keys.proposalPartition(id), prefix: keys.proposalHistoryPrefix });

    expect(history.map((item) => toStored<HistoryEntry>(item).value)).toEqual([
      {
        seq: 1,
        at: meeting.closedAt,
        by: deputy.person,
        action: 'raise',
        from: 'submitted',
        to: 'raised',
        note: 'Kiến nghị số 3 trong báo cáo của Chi bộ thôn 12',
      },
    ]);
    const lists = [
      keys.proposalLists.district,
      keys.proposalLists.status('raised'),
      keys.proposalLists.department('ban-dan-van'),
      keys.proposalLists.word('kenh'),
    ];
    const counts = await Promise.all(lists.map(async (list) => (await queryAll({ partition: list })).length));
    expect(counts).toEqual([RAISED, RAISED, CELLS - 1, RAISED]);
    const carryOver = await queryAll({ index: 'GSI2', partition: keys.zoneOpenProposals('khu-1') });
    expect(carryOver).toHaveLength(RAISED);
  });

  it('refuses a further close of the closed meeting, raising nothing more', async () => {
    const { version } = await loadMeeting(MEETING);

    await expect(applyMeetingAction(MEETING, 'close', deputy, version, close(deputy))).rejects.toMatchObject({
      code: 'meeting_closed',
    });
    expect(await raisedRecords()).toHaveLength(RAISED);
  });
});
