/**
 * Runs an accepted import job, invoked asynchronously by the import function. A job that fails
 * records why; an error left here (the job could not be read or updated) makes Lambda invoke it
 * again, and the job carries on where it stopped.
 */
import { type ImportWorkerEvent, runImportJob } from '../../shared/services/imports/import-jobs';

export async function handler(event: ImportWorkerEvent): Promise<void> {
  await runImportJob(event.jobId, event.by);
}
