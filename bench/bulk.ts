import neo4j from 'neo4j-driver';
import { cypher, type Database } from '../src/db/database.js';

/** How `npm run bench:data -- --check` compares a store built by neo4j-admin import with one written through the write path. */

const allNodes = cypher('bench: every node', 'MATCH (n) RETURN labels(n) AS labels, properties(n) AS props');
const allRelationships = cypher(
  'bench: every relationship',
  'MATCH (a)-[r]->(b) RETURN labels(a) AS from, a.id AS fromId, type(r) AS type, properties(r) AS props, labels(b) AS to, b.id AS toId',
);

/** Values with their Neo4j types spelled out, so an integer and a float (or a date and a string) differ. */
function typed(value: unknown): unknown {
  if (neo4j.isInt(value)) return `int:${value.toString()}`;
  if (neo4j.isDate(value as object) || neo4j.isPoint(value as object)) return `${(value as object).constructor.name}:${String(value)}`;
  if (Array.isArray(value)) return value.map(typed);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, typed(v)]));
  }
  return typeof value === 'number' ? `float:${value}` : value;
}

/** Every node and relationship as one sorted line each: two graphs are equal when their dumps are. */
export async function dumpGraph(db: Database): Promise<string[]> {
  const lines = [
    ...(await db.read(allNodes)).records.map((r) => JSON.stringify(typed(r.toObject()))),
    ...(await db.read(allRelationships)).records.map((r) => JSON.stringify(typed(r.toObject()))),
  ];
  return lines.sort();
}
