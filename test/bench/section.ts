/**
 * Runs one section of the bench in its own process, as `run.ts` starts it: the application reads
 * its table from the environment once per process, and each section needs a district of its own.
 * `node --import tsx section.ts <section> <output.json>`
 */
import { writeFileSync } from 'node:fs';
import { ensureTable, localClient } from '../../infra/local/dynamodb-local';
import type { Figure } from './figures';

export const sections = {
  routes: () => import('./route-calls').then((m) => m.routeFigures()),
  small: () => import('./flat-with-size').then((m) => m.scaleTimings(6, 1_000)),
  large: () => import('./flat-with-size').then((m) => m.scaleTimings(60, 100_000)),
  opening: () => import('./large-district').then((m) => m.largeDistrictFigures()),
} satisfies Record<string, () => Promise<Figure[]>>;

export type SectionName = keyof typeof sections;

const [name, output] = process.argv.slice(2) as [SectionName, string];
if (process.argv[1]?.endsWith('section.ts')) {
  await ensureTable(localClient(process.env.DYNAMODB_ENDPOINT as string), process.env.TABLE_NAME as string);
  writeFileSync(output, JSON.stringify(await sections[name]()));
}
