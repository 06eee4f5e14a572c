import { neo4jConfig, type Neo4jConfig } from '../../src/config.js';
import { cypher, type Database } from '../../src/db/database.js';

/**
 * The tests' database settings, from `TEST_NEO4J_...` only: the development variables a user
 * exports (NEO4J_URI, NEO4J_LOCAL_PORT, ...) must never point the tests, which empty their
 * database, at the user's data. Unset, the tests start their own Neo4j on port 7688 with its data
 * in .data/neo4j-test.
 */
export function testNeo4jConfig(env: NodeJS.ProcessEnv = process.env): Neo4jConfig {
  return neo4jConfig(
    {
      TEST_NEO4J_LOCAL_PORT: '7688',
      TEST_NEO4J_LOCAL_DATA: '.data/neo4j-test',
      TEST_NEO4J_LOCAL_HEAP: '768m',
      TEST_NEO4J_LOCAL_PAGECACHE_MB: '256',
      ...env,
    },
    'TEST_',
  );
}

/** The label of the one node that says the tests made this database theirs, and may empty it. */
export const TEST_DATABASE_MARKER = 'ClaimgraphTestDatabase';

const inspect = cypher(
  'test: whose database',
  `RETURN EXISTS { MATCH (:${TEST_DATABASE_MARKER}) } AS marked, COUNT { MATCH (n) } AS nodes`,
);
const mark = cypher('test: mark the test database', `MERGE (:${TEST_DATABASE_MARKER})`);

export class NotATestDatabaseError extends Error {
  override name = 'NotATestDatabaseError';
}

/**
 * Refuses a database that holds data but not the tests' marker: the tests did not create it, so
 * it may be someone's, and emptying it would lose their data. An empty database may be claimed.
 */
export async function refuseUnlessTestDatabase(db: Database, where: string): Promise<void> {
  const record = (await db.read(inspect)).records[0]!;
  const nodes = Number(record.get('nodes'));
  if (record.get('marked') !== true && nodes > 0) {
    throw new NotATestDatabaseError(
      `${where} holds ${nodes} nodes and no (:${TEST_DATABASE_MARKER}) marker, so the tests did not create it and will not empty it. ` +
        'Point TEST_NEO4J_URI, or TEST_NEO4J_LOCAL_PORT and TEST_NEO4J_LOCAL_DATA, at an empty database ' +
        '(a .data/neo4j-test made before the tests marked their database can be deleted).',
    );
  }
}

const wipeAllButMarker = cypher(
  'test: wipe',
  `MATCH (n) WHERE NOT n:${TEST_DATABASE_MARKER} CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`,
);

/**
 * Marks the database as the tests' (once the check above allows it), then empties it but for the
 * marker, so a wipe cut short still leaves it marked. The only way the tests empty a database.
 */
export async function claimTestDatabase(db: Database, where: string): Promise<void> {
  await refuseUnlessTestDatabase(db, where);
  await markTestDatabase(db);
  // CALL ... IN TRANSACTIONS needs an implicit transaction, which the Database's read/write do not open.
  const session = db.driver.session({ database: db.name });
  try {
    await session.run(wipeAllButMarker.cypher);
  } finally {
    await session.close();
  }
}

export async function markTestDatabase(db: Database): Promise<void> {
  await db.write(mark);
}
