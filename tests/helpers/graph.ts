import { cypher, type Database } from '../../src/db/database.js';
import { toPlain } from '../../src/db/values.js';
import { seed } from '../../src/ingest/bundle.js';
import { TEST_DATABASE_MARKER } from './test-database.js';

const dump = cypher(
  'test: snapshot',
  `CALL () {
     MATCH (n) RETURN 'node' AS kind, labels(n)[0] + ':' + CASE WHEN n:AuditEntry THEN n.action + ' ' + n.key ELSE n.id END AS key, properties(n) AS props
     UNION ALL
     MATCH (a)-[r]->(b)
     RETURN 'rel' AS kind, labels(a)[0] + ':' + a.id + '-' + type(r) + '->' + labels(b)[0] + ':' + b.id AS key, properties(r) AS props
   }
   RETURN kind, key, props ORDER BY kind, key`,
);

/** When a record was written, not what it says: two runs that write the same graph differ only here. */
const WRITE_TIMES = ['at', 'proposedAt', 'decidedAt'];

/**
 * Every node and relationship with its properties, in a stable order: equal snapshots, equal
 * graphs. Audit entries are named by action and key (their ids are random), and the times of
 * writing are left out.
 */
export async function snapshot(db: Database): Promise<unknown[]> {
  const result = await db.read(dump);
  return result.records.map((record) => {
    const row = toPlain(record.toObject()) as { kind: string; key: string; props: Record<string, unknown> };
    const props = Object.fromEntries(Object.entries(row.props).filter(([name]) => !WRITE_TIMES.includes(name) && !(row.key.startsWith('AuditEntry:') && name === 'id')));
    return { ...row, props };
  });
}

const wipe = cypher('test: wipe all but the marker', `MATCH (n) WHERE NOT n:${TEST_DATABASE_MARKER} DETACH DELETE n`);

/** Back to the seed alone, as the global setup left the database: for tests whose imports reach the seed's records. */
export async function restoreSeed(db: Database): Promise<void> {
  await db.write(wipe);
  await seed(db, () => {});
}
