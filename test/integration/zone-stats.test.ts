/**
 * A zone's statistics read that zone's counters alone: one query of its own copy, one item a month,
 * whatever the number of zones. That copy gives the same figures, for every grouping and the
 * resolution, as the month's items of every zone (the copy the district's figures by zone or
 * commune read), because every change moves both in one transaction.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ChangeSet } from '../../shared/db/change-set';
import { keys } from '../../shared/db/keys';
import type { ProposalRecord } from '../../shared/domain/proposals/proposal';
import { statsDimensions, tally } from '../../shared/domain/stats/proposal-stats';
import { resolutionFigures } from '../../shared/domain/stats/resolution';
import { countProposalChange, readProposalCounts, readZoneCounts } from '../../shared/services/stats/proposal-counters';
import { proposalStats } from '../../shared/services/stats/proposal-stats';
import { itemsRead, recordDynamoCalls } from '../support/dynamodb-calls';
import { proposalRecord } from '../support/proposal-record';

const ZONES = 12;
const MONTHS = ['2027-01', '2027-02', '2027-03'];
// khu-10 to khu-12 share its name's start: its range must hold its own months alone.
const ZONE = 'khu-1';
const YEAR = { from: '2027-01', to: '2027-12' };
const TODAY = '2027-12-31';
const FIELDS = ['land', 'agriculture', 'policy'] as const;
const OVERDUE_PARTITIONS: readonly string[] = [keys.overdueWatchPartition, keys.zoneOverdueWatchPartition];
const COUNTER_PARTITIONS: readonly string[] = [
  keys.proposalCountsPartition,
  keys.zoneCountsPartition,
  keys.districtCountsPartition,
];

/** A department's assignment on a zone's proposal of `month`, due on the 20th. */
const assignment = (month: string) => ({
  departmentId: 'phong-nn',
  departmentName: 'Phòng Nông nghiệp',
  status: 'awaiting',
  dueDate: `${month}-20`,
  assignedAt: `${month}-08T03:00:00.000Z`,
  answerCount: 0,
  rounds: 0,
});

/** Three records of a zone's month: one whose answer is owed (overdue), one with an accepted answer, one closed as solved. */
function recordsOf(zone: number, month: string): ProposalRecord[] {
  return [0, 1, 2].map((i) =>
    proposalRecord({
      id: `${month}.khu-${zone}.xa-${i % 2}.${i}`,
      month,
      zoneId: `khu-${zone}`,
      communeId: `khu-${zone}-xa-${i % 2}`,
      field: FIELDS[(zone + i) % FIELDS.length],
      raisedAt: `${month}-07T03:00:00.000Z`,
      ...(i === 0 && { status: 'assigned', assignments: [assignment(month)] }),
      ...(i === 1 && {
        status: 'routed-district',
        assignments: [
          {
            ...assignment(month),
            status: 'accepted',
            answerCount: 1,
            rounds: 1,
            answeredAt: `${month}-15T03:00:00.000Z`,
            acceptedAt: `${month}-16T03:00:00.000Z`,
          },
        ],
      }),
      ...(i === 2 && { status: 'closed', confirmation: { solved: true } }),
    } as Partial<ProposalRecord>),
  );
}

beforeAll(async () => {
  for (let zone = 1; zone <= ZONES; zone++) {
    for (const month of MONTHS) {
      const changes = new ChangeSet({ id: 'test' });
      for (const record of recordsOf(zone, month)) countProposalChange(changes, undefined, record);
      await changes.commit();
    }
  }
});

describe(`a zone's statistics in a district of ${ZONES} zones`, () => {
  it('read one query of that zone’s own counters, one item a month', async () => {
    const calls = recordDynamoCalls();

    const figures = await proposalStats({ by: 'field', zoneId: ZONE, ...YEAR }, TODAY);

    const counterReads = calls.filter((call) =>
      itemsRead(call).some((item) => COUNTER_PARTITIONS.includes(String(item.PK))),
    );
    expect(counterReads).toHaveLength(1);
    expect(counterReads.flatMap(itemsRead).map((item) => [item.PK, item.SK, item.zoneId, item.month])).toEqual(
      MONTHS.map((month) => [keys.zoneCountsPartition, `${ZONE}#${month}`, ZONE, month]),
    );
    expect(figures.total).toBe(3 * MONTHS.length);
  });

  it('read what the zone has overdue today from its own overdue entries alone', async () => {
    const calls = recordDynamoCalls();

    const figures = await proposalStats({ by: 'field', zoneId: ZONE, ...YEAR }, TODAY);

    const overdue = calls.flatMap(itemsRead).filter((item) => OVERDUE_PARTITIONS.includes(String(item.PK)));
    expect(overdue.map((item) => [item.PK, item.zoneId, item.month])).toEqual(
      MONTHS.map((month) => [keys.zoneOverdueWatchPartition, ZONE, month]),
    );
    expect(figures.resolution.overdue).toMatchObject({ proposals: MONTHS.length, departments: [{ count: 3 }] });
    expect((await proposalStats({ by: 'field', ...YEAR }, TODAY)).resolution.overdue.proposals).toBe(
      ZONES * MONTHS.length,
    );
  });

  it('while the district’s by zone reads every zone’s items of the range', async () => {
    const calls = recordDynamoCalls();

    const figures = await proposalStats({ by: 'zone', ...YEAR }, TODAY);

    const read = calls.flatMap(itemsRead).filter((item) => COUNTER_PARTITIONS.includes(String(item.PK)));
    expect(read).toHaveLength(ZONES * MONTHS.length);
    expect(figures.groups).toHaveLength(ZONES);
  });

  it('equal the figures of every zone’s month items, for every grouping and the resolution', async () => {
    const own = await readZoneCounts(ZONE, YEAR.from, YEAR.to);
    const all = await readProposalCounts(YEAR.from, YEAR.to);
    const names = { zones: new Map(), communes: new Map(), departments: new Map() };
    const resolution = (items: typeof own) =>
      resolutionFigures(items, { asOf: TODAY, watches: [] }, YEAR, { zoneId: ZONE }, names);

    for (const by of statsDimensions) {
      expect(tally(own, { by, zoneId: ZONE }), by).toEqual(tally(all, { by, zoneId: ZONE }));
    }
    expect(resolution(own)).toEqual(resolution(all));
    expect(resolution(own).answers.accepted).toBe(MONTHS.length);
    expect(own.map((item) => item.month)).toEqual(MONTHS);
  });
});
