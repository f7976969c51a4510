/**
 * What `npm run mutate:services` runs against each mutant of the use cases: the integration and API
 * suites on one DynamoDB Local, without the suites that prove properties of the whole service rather
 * than of a use case (the generated matrix and hostile input, the 40-way races, load, database
 * faults, gateway and header checks): each of those takes minutes per mutant and asserts nothing a
 * use case's own tests do not. Handlers are imported by path at run time, so Stryker must not pick
 * tests by the import graph (`related: false`).
 *
 * `MUTATION_SUITES=structure,auth` keeps only the files whose names contain one of those words: an
 * area whose code every suite runs while seeding (the structure import) would otherwise re-run the
 * whole suite for each of its mutants; its score on its own suites is then a lower bound.
 */
import { defineConfig } from 'vitest/config';

const wholeService = [
  'authorisation-matrix',
  'hostile-input',
  'orphan-races',
  'races-at-scale',
  'load',
  'database-faults',
  'database-recovery',
  'gateway-refusals',
  'response-headers',
  'request-log',
  'cors',
  'openapi',
  'route-rules',
  // the 1,002-row legacy import: its job runs minutes instrumented and fails there (`npm test` runs it)
  'imports',
];

const suites = process.env.MUTATION_SUITES?.split(',').filter(Boolean);
const included = suites
  ? suites.map((word) => `test/{integration,api}/*${word}*.test.ts`)
  : ['test/integration/**/*.test.ts', 'test/api/**/*.test.ts'];

export default defineConfig({
  test: {
    root: `${import.meta.dirname}/../..`,
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/table-per-file.ts'],
    include: included,
    exclude: wholeService.map((name) => `test/api/${name}.test.ts`),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
