import type { QueryResult } from 'neo4j-driver';
import type { Principal } from './http/auth.js';
import type { Database, NamedQuery, Params } from './db/database.js';
import type { Live } from './http/live.js';

/**
 * What resolvers see: built fresh for every request, so loaders (which Pothos keys to this
 * object) never leak data between requests. `queries` records each Cypher round trip by name.
 */
export interface Context {
  read(query: NamedQuery, params?: Params): Promise<QueryResult>;
  write(query: NamedQuery, params?: Params): Promise<QueryResult>;
  db: Database;
  queries: string[];
  /** Names this request in the logs and in the errors a client sees (`extensions.requestId`). */
  requestId: string;
  /** Who is asking, from the request's API key. */
  principal: Principal;
  /** Where writes announce themselves to subscribers. */
  live: Live;
  /**
   * What the cost model knows of the graph, set just before an operation is measured: records of
   * each kind by typename (see db/graph-counts.ts), and the root fields, charged as asked.
   */
  graphSize?: GraphSize;
}

export interface GraphSize {
  counts: ReadonlyMap<string, number>;
  roots: ReadonlySet<unknown>;
}

export function createContext(db: Database, request: Pick<Context, 'requestId' | 'principal' | 'live'>): Context {
  const queries: string[] = [];
  const observe = (name: string) => queries.push(name);
  return {
    db,
    queries,
    ...request,
    read: (query, params) => db.read(query, params, observe),
    write: (query, params) => db.write(query, params, observe),
  };
}
