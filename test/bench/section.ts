/**
 * Runs one section of the bench in its own process, as `run.ts` starts it: the application reads
 * its table from the environment once per process, and each section needs a district of its own.
 * `node --import tsx section.ts <section> <output.json>`
 */
import { writeFileSync } from 'node:fs';
import { ensureTable, localClient } from '../../infra/local/dynamodb-local';
import type { Figure } from './figures';

/** Each section, given whether its table is new (a seeded district's table may be kept from an earlier run). */
export const sections = {
  routes: () => import('./route-calls').then((m) => m.routeFigures()),
  small: (fresh: boolean) => import('./flat-with-size').then((m) => m.scaleTimings(6, 1_000, fresh)),
  large: (fresh: boolean) => import('./flat-with-size').then((m) => m.scaleTimings(60, 100_000, fresh)),
  opening: () => import('./large-district').then((m) => m.largeDistrictFigures()),
} satisfies Record<string, (fresh: boolean) => Promise<Figure[]>>;

export type SectionName = keyof typeof sections;

const [name, output] = process.argv.slice(2) as [SectionName, string];
if (process.argv[1]?.endsWith('section.ts')) {
  const fresh = await ensureTable(
    localClient(process.env.DYNAMODB_ENDPOINT as string),
    process.env.TABLE_NAME as string,
  );
  writeFileSync(output, JSON.stringify(await sections[name](fresh)));
}
