/**
 * Import jobs (see `shared/domain/imports/import-job.ts`): accepting a checked file, and running
 * it. The file is kept beside its job, as it was sent, in parts of at most 100,000 characters (an
 * item holds at most 400 KB), written in the job's own transaction when they fit in it. In AWS the
 * accepting function (the proposal import's, or the structure writer's) invokes the worker function
 * asynchronously (`IMPORT_WORKER_FUNCTION`, `worker-invocation.ts`), which has up to 15 minutes;
 * locally, and in the tests, the job runs in the process that accepted it. Each kind of job says how its file is written (`writers`).
 */
import { randomUUID } from 'node:crypto';
import { config } from '../../config';
import { putDerivedEntries } from '../../db/batch';
import { ChangeSet, MAX_TRANSACTION_ITEMS } from '../../db/change-set';
import { keys } from '../../db/keys';
import { queryAll, type Stored } from '../../db/store';
import type { AppError } from '../../domain/errors';
import { type ImportJob, type ImportJobKind, MAX_SYNC_TRANSACTIONS } from '../../domain/imports/import-job';
import type { DistrictConfig } from '../../domain/structure/district-config';
import { vietnamMonth } from '../../domain/time';
import { commitPlan, type ImportSummary, planStructureImport } from '../structure/import-structure';
import { readImportJob } from './import-job-reads';
import { checkProposalFile, type Importer, writeImportedProposals } from './import-proposals';
import {
  holdStructureImport,
  refuseWhileStructureJobRuns,
  whileNoStructureJobRuns,
  writeStructureFile,
} from './structure-jobs';
import { invokeAsynchronously } from './worker-invocation';

const PART_CHARACTERS = 100_000;

/**
 * The most of a file the job's transaction carries: a transaction holds at most 4 MB of items,
 * and the job, its audit record and the import lock beside the file take a few kilobytes.
 */
const FILE_BYTES_IN_TRANSACTION = 3_900_000;

const jobRef = (id: string) => ({ type: 'import-job', id });

/** Jobs this process runs itself (no worker function): awaited by the tests. */
const runningHere = new Set<Promise<void>>();

/** Resolves once every job this process started has finished. */
export async function importJobsSettled(): Promise<void> {
  while (runningHere.size > 0) await Promise.all([...runningHere]);
}

