import { cypher, type Database } from '../../src/db/database.js';
import { toPlain } from '../../src/db/values.js';

const dump = cypher(
  'test: snapshot',
  `CALL () {
     MATCH (n) RETURN 'node' AS kind, labels(n)[0] + ':' + n.id AS key, properties(n) AS props
     UNION ALL
     MATCH (a)-[r]->(b)
     RETURN 'rel' AS kind, labels(a)[0] + ':' + a.id + '-' + type(r) + '->' + labels(b)[0] + ':' + b.id AS key, properties(r) AS props
   }
   RETURN kind, key, props ORDER BY kind, key`,
);

/** Every node and relationship with its properties, in a stable order: equal snapshots, equal graphs. */
export async function snapshot(db: Database): Promise<unknown[]> {
  const result = await db.read(dump);
  return result.records.map((record) => toPlain(record.toObject()));
}
