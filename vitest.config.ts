import { defineConfig } from 'vitest/config';

// Two projects: the data, sync and server layers run in Node (real Blobs through fake-indexeddb,
// real PGlite); React components run in jsdom.
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one on a 2-core CI machine, where many files
    // spend their time waiting on a server process or a database. Two keeps both cores busy.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/{domain,local-db,sync,server,cli,chaos}/**/*.test.ts'],
          setupFiles: ['test/support/setup-node.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['test/ui/**/*.test.{ts,tsx}'],
          setupFiles: ['test/support/setup-ui.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
