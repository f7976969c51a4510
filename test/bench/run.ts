/**
 * `npm run bench`: the performance budgets of issue 11 on DynamoDB Local, and what a district pays.
 * Prints the table, writes `bench/results.json` and exits non-zero when a budget fails.
 *
 * Each section runs in a process of its own (the application reads its table from the
 * environment once per process) against one in-memory DynamoDB Local, one after another: cold
 * imports measured while the districts of 1,000 and 100,000 proposals were being seeded came out
 * up to a third slower against the floor.
 */
import { execFile } from 'node:child_process';
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

const { values } = parseArgs({ options: { only: { type: 'string', multiple: true } } });
/** `-- --only routes --only scale`: those sections alone (for working on them); otherwise all. */
const chosen = (section: 'bundles' | 'routes' | 'scale' | 'opening') =>
  values.only === undefined || values.only.includes(section);

const root = resolve(import.meta.dirname, '../..');
const started = performance.now();
const scratch = mkdtempSync(join(tmpdir(), 'giao-ban-bench-'));
/** 100,000 proposals and their entries: well over the default heap. */
const dynamo = await startDynamoDbLocal({ port: await freePort(), maxHeap: '4g' });

/** Runs a section in its own process on its table; the route walk on the sample district, the others on generated ones. */
function runSection(name: SectionName, table: string = name): Promise<Figure[]> {
  const output = join(scratch, `${name}.json`);
  console.error(`bench: ${name}…`);
  const env = {
    ...process.env,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    TABLE_NAME: `bench-${table}`,
    DISTRICT_ID: name === 'routes' ? 'gia-loc' : BENCH_DISTRICT,
  };
  const args = ['--import', 'tsx', join(import.meta.dirname, 'section.ts'), name, output];
  return new Promise((done, fail) => {
    const child = execFile(process.execPath, args, { cwd: root, env }, (error) =>
      error ? fail(error) : done(JSON.parse(readFileSync(output, 'utf8')) as Figure[]),
    );
    child.stderr?.pipe(process.stderr);
  });
}

const figures: Figure[] = [];
try {
  if (chosen('bundles')) {
    console.error('bench: bundles…');
    figures.push(...(await bundleFigures()));
  }
  if (chosen('scale')) {
    // the two districts at once: the database is the bottleneck either way.
    const seeded = await Promise.all([runSection('seed-small', 'small'), runSection('seed-large', 'large')]);
    figures.push(...seeded.flat());
  }
  if (chosen('routes')) figures.push(...(await runSection('routes')));
  if (chosen('scale')) {
    const small = await runSection('small');
    const large = await runSection('large');
    figures.push(...small, ...large, ...flatFigures(small, large));
  }
  if (chosen('opening')) figures.push(...(await runSection('opening')));
} finally {
  await dynamo.stop();
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
