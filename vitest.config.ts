import { defineConfig } from 'vitest/config';

/**
 * Six layers, run in order by `npm test`: unit (pure), infra (CDK template + cdk-nag),
 * integration (handlers and emulators), e2e (HTTP through the local gateway), fuzz
 * (property-based hostile input through the gateway) and browser (the built portal in Debian's
 * Chromium, with axe-core). Each project with the global setup gets
 * a local stack of its own, so nothing else writes to the table the fuzz watches.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { test: { name: 'infra', include: ['tests/infra/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          setupFiles: ['tests/support/local-env.ts'],
          testTimeout: 30_000,
          hookTimeout: 90_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // The status check is set up first so it tears down last, once the stack has stopped.
          globalSetup: ['tests/support/status-coverage.ts', 'tests/support/global-setup.ts'],
          // The stack's environment, for the helpers that play the scheduler (support/mail.ts).
          setupFiles: ['tests/support/local-env.ts'],
          testTimeout: 30_000,
          hookTimeout: 90_000,
        },
      },
      {
        test: {
          name: 'fuzz',
          include: ['tests/fuzz/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          setupFiles: ['tests/support/local-env.ts'],
          testTimeout: 120_000,
          hookTimeout: 90_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          setupFiles: ['tests/support/local-env.ts'],
          // One browser on two cores: files one after another.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
