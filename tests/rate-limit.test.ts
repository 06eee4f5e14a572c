import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { TokenBuckets } from '../src/rate-limit.js';
import { testApi, testConfig } from './helpers/api.js';

/** A server allowing bursts of 3 and one request a minute after that, per client (slow enough
 * that no token comes back while a test runs). */
const api = testApi({ config: testConfig({ RATE_LIMIT_BURST: '3', RATE_LIMIT_PER_MINUTE: '1' }) });
afterAll(() => api.close());

/** A request from a client: an API key, or a connection's address (what Node's server hands Yoga). */
async function request(client: { key?: string; address?: string }, path = '/graphql') {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
  if (client.key) headers.authorization = `Bearer ${client.key}`;
  const response = await api.fetch(
    `http://test${path}`,
    path === '/graphql' ? { method: 'POST', headers, body: JSON.stringify({ query: '{ events(first: 1) { totalCount } }' }) } : { headers },
    { req: { socket: { remoteAddress: client.address } } },
  );
  const text = await response.text();
  const body = (text ? JSON.parse(text) : {}) as { errors?: Array<{ message: string; extensions: Record<string, unknown> }> };
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
}

describe('rate limiting', () => {
  it('lets a client burst, then answers 429 RATE_LIMITED with Retry-After, before parsing the request', async () => {
    const client = { key: 'key-a' };
    for (let i = 0; i < 3; i += 1) expect((await request(client)).status).toBe(200);
    const limited = await request(client);
    expect(limited.status).toBe(429);
    // A whole token takes 60 s; whatever came back while the first three ran shortens the wait.
    const retryAfter = Number(limited.retryAfter);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.body.errors).toHaveLength(1);
    expect(limited.body.errors![0]!.extensions).toEqual({ code: 'RATE_LIMITED', retryAfter });
    expect(limited.body.errors![0]!.message).toBe(
      `Too many requests: at most 1 a minute (bursts of 3); retry in ${retryAfter} s.`,
    );
  });

  it('counts each API key and each address separately; a key is not its address', async () => {
    for (let i = 0; i < 3; i += 1) expect((await request({ key: 'key-b', address: '10.0.0.1' })).status).toBe(200);
    expect((await request({ key: 'key-b', address: '10.0.0.1' })).status).toBe(429);
    expect((await request({ key: 'key-c', address: '10.0.0.1' })).status).toBe(200);
    expect((await request({ address: '10.0.0.1' })).status).toBe(200);
    for (let i = 0; i < 3; i += 1) expect((await request({ address: '10.0.0.2' })).status).toBe(200);
    expect((await request({ address: '10.0.0.2' })).status).toBe(429);
  });

  it('leaves /health and /ready alone', async () => {
    const client = { key: 'key-d' };
    for (let i = 0; i < 3; i += 1) await request(client);
    expect((await request(client)).status).toBe(429);
    expect((await request(client, '/health')).status).toBe(200);
    expect((await request(client, '/ready')).status).toBe(200);
  });

  it('refills at the configured rate, up to the burst (on a clock the test moves)', () => {
    let now = 0;
    const buckets = new TokenBuckets({ perMinute: 60, burst: 2 }, () => now);
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 1]);
    now += 500;
    expect(buckets.take('a')).toBe(1); // half a token
    now += 500;
    expect(buckets.take('a')).toBe(0);
    now += 60_000; // a minute idle refills only up to the burst
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 1]);
    expect(buckets.take('b')).toBe(0);
  });

  it('is configured by RATE_LIMIT_PER_MINUTE and RATE_LIMIT_BURST', () => {
    expect(loadConfig({}).rateLimit).toEqual({ perMinute: 600, burst: 100 });
    expect(() => loadConfig({ RATE_LIMIT_BURST: '-1' })).toThrow('RATE_LIMIT_BURST must be a positive whole number, got "-1".');
  });
});
