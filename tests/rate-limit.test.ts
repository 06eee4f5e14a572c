import { afterAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { clientAddress, RedisTokenBuckets, TokenBuckets, trustedHop } from '../src/http/rate-limit.js';
import { testApi, testConfig } from './helpers/api.js';

/** A server allowing bursts of 3 and one request a minute after that, per client (slow enough
 * that no token comes back while a test runs). */
const limited = (env: Record<string, string> = {}) =>
  testApi({ config: testConfig({ RATE_LIMIT_BURST: '3', RATE_LIMIT_PER_MINUTE: '1', ...env }) });
const api = limited();
afterAll(() => api.close());

interface Client {
  key?: string;
  /** The connection's address (what Node's server hands Yoga). */
  address?: string;
  forwardedFor?: string;
}

/** A request from a client: an API key, or a connection's address, and what X-Forwarded-For says. */
async function request(client: Client, path = '/graphql', server = api) {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
  if (client.key) headers.authorization = `Bearer ${client.key}`;
  if (client.forwardedFor) headers['x-forwarded-for'] = client.forwardedFor;
  const response = await server.fetch(
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
    expect(loadConfig({}).rateLimit).toEqual({ perMinute: 600, burst: 100, trustProxy: { kind: 'none' } });
    expect(() => loadConfig({ RATE_LIMIT_BURST: '-1' })).toThrow('RATE_LIMIT_BURST must be a positive whole number, got "-1".');
  });
});

/** Three requests pass and the fourth is limited: these all counted against one client. */
async function oneClient(server: typeof api, clients: Client[]) {
  const statuses = [];
  for (const client of clients) statuses.push((await request(client, '/graphql', server)).status);
  return statuses;
}

