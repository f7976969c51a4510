/**
 * `npm run bench`: the performance budgets of issue 11 on DynamoDB Local, and what a district pays.
 * Bundles first (no database), then each section in its own process; prints the table, writes
 * `bench/results.json` and exits non-zero when a budget fails.
 *
 * The route walk and the large district's import and opening run on an in-memory DynamoDB Local.
 * The districts of 1,000 and 100,000 proposals are seeded into a DynamoDB Local kept on disk in
 * `.local/bench-db/<fingerprint>/`, the fingerprint of everything that decides what is seeded
 * (`seed-fingerprint.ts`): a later run with the same code reuses them instead of writing 1.4
 * million items again, which takes several minutes on two shared cores.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { bundleFigures } from './bundles';
import { costFigures } from './cost-figures';
import { describePrices } from './cost-model';
import { type Figure, failures, formatTable } from './figures';
import { flatFigures } from './flat-with-size';
import { BENCH_DISTRICT } from './generated-district';
import type { SectionName } from './section';
import { seededDatabaseFolder } from './seed-fingerprint';

const { values } = parseArgs({ options: { only: { type: 'string', multiple: true } } });
/** `-- --only routes --only small`: those sections alone (for working on them); otherwise all. */
const chosen = (section: string) => values.only === undefined || values.only.includes(section);

const root = resolve(import.meta.dirname, '../..');
const started = performance.now();
const scratch = mkdtempSync(join(tmpdir(), 'giao-ban-bench-'));
const seeded = seededDatabaseFolder(root);
const databases = {
  scratch: await startDynamoDbLocal({ port: await freePort() }),
  /** 100,000 proposals and their entries: well over the default heap. */
  seeded: await startDynamoDbLocal({ port: await freePort(), dataPath: seeded.folder, maxHeap: '3g' }),
};

function runSection(name: SectionName): Figure[] {
  const dynamo = name === 'small' || name === 'large' ? databases.seeded : databases.scratch;
  const output = join(scratch, `${name}.json`);
  console.error(`bench: ${name}…`);
  execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'section.ts'), name, output], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    // the route walk runs on the sample district; the others on generated ones (`generated-district.ts`).
    env: {
      ...process.env,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      TABLE_NAME: `bench-${name}`,
      DISTRICT_ID: name === 'routes' ? 'gia-loc' : BENCH_DISTRICT,
    },
  });
  return JSON.parse(readFileSync(output, 'utf8')) as Figure[];
}

const figures: Figure[] = [];
try {
  if (chosen('bundles')) {
    console.error('bench: bundles…');
    figures.push(...(await bundleFigures()));
  }
  if (chosen('routes')) figures.push(...runSection('routes'));
  const small = chosen('small') ? runSection('small') : [];
  const large = chosen('large') ? runSection('large') : [];
  figures.push(...small, ...large);
  if (small.length > 0 && large.length > 0) {
    figures.push(...flatFigures(small, large));
    seeded.markComplete();
  }
  if (chosen('opening')) figures.push(...runSection('opening'));
} finally {
  await Promise.all([databases.scratch.stop(), databases.seeded.stop()]);
}
figures.push(...costFigures(figures));

const seconds = (performance.now() - started) / 1000;
console.log(formatTable(figures));
console.log(`\nPrices assumed (ap-southeast-1, list prices, no free tier unless said):\n${describePrices()}`);
const failed = failures(figures);
console.log(
  `\n${failed.length === 0 ? 'every budget holds' : `${failed.length} budget(s) FAIL`}; ${seconds.toFixed(0)} s`,
);
mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(
  join(root, 'bench/results.json'),
  `${JSON.stringify({ measuredAt: new Date().toISOString(), cpus: cpus().length, node: process.version, seconds, figures }, null, 2)}\n`,
);
if (failed.length > 0) process.exitCode = 1;
