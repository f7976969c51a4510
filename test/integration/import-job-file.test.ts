/**
 * An import job's file is kept beside the job: in the job's own transaction when it fits there
 * (one write, and nothing of it left when the job is refused), else written before the job.
 */
import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { ChangeSet } from '../../shared/db/change-set';
import { documentClient, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { getItem, queryAll } from '../../shared/db/store';
import type { ImportJob, ImportJobKind, ImportJobState } from '../../shared/domain/imports/import-job';
import { legacyKey } from '../../shared/domain/proposals/proposal';
import { readImportJob } from '../../shared/services/imports/import-job-reads';
import { acceptImport, acceptJob, importJobsSettled, runImportJob } from '../../shared/services/imports/import-jobs';
import { holdStructureImport, refuseWhileStructureJobRuns } from '../../shared/services/imports/structure-jobs';
import { type RecordedCall, recordDynamoCalls } from '../support/dynamodb-calls';
import { closedRecordFile } from '../support/legacy-csv';
import { readSampleConfig, seedSampleDistrict } from '../support/sample-district';
import { holdStructureImportFor, releaseStructureImport } from '../support/structure-hold';

const by = { actor: { id: 'van-phong-1' }, person: { officialId: 'van-phong-1', name: 'Văn phòng' } };

const READS = new Set(['GetItemCommand', 'QueryCommand', 'BatchGetItemCommand']);

/** The writes among the calls recorded so far, by command. */
const writesOf = (calls: readonly RecordedCall[]) => calls.filter((call) => !READS.has(call.command));

/** The keys a transaction wrote, as `PK|SK`. */
function keysWritten(call: RecordedCall): string[] {
  const actions = call.input.TransactItems as { Put?: { Item: Record<string, unknown> } }[];
  return actions.flatMap((action) => (action.Put ? [`${action.Put.Item.PK}|${action.Put.Item.SK}`] : []));
}

/** A job's file as read back from its parts. */
async function fileOf(jobId: string): Promise<string> {
  const parts = await queryAll({ partition: keys.importJobPartition(jobId), prefix: keys.importJobPartPrefix });
  return parts.map((part) => String(part.text)).join('');
}

/** How many parts of any job's file the table holds, counted page by page. */
async function partsInTable(): Promise<number> {
  let count = 0;
  let from: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(
      new ScanCommand({
        TableName: tableName(),
        ConsistentRead: true,
        FilterExpression: 'begins_with(SK, :part)',
        ExpressionAttributeValues: { ':part': keys.importJobPartPrefix },
        ProjectionExpression: 'PK',
        ExclusiveStartKey: from,
      }),
    );
    count += page.Count ?? 0;
    from = page.LastEvaluatedKey;
  } while (from);
  return count;
}

beforeAll(async () => {
  await seedSampleDistrict();
});

describe('an import job’s file', () => {
  it('is written with its job in one transaction when it fits, and read back whole by the job', async () => {
    const text = closedRecordFile('THU-1');
    const calls = recordDynamoCalls();

    const job = await acceptImport(text, by);
    const writes = writesOf([...calls]);
    await importJobsSettled();

    expect(writes.map((call) => call.command)).toEqual(['TransactWriteItemsCommand']);
    expect(keysWritten(writes[0] as RecordedCall)).toContain(
      `${keys.importJobPart(job.id, 1).PK}|${keys.importJobPart(job.id, 1).SK}`,
    );
    expect(await fileOf(job.id)).toBe(text);
    expect((await readImportJob(job.id)).value).toMatchObject({ status: 'completed', imported: 1, parts: 1 });
  });

  it('is written before its job when it is too large for the job’s transaction', async () => {
    // 4 million characters of one byte each: 40 parts, more bytes than a transaction holds.
    const text = `${'x'.repeat(3_999_999)}\n`;
    const calls = recordDynamoCalls();

    const job = await acceptJob({ kind: 'proposals', text, rows: 1 }, by);
    const writes = writesOf([...calls]);
    await importJobsSettled();

    const commands = writes.map((call) => call.command);
    expect(commands.at(-1)).toBe('TransactWriteItemsCommand');
    expect(commands.slice(0, -1).every((command) => command === 'BatchWriteItemCommand')).toBe(true);
    expect(keysWritten(writes.at(-1) as RecordedCall).some((key) => key.includes(keys.importJobPartPrefix))).toBe(
      false,
    );
    expect(job.parts).toBe(40);
    expect(await fileOf(job.id)).toBe(text);
  });

  it('leaves nothing of itself when the job is refused', async () => {
    const running = '00000000-0000-4000-8000-00000000abcd';
    await holdStructureImportFor(running);
    const partsBefore = await partsInTable();
    const file = JSON.stringify(readSampleConfig());

    const refused = acceptJob({ kind: 'structure', text: file, rows: 1, also: holdStructureImport }, by);

    await expect(refused).rejects.toMatchObject({ status: 409, code: 'structure_import_running' });
    expect(await partsInTable()).toBe(partsBefore);
    await releaseStructureImport();
  });
});

/** A job kept in `status` with its one-part file, not started: `runImportJob` runs it as the worker would. */
async function keepJob(kind: ImportJobKind, status: ImportJobState, text: string, extra: Partial<ImportJob> = {}) {
  const id = randomUUID();
  const changes = new ChangeSet(by.actor);
  const job: ImportJob = {
    id,
    kind,
    status,
    rows: 1,
    parts: 1,
    acceptedAt: changes.at,
    acceptedBy: by.person,
    ...extra,
  };
  changes.create({ type: 'import-job', id }, keys.importJob(id), job);
  changes.putEntry(keys.importJobPart(id, 1), { text });
  await changes.commit();
  return id;
}

