/**
 * The unit tests alone, without the DynamoDB Local setup: what `npm run mutate:domain` runs against
 * each mutant. Instrumented code on a shared machine runs the property tests slower than `npm test`.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { root: `${import.meta.dirname}/../..`, include: ['test/unit/**/*.test.ts'], testTimeout: 60_000 },
});
