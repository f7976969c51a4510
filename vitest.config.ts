import { defineConfig } from 'vitest/config';

// DynamoDB Local runs on a JVM that warms up during the first files; generous limits avoid false failures.
// Inline projects do not inherit the root's limits, so the database suites state them again.
const databaseLimits = { testTimeout: 30_000, hookTimeout: 60_000 };

/**
 * Five suites; the ones that touch the database share one DynamoDB Local started by the global setup.
 * `browser` drives Debian's Chromium against the local gateway.
 */
export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    ...databaseLimits,
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          setupFiles: ['test/support/table-per-file.ts'],
          ...databaseLimits,
        },
      },
      {
        test: {
          name: 'api',
          include: ['test/api/**/*.test.ts'],
          setupFiles: ['test/support/table-per-file.ts'],
          ...databaseLimits,
        },
      },
      { test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000 } },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          setupFiles: ['test/support/table-per-file.ts'],
          ...databaseLimits,
        },
      },
    ],
  },
});