/** The actions audited on a job, oldest first. */
async function auditedActions(jobId: string): Promise<unknown[]> {
  const records = await queryAll({ partition: keys.auditPartition('import-job', jobId) });
  return records.map((record) => record.action);
}

describe('running an import job', () => {
  it('moves an accepted job to running, then completed with its counts, each step audited, and leaves it after', async () => {
    const id = await keepJob('proposals', 'accepted', closedRecordFile('THU-RUN-1'));

    await runImportJob(id, by);
    const done = await readImportJob(id);
    await runImportJob(id, by);

    expect(done.value).toMatchObject({ status: 'completed', imported: 1, skipped: 0 });
    expect(done.value.startedAt).toEqual(expect.any(String));
    expect(done.value.finishedAt).toEqual(expect.any(String));
    expect((await auditedActions(id)).slice(-2)).toEqual(['running', 'completed']);
    const reservation = await getItem(keys.legacyProposal(legacyKey('THU-RUN-1')));
    expect(reservation).toMatchObject({ legacyId: 'THU-RUN-1', proposalId: expect.any(String) });
    expect(await getItem(keys.proposal(String(reservation?.proposalId)))).toMatchObject({ legacyId: 'THU-RUN-1' });
    expect((await readImportJob(id)).version).toBe(done.version);
  });

  it('carries on a job found running (a retry) without starting it again, skipping what was written', async () => {
    const startedAt = '2026-01-01T00:00:00.000Z';
    await runImportJob(await keepJob('proposals', 'accepted', closedRecordFile('THU-RUN-2')), by);
    const id = await keepJob('proposals', 'running', closedRecordFile('THU-RUN-2'), { startedAt });

    await runImportJob(id, by);

    expect((await readImportJob(id)).value).toMatchObject({ status: 'completed', startedAt, imported: 0, skipped: 1 });
    expect(await auditedActions(id)).not.toContain('running');
  });

  it('records a file that no longer passes as failed, with the problem’s code and message, and leaves it after', async () => {
    const id = await keepJob('proposals', 'accepted', 'not,a,known,header\n1,2,3,4\n');

    await runImportJob(id, by);
    const failed = await readImportJob(id);
    await runImportJob(id, by);

    expect(failed.value.status).toBe('failed');
    expect(failed.value.error).toEqual({
      code: 'validation_failed',
      message: expect.stringContaining('chưa nhập dòng nào'),
    });
    expect(failed.value.finishedAt).toEqual(expect.any(String));
    expect(await auditedActions(id)).toContain('failed');
    expect((await readImportJob(id)).version).toBe(failed.version);
  });

  it('records an error that is not the application’s as import_failed, and lets the import go', async () => {
    const held = await keepJobHolding('{ not json');

    await runImportJob(held, by);

    const job = (await readImportJob(held)).value;
    expect(job.status).toBe('failed');
    expect(job.error?.code).toBe('import_failed');
    expect(job.error?.message).toContain('SyntaxError');
    expect(await getItem(keys.structureImport())).toBeUndefined();
  });

  it('fails a structure job whose hold another job took over, leaving that job’s hold', async () => {
    const other = '00000000-0000-4000-8000-00000000beef';
    await holdStructureImportFor(other);
    const id = await keepJob('structure', 'accepted', JSON.stringify(readSampleConfig()));

    await runImportJob(id, by);

    expect((await readImportJob(id)).value).toMatchObject({ status: 'failed', error: { code: 'import_superseded' } });
    expect(await getItem(keys.structureImport())).toMatchObject({ jobId: other });
    await releaseStructureImport();
  });

  it('fails a structure job that no longer holds the import at all as superseded', async () => {
    const id = await keepJob('structure', 'accepted', JSON.stringify(readSampleConfig()));

    await runImportJob(id, by);

    expect((await readImportJob(id)).value).toMatchObject({ status: 'failed', error: { code: 'import_superseded' } });
    expect(await getItem(keys.structureImport())).toBeUndefined();
  });
});

describe('a job kept before jobs had kinds', () => {
  it('is read as a proposal import, and not as a structure import', async () => {
    const id = randomUUID();
    const changes = new ChangeSet(by.actor);
    const job = { id, status: 'completed', rows: 1, parts: 1, acceptedAt: changes.at, acceptedBy: by.person };
    changes.create({ type: 'import-job', id }, keys.importJob(id), job);
    await changes.commit();

    expect((await readImportJob(id, 'proposals')).value).toMatchObject({ id, kind: 'proposals' });
    await expect(readImportJob(id, 'structure')).rejects.toMatchObject({ status: 404, code: 'import_job_not_found' });
  });
});

/** A structure job that holds the import, kept with `text` as its file. */
async function keepJobHolding(text: string): Promise<string> {
  const id = await keepJob('structure', 'accepted', text);
  await holdStructureImportFor(id);
  return id;
}

describe('the structure import’s hold', () => {
  it('refuses, naming the job, until it expires, then is free', async () => {
    const id = '00000000-0000-4000-8000-00000000cafe';
    await holdStructureImportFor(id);

    await expect(refuseWhileStructureJobRuns()).rejects.toMatchObject({
      code: 'structure_import_running',
      detail: expect.stringContaining(id),
    });
    await expect(refuseWhileStructureJobRuns(new Date(Date.now() + 61 * 60_000))).resolves.toBeUndefined();
    await releaseStructureImport();
  });
});
