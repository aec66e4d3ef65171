import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// Two projects: unit tests need nothing; integration tests share one real Neo4j (started by
// the global set-up unless NEO4J_URI is given) and run one file at a time because each file
// resets the graph it works on.
export default defineConfig({
  // One copy of graphql, as Node loads it (CommonJS): Vite would otherwise give our modules the ESM
  // build while @graphql-tools, loaded by Node, uses the CommonJS one, and their types would not match.
  resolve: { alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.int.test.ts'],
          globalSetup: ['test/helpers/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
