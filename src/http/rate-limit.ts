import { createHash } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import type { Redis } from 'ioredis';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { RateLimit, TrustProxy } from '../config.js';
import { ErrorCode } from '../domain/errors.js';
import { failFastRedis } from './redis.js';

/** Past this many clients, buckets that have refilled completely (idle clients) are dropped. */
const MAX_TRACKED_CLIENTS = 10_000;

interface Bucket {
  tokens: number;
  updated: number;
}

/** Takes a token for a client: 0 when granted, else the whole seconds until one is available. */
export interface RateLimiter {
  take(client: string): number | Promise<number>;
}

/**
 * One token bucket per client, in this process: `burst` requests at once, refilled at `perMinute`.
 * Several API processes each keep their own, so the effective limit is per process (see
 * RedisTokenBuckets for one limit shared by every instance).
 */
export class TokenBuckets implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limit: Pick<RateLimit, 'perMinute' | 'burst'>,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes a token for `client`: 0 when granted, else the whole seconds until one is available. */
  take(client: string): number {
    const now = this.now();
    const perMs = this.limit.perMinute / 60_000;
    let bucket = this.buckets.get(client);
    if (!bucket) {
      if (this.buckets.size >= MAX_TRACKED_CLIENTS) this.dropIdle(now, perMs);
      bucket = { tokens: this.limit.burst, updated: now };
      this.buckets.set(client, bucket);
    }
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + (now - bucket.updated) * perMs);
    bucket.updated = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
  }

  private dropIdle(now: number, perMs: number): void {
    for (const [client, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updated) * perMs >= this.limit.burst) this.buckets.delete(client);
    }
  }
}

/**
 * The same buckets kept in Redis, so several API instances behind a load balancer share one limit
 * per client. One script per request takes the token atomically, on Redis's clock (instances'
 * clocks may differ). A bucket expires once it would have refilled. When Redis cannot answer
 * within its command timeout (redis.ts) the request is let through (`warn` says so, at most once
 * a minute): a rate limiter's outage must not become the API's.
 */
export class RedisTokenBuckets implements RateLimiter {
  private readonly redis: Redis;
  private warned = 0;

  constructor(
    url: string,
    private readonly limit: Pick<RateLimit, 'perMinute' | 'burst'>,
    private readonly warn: (line: string) => void,
  ) {
    // A command waits for a connection being made (the first, or after a blip) at most the
    // timeout, then the request goes on without a limit.
    this.redis = failFastRedis(url);
    this.redis.defineCommand('takeToken', { numberOfKeys: 1, lua: TAKE_TOKEN });
  }

