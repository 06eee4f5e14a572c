import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './doc-samples.js';

/**
 * Rewrites the documentation's sample outputs by running tests/docs-samples.test.ts in its writing
 * mode: the samples need a database holding the seed and nothing else, which is what the tests'
 * own Neo4j is (started from the TEST_NEO4J_ variables, never the server's), so the command reuses
 * it rather than touching the database `npm start` serves. Resolves to vitest's exit code.
 */
export function rewriteSampleOutputs(): Promise<number> {
  const vitest = path.join(ROOT, 'node_modules/vitest/vitest.mjs');
  const child = spawn(process.execPath, [vitest, 'run', 'tests/docs-samples.test.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, CLAIMGRAPH_DOCS_WRITE: '1' },
  });
  return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
}
