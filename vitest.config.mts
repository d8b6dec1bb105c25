import { defineConfig } from 'vitest/config';
import { createRequire } from 'node:module';
import swc from 'unplugin-swc';

const require = createRequire(import.meta.url);

/**
 * type-graphql loads graphql's CommonJS build; test files would otherwise get its ESM build
 * and fail with "Cannot use GraphQLObjectType from another module or realm". Pointing every
 * import of `graphql` at the CommonJS entry keeps one copy in the process.
 */
const graphqlCjs = require.resolve('graphql/index.js');
// graphql-query-complexity's ESM build imports graphql's ESM build: use its CommonJS build too.
const queryComplexityCjs = require.resolve('graphql-query-complexity');

export default defineConfig({
  // SWC emits the decorator metadata type-graphql reads (argument and field types); vite's
  // default transform drops it.
  plugins: [swc.vite({ module: { type: 'es6' } })],
  oxc: false,
  resolve: {
    alias: [
      { find: /^graphql$/, replacement: graphqlCjs },
      { find: /^graphql-query-complexity$/, replacement: queryComplexityCjs },
    ],
  },
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: '.data/test-results.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/security/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          // One throwaway Neo4j serves the run; files isolate their data by unique ids.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          // Headless Chromium against credgraph on the demo data (its own local Neo4j).
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 420_000,
        },
      },
    ],
  },
});
