import { defineConfig } from 'vitest/config';

// Two cores run everything (DESIGN §6): unit tests in parallel threads, then database tests in
// at most two forks, then browser tests one file at a time (groupOrder runs the groups in turn).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          sequence: { groupOrder: 0 },
          pool: 'threads',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'api',
          include: ['test/**/*.test.ts'],
          sequence: { groupOrder: 1 },
          pool: 'forks',
          maxWorkers: 2,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          globalSetup: ['test/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          sequence: { groupOrder: 2 },
          pool: 'forks',
          maxWorkers: 1,
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
          globalSetup: ['test/global-setup.ts', 'e2e/global-setup.ts'],
        },
      },
    ],
  },
});