describe('behind a proxy (TRUST_PROXY)', () => {
  const oneHop = limited({ TRUST_PROXY: '1' });
  const byAddress = limited({ TRUST_PROXY: '10.0.0.0/8, 2001:db8::1' });
  afterAll(() => Promise.all([oneHop.close(), byAddress.close()]));

  it('is off by default: X-Forwarded-For is ignored, so changing it buys no new bucket', async () => {
    const statuses = await oneClient(api, ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4'].map((spoofed) => ({ address: '10.9.9.9', forwardedFor: spoofed })));
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('with a hop count, counts each address the proxy forwards for, not the proxy', async () => {
    const proxy = '10.0.0.9';
    expect(await oneClient(oneHop, Array.from({ length: 4 }, () => ({ address: proxy, forwardedFor: '192.0.2.1' })))).toEqual([200, 200, 200, 429]);
    expect((await request({ address: proxy, forwardedFor: '192.0.2.2' }, '/graphql', oneHop)).status).toBe(200);
    // What the client wrote itself comes first; the proxy appends the address it saw, which counts.
    expect((await request({ address: proxy, forwardedFor: '203.0.113.77, 192.0.2.1' }, '/graphql', oneHop)).status).toBe(429);
  });

  it('with addresses, reads X-Forwarded-For only from those proxies', async () => {
    expect(await oneClient(byAddress, Array.from({ length: 4 }, () => ({ address: '10.1.2.3', forwardedFor: '192.0.2.10' })))).toEqual([200, 200, 200, 429]);
    // The same client through another trusted proxy is the same client.
    expect((await request({ address: '::ffff:10.4.5.6', forwardedFor: '192.0.2.10' }, '/graphql', byAddress)).status).toBe(429);
    // A direct connection from elsewhere cannot choose its address by writing the header.
    expect(await oneClient(byAddress, Array.from({ length: 4 }, (_, i) => ({ address: '198.51.100.50', forwardedFor: `192.0.2.${20 + i}` })))).toEqual([200, 200, 200, 429]);
  });

  it('walks the chain leftwards only while each hop is trusted', () => {
    const trusted = trustedHop({ kind: 'addresses', addresses: ['10.0.0.0/8', '2001:db8::1'] });
    expect(clientAddress('10.0.0.1', '1.1.1.1, 192.0.2.5, 10.0.0.2', trusted)).toBe('192.0.2.5');
    expect(clientAddress('2001:db8::1', '2001:db8::99', trusted)).toBe('2001:db8::99');
    expect(clientAddress('192.0.2.9', '10.0.0.5', trusted)).toBe('192.0.2.9');
    expect(clientAddress('10.0.0.1', null, trusted)).toBe('10.0.0.1');
    expect(clientAddress('10.0.0.1', 'not-an-address', trusted)).toBe('10.0.0.1');
    expect(clientAddress('10.0.0.1', '10.0.0.3, 10.0.0.2', trusted)).toBe('10.0.0.3');
    const twoHops = trustedHop({ kind: 'hops', hops: 2 });
    expect(clientAddress('10.0.0.1', '1.1.1.1, 192.0.2.5, 172.16.0.1', twoHops)).toBe('192.0.2.5');
    expect(clientAddress('10.0.0.1', '192.0.2.5', twoHops)).toBe('192.0.2.5');
    expect(clientAddress('::ffff:192.0.2.8', 'spoofed', trustedHop({ kind: 'none' }))).toBe('192.0.2.8');
    expect(clientAddress('10.0.0.7', '192.0.2.6', trustedHop({ kind: 'addresses', addresses: ['::ffff:10.0.0.7'] }))).toBe('192.0.2.6');
  });

  it('is configured by TRUST_PROXY: false, a number of proxies, or addresses and CIDR ranges', () => {
    expect(loadConfig({ TRUST_PROXY: 'false' }).rateLimit.trustProxy).toEqual({ kind: 'none' });
    expect(loadConfig({ TRUST_PROXY: '2' }).rateLimit.trustProxy).toEqual({ kind: 'hops', hops: 2 });
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8,::1' }).rateLimit.trustProxy).toEqual({ kind: 'addresses', addresses: ['10.0.0.0/8', '::1'] });
    for (const bad of ['true', '10.0.0.0/33', 'proxy.internal', '10.0.0.1/8/1']) {
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(`"${bad}" is none of these`);
    }
  });
});

describe('rate limiting across API instances', () => {
  const limit = { perMinute: 1, burst: 3 };
  const config = testConfig({ RATE_LIMIT_BURST: '3', RATE_LIMIT_PER_MINUTE: '1' });

  it.skipIf(!inject('redisUrl'))('shares each client\'s bucket through Redis: a burst spent on one instance is spent on the other', async () => {
    const warnings: string[] = [];
    const limiters = [new RedisTokenBuckets(inject('redisUrl'), limit, (line) => warnings.push(line)), new RedisTokenBuckets(inject('redisUrl'), limit, (line) => warnings.push(line))];
    const [one, two] = limiters.map((rateLimiter) => testApi({ config, rateLimiter }));
    try {
      const client = { key: `key-shared-${Date.now()}` };
      const statuses = [];
      for (const server of [one!, two!, one!, two!, one!]) statuses.push((await request(client, '/graphql', server)).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const refused = await request(client, '/graphql', two!);
      expect(refused.body.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED' });
      expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
      // Another client has its own bucket.
      expect((await request({ key: `key-other-${Date.now()}` }, '/graphql', two!)).status).toBe(200);
      expect(warnings).toEqual([]);
    } finally {
      await Promise.all([one!.close(), two!.close(), ...limiters.map((limiter) => limiter.close())]);
    }
  });

  it('lets requests through, and says so once, while Redis cannot answer', async () => {
    const warnings: string[] = [];
    // A port nothing listens on.
    const limiter = new RedisTokenBuckets('redis://127.0.0.1:1', limit, (line) => warnings.push(line));
    const server = testApi({ config, rateLimiter: limiter });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i += 1) statuses.push((await request({ key: 'key-no-redis' }, '/graphql', server)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200]);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^rate limits are not applied: Redis did not answer/);
    } finally {
      await server.close();
      await limiter.close();
    }
  });
});
