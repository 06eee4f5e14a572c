import { Neo4jGraphQL } from '@neo4j/graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createYoga } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';
import type { Database } from '../../src/db/database.js';
import { benchRoot } from '../neo4j.js';
import { NEO4J_GRAPHQL_PATH } from './operations.js';


/**
 * `@neo4j/graphql` served as its documentation shows it (the library's schema in a plain Yoga, no
 * plugins), over the same driver as claimgraph and the raw floor. `roundTrips()` tells how many
 * Cypher queries the last request ran: the library opens one session per query, so counting
 * sessions counts them.
 */
export async function neo4jGraphqlServer(db: Database) {
  const typeDefs = readFileSync(path.join(benchRoot, 'neo4j-graphql', 'type-defs.graphql'), 'utf8');
  const schema = await new Neo4jGraphQL({ typeDefs, driver: db.driver }).getSchema();
  let last = { sessions: 0 };
  const yoga = createYoga({
    schema,
    graphqlEndpoint: NEO4J_GRAPHQL_PATH,
    graphiql: false,
    logging: false,
    context: () => {
      const counter = { sessions: 0 };
      last = counter;
      const executionContext: Pick<Driver, 'session'> = {
        session: (config) => {
          counter.sessions++;
          return db.driver.session(config);
        },
      };
      return { executionContext, sessionConfig: { database: db.name } };
    },
  });
  return { yoga, roundTrips: () => last.sessions };
}
