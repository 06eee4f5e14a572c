import { afterAll, describe, expect, it } from 'vitest';
import { cypher } from '../src/db/database.js';
import { testApi } from './helpers/api.js';
import { markTestDatabase, NotATestDatabaseError, refuseUnlessTestDatabase, TEST_DATABASE_MARKER, testNeo4jConfig } from './helpers/test-database.js';

const api = testApi();
afterAll(() => api.close());

describe('the tests never empty a database that is not theirs', () => {
  it('read their settings from TEST_NEO4J_ variables only, whatever development settings are exported', () => {
    const developer = {
      NEO4J_URI: 'bolt://127.0.0.1:7687',
      NEO4J_USER: 'me',
      NEO4J_PASSWORD: 'secret',
      NEO4J_DATABASE: 'mine',
      NEO4J_LOCAL_PORT: '7687',
      NEO4J_LOCAL_DATA: '.data/neo4j',
    };
    expect(testNeo4jConfig(developer)).toMatchObject({
      uri: undefined,
      user: 'neo4j',
      password: '',
      database: 'neo4j',
      localPort: 7688,
      localDataDir: '.data/neo4j-test',
    });
    const tests = {
      ...developer,
      TEST_NEO4J_URI: 'neo4j+s://tests.example.org',
      TEST_NEO4J_USER: 'ci',
      TEST_NEO4J_PASSWORD: 'ci-secret',
      TEST_NEO4J_DATABASE: 'claimgraph-tests',
      TEST_NEO4J_LOCAL_PORT: '7799',
      TEST_NEO4J_LOCAL_DATA: '/tmp/claimgraph-tests',
    };
    expect(testNeo4jConfig(tests)).toMatchObject({
      uri: 'neo4j+s://tests.example.org',
      user: 'ci',
      password: 'ci-secret',
      database: 'claimgraph-tests',
      localPort: 7799,
      localDataDir: '/tmp/claimgraph-tests',
    });
  });

  it('accept the database the setup marked as theirs', async () => {
    await expect(refuseUnlessTestDatabase(api.db, 'the test database')).resolves.toBeUndefined();
  });

  it('refuse a database holding data without their marker, and leave it as it was', async () => {
    const count = cypher('test: count nodes', 'MATCH (n) RETURN count(n) AS nodes');
    const nodes = async () => Number((await api.db.read(count)).records[0]!.get('nodes'));
    await api.db.write(cypher('test: unmark the test database', `MATCH (m:${TEST_DATABASE_MARKER}) DELETE m`));
    try {
      const before = await nodes();
      expect(before).toBeGreaterThan(0);
      const refusal = refuseUnlessTestDatabase(api.db, 'bolt://somewhere (database neo4j)');
      await expect(refusal).rejects.toThrow(NotATestDatabaseError);
      await expect(refusal).rejects.toThrow(`bolt://somewhere (database neo4j) holds ${before} nodes and no (:${TEST_DATABASE_MARKER}) marker`);
      expect(await nodes()).toBe(before);
    } finally {
      await markTestDatabase(api.db);
    }
  });
});
