/**
 * Every function's bundle, built with the stack's own esbuild options (`function-bundle.ts`), against
 * the floor: a bundle holding only the DynamoDB document client. Size, and cold import time as the
 * median of alternating runs in fresh Node processes, so that a busy moment weighs on both alike.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { functions } from '../../functions/routes';
import { esbuildFunctionOptions } from '../../infra/constructs/function-bundle';
import { type Figure, ratioFigure } from './figures';
import { median } from './measure';

const root = resolve(import.meta.dirname, '../..');
const SIZE_BUDGET = 1.5;
const IMPORT_BUDGET = 1.25;
const IMPORT_RUNS = 15;

/** The floor: what every function talking to the table cannot do without. */
export const FLOOR_SOURCE = [
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
  "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
  'export const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
].join('\n');

async function bundle(out: string, name: string, entry: string | { source: string }): Promise<string> {
  const outfile = join(out, name, 'index.mjs');
  await build({
    ...esbuildFunctionOptions,
    ...(typeof entry === 'string'
      ? { entryPoints: [resolve(root, entry)] }
      : { stdin: { contents: entry.source, resolveDir: root, loader: 'ts' as const } }),
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

/** Wall time of importing a bundle once, in a fresh Node process. */
function importOnce(file: string): number {
  const script = `const t=performance.now();await import(${JSON.stringify(file)});console.log(performance.now()-t)`;
  const env = { ...process.env, TABLE_NAME: 'bench', DISTRICT_ID: 'bench' };
  // stderr is captured, not shown: the SDK's Node-version notice would repeat on every run.
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return Number(output.toString());
}

export async function bundleFigures(): Promise<Figure[]> {
  const out = mkdtempSync(join(tmpdir(), 'giao-ban-bench-'));
  const floorFile = await bundle(out, 'floor', { source: FLOOR_SOURCE });
  const floorBytes = statSync(floorFile).size;
  const figures: Figure[] = [];
  for (const [name, definition] of Object.entries(functions)) {
    const file = await bundle(out, name, definition.entry);
    const bytes = statSync(file).size;
    const own: number[] = [];
    const floor: number[] = [];
    for (let run = 0; run < IMPORT_RUNS; run++) {
      floor.push(importOnce(floorFile));
      own.push(importOnce(file));
    }
    const [ms, floorMs] = [median(own), median(floor)];
    figures.push(
      ratioFigure('bundle size', `${name} (${(bytes / 1024).toFixed(0)} KiB)`, bytes / floorBytes, SIZE_BUDGET, {
        bytes,
        floorBytes,
      }),
      ratioFigure(
        'cold import',
        `${name} (${ms.toFixed(0)} ms, floor ${floorMs.toFixed(0)})`,
        ms / floorMs,
        IMPORT_BUDGET,
        { ms, floorMs },
      ),
    );
  }
  return figures;
}
