import { defineConfig } from 'vitest/config';

// Three projects:
//  - unit: pure tests beside the code (src/**/*.test.ts), no database
//  - db:   route/integration tests (src/**/*.db.test.ts) against a real database;
//          the engine comes from TEST_DB_ENGINE (pglite | postgres), see test/global-setup.ts
//  - e2e:  browser flows (e2e/**/*.e2e.ts) in Debian chromium through playwright-core
export default defineConfig({
  test: {
    globals: true,
    maxWorkers: 2,
    minWorkers: 1,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
          exclude: ['src/**/*.db.test.ts', 'node_modules/**'],
          environment: 'node',
          // web page tests load antd under jsdom (10–25 s on a busy 2-core machine)
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          testTimeout: 180_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
