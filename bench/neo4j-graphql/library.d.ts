/**
 * The part of `@neo4j/graphql` the benchmark uses. The library is the benchmark's dependency, not
 * the product's (bench/package.json, installed by `npm run bench`), so `npm run typecheck` on the
 * product's install alone must not need its own types.
 */
declare module '@neo4j/graphql' {
  import type { GraphQLSchema } from 'graphql';
  import type { Driver } from 'neo4j-driver';

  export class Neo4jGraphQL {
    constructor(input: { typeDefs: string; driver?: Driver });
    getSchema(): Promise<GraphQLSchema>;
  }
}
