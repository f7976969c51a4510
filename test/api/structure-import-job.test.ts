/**
 * A structure file too large for one request (`PUT /structure`, more than 50 transactions) is
 * checked in the request and written by a job (202, `Location` to poll); a small one is still
 * written in the request; a bad large file writes nothing; one import runs at a time; a job run
 * again (Lambda retrying its worker) finishes the import without writing anything twice.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { ChangeSet } from '../../shared/db/change-set';
import { documentClient, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { queryAll } from '../../shared/db/store';
import type { ImportJob } from '../../shared/domain/imports/import-job';
import type { DistrictConfig } from '../../shared/domain/structure/district-config';
import { vietnamMonth } from '../../shared/domain/time';
import { importJobsSettled, runImportJob } from '../../shared/services/imports/import-jobs';
import { holdStructureImport, whileNoStructureJobRuns } from '../../shared/services/imports/structure-jobs';
import { commitPlan, importStructure, planStructureImport } from '../../shared/services/structure/import-structure';
import { useApi } from '../support/api';
import { largeDistrictConfig } from '../support/large-district';
import { expectProblem } from '../support/problem';
import { readSampleConfig, seedSampleDistrict } from '../support/sample-district';
import { holdStructureImportFor, releaseStructureImport } from '../support/structure-hold';

const api = useApi();
const OFFICE = 'van-phong-1';
const sample = readSampleConfig();
const by = { actor: { id: OFFICE }, person: { officialId: OFFICE, name: 'Văn phòng' } };

/**
 * `config` without the zones `dropped` and everything in them: their communes, cells, the
 * assignments scoped to any of those, and the officials left with none of the assignments they had.
 */
function withoutZones(config: DistrictConfig, dropped: ReadonlySet<string>): DistrictConfig {
  const zones = config.zones.filter((zone) => !dropped.has(zone.id));
  const communes = config.communes.filter((commune) => !dropped.has(commune.zoneId));
  const communeIds = new Set(communes.map((commune) => commune.id));
  const cells = config.cells.filter((cell) => communeIds.has(cell.communeId));
  const units = new Set([...zones, ...communes, ...cells, ...config.departments].map((unit) => unit.id));
  const assignments = config.assignments.filter((a) => a.scopeId === undefined || units.has(a.scopeId));
  const assigned = new Set(assignments.map((a) => a.officialId));
  const hadAny = new Set(config.assignments.map((a) => a.officialId));
  const officials = config.officials.filter((o) => assigned.has(o.id) || !hadAny.has(o.id));
  return { ...config, zones, communes, cells, officials, assignments };
}

/**
 * The sample district (its office signs in) grown to 60 zones: the sample's 6 and 54 of a large
 * district's (zones of four communes of three cells, every role filled).
 */
function sixtyZones(): DistrictConfig {
  const large = withoutZones(largeDistrictConfig(60), new Set(sample.zones.map((zone) => zone.id)));
  return {
    ...sample,
    zones: [...sample.zones, ...large.zones],
    communes: [...sample.communes, ...large.communes],
    cells: [...sample.cells, ...large.cells],
    officials: [...sample.officials, ...large.officials],
    assignments: [...sample.assignments, ...large.assignments],
  };
}

const big = sixtyZones();

/** How many structure records and audit records the table holds, read straight from it. */
async function tableCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const kind of ['zone', 'commune', 'cell', 'department', 'official'] as const) {
    counts[kind] = (await queryAll({ index: 'GSI1', partition: keys.unitCollection(kind) })).length;
  }
  counts.assignment = (await queryAll({ index: 'GSI1', partition: keys.assignmentCollection })).length;
  counts.audit = (await queryAll({ index: 'GSI1', partition: keys.auditMonth(vietnamMonth(new Date())) })).length;
  return counts;
}

const put = (file: unknown) => api.request<Record<string, unknown>>('PUT', '/structure', { as: OFFICE, body: file });

/** Sends a file that makes a job, lets the job run to its end, and reads it back where `Location` says. */
async function importAsJob(file: DistrictConfig): Promise<{ accepted: ImportJob; finished: ImportJob }> {
  const response = await put(file);
  expect(response.status).toBe(202);
  const accepted = response.body as unknown as ImportJob;
  expect(response.headers.get('location')).toBe(`/structure/imports/${accepted.id}`);
  await importJobsSettled();
  const finished = await api.request<ImportJob>('GET', `/structure/imports/${accepted.id}`, { as: OFFICE });
  expect(finished.status).toBe(200);
  return { accepted, finished: finished.body };
}

/** The job of the first test, which imported the 60 zones. */
let firstJob: ImportJob;

beforeAll(async () => {
  await seedSampleDistrict();
});

