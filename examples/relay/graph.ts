/**
 * Relay over claimgraph: reads an event, then draws its neighbourhood, both through one Relay
 * store, and reads the event back from the store. Relay keys its store by ID alone, so this shows
 * the graph's nodes do not overwrite the records they draw. relay-compiler
 * (`npx relay-compiler examples/relay/relay.config.json`) compiles the documents below against
 * schema/schema.graphql into __generated__.
 *
 *   npx tsx examples/relay/graph.ts http://localhost:4000/graphql [EVENT_ID]
 */
import {
  createOperationDescriptor,
  Environment,
  fetchQuery,
  Network,
  RecordSource,
  Store,
  type ConcreteRequest,
  type GraphQLResponse,
} from 'relay-runtime';
import graphEventQuery, { type graphEventQuery as EventQuery } from './__generated__/graphEventQuery.graphql.js';
import graphNeighborhoodQuery, { type graphNeighborhoodQuery as NeighborhoodQuery } from './__generated__/graphNeighborhoodQuery.graphql.js';

const DAQUQ_STRIKE = 'RXZlbnQ6ZGFxdXEtYWlyc3RyaWtlLTIwMTYtMTAtMjE';
const artifacts: Record<string, ConcreteRequest> = { graphEventQuery, graphNeighborhoodQuery };

/**
 * What babel-plugin-relay does at build time, done at run time (tsx runs no Babel): a document
 * tagged graphql`...` stands for the artifact relay-compiler wrote for it.
 */
function graphql(source: TemplateStringsArray): ConcreteRequest {
  const name = /(?:query|mutation|subscription)\s+(\w+)/.exec(source[0]!)?.[1];
  const artifact = name === undefined ? undefined : artifacts[name];
  if (!artifact) throw new Error(`no artifact for ${name}: run npx relay-compiler examples/relay/relay.config.json`);
  return artifact;
}

const eventQuery = graphql`
  query graphEventQuery($id: ID!) {
    event(id: $id) { id title kind }
  }
`;

const neighborhoodQuery = graphql`
  query graphNeighborhoodQuery($id: ID!) {
    neighborhood(id: $id, depth: 1) {
      nodes { id kind label record { id } }
      edges { id type source target }
    }
  }
`;

function environment(url: string): Environment {
  const network = Network.create(async (operation, variables) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: operation.text, variables }),
    });
    return (await response.json()) as GraphQLResponse;
  });
  return new Environment({ network, store: new Store(new RecordSource()) });
}

async function main([url, id = DAQUQ_STRIKE]: string[]): Promise<void> {
  if (!url) throw new Error('usage: npx tsx examples/relay/graph.ts URL [EVENT_ID]  (URL like http://localhost:4000/graphql)');
  const relay = environment(url);
  await fetchQuery<EventQuery>(relay, eventQuery, { id }).toPromise();
  const graph = await fetchQuery<NeighborhoodQuery>(relay, neighborhoodQuery, { id }).toPromise();
  // The event as the store holds it after the neighbourhood was written into the same store.
  const event = relay.lookup(createOperationDescriptor(eventQuery, { id }).fragment).data as EventQuery['response'];
  console.log(`${event.event?.title} (${event.event?.kind}): ${graph?.neighborhood.nodes.length} nodes, ${graph?.neighborhood.edges.length} edges around it`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
