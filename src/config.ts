import { isIP } from 'node:net';
import { LOG_LEVELS, type LogLevel } from './logger.js';

/**
 * Environment, read and validated once. Every setting has a default that works on a fresh clone:
 * with no NEO4J_URI the project starts its own Neo4j on loopback (see db/local-neo4j.ts).
 */
export interface Neo4jConfig {
  /** Set when the user points at their own server, cluster or Aura; unset means "start the local one". */
  uri: string | undefined;
  user: string;
  password: string;
  database: string;
  localPort: number;
  localDataDir: string;
  localHeap: string;
  localPageCacheMb: number;
  /** Upper bound for one transaction, so no single query runs unbounded in the database. */
  transactionTimeoutMs: number;
  /** How long the driver retries a transaction on transient errors and lost connections. */
  retryTimeoutMs: number;
}

/**
 * Bounds checked on every operation before any resolver (and so any Cypher) runs. Fragment cycles
 * need no setting: GraphQL validation rejects every cycle.
 */
export interface OperationLimits {
  /** Deepest field nesting, fragments included. */
  depth: number;
  /** Aliased fields in one operation. */
  aliases: number;
  /** Lexical tokens in the document; bounds the work of parsing itself. */
  tokens: number;
  /** Directives in one operation. */
  directives: number;
  /** Estimated cost: each field 1, lists and connections multiplied by their page size. */
  cost: number;
  /** Size of a request body: its declared Content-Length, or the bytes read of one sent without. */
  bodyBytes: number;
}

/** Requests per client (API key, else address), as a token bucket. */
export interface RateLimit {
  /** Sustained rate: tokens added per minute. */
  perMinute: number;
  /** Bucket size: how many requests may arrive at once. */
  burst: number;
  /** Whose X-Forwarded-For names the client's address. */
  trustProxy: TrustProxy;
}

/**
 * The proxies in front of the API that may say who the client is. `none`: the address is the
 * connection's, X-Forwarded-For is ignored (anyone can write it). `hops`: that many proxies in
 * front, whatever their addresses. `addresses`: proxies at these addresses or CIDR ranges.
 */
export type TrustProxy = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'addresses'; addresses: string[] };

export interface AppConfig {
  /**
   * NODE_ENV=production: the database must be named (NEO4J_URI), never the embedded one, and the
   * server does not seed it (`claimgraph seed` does, when wanted).
   */
  production: boolean;
  port: number;
  /** The address the API listens on; unset: every interface. */
  host: string | undefined;
  /** API keys allowed to write, as `name:role:sha256hex` entries (see src/http/auth.ts). */
  apiKeys: string | undefined;
  /** Redis for live updates shared by several API instances; unset: in process. */
  redisUrl: string | undefined;
  neo4j: Neo4jConfig;
  limits: OperationLimits;
  rateLimit: RateLimit;
  logLevel: LogLevel;
  /** Whether the schema can be introspected (and GraphiQL served, and "did you mean" suggested). */
  introspection: boolean;
  /** Run only the operations of schema/persisted-operations.json (production), not any query. */
  persistedOperationsOnly: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new ConfigError(`${name} must be a positive whole number, got "${raw}".`);
  }
  return value;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!(values as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${values.join(', ')}, got "${raw}".`);
  }
  return raw as T;
}

/** An address or a CIDR range (`10.0.0.0/8`, `fd00::/8`). */
function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

function trustProxy(env: NodeJS.ProcessEnv): TrustProxy {
  const raw = env.TRUST_PROXY?.trim() ?? '';
  if (raw === '' || raw === 'false' || raw === '0') return { kind: 'none' };
  if (/^\d+$/.test(raw)) return { kind: 'hops', hops: Number(raw) };
  const addresses = raw.split(',').map((entry) => entry.trim());
  const bad = addresses.find((entry) => !isAddressOrRange(entry));
  if (bad !== undefined) {
    throw new ConfigError(
      `TRUST_PROXY must be false, a number of proxies, or a comma-separated list of addresses and CIDR ranges; "${bad}" is none of these.`,
    );
  }
  return { kind: 'addresses', addresses };
}

function boolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  return oneOf(env, name, ['true', 'false'], fallback ? 'true' : 'false') === 'true';
}

/**
 * The Neo4j settings from the `NEO4J_` variables, or from the same names behind `prefix` (the
 * tests read theirs from `TEST_NEO4J_...`, so a user's exported settings never reach them).
 */
export function neo4jConfig(env: NodeJS.ProcessEnv, prefix = ''): Neo4jConfig {
  const name = (setting: string) => `${prefix}NEO4J_${setting}`;
  const uri = env[name('URI')]?.trim() || undefined;
  if (uri && !/^(neo4j|bolt)(\+s|\+ssc)?:\/\//.test(uri)) {
    throw new ConfigError(
      `${name('URI')} must start with neo4j://, neo4j+s://, bolt:// or bolt+s://, got "${uri}".`,
    );
  }
  return {
    uri,
    user: env[name('USER')] ?? 'neo4j',
    password: env[name('PASSWORD')] ?? '',
    database: env[name('DATABASE')]?.trim() || 'neo4j',
    localPort: integer(env, name('LOCAL_PORT'), 7687),
    localDataDir: env[name('LOCAL_DATA')] ?? '.data/neo4j',
    localHeap: env[name('LOCAL_HEAP')] ?? '1g',
    localPageCacheMb: integer(env, name('LOCAL_PAGECACHE_MB'), 512),
    transactionTimeoutMs: integer(env, name('TX_TIMEOUT_MS'), 30_000),
    retryTimeoutMs: integer(env, name('RETRY_TIMEOUT_MS'), 5_000),
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    production: env.NODE_ENV === 'production',
    port: integer(env, 'PORT', 4000),
    host: env.HOST?.trim() || undefined,
    apiKeys: env.API_KEYS,
    redisUrl: env.REDIS_URL?.trim() || undefined,
    neo4j: neo4jConfig(env),
    limits: {
      depth: integer(env, 'LIMIT_DEPTH', 12),
      aliases: integer(env, 'LIMIT_ALIASES', 30),
      tokens: integer(env, 'LIMIT_TOKENS', 3000),
      directives: integer(env, 'LIMIT_DIRECTIVES', 20),
      cost: integer(env, 'LIMIT_COST', 20_000),
      bodyBytes: integer(env, 'LIMIT_BODY_BYTES', 1_000_000),
    },
    rateLimit: {
      perMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 600),
      burst: integer(env, 'RATE_LIMIT_BURST', 100),
      trustProxy: trustProxy(env),
    },
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    introspection: boolean(env, 'GRAPHQL_INTROSPECTION', true),
    persistedOperationsOnly: boolean(env, 'PERSISTED_OPERATIONS_ONLY', false),
  };
}
