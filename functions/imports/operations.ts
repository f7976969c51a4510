/** The `proposalImport` operations: accepting a file of old records as a job, and reading the job. */
import { actorOf, personOf } from '../../shared/http/actors';
import { json, type OperationsOf } from '../../shared/http/contract';
import { readImportJob } from '../../shared/services/imports/import-job-reads';
import { acceptImport } from '../../shared/services/imports/import-jobs';
import type { importRoutes } from './routes';

export const importOperations: OperationsOf<typeof importRoutes, 'proposalImport'> = {
  'imports.accept': async ({ body, caller }) => {
    const job = await acceptImport(body, { actor: actorOf(caller), person: personOf(caller) });
    return { ...json(job, undefined, 202), headers: { location: `/imports/proposals/${job.id}` } };
  },

  'imports.get': async ({ path }) => {
    const { value, version } = await readImportJob(path.jobId, 'proposals');
    return json(value, version);
  },
};
