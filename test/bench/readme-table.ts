/**
 * `npm run bench:readme`: copies the latest `bench/results.json` into README.md, between the
 * "Latest run" line and the end of the route-by-route details, so the table there is the file's
 * and never edited by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Figure } from './figures';

interface Results {
  readonly measuredAt: string;
  readonly cpus: number;
  readonly node: string;
  readonly seconds: number;
  readonly figures: readonly Figure[];
}

const ROUTES = 'requests per call';
const root = resolve(import.meta.dirname, '../..');

function markdownTable(figures: readonly Figure[]): string {
  const cell = (text: string) => text.replaceAll('|', '\\|');
  const rows = figures.map((f) =>
    [f.section, f.name, f.value, f.budget ?? '', f.pass === undefined ? '' : f.pass ? 'pass' : '**FAIL**'].map(cell),
  );
  return [
    '| section | figure | value | budget | |',
    '|---|---|---|---|---|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

/** The README block for `results`: the heading line, the main table, then the routes folded away. */
export function readmeBlock(results: Results): string {
  const failing = results.figures.filter((f) => f.pass === false).length;
  const at = results.measuredAt.slice(0, 16).replace('T', ' ');
  return [
    `Latest run (${at} UTC, ${results.cpus} cores, Node ${results.node}, ${Math.round(results.seconds)} s, ` +
      `${failing} budget${failing === 1 ? '' : 's'} failing):`,
    '',
    markdownTable(results.figures.filter((f) => f.section !== ROUTES)),
    '',
    '<details><summary>Requests per call, route by route (reads / round trips, transactions, KiB read / sent, handler ms outside DynamoDB)</summary>',
    '',
    markdownTable(results.figures.filter((f) => f.section === ROUTES)),
    '',
    '</details>',
  ].join('\n');
}

if (process.argv[1] === import.meta.filename) {
  const results = JSON.parse(readFileSync(resolve(root, 'bench/results.json'), 'utf8')) as Results;
  const readmePath = resolve(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const start = readme.indexOf('Latest run (');
  const end = readme.indexOf('</details>', start) + '</details>'.length;
  if (start < 0 || end < start) throw new Error('README.md has no "Latest run" block to replace');
  writeFileSync(readmePath, readme.slice(0, start) + readmeBlock(results) + readme.slice(end));
  console.log(`README.md: the table of ${results.measuredAt}`);
}