describe('PUT /structure with a 60-zone file', () => {
  it('accepts it as a job that writes what a synchronous import writes', { timeout: 240_000 }, async () => {
    expect(big.zones).toHaveLength(60);

    const { accepted, finished } = await importAsJob(big);

    expect(accepted).toMatchObject({ kind: 'structure', status: 'accepted', summary: { deleted: 0 } });
    expect(accepted.summary?.created).toBeGreaterThan(54 * 60);
    // its rows: every unit and assignment of the file
    const { zones, communes, cells, departments, officials, assignments } = big;
    const units = [zones, communes, cells, departments, officials, assignments].map((list) => list.length);
    expect(accepted.rows).toBe(units.reduce((sum, n) => sum + n, 0));
    expect(finished).toMatchObject({ status: 'completed', summary: accepted.summary });
    expect((await tableCounts()).zone).toBe(60);
    // the table now is the file: importing it again in the request finds nothing to change
    const again = await importStructure(big, { id: OFFICE });
    expect(again).toEqual({
      created: 0,
      updated: 0,
      deleted: 0,
      unchanged: (accepted.summary?.created ?? 0) + (accepted.summary?.unchanged ?? 0),
    });

    // back to the sample (a large removal: a job too), then the same file in the request
    const back = await importAsJob(sample);
    expect(back.finished).toMatchObject({ status: 'completed', summary: { deleted: accepted.summary?.created } });
    expect(await importStructure(big, { id: OFFICE })).toEqual(accepted.summary);
    firstJob = finished;
  });

  it('imports a small change of it in the request', async () => {
    const renamed = { ...big, zones: big.zones.map((z) => (z.id === 'khu-60' ? { ...z, name: 'Khu 60 mới' } : z)) };

    const response = await put(renamed);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ created: 0, updated: 1, deleted: 0 });
    expect((await api.request('GET', '/zones/khu-60', { as: OFFICE })).body.name).toBe('Khu 60 mới');
    expect((await put(big)).status).toBe(200);
  });

  it('rejects a bad large file in one 400 and writes nothing, not even a job', async () => {
    const bad = structuredClone(big) as unknown as Record<string, Record<string, unknown>[]>;
    const [lastCommune, lastCell] = [bad.communes?.at(-1), bad.cells?.at(-1)];
    if (!lastCommune || !lastCell) throw new Error('the file has communes and cells');
    lastCommune.zoneId = 'khu-99';
    lastCell.id = 'Thôn sai!';
    const before = await tableCounts();

    const response = await put(bad);

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: `/communes/${big.communes.length - 1}/zoneId`, code: 'unknown_reference' }),
        expect.objectContaining({ path: `/cells/${big.cells.length - 1}/id` }),
      ]),
    );
    // a job's creation is audited: the same audit count means no job either
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses any import while a structure job runs', async () => {
    const running = '00000000-0000-4000-8000-00000000abcd';
    await holdStructureImportFor(running);
    const before = await tableCounts();

    const large = await put(big);
    const small = await put(sample);

    expectProblem(large, 409, 'structure_import_running');
    expectProblem(small, 409, 'structure_import_running');
    expect(large.body.detail).toContain(running);
    expect(await tableCounts()).toEqual(before);
    // a job accepted meanwhile (after the check, before its creation) is refused by its own transaction
    const second = new ChangeSet({ id: 'test' });
    holdStructureImport(second, '00000000-0000-4000-8000-00000000dcba');
    await expect(second.commit()).rejects.toMatchObject({ status: 409, code: 'structure_import_running' });
    await releaseStructureImport();
  });

  it('stops a file written in the request when a job takes the import between its check and its writes', async () => {
    const renamed = {
      ...sample,
      zones: sample.zones.map((zone, i) => (i === 0 ? { ...zone, name: 'Khu đổi' } : zone)),
    };
    const plan = await planStructureImport(renamed, by.actor, whileNoStructureJobRuns);
    // the job is accepted after the plan (and the request's read of the lock), before its writes
    await holdStructureImportFor('00000000-0000-4000-8000-00000000beef');
    const before = await tableCounts();

    await expect(commitPlan(plan)).rejects.toMatchObject({ status: 409, code: 'structure_import_running' });

    expect(await tableCounts()).toEqual(before);
    const zones = await api.request('GET', `/zones/${sample.zones[0]?.id}`, { as: OFFICE });
    expect(zones.body.name).toBe(sample.zones[0]?.name);
    await releaseStructureImport();
  });

  it('finishes the import when the job runs again after stopping halfway, writing nothing twice', {
    timeout: 240_000,
  }, async () => {
    const accepted = firstJob;
    // as if the worker had stopped halfway: the last ten zones not written, the job still running
    await importStructure(withoutZones(big, new Set(big.zones.slice(-10).map((zone) => zone.id))), { id: 'test' });
    expect((await tableCounts()).zone).toBe(50);
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.importJob(accepted.id),
        UpdateExpression: 'SET #status = :running REMOVE finishedAt',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':running': 'running' },
      }),
    );
    await holdStructureImportFor(accepted.id);

    await runImportJob(accepted.id, by);
    const afterRetry = await tableCounts();
    await runImportJob(accepted.id, by);

    const job = await api.request<ImportJob>('GET', `/structure/imports/${accepted.id}`, { as: OFFICE });
    expect(job.body).toMatchObject({ status: 'completed', summary: accepted.summary });
    expect(afterRetry.zone).toBe(60);
    expect(await importStructure(big, { id: OFFICE })).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    // the finished job run a third time writes nothing at all
    expect(await tableCounts()).toEqual(afterRetry);
    // and it let the import go: another file is taken
    expect((await put(big)).status).toBe(200);
  });

  it('finds a structure job only at its own path', async () => {
    const asProposals = await api.request('GET', `/imports/proposals/${firstJob.id}`, { as: OFFICE });

    expectProblem(asProposals, 404, 'import_job_not_found');
  });
});
