import { Redis } from 'ioredis';

/** How long a request waits for Redis (connecting included) before going on without it. */
const REDIS_COMMAND_TIMEOUT_MS = 250;

/**
 * A Redis client for what a request may do without (a shared rate limit, a shared registry of
 * operations): no retries, each command given up after REDIS_COMMAND_TIMEOUT_MS, connection errors
 * left to the callers' fallbacks rather than logged per attempt. Live updates need delivery, not
 * speed, and keep their own clients (live.ts).
 */
export function failFastRedis(url: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 0, commandTimeout: REDIS_COMMAND_TIMEOUT_MS });
  redis.on('error', () => {});
  return redis;
}
