/**
 * Import jobs (see `shared/domain/imports/import-job.ts`): accepting a checked file, and running
 * it. The file is kept beside its job, as it was sent, in parts of at most 100,000 characters (an
 * item holds at most 400 KB). In AWS the accepting function invokes the worker
 * function asynchronously (`IMPORT_WORKER_FUNCTION`), which has up to 15 minutes; locally, and in
 * the tests, the job runs in the process that accepted it.
 */
import { randomUUID } from 'node:crypto';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { config } from '../../config';
import { putDerivedEntries } from '../../db/batch';
import { ChangeSet } from '../../db/change-set';
import { keys } from '../../db/keys';
import { getStored, queryAll, type Stored } from '../../db/store';
import { type AppError, NotFoundError } from '../../domain/errors';
import { type ImportJob, importJobView } from '../../domain/imports/import-job';
import { vietnamMonth } from '../../domain/time';
import { checkProposalFile, type Importer, writeImportedProposals } from './import-proposals';

const PART_CHARACTERS = 100_000;

const jobRef = (id: string) => ({ type: 'import-job', id });

export function importJobNotFound(id: string): NotFoundError {
  return new NotFoundError(`Không có lần nhập "${id}".`, 'import_job_not_found');
}

export async function readImportJob(id: string): Promise<Stored<ImportJob>> {
  const stored = await getStored(importJobView, keys.importJob(id));
  if (!stored) throw importJobNotFound(id);
  return stored;
}

/** Jobs this process runs itself (no worker function): awaited by the tests. */
const runningHere = new Set<Promise<void>>();

/** Resolves once every job this process started has finished. */
export async function importJobsSettled(): Promise<void> {
  while (runningHere.size > 0) await Promise.all([...runningHere]);
}

let lambda: LambdaClient | undefined;

/** Starts the job: on the worker function when there is one, else here, in the background. */
async function launch(jobId: string, by: Importer): Promise<void> {
  const worker = config().IMPORT_WORKER_FUNCTION;
  if (worker) {
    lambda ??= new LambdaClient({ region: config().AWS_REGION });
    const payload = JSON.stringify({ jobId, by } satisfies ImportWorkerEvent);
    await lambda.send(new InvokeCommand({ FunctionName: worker, InvocationType: 'Event', Payload: payload }));
    return;
  }
  const run = runImportJob(jobId, by)
    .catch((error: unknown) => console.error(`Import job ${jobId} stopped:`, error))
    .finally(() => runningHere.delete(run));
  runningHere.add(run);
}

/** What the worker function is invoked with. */
export interface ImportWorkerEvent {
  readonly jobId: string;
  readonly by: Importer;
}

/**
 * Accepts a file: every row is checked now (one 400 listing every problem by line, nothing kept);
 * a good file is kept with its job, which is started. Returns the job as accepted.
 */
export async function acceptImport(text: string, by: Importer): Promise<ImportJob> {
  const rows = await checkProposalFile(text, vietnamMonth(new Date()));
  const id = randomUUID();
  const parts = Array.from({ length: Math.ceil(text.length / PART_CHARACTERS) }, (_, i) =>
    text.slice(i * PART_CHARACTERS, (i + 1) * PART_CHARACTERS),
  );
  // the parts are written first and read only through the job, which exists once they all do.
  await putDerivedEntries(parts.map((part, i) => ({ ...keys.importJobPart(id, i + 1), text: part })));
  const changes = new ChangeSet(by.actor);
  const job: ImportJob = {
    id,
    status: 'accepted',
    rows: rows.length,
    parts: parts.length,
    acceptedAt: changes.at,
    acceptedBy: by.person,
  };
  await changes.create(jobRef(id), keys.importJob(id), job).commit();
  await launch(id, by);
  return job;
}

/** Moves the job to `after`, audited, at the version it was read. */
async function update(stored: Stored<ImportJob>, after: ImportJob, by: Importer): Promise<Stored<ImportJob>> {
  const changes = new ChangeSet(by.actor);
  changes.replace(jobRef(after.id), keys.importJob(after.id), {
    before: stored.value,
    after,
    expectedVersion: stored.version,
    action: after.status,
  });
  await changes.commit();
  return { value: after, version: stored.version + 1 };
}

/**
 * Runs an accepted job: reads its file back, checks it again against the structure as it is now,
 * writes every row not imported before, and records the outcome. A job found running (a retry
 * after the worker stopped) carries on: rows already written are skipped. A finished job is left.
 */
export async function runImportJob(jobId: string, by: Importer): Promise<void> {
  let stored = await readImportJob(jobId);
  if (stored.value.status === 'completed' || stored.value.status === 'failed') return;
  if (stored.value.status === 'accepted') {
    stored = await update(stored, { ...stored.value, status: 'running', startedAt: new Date().toISOString() }, by);
  }
  const parts = await queryAll({ partition: keys.importJobPartition(jobId), prefix: keys.importJobPartPrefix });
  const text = parts.map((part) => String(part.text)).join('');
  let outcome: ImportJob;
  try {
    const rows = await checkProposalFile(text, vietnamMonth(new Date()));
    const summary = await writeImportedProposals(rows, by);
    outcome = { ...stored.value, status: 'completed', imported: summary.imported, skipped: summary.skipped };
  } catch (error) {
    const { code = 'import_failed', detail = String(error) } = error as Partial<AppError>;
    outcome = { ...stored.value, status: 'failed', error: { code, message: detail } };
  }
  await update(stored, { ...outcome, finishedAt: new Date().toISOString() }, by);
}
