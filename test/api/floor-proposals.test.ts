/**
 * Correcting and removing proposals raised from the floor while the meeting is held: at the
 * meeting's If-Match, audited, refused once a close raised them and once the meeting is closed;
 * the close raises them as they stand, and search finds exactly their final text.
 */
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentClient, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { getItem, queryAll } from '../../shared/db/store';
import { useApi } from '../support/api';
import { expectProblem } from '../support/problem';
import { floorProposal, proposalSteps } from '../support/proposal-steps';
import { seedSampleDistrict } from '../support/sample-district';

const api = useApi();
const { etagOf, post } = proposalSteps(api);

const OFFICE = 'van-phong-1';
const DEPUTY = 'pho-khu-2';
const OTHER_DEPUTY = 'pho-khu-1';
const MEETING = '2027-03.khu-2';
const CELL = 'gia-tan-thon-ha';
const meetingPath = `/meetings/${MEETING}`;
const floorPath = (n: number) => `${meetingPath}/floor-proposals/${n}`;

const first = floorProposal(CELL, 'Nạo vét mương tiêu xóm Chùa', { kind: 'commune' });
const corrected = floorProposal(CELL, 'Lắp cống ngầm qua đường trục thôn Hạ', { kind: 'district' }, 'land');
const second = floorProposal(CELL, 'Sửa trạm bơm Đồng Bún', { kind: 'commune' });

/** A change to floor proposal `n` at the meeting's current ETag (or `ifMatch`). */
async function change(method: 'PUT' | 'DELETE', n: number, as = DEPUTY, body?: unknown, ifMatch?: string) {
  const headers = { 'if-match': ifMatch ?? (await etagOf(meetingPath)) };
  return api.request<Record<string, unknown>>(method, floorPath(n), { as, body, headers });
}

async function floorItems() {
  return queryAll({ partition: keys.cyclePartition('2027-03'), prefix: keys.floorProposalPrefix('khu-2') });
}

async function auditActions(entity: string): Promise<string[]> {
  const [type, id] = entity.split(':') as [string, string];
  return (await queryAll({ partition: keys.auditPartition(type, id) })).map((entry) => String(entry.action));
}

const wordIds = async (q: string) =>
  (
    await api.request<{ items: { id: string }[] }>('GET', `/proposals?q=${encodeURIComponent(q)}`, { as: OFFICE })
  ).body.items
    .map((p) => p.id)
    .sort();

beforeAll(async () => {
  await seedSampleDistrict();
  expect((await api.request('POST', '/cycles/2027-03/open', { as: OFFICE })).status).toBe(201);
  expect((await post(`${meetingPath}/hold`, DEPUTY)).status).toBe(200);
  for (const entry of [first, second]) {
    expect((await post(`${meetingPath}/floor-proposals`, DEPUTY, entry, meetingPath)).status).toBe(201);
  }
});

describe('correcting a floor proposal while the meeting is held', () => {
  it('replaces it at the meeting’s If-Match, keeping its number, audited on both', async () => {
    const before = await etagOf(meetingPath);

    const edited = await change('PUT', 1, DEPUTY, corrected);

    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      n: 1,
      title: corrected.title,
      field: 'land',
      addressee: { kind: 'district' },
      editedBy: expect.objectContaining({ officialId: DEPUTY }),
    });
    expect(await etagOf(meetingPath)).not.toBe(before);
    const reports = await api.request<{ floorProposals: { n: number; title: string }[] }>(
      'GET',
      `${meetingPath}/reports`,
      { as: OFFICE },
    );
    expect(reports.body.floorProposals.map((p) => [p.n, p.title])).toEqual([
      [1, corrected.title],
      [2, second.title],
    ]);
    expect(await auditActions(`floor-proposal:${MEETING}.f1`)).toEqual(['create', 'update']);
    expect(await auditActions(`meeting:${MEETING}`)).toContain('edit-floor-proposal');
  });

  it('refuses a stale If-Match (412), a vague or incomplete body (400), another zone’s deputy (403), an unknown number (404), changing nothing', async () => {
    const items = await floorItems();

    expectProblem(await change('PUT', 1, DEPUTY, first, '"1"'), 412, 'etag_mismatch');
    const vague = await change('PUT', 1, DEPUTY, { ...first, content: 'Bình thường', cellId: 'khong-co' });
    expectProblem(vague, 400, 'validation_failed');
    expect(vague.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '/cellId' }),
        expect.objectContaining({ path: '/content' }),
      ]),
    );
    expect((await change('PUT', 1, OTHER_DEPUTY, first)).status).toBe(403);
    expectProblem(await change('PUT', 9, DEPUTY, first), 404, 'floor_proposal_not_found');
    expectProblem(await change('DELETE', 9), 404, 'floor_proposal_not_found');

    expect(await floorItems()).toEqual(items);
  });

  it('refuses a change to one a close already raised (409), for the close’s retry raises it as it was', async () => {
    const raisedId = keys.proposal(`${MEETING}.${CELL}.f2`);
    await documentClient().send(new PutCommand({ TableName: tableName(), Item: { ...raisedId, id: 'blocker' } }));
    const items = await floorItems();

    expectProblem(await change('PUT', 2, DEPUTY, first), 409, 'floor_proposal_raised');
    expectProblem(await change('DELETE', 2), 409, 'floor_proposal_raised');

    expect(await floorItems()).toEqual(items);
    await documentClient().send(new DeleteCommand({ TableName: tableName(), Key: raisedId }));
  });
});

describe('removing a floor proposal, then closing', () => {
  it('removes it (204, audited with what it said); the close raises the others as they stand', async () => {
    const third = floorProposal(CELL, 'Trồng cây bóng mát trường mầm non', { kind: 'commune' });
    expect((await post(`${meetingPath}/floor-proposals`, DEPUTY, third, meetingPath)).status).toBe(201);

    expect((await change('DELETE', 2)).status).toBe(204);

    expect((await floorItems()).map((item) => item.n)).toEqual([1, 3]);
    expect(await auditActions(`floor-proposal:${MEETING}.f2`)).toEqual(['create', 'delete']);
    expect((await post(`${meetingPath}/close`, DEPUTY)).status).toBe(200);
    const raised = await getItem(keys.proposal(`${MEETING}.${CELL}.f1`));
    expect(raised).toMatchObject({ title: corrected.title, field: 'land', number: '2027-03/K2/001' });
    expect(await getItem(keys.proposal(`${MEETING}.${CELL}.f2`))).toBeUndefined();
    expect(await getItem(keys.proposal(`${MEETING}.${CELL}.f3`))).toMatchObject({ number: '2027-03/K2/002' });
  });

  it('finds exactly the final text: the corrected words, not the replaced or removed ones', async () => {
    expect(await wordIds('cong ngam')).toEqual([`${MEETING}.${CELL}.f1`]);
    expect(await wordIds('muong tieu')).toEqual([]);
    expect(await wordIds('tram bom')).toEqual([]);
    expect(await wordIds('cay bong mat')).toEqual([`${MEETING}.${CELL}.f3`]);
    for (const word of ['muong', 'chua', 'bom', 'bun']) {
      expect(await queryAll({ partition: keys.proposalLists.word(word) }), word).toEqual([]);
    }
  });

  it('refuses correcting or removing once the meeting is closed (409 meeting_closed)', async () => {
    expectProblem(await change('PUT', 1, DEPUTY, first), 409, 'meeting_closed');
    expectProblem(await change('DELETE', 3), 409, 'meeting_closed');
  });
});
