/**
 * Runs one section of the bench in its own process, as `run.ts` starts it: the application reads
 * its table from the environment once per process, and each section needs a district of its own.
 * `node --import tsx section.ts <section> <output.json>`
 */
import { writeFileSync } from 'node:fs';
import { ensureTable, localClient } from '../../infra/local/dynamodb-local';
import type { Figure } from './figures';

/** The small and large districts are seeded by one section and timed by another, on the same table. */
const SMALL = { zones: 6, proposals: 1_000 };
const LARGE = { zones: 60, proposals: 100_000 };

export const sections = {
  routes: () => import('./route-calls').then((m) => m.routeFigures()),
  'seed-small': () => import('./seeded-district').then((m) => m.seedFigure(SMALL)),
  'seed-large': () => import('./seeded-district').then((m) => m.seedFigure(LARGE)),
  small: () => import('./flat-with-size').then((m) => m.scaleTimings(SMALL)),
  large: () => import('./flat-with-size').then((m) => m.scaleTimings(LARGE)),
  opening: () => import('./large-district').then((m) => m.largeDistrictFigures()),
} satisfies Record<string, () => Promise<Figure[]>>;

export type SectionName = keyof typeof sections;

const [name, output] = process.argv.slice(2) as [SectionName, string];
if (process.argv[1]?.endsWith('section.ts')) {
  await ensureTable(localClient(process.env.DYNAMODB_ENDPOINT as string), process.env.TABLE_NAME as string);
  writeFileSync(output, JSON.stringify(await sections[name]()));
}
