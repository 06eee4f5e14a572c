import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS (main) and ESM (module). Node, and so Yoga and Pothos, load the
    // CommonJS build; Vite would hand our code the ESM one, and two GraphQLError classes break
    // Yoga's error masking. Point our code at the build everything else uses.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/global.ts'],
    // One Neo4j for the whole run: test files share it, so they run one after another.
    fileParallelism: false,
    // The request log stays out of the test output unless asked for (LOG_LEVEL=info npm test).
    // Every test server is one client (no address, no key) making hundreds of requests; the rate
    // limit has its own tests, with its own settings.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_BURST: '1000000' },
    testTimeout: 30_000,
    // In CI, also write a JSON summary that .ci/run turns into a plain "N passed, N failed" line.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: '.data/test-results.json' },
    hookTimeout: 180_000,
  },
});
