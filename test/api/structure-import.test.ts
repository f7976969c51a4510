import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/db/keys';
import { queryAll } from '../../shared/db/store';
import type { DistrictConfig } from '../../shared/domain/structure/district-config';
import { vietnamMonth } from '../../shared/domain/time';
import { useApi } from '../support/api';
import { recordDynamoCalls } from '../support/dynamodb-calls';
import { readSampleConfig, seedSampleDistrict } from '../support/sample-district';

const api = useApi();
const sample = readSampleConfig();
const OFFICE = 'van-phong-1';

beforeAll(async () => {
  await seedSampleDistrict();
});

/** How many structure records and audit records the table holds, read straight from it. */
async function tableCounts(): Promise<Record<string, number>> {
  const collections = ['zone', 'commune', 'cell', 'department', 'official'] as const;
  const counts: Record<string, number> = {};
  for (const kind of collections) {
    counts[kind] = (await queryAll({ index: 'GSI1', partition: keys.unitCollection(kind) })).length;
  }
  counts.assignment = (await queryAll({ index: 'GSI1', partition: keys.assignmentCollection })).length;
  counts.audit = (await queryAll({ index: 'GSI1', partition: keys.auditMonth(vietnamMonth(new Date())) })).length;
  return counts;
}

function withChanges(config: DistrictConfig): DistrictConfig {
  const removedDepartment = 'phong-vh-tt';
  return {
    ...config,
    zones: [
      ...config.zones.map((z) => (z.id === 'khu-1' ? { ...z, name: 'Khu 1 (đổi tên)' } : z)),
      { id: 'khu-7', name: 'Khu 7' },
    ],
    departments: config.departments.filter((d) => d.id !== removedDepartment),
    assignments: config.assignments.filter((a) => a.scopeId !== removedDepartment),
  };
}

describe('PUT /structure', () => {
  it('rejects a file with several problems in one 400 listing each with its path, and writes nothing', async () => {
    const file = structuredClone(sample) as unknown as Record<string, Record<string, unknown>[]>;
    const [firstZone, firstCommune, firstCell, secondCell, firstDepartment] = [
      file.zones?.[0],
      file.communes?.[0],
      file.cells?.[0],
      file.cells?.[1],
      file.departments?.[0],
    ];
    if (!firstZone || !firstCommune || !firstCell || !secondCell || !firstDepartment)
      throw new Error('sample too small');
    firstZone.id = 'Khu 1!';
    firstCommune.zoneId = 'khu-99';
    secondCell.id = firstCell.id;
    firstDepartment.isAdmin = true;
    const before = await tableCounts();

    const response = await api.request('PUT', '/structure', { as: OFFICE, body: file });

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body.code).toBe('validation_failed');
    const problems = response.body.errors as { path: string; code: string }[];
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '/zones/0/id' }),
        expect.objectContaining({ path: '/communes/0/zoneId', code: 'unknown_reference' }),
        expect.objectContaining({ path: '/cells/1/id', code: 'duplicate_id' }),
        expect.objectContaining({ path: '/departments/0/isAdmin', code: 'unrecognized_key' }),
      ]),
    );
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses the file of another district', async () => {
    const other = readSampleConfig('thanh-mien-sample');
    const before = await tableCounts();

    const response = await api.request('PUT', '/structure', { as: OFFICE, body: other });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: '/district/id', code: 'other_district' })]);
    expect(await tableCounts()).toEqual(before);
  });

  it('imports a changed file and reports what it created, updated and deleted', async () => {
    const changed = withChanges(sample);
    const removedAssignments = sample.assignments.length - changed.assignments.length;

    const response = await api.request('PUT', '/structure', { as: OFFICE, body: changed });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ created: 1, updated: 1, deleted: 1 + removedAssignments });
    expect((await api.request('GET', '/zones/khu-7', { as: OFFICE })).status).toBe(200);
    expect((await api.request('GET', '/zones/khu-1', { as: OFFICE })).body.name).toBe('Khu 1 (đổi tên)');
    expect((await api.request('GET', '/departments/phong-vh-tt', { as: OFFICE })).status).toBe(404);
    const trail = await api.request<{ items: Record<string, unknown>[] }>('GET', '/audit?entity=zone:khu-1', {
      as: OFFICE,
    });
    expect(trail.body.items[0]).toMatchObject({ action: 'import', actor: OFFICE, after: { name: 'Khu 1 (đổi tên)' } });
  });

  it('changes nothing when the same file comes twice', async () => {
    const file = withChanges(sample);
    await api.request('PUT', '/structure', { as: OFFICE, body: file });
    const before = await tableCounts();

    const again = await api.request('PUT', '/structure', { as: OFFICE, body: file });

    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    expect(again.body.unchanged).toBeGreaterThan(0);
    expect(await tableCounts()).toEqual(before);
  });

  it('forgets the cached callers of the officials it changes, who see the change at once, and keeps the others', async () => {
    const secretary = 'bi-thu-cb-gia-tan-thon-ha';
    const before = await api.request<{ assignments: unknown[] }>('GET', '/me', { as: secretary });
    await api.request('GET', '/me', { as: OFFICE });
    const file = withChanges(sample);
    const withoutRoles = { ...file, assignments: file.assignments.filter((a) => a.officialId !== secretary) };

    const response = await api.request('PUT', '/structure', { as: OFFICE, body: withoutRoles });
    const calls = recordDynamoCalls();
    const office = await api.request('GET', '/me', { as: OFFICE });
    const officeCalls = calls.length;
    const after = await api.request<{ assignments: unknown[] }>('GET', '/me', { as: secretary });

    expect(response.status).toBe(200);
    expect([office.status, officeCalls]).toEqual([200, 0]);
    expect(before.body.assignments).not.toEqual([]);
    expect(after.body.assignments).toEqual([]);
  });

  it('swaps two officials’ accounts in one import: each account then signs in as the other official', async () => {
    const [first, second] = ['van-phong-1', 'van-phong-2'].map((id) => sample.officials.find((o) => o.id === id));
    if (!first?.subject || !second?.subject) throw new Error('sample officials have subjects');
    const swapped: DistrictConfig = {
      ...sample,
      officials: sample.officials.map((o) =>
        o.id === first.id
          ? { ...o, subject: second.subject }
          : o.id === second.id
            ? { ...o, subject: first.subject }
            : o,
      ),
    };

    const response = await api.request('PUT', '/structure', { as: OFFICE, body: swapped });
    const asFirstAccount = await api.request('GET', '/me', { token: await api.issuer.sign(first.subject) });
    const asSecondAccount = await api.request('GET', '/me', { token: await api.issuer.sign(second.subject) });

    expect(response.status).toBe(200);
    expect(asFirstAccount.body.official).toMatchObject({ id: second.id, subject: first.subject });
    expect(asSecondAccount.body.official).toMatchObject({ id: first.id, subject: second.subject });
  });
});
