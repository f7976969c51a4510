/** The unit tests alone, without the DynamoDB Local setup: what `npm run mutate` runs against each mutant. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { root: `${import.meta.dirname}/..`, include: ['test/unit/**/*.test.ts'] },
});
