/** The routes of importing the district's records from before this software. */
import * as z from 'zod/mini';
import { importJobIdSchema, importJobView } from '../../shared/domain/imports/import-job';
import { MAX_IMPORT_ROWS, MAX_LISTED_PROBLEMS } from '../../shared/domain/imports/legacy-proposals';
import { allow } from '../../shared/http/access-rules';
import { defineRoutes } from '../../shared/http/contract';

const tag = 'Nhập hồ sơ cũ';

/** The largest file: 20,000 rows of the old books take about 3 MB. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const jobPath = z.strictObject({ jobId: importJobIdSchema });

export const importRoutes = defineRoutes([
  {
    method: 'POST',
    path: '/imports/proposals',
    fn: 'proposalImport',
    operation: 'imports.accept',
    access: allow(['office']),
    tag,
    summary: 'Import proposals of the old books from a CSV file (UTF-8, header row)',
    description: `Columns \`legacy_id, month, zone, commune, cell, field, title, content, addressee, status, answer, answered_on\` (see the README). Every row is checked first: any bad row rejects the whole file (400, each problem at \`/lines/<line>/<column>\`, at most ${MAX_LISTED_PROBLEMS} listed). A good file (at most ${MAX_IMPORT_ROWS} rows) is accepted as a job (202, \`Location\` names it) that writes every row whose \`legacy_id\` was not imported before: sending the same file again adds nothing.`,
    request: { body: { media: 'text/csv', schema: z.string() } },
    response: { status: 202, description: 'The accepted job; `Location` names it', body: importJobView },
    maxBodyBytes: MAX_IMPORT_BYTES,
  },
  {
    method: 'GET',
    path: '/imports/proposals/{jobId}',
    fn: 'proposalImport',
    operation: 'imports.get',
    access: allow(['office']),
    tag,
    summary: 'An import job: accepted, running, completed (with what it wrote) or failed (with why)',
    request: { path: jobPath },
    response: { status: 200, description: 'The job', body: importJobView },
    problems: { 404: ['import_job_not_found'] },
  },
]);