  async take(client: string): Promise<number> {
    try {
      const perMs = this.limit.perMinute / 60_000;
      const wait = await (this.redis as Redis & { takeToken(key: string, perMs: number, burst: number): Promise<number> }).takeToken(`claimgraph:rate:${client}`, perMs, this.limit.burst);
      return Number(wait);
    } catch (error) {
      if (Date.now() - this.warned > 60_000) {
        this.warned = Date.now();
        this.warn(`rate limits are not applied: Redis did not answer (${(error as Error).message})`);
      }
      return 0;
    }
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}

/** TokenBuckets.take as a Redis script: KEYS[1] the bucket, ARGV the refill per ms and the burst. */
const TAKE_TOKEN = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
local perMs = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local stored = redis.call('HMGET', KEYS[1], 'tokens', 'updated')
local tokens = tonumber(stored[1]) or burst
local updated = tonumber(stored[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - updated) * perMs)
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = math.max(1, math.ceil((1 - tokens) / perMs / 1000)) end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'updated', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / perMs) + 1000)
return wait`;

/** The rate limiter for a configuration: shared through Redis when `redisUrl` is set, else in process. */
export function createRateLimiter(limit: RateLimit, redisUrl: string | undefined, warn: (line: string) => void): RateLimiter & { close(): Promise<void> } {
  if (redisUrl) return new RedisTokenBuckets(redisUrl, limit, warn);
  return Object.assign(new TokenBuckets(limit), { close: async () => {} });
}

/** An IPv4 address as Node reports it on a dual-stack socket (`::ffff:10.0.0.1`) is that IPv4 address. */
function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  return mapped ?? address;
}

/** Decides whether a hop of the forwarding chain is one of the trusted proxies. */
export function trustedHop(trust: TrustProxy): (address: string, hopsFromServer: number) => boolean {
  if (trust.kind === 'none') return () => false;
  if (trust.kind === 'hops') return (_address, hops) => hops < trust.hops;
  const trusted = new BlockList();
  for (const entry of trust.addresses) {
    const [written, prefix] = entry.split('/') as [string, string | undefined];
    // A bare address only: a mapped range (::ffff:10.0.0.0/104) keeps its IPv6 prefix length.
    const address = prefix === undefined ? plainAddress(written) : written;
    const family = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) trusted.addAddress(address, family);
    else trusted.addSubnet(address, Number(prefix), family);
  }
  return (address) => isIP(address) !== 0 && trusted.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client's address: the connection's peer, unless that is a trusted proxy, in which case the
 * address it appended to X-Forwarded-For, and so on leftwards while each hop is trusted. Entries
 * left of the first untrusted hop were written by the client itself and are never read.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | null, isTrusted: ReturnType<typeof trustedHop>): string | undefined {
  if (peer === undefined) return undefined;
  const chain = (forwardedFor ?? '').split(',').map((entry) => plainAddress(entry.trim())).filter(Boolean);
  let client = plainAddress(peer);
  for (let hops = 0; isTrusted(client, hops) && chain.length > 0; hops += 1) {
    const next = chain.pop()!;
    // A trusted proxy passing on something that is not an address: it is the last hop known.
    if (isIP(next) === 0) break;
    client = next;
  }
  return client;
}

/**
 * Who a request counts against: its API key (`Authorization: Bearer`, kept only as a hash), else
 * the client's address (see clientAddress).
 */
export function clientOf(request: Request, serverContext: unknown, isTrusted: ReturnType<typeof trustedHop>): string {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  if (bearer) return `key:${createHash('sha256').update(bearer).digest('hex').slice(0, 32)}`;
  const peer = (serverContext as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req?.socket?.remoteAddress;
  return `ip:${clientAddress(peer, request.headers.get('x-forwarded-for'), isTrusted) ?? 'unknown'}`;
}

/**
 * Refuses a GraphQL request over its client's rate before it is even parsed: HTTP 429, a
 * `Retry-After` header and one RATE_LIMITED error carrying `retryAfter` (seconds). An operation
 * over WebSocket has no HTTP request of its own (src/http/websocket.ts makes one per operation):
 * it takes a token from the same bucket when it starts, and a refused one ends with that error.
 */
export function rateLimiting(limit: RateLimit, buckets: RateLimiter = new TokenBuckets(limit), graphqlPath = '/graphql'): Plugin {
  const isTrusted = trustedHop(limit.trustProxy);
  const countedOverHttp = new WeakSet<Request>();
  const refusal = (retryAfter: number) => ({
    message: `Too many requests: at most ${limit.perMinute} a minute (bursts of ${limit.burst}); retry in ${retryAfter} s.`,
    extensions: { code: ErrorCode.RateLimited, retryAfter },
  });
  /** Runs `then` on the limiter's answer: at once from buckets in process, after Redis's otherwise. */
  const taking = <T>(client: string, then: (retryAfter: number) => T): T | Promise<T> => {
    const retryAfter = buckets.take(client);
    return typeof retryAfter === 'number' ? then(retryAfter) : retryAfter.then(then);
  };
  /** Stops a WebSocket operation over its client's rate (unless it was counted as an HTTP request). */
  const refuseOverWebSocket = (context: unknown, stop: (result: { errors: GraphQLError[] }) => void) => {
    const { request } = context as { request: Request };
    if (countedOverHttp.has(request)) return;
    return taking(clientOf(request, context, isTrusted), (retryAfter) => {
      if (retryAfter === 0) return;
      const { message, extensions } = refusal(retryAfter);
      stop({ errors: [new GraphQLError(message, { extensions })] });
    });
  };
  return {
    onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      if (url.pathname !== graphqlPath) return;
      countedOverHttp.add(request);
      return taking(clientOf(request, serverContext, isTrusted), (retryAfter) => {
        if (retryAfter === 0) return;
        endResponse(
          fetchAPI.Response.json({ errors: [refusal(retryAfter)] }, { status: 429, headers: { 'retry-after': String(retryAfter) } }),
        );
      });
    },
    onExecute({ args, setResultAndStopExecution }) {
      return refuseOverWebSocket(args.contextValue, setResultAndStopExecution);
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      return refuseOverWebSocket(args.contextValue, setResultAndStopExecution);
    },
  };
}
