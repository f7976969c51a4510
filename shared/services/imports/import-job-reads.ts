/** Reading an import job (`import-jobs.ts`), apart from running one, which reads need not bundle. */
import { keys } from '../../db/keys';
import { getStored, type Stored } from '../../db/store';
import { NotFoundError } from '../../domain/errors';
import { type ImportJob, type ImportJobKind, importJobRecord } from '../../domain/imports/import-job';

export function importJobNotFound(id: string): NotFoundError {
  return new NotFoundError(`Không có lần nhập "${id}".`, 'import_job_not_found');
}

/**
 * The job `id` of `kind`: a job of another kind is not found, each kind having its own path. A
 * job kept before jobs had kinds imports proposals.
 */
export async function readImportJob(id: string, kind?: ImportJobKind): Promise<Stored<ImportJob>> {
  const stored = await getStored(importJobRecord, keys.importJob(id));
  const value = stored && { ...stored.value, kind: stored.value.kind ?? 'proposals' };
  if (!stored || !value || (kind && value.kind !== kind)) throw importJobNotFound(id);
  return { ...stored, value };
}
