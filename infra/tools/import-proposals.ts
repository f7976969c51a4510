/**
 * `npm run import -- <file.csv> [--as van-phong-1] [--port 3000]`: imports a file of the district's
 * old proposal records into the local service (`npm start` running), as `POST /imports/proposals`
 * does: every problem is printed by line and nothing is imported, or the job is followed to its end.
 */
import { readFileSync } from 'node:fs';
import { setTimeout as pause } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { DEFAULT_LOCAL_PORT } from '../local/jwt';
import { localService } from './local-service';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    as: { type: 'string', default: 'van-phong-1' },
    port: { type: 'string', default: String(DEFAULT_LOCAL_PORT) },
  },
});
const [file] = positionals;
if (!file) {
  console.error('Usage: npm run import -- <file.csv> [--as <office official id>] [--port 3000]');
  process.exit(1);
}

const service = await localService(values.as, Number(values.port));
const accepted = await service.request('POST', '/imports/proposals', {
  text: readFileSync(file, 'utf8'),
  contentType: 'text/csv; charset=utf-8',
});
const answer = (await accepted.json()) as {
  detail?: string;
  errors?: { message: string }[];
  id?: string;
  rows?: number;
};
if (accepted.status !== 202) {
  console.error(`${accepted.status}: ${answer.detail ?? ''}`);
  for (const problem of answer.errors ?? []) console.error(`  ${problem.message}`);
  process.exit(1);
}
console.log(`Accepted ${answer.rows} rows as job ${answer.id}; importing…`);
const location = accepted.headers.get('location') ?? '';
for (;;) {
  const job = (await (await service.request('GET', location)).json()) as {
    status: string;
    imported?: number;
    skipped?: number;
    error?: { message: string };
  };
  if (job.status === 'completed') {
    console.log(`Imported ${job.imported} proposals; ${job.skipped} were imported before.`);
    break;
  }
  if (job.status === 'failed') {
    console.error(`The import failed: ${job.error?.message}. Sending the file again completes it.`);
    process.exit(1);
  }
  await pause(1_000);
}
