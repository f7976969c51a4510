/**
 * A structure file too large for one request (`PUT /structure`, more than
 * `MAX_SYNC_TRANSACTIONS`) is imported as a job (`import-jobs.ts`).
 *
 * One structure import runs at a time: the job holds `keys.structureImport()` from its
 * acceptance to its end, and another `PUT /structure` meanwhile is refused (409) rather than
 * queued. A queued file would have been checked against a structure the running job is changing,
 * and an office that sent two files in a row rarely wants both: it can send the right one again
 * when the job is done. Every transaction of an import checks the lock as well, so the rule holds
 * when a job is accepted while a file is being written in a request, and once a stopped job's
 * lock has been taken over.
 */
import type { ChangeSet, Condition } from '../../db/change-set';
import { keys } from '../../db/keys';
import { getItem } from '../../db/store';
import { ConflictError } from '../../domain/errors';
import type { ImportJob } from '../../domain/imports/import-job';
import {
  commitPlan,
  parseDistrictConfig,
  planStructureImport,
  type TransactionGuard,
} from '../structure/import-structure';
import type { Importer } from './import-proposals';

/**
 * How long a job holds the import for at most: three tries of the worker (Lambda retries a
 * failed asynchronous invocation twice, a minute or two apart) of 15 minutes each, and a margin.
 * A job that held it longer has stopped for good (its invocation is in the dead-letter queue).
 */
const HOLD_MINUTES = 60;

/** The refusal while a job holds the import; names the job when it is known. */
function importRunning(jobId?: unknown): ConflictError {
  const job = jobId === undefined ? '' : ` "${String(jobId)}"`;
  return new ConflictError('structure_import_running', `Lần nhập cơ cấu${job} đang chạy; hãy gửi tệp khi nó đã xong.`);
}

/** Refuses (409) while a structure job holds the import. */
export async function refuseWhileStructureJobRuns(now = new Date()): Promise<void> {
  const held = await getItem(keys.structureImport());
  if (held && String(held.until) > now.toISOString()) throw importRunning(held.jobId);
}

/** The import is free: nobody holds it, or its holder stopped for good long ago. */
function free(now: string): Condition {
  return {
    expression: 'attribute_not_exists(PK) OR #until < :now',
    names: { '#until': 'until' },
    values: { ':now': now },
  };
}

/** Adds to the job's creation its hold on the import (409 when another job holds it). */
export function holdStructureImport(changes: ChangeSet, jobId: string): void {
  const until = new Date(Date.parse(changes.at) + HOLD_MINUTES * 60_000).toISOString();
  changes.transfer(keys.structureImport(), { jobId, until }, free(changes.at), importRunning());
}

/** Each transaction of a file written in the request: refused (409) once a job holds the import. */
export function whileNoStructureJobRuns(changes: ChangeSet): void {
  changes.check(keys.structureImport(), free(changes.at), () => importRunning());
}

function superseded(): ConflictError {
  return new ConflictError('import_superseded', 'Một lần nhập khác đã thay lần nhập này.');
}

/** Each transaction a job writes: refused (409) once another job has taken the import over. */
function whileHolding(jobId: string): TransactionGuard {
  return (changes) => changes.check(keys.structureImport(), heldBy(jobId), superseded);
}

function heldBy(jobId: string): Condition {
  return { expression: '#job = :job', names: { '#job': 'jobId' }, values: { ':job': jobId } };
}

/** Whether the job still holds the import (not taken over after it stopped for good). */
async function holds(jobId: string): Promise<boolean> {
  return (await getItem(keys.structureImport()))?.jobId === jobId;
}

/** How a structure job writes its file: checked again, planned against the table as it is now, and written. */
export const writeStructureFile = {
  async write(text: string, jobId: string, by: Importer): Promise<Partial<ImportJob>> {
    if (!(await holds(jobId))) {
      throw new ConflictError('import_superseded', 'Lần nhập này đã dừng quá lâu; một lần nhập khác đã thay nó.');
    }
    const plan = await planStructureImport(parseDistrictConfig(JSON.parse(text)), by.actor, whileHolding(jobId));
    await commitPlan(plan);
    return {};
  },

  /** The job's end lets the import go, if it still holds it. */
  async finish(jobId: string, changes: ChangeSet): Promise<void> {
    if (!(await holds(jobId))) return;
    changes.release(keys.structureImport(), { condition: heldBy(jobId), conflict: superseded });
  },
};
