import neo4j, {
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  type Record as Neo4jRecord,
  Neo4jError,
} from 'neo4j-driver';
import net from 'node:net';
import type { Neo4jConfig } from '../config.js';
import { clientError, ErrorCode } from '../domain/errors.js';

/** Parameters of a Cypher query; values only, never labels or types (see graph.ts). */
export type Params = Record<string, unknown>;

/** Called once per Cypher round trip, with the query's name; tests and logs count these. */
export type QueryObserver = (name: string) => void;

/** One named, parameterized Cypher statement. The name travels into Neo4j's query log too. */
export interface NamedQuery {
  name: string;
  cypher: string;
}

export function cypher(name: string, text: string): NamedQuery {
  return { name, cypher: `// ${name}\n${text.trim()}` };
}

let nagleDisabled = false;

/**
 * neo4j-driver opens its Bolt sockets with Nagle's algorithm on (it sets only keep-alive), so a
 * request written in two small pieces waits for the server's delayed ACK before its second piece
 * leaves: a steady 40 ms added to queries that take 1 ms (measured on the walk; the other official
 * Neo4j drivers set TCP_NODELAY for this reason). The driver offers no socket option, so every TCP
 * socket this process connects gets TCP_NODELAY, as Node's own HTTP client already does.
 */
function disableNagle(): void {
  if (nagleDisabled) return;
  nagleDisabled = true;
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: Parameters<typeof connect>) {
    this.setNoDelay(true);
    return connect.apply(this, args);
  } as typeof connect;
}

/**
 * The one choke point between the application and Neo4j: one driver per process, the database
 * always named, reads in read transactions (routed to followers on a cluster), writes in write
 * transactions (retried by the driver on transient errors), and driver errors mapped to typed errors.
 */
export class Database {
  readonly driver: Driver;
  readonly name: string;
  private readonly timeoutMs: number;
  /**
   * Set when a round trip found the database unreachable, cleared by the next one that reaches
   * it. While set, each transaction is preceded by one connection attempt without retries, so
   * requests fail at once instead of each retrying for `retryTimeoutMs`, and the first attempt
   * that connects again brings the API back by itself.
   */
  private unreachable = false;
  /** Counts the write transactions begun through this object, so caches of what the graph holds know when to refresh. */
  writes = 0;
  /**
   * The bookmarks of this process's transactions, passed to each next one: on a cluster a read
   * routed to a follower then waits until that follower has applied this process's writes, so a
   * mutation's answer (read after it) and the next request never miss the write (causal consistency).
   */
  readonly bookmarks = neo4j.bookmarkManager();

  constructor(
    uri: string,
    config: Pick<Neo4jConfig, 'user' | 'password' | 'database' | 'transactionTimeoutMs' | 'retryTimeoutMs'>,
  ) {
    disableNagle();
    // No password means a server without auth (the local one on loopback).
    const auth = config.password ? neo4j.auth.basic(config.user, config.password) : undefined;
    this.driver = neo4j.driver(uri, auth, {
      // Fail fast while the database is away instead of queueing for the default 60 s.
      connectionAcquisitionTimeout: 10_000,
      connectionTimeout: 5_000,
      maxTransactionRetryTime: config.retryTimeoutMs,
      disableLosslessIntegers: false,
      userAgent: 'claimgraph/0.1',
    });
    this.name = config.database;
    this.timeoutMs = config.transactionTimeoutMs;
  }

  async read(query: NamedQuery, params: Params = {}, observe?: QueryObserver): Promise<QueryResult> {
    observe?.(query.name);
    return this.run('READ', (tx) => tx.run(query.cypher, params));
  }

  async write(query: NamedQuery, params: Params = {}, observe?: QueryObserver): Promise<QueryResult> {
    observe?.(query.name);
    return this.run('WRITE', (tx) => tx.run(query.cypher, params));
  }

  /**
   * A write that commits its own batches (`CALL { ... } IN TRANSACTIONS`), which Neo4j runs only in
   * an auto-commit transaction: a backfill too large for one transaction (millions of records). Not
   * retried, so it must be safe to run again from the start.
   */
  async writeInBatches(query: NamedQuery, params: Params = {}, observe?: QueryObserver): Promise<void> {
    observe?.(query.name);
    this.writes++;
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.WRITE, bookmarkManager: this.bookmarks });
    try {
      // Zero: no timeout, neither the client's nor the server's default (which would stop a long backfill).
      await session.run(query.cypher, params, { timeout: 0 });
    } catch (error) {
      throw this.observe(error);
    } finally {
      await session.close();
    }
  }

  /** Several writes that must land together or not at all (a bundle import, say). */
  async writeTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.run('WRITE', work);
  }

  private async run<T>(mode: 'READ' | 'WRITE', work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    if (mode === 'WRITE') this.writes++;
    const session = this.driver.session({
      database: this.name,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
    });
    const txConfig = { timeout: this.timeoutMs };
    try {
      if (this.unreachable) await this.verify();
      const result =
        mode === 'READ' ? await session.executeRead(work, txConfig) : await session.executeWrite(work, txConfig);
      this.unreachable = false;
      return result;
    } catch (error) {
      throw this.observe(error);
    } finally {
      await session.close();
    }
  }

  /** One connection attempt, no retries: the readiness check, and the probe while unreachable. */
  async verify(): Promise<void> {
    try {
      await this.driver.verifyConnectivity({ database: this.name });
      this.unreachable = false;
    } catch (error) {
      throw this.observe(error);
    }
  }

  /** Notes whether a failure means the database is away, and maps it for the caller. */
  private observe(error: unknown): unknown {
    if (isUnreachable(error)) this.unreachable = true;
    return mapDriverError(error);
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}