/** Starts the job: on the worker function when there is one, else here, in the background. */
async function launch(jobId: string, by: Importer): Promise<void> {
  const worker = config().IMPORT_WORKER_FUNCTION;
  if (worker) {
    const payload = JSON.stringify({ jobId, by } satisfies ImportWorkerEvent);
    await invokeAsynchronously(worker, payload, { region: config().AWS_REGION });
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
 * Accepts a file of old records: every row is checked now (one 400 listing every problem by line,
 * nothing kept); a good file is kept with its job, which is started. Returns the job as accepted.
 */
export async function acceptImport(text: string, by: Importer): Promise<ImportJob> {
  const rows = await checkProposalFile(text, vietnamMonth(new Date()));
  return acceptJob({ kind: 'proposals', text, rows: rows.length }, by);
}

/**
 * Imports a checked structure file: planned first (a unit with history that it would remove is a
 * 409, nothing written), refused while a structure job runs, then written here when it is small
 * (`structure-jobs.ts`), else accepted as a job.
 */
export async function importStructureFile(
  config: DistrictConfig,
  by: Importer,
): Promise<{ readonly summary: ImportSummary } | { readonly job: ImportJob }> {
  // each transaction written here also checks the import lock, so a job accepted meanwhile stops it.
  const plan = await planStructureImport(config, by.actor, whileNoStructureJobRuns);
  await refuseWhileStructureJobRuns();
  if (plan.transactions <= MAX_SYNC_TRANSACTIONS) {
    await commitPlan(plan);
    return { summary: plan.summary };
  }
  const { zones, communes, cells, departments, officials, assignments } = config;
  const rows = [zones, communes, cells, departments, officials, assignments].reduce((n, list) => n + list.length, 0);
  const file = { kind: 'structure', text: JSON.stringify(config), rows, summary: plan.summary } as const;
  return { job: await acceptJob({ ...file, also: holdStructureImport }, by) };
}

/** A checked file to keep and write as a job; `also` adds writes to the job's creation. */
export interface JobFile {
  readonly kind: ImportJobKind;
  readonly text: string;
  readonly rows: number;
  readonly summary?: ImportJob['summary'];
  readonly also?: (changes: ChangeSet, jobId: string) => void;
}

/** Keeps a checked file with a new job, and starts it. Returns the job as accepted. */
export async function acceptJob(file: JobFile, by: Importer): Promise<ImportJob> {
  const { kind, text, summary, also } = file;
  const id = randomUUID();
  const parts = Array.from({ length: Math.ceil(text.length / PART_CHARACTERS) }, (_, i) =>
    text.slice(i * PART_CHARACTERS, (i + 1) * PART_CHARACTERS),
  );
  const changes = new ChangeSet(by.actor);
  const job: ImportJob = {
    id,
    kind,
    status: 'accepted',
    rows: file.rows,
    parts: parts.length,
    acceptedAt: changes.at,
    acceptedBy: by.person,
    ...(summary ? { summary } : {}),
  };
  changes.create(jobRef(id), keys.importJob(id), job);
  also?.(changes, id);
  const partItems = parts.map((part, i) => ({ key: keys.importJobPart(id, i + 1), value: { text: part } }));
  // a file that fits goes with its job: one write, and nothing of it left when the job is refused.
  // A larger one is written first and read only through the job, which exists once it all does.
  // (Fewer than the most actions: a request under an idempotency key claims it in the transaction.)
  const fits =
    changes.size + parts.length < MAX_TRANSACTION_ITEMS && Buffer.byteLength(text) <= FILE_BYTES_IN_TRANSACTION;
  if (fits) for (const { key, value } of partItems) changes.putEntry(key, value);
  else await putDerivedEntries(partItems.map(({ key, value }) => ({ ...key, ...value })));
  await changes.commit();
  await launch(id, by);
  return job;
}

/**
 * Writes a job's file; what it returns joins the completed job. `finish` adds writes to the
 * transaction that records the job's end, whatever it is.
 */
interface JobWriter {
  write(text: string, jobId: string, by: Importer): Promise<Partial<ImportJob>>;
  finish?(jobId: string, changes: ChangeSet): Promise<void>;
}

const writers: Record<ImportJobKind, JobWriter> = {
  proposals: {
    async write(text, _jobId, by) {
      const rows = await checkProposalFile(text, vietnamMonth(new Date()));
      const { imported, skipped } = await writeImportedProposals(rows, by);
      return { imported, skipped };
    },
  },
  structure: writeStructureFile,
};

/** Moves the job to `after`, audited, at the version it was read, with `changes`' other writes. */
async function update(
  stored: Stored<ImportJob>,
  after: ImportJob,
  by: Importer,
  changes = new ChangeSet(by.actor),
): Promise<Stored<ImportJob>> {
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
 * Runs an accepted job: reads its file back, checks it again against the table as it is now,
 * writes what is not written yet (old records not imported before; the structure's differences),
 * and records the outcome. A job found running (a retry after the worker stopped) carries on:
 * what was written is not written again. A finished job is left.
 */
export async function runImportJob(jobId: string, by: Importer): Promise<void> {
  let stored = await readImportJob(jobId);
  if (stored.value.status === 'completed' || stored.value.status === 'failed') return;
  if (stored.value.status === 'accepted') {
    stored = await update(stored, { ...stored.value, status: 'running', startedAt: new Date().toISOString() }, by);
  }
  const parts = await queryAll({ partition: keys.importJobPartition(jobId), prefix: keys.importJobPartPrefix });
  const text = parts.map((part) => String(part.text)).join('');
  const writer = writers[stored.value.kind];
  let outcome: ImportJob;
  try {
    outcome = { ...stored.value, status: 'completed', ...(await writer.write(text, jobId, by)) };
  } catch (error) {
    const { code = 'import_failed', detail = String(error) } = error as Partial<AppError>;
    outcome = { ...stored.value, status: 'failed', error: { code, message: detail } };
  }
  const changes = new ChangeSet(by.actor);
  await writer.finish?.(jobId, changes);
  await update(stored, { ...outcome, finishedAt: new Date().toISOString() }, by, changes);
}
