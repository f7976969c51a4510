import { defineConfig } from 'vitest/config';

/** Four suites; the ones that touch the database share one DynamoDB Local started by the global setup. */
export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    // DynamoDB Local runs on a JVM that warms up during the first files; generous limits avoid false failures.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          setupFiles: ['test/support/table-per-file.ts'],
        },
      },
      { test: { name: 'api', include: ['test/api/**/*.test.ts'], setupFiles: ['test/support/table-per-file.ts'] } },
      { test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000 } },
    ],
  },
});
