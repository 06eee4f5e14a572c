import type runAutocannon from 'autocannon';

/**
 * autocannon, loaded when a measurement starts rather than when a script starts: it is one of the
 * benchmark's own dependencies (bench/package.json, installed by `npm run bench` and `npm run
 * loadtest`), and the scripts answer --help on a fresh clone without them.
 */
export async function autocannon(...args: Parameters<typeof runAutocannon>): ReturnType<typeof runAutocannon> {
  const { default: run } = await import('autocannon');
  return run(...args);
}