/** The driver's errors for a database it cannot reach: down, restarting, or its connection lost. */
function isUnreachable(error: unknown): boolean {
  if (!(error instanceof Neo4jError)) return false;
  const code = error.code ?? '';
  return code === 'ServiceUnavailable' || code === 'SessionExpired' || code.includes('DatabaseUnavailable');
}

const MEMORY_LIMIT_CODES = [
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  'Neo.ClientError.General.TransactionOutOfMemoryError',
  'Neo.TransientError.General.OutOfMemoryError',
];

/** Neo4j's status code of a failure, as the driver raised it or as mapDriverError passed it on (`cause`). */
function statusOf(error: unknown): string {
  const code = error instanceof Neo4jError ? error.code : (error as { extensions?: { cause?: unknown } })?.extensions?.cause;
  return typeof code === 'string' ? code : '';
}

/**
 * Whether Neo4j stopped a transaction for the memory it asked (as the driver raised it, or as
 * mapDriverError gave it to the caller): the same query would fail again, a smaller one may not.
 */
export function isOverMemoryLimit(error: unknown): boolean {
  // A query that fills the JVM's heap before any limit stops it comes back as a failed statement.
  return MEMORY_LIMIT_CODES.includes(statusOf(error)) || (error instanceof Neo4jError && /Java heap space/.test(error.message));
}

/**
 * Whether Neo4j stopped a transaction at its timeout: a running query with TransactionTimedOut...,
 * one waiting for a lock another write holds with LockClientStopped (the driver retries neither).
 */
export function isTimedOut(error: unknown): boolean {
  const code = statusOf(error);
  return code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || code === 'Neo.ClientError.Transaction.LockClientStopped';
}

/**
 * A read over many items (`UNWIND $<param>`) as one query, or, when Neo4j stops it for the memory
 * it asks (matching a dense cluster: thousands of events on one city's centroid within days), as
 * two halves, and so on down to one item a read. The records of all, in the items' order.
 */
export async function readInParts(
  db: Pick<Database, 'read'>,
  query: NamedQuery,
  param: string,
  items: readonly unknown[],
  params: Params = {},
): Promise<Neo4jRecord[]> {
  try {
    return (await db.read(query, { ...params, [param]: items })).records;
  } catch (error) {
    if (!isOverMemoryLimit(error) || items.length < 2) throw error;
    const half = Math.ceil(items.length / 2);
    const first = await readInParts(db, query, param, items.slice(0, half), params);
    return [...first, ...(await readInParts(db, query, param, items.slice(half), params))];
  }
}

/** Driver failures as errors a client (or a person at a terminal) can act on. */
export function mapDriverError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  const code = error.code ?? '';
  if (isUnreachable(error)) {
    return clientError(ErrorCode.ServiceUnavailable, 'The graph database is unavailable; try again shortly.', {
      cause: code,
    });
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return clientError(ErrorCode.Conflict, 'The write conflicts with an existing record (a unique key is taken).', {
      cause: code,
    });
  }
  if (code === 'Neo.ClientError.Security.Unauthorized') {
    return new DatabaseSetupError(
      'Neo4j refused the credentials: set NEO4J_USER and NEO4J_PASSWORD to a valid user of that server.',
    );
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new DatabaseSetupError(
      'That Neo4j has no such database: set NEO4J_DATABASE to an existing one (Community has only "neo4j").',
    );
  }
  if (isOverMemoryLimit(error)) {
    return clientError(
      ErrorCode.LimitExceeded,
      'The query needed more memory than the graph database allows a transaction (dbms.memory.transaction.total.max or db.memory.transaction.max, within its heap): ask for less at once, or raise the limit.',
      { cause: MEMORY_LIMIT_CODES.includes(code) ? code : 'Neo.TransientError.General.OutOfMemoryError' },
    );
  }
  if (isTimedOut(error)) {
    return clientError(ErrorCode.ServiceUnavailable, 'The query took too long and was stopped.', { cause: code });
  }
  return error;
}

/** A misconfiguration a person must fix; printed as one sentence, never a stack trace. */
export class DatabaseSetupError extends Error {
  override name = 'DatabaseSetupError';
}
