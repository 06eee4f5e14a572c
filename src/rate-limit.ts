import { createHash } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { RateLimit } from './config.js';
import { ErrorCode } from './errors.js';

/** Past this many clients, buckets that have refilled completely (idle clients) are dropped. */
const MAX_TRACKED_CLIENTS = 10_000;

interface Bucket {
  tokens: number;
  updated: number;
}

/**
 * One token bucket per client, in this process: `burst` requests at once, refilled at `perMinute`.
 * Several API processes each keep their own, so the effective limit is per process.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limit: RateLimit,
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
 * Who a request counts against: its API key (`Authorization: Bearer`, kept only as a hash), else
 * the address of the connection. Forwarded-for headers are ignored: anyone can write them.
 */
export function clientOf(request: Request, serverContext: unknown): string {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  if (bearer) return `key:${createHash('sha256').update(bearer).digest('hex').slice(0, 32)}`;
  const address = (serverContext as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req?.socket?.remoteAddress;
  return `ip:${address ?? 'unknown'}`;
}

/**
 * Refuses a GraphQL request over its client's rate before it is even parsed: HTTP 429, a
 * `Retry-After` header and one RATE_LIMITED error carrying `retryAfter` (seconds).
 */
export function rateLimiting(limit: RateLimit, graphqlPath = '/graphql'): Plugin {
  const buckets = new TokenBuckets(limit);
  return {
    onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      if (url.pathname !== graphqlPath) return;
      const retryAfter = buckets.take(clientOf(request, serverContext));
      if (retryAfter === 0) return;
      const error = {
        message: `Too many requests: at most ${limit.perMinute} a minute (bursts of ${limit.burst}); retry in ${retryAfter} s.`,
        extensions: { code: ErrorCode.RateLimited, retryAfter },
      };
      endResponse(
        fetchAPI.Response.json({ errors: [error] }, { status: 429, headers: { 'retry-after': String(retryAfter) } }),
      );
    },
  };
}
