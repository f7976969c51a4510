/**
 * `npm run bench`: bundles every function as the stack does (esbuild, ESM, minified, SDK inside)
 * and compares its size and cold import time with a floor: a bundle holding only the DynamoDB
 * document client. Prints a table; the roadmap's budget is 1.3 × the floor.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { functions } from '../../functions/routes';
import { BUNDLE_TARGET } from '../../infra/constructs/handler-function';

const root = resolve(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'giao-ban-bench-'));
const BUDGET = 1.3;
const IMPORT_RUNS = 11;

/** Bundles an entry file, or source text resolved from the repository root. */
async function bundle(name: string, entry: string | { source: string }): Promise<string> {
  const outfile = join(out, `${name}.mjs`);
  await build({
    ...(typeof entry === 'string'
      ? { entryPoints: [entry] }
      : { stdin: { contents: entry.source, resolveDir: root, loader: 'ts' as const } }),
    outfile,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: BUNDLE_TARGET,
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * Median import times of a bundle and of the floor, measured in alternation so that a busy
 * moment of the machine weighs on both alike.
 */
function importMillis(file: string, floorFile: string): { ms: number; floorMs: number } {
  const own: number[] = [];
  const floor: number[] = [];
  for (let run = 0; run < IMPORT_RUNS; run++) {
    floor.push(importOnce(floorFile));
    own.push(importOnce(file));
  }
  return { ms: median(own), floorMs: median(floor) };
}

const floorFile = await bundle('floor', {
  source:
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';\nexport const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));\n",
});
const floorBytes = statSync(floorFile).size;
console.log(`floor (document client only): ${(floorBytes / 1024).toFixed(0)} KiB\n`);
console.log('function          KiB   ×floor   import ms  floor ms  ×floor');
let over = 0;
for (const [name, definition] of Object.entries(functions)) {
  const file = await bundle(name, resolve(root, definition.entry));
  const bytes = statSync(file).size;
  const { ms, floorMs } = importMillis(file, floorFile);
  const sizeRatio = bytes / floorBytes;
  const timeRatio = ms / floorMs;
  if (sizeRatio > BUDGET || timeRatio > BUDGET) over++;
  console.log(
    `${name.padEnd(16)} ${(bytes / 1024).toFixed(0).padStart(5)}  ${sizeRatio.toFixed(2).padStart(6)}  ${ms.toFixed(1).padStart(9)}  ${floorMs.toFixed(1).padStart(8)}  ${timeRatio.toFixed(2).padStart(6)}`,
  );
}
console.log(over === 0 ? `\nall within ${BUDGET} × floor` : `\n${over} function(s) over ${BUDGET} × floor`);
