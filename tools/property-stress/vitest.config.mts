import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import root from '../../vitest.config.mts';

/**
 * The unit suites with every property test run many times more often (`npm run test:properties`,
 * see fast-check-more-runs.mjs). Not part of `npm test`: at the default factor it takes about
 * two and a half minutes on two cores, at 200 about fifteen.
 */
const moreRuns = fileURLToPath(new URL('./fast-check-more-runs.mjs', import.meta.url));

export default mergeConfig(
  { ...root, test: { ...root.test, projects: undefined } },
  defineConfig({
    // Every import of fast-check gets the wrapper, except the wrapper's own.
    plugins: [
      {
        name: 'fast-check-more-runs',
        enforce: 'pre',
        resolveId: (source: string, importer: string | undefined) =>
          source === 'fast-check' && importer !== moreRuns ? moreRuns : null,
      },
    ],
    test: {
      name: 'properties',
      include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
      testTimeout: 1_800_000,
      outputFile: { json: '.data/property-stress-results.json' },
    },
  }),
);
