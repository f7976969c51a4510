/**
 * An import job's file is kept beside the job: in the job's own transaction when it fits there
 * (one write, and nothing of it left when the job is refused), else written before the job.
 */
import { DeleteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { ChangeSet } from '../../shared/db/change-set';
import { documentClient, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { queryAll } from '../../shared/db/store';
import { readImportJob } from '../../shared/services/imports/import-job-reads';
import { acceptImport, acceptJob, importJobsSettled } from '../../shared/services/imports/import-jobs';
import { holdStructureImport } from '../../shared/services/imports/structure-jobs';
import { type RecordedCall, recordDynamoCalls } from '../support/dynamodb-calls';
import { closedRecordFile } from '../support/legacy-csv';
import { readSampleConfig, seedSampleDistrict } from '../support/sample-district';

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
    const hold = new ChangeSet({ id: 'test' });
    holdStructureImport(hold, running);
    await hold.commit();
    const partsBefore = await partsInTable();
    const file = JSON.stringify(readSampleConfig());

    const refused = acceptJob({ kind: 'structure', text: file, rows: 1, also: holdStructureImport }, by);

    await expect(refused).rejects.toMatchObject({ status: 409, code: 'structure_import_running' });
    expect(await partsInTable()).toBe(partsBefore);
    await documentClient().send(new DeleteCommand({ TableName: tableName(), Key: keys.structureImport() }));
  });
});
