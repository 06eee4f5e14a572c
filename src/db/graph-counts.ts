import { cypher, type Database } from './database.js';
import { Label } from '../domain/graph.js';
// The record declarations are data (no GraphQL, no database): the counts follow them.
import { contentLabels, recordsByLabel } from '../modules/records.js';

/** How long counts are trusted without a write through this process (another process may import). */
export const GRAPH_COUNTS_TTL_MS = 30_000;

const typenameOf = (label: Label): string => (recordsByLabel as Partial<Record<Label, { typename: string }>>)[label]?.typename ?? label;

/**
 * One count per kind of record, each read from Neo4j's count store (constant time, whatever the
 * graph holds). As COUNT subqueries: the same counts as a UNION of `MATCH (n:L) RETURN count(n)`
 * are planned as label scans, which read every node of the graph (465,886 db hits at 20k events).
 */
const countsQuery = cypher(
  'graph counts',
  `UNWIND [${contentLabels.map((label) => `{typename: '${typenameOf(label)}', count: COUNT { (n:${label}) }}`).join(', ')}] AS row
   RETURN row.typename AS typename, row.count AS count`,
);

interface Cached {
  counts: Promise<ReadonlyMap<string, number> | null>;
  at: number;
  writes: number;
}

const cache = new WeakMap<Database, Cached>();

/**
 * How many records of each kind (by GraphQL typename) the graph holds, for the cost model: cached,
 * refreshed after a write through the same Database or after GRAPH_COUNTS_TTL_MS. Null when the
 * database cannot say (it is away): the cost model then assumes nothing about the graph.
 */
export function graphCounts(db: Database, now = Date.now()): Promise<ReadonlyMap<string, number> | null> {
  const cached = cache.get(db);
  if (cached && cached.writes === db.writes && now - cached.at < GRAPH_COUNTS_TTL_MS) return cached.counts;
  const counts = db.read(countsQuery).then(
    (result) => new Map(result.records.map((record) => [record.get('typename') as string, Number(record.get('count'))])),
    () => {
      cache.delete(db);
      return null;
    },
  );
  cache.set(db, { counts, at: now, writes: db.writes });
  return counts;
}
