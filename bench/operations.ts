import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { QueryResult } from 'neo4j-driver';
import { cypher, type NamedQuery } from '../src/db/database.js';
import { encodeGlobalID, graphNodeId } from '../src/domain/global-id.js';
import { projectRoot } from './neo4j.js';

/**
 * The operations, each twice here: the GraphQL operation claimgraph serves, and the raw floor, the
 * best single hand-written Cypher query returning the same JSON (only global IDs and cursors, which
 * Cypher cannot base64-encode, are computed in JavaScript). The third implementation,
 * `@neo4j/graphql`'s, is in neo4j-graphql/operations.ts.
 */
export interface RawOperation {
  query: NamedQuery;
  /** The GraphQL `data` the operation answers, from the Cypher result. */
  shape(result: QueryResult, params: Record<string, unknown>): unknown;
  /** Whether lists are compared as sets (neighbourhoods have no defined order). */
  unordered?: boolean;
}

const gid = encodeGlobalID;
/** A drawn node's ID, as claimgraph's GraphNode gives it. */
export const drawnNodeId = (label: string, key: string) => graphNodeId(gid(label, key));

/** Neo4j values as the JSON the API sends: Integers to numbers, dates to strings. */
function plain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object') {
    if ('toNumber' in value && typeof value.toNumber === 'function') return value.toNumber();
    if (value.constructor !== Object) return String(value);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

const first = (result: QueryResult, key: string) => plain(result.records[0]?.get(key));

export const walkQuery = readFileSync(path.join(projectRoot, 'tests/operations/walk.graphql'), 'utf8');

const STANCE_ORDER = "['ASSERTS', 'DENIES', 'DISPUTES', 'CALLS_TO_VERIFY']";

export const raw: Record<string, RawOperation> = {
  walk: {
    query: cypher(
      'raw walk',
      `MATCH (e:Event {id: $id})
       CALL (e) {
         MATCH (e)<-[:ABOUT|STANCE*1..2]-(s:Statement)
         WITH DISTINCT s
         MATCH (o:Outlet)-[:PUBLISHED]->(a:Article)-[:REPORTS]->(s)
         WITH o, a, s, COLLECT { MATCH (s)-[st:STANCE]->(c:Claim)-[:ABOUT]->(e) RETURN {value: st.value, claim: {key: c.id}} ORDER BY c.id } AS stances
         ORDER BY o.name, o.id, a.id, s.id
         WITH o, collect({
           article: {key: a.id},
           statement: {key: s.id, kind: s.kind,
                        speaker: COLLECT { MATCH (s)<-[:MADE]-(x:Actor) RETURN {key: x.id, name: x.name} }[0],
                        onBehalfOf: COLLECT { MATCH (s)-[:ON_BEHALF_OF]->(x:Actor) RETURN {key: x.id} }[0]},
           stances: stances}) AS reports,
           collect(a) AS articles, collect(stances) AS stanceLists
         RETURN collect({
           outlet: {key: o.id, name: o.name, kind: o.kind, stateAffiliation: o.stateAffiliation},
           stances: [v IN ${STANCE_ORDER} WHERE any(l IN stanceLists WHERE any(x IN l WHERE x.value = v))],
           articles: reduce(seen = [], x IN articles | CASE WHEN x IN seen THEN seen ELSE seen + x END),
           reports: reports}) AS coverage
       }
       RETURN {key: e.id, title: e.title,
               coverage: [c IN coverage | c {.*, articles: [x IN c.articles | {key: x.id, title: x.title}]}]} AS event`,
    ),
    shape(result) {
      const event = first(result, 'event') as { key: string; title: string; coverage: Array<{ outlet: { key: string } }> } | null;
      if (!event) return { event: null };
      return {
        event: {
          id: gid('Event', event.key),
          key: event.key,
          title: event.title,
          coverage: event.coverage.map((c) => ({ ...c, outlet: { id: gid('Outlet', c.outlet.key), ...c.outlet } })),
        },
      };
    },
  },

  eventPage: {
    query: cypher(
      'raw event page',
      `MATCH (e:Event {id: $id})
       RETURN {
         key: e.id, title: e.title, kind: e.kind, startDate: toString(e.startDate),
         places: COLLECT { MATCH (e)-[:OCCURRED_IN]->(p:Place) WITH p ORDER BY p.name, p.id RETURN {key: p.id, name: p.name} },
         claims: {
           totalCount: COUNT { MATCH (e)<-[:ABOUT]-(c:Claim) RETURN DISTINCT c },
           edges: COLLECT { MATCH (e)<-[:ABOUT]-(c:Claim) WITH DISTINCT c ORDER BY c.id LIMIT 5
                            RETURN {node: {key: c.id, proposition: c.proposition}} }
         },
         statements: {
           totalCount: COUNT { MATCH (e)<-[:ABOUT|STANCE*1..2]-(s:Statement) RETURN DISTINCT s },
           edges: COLLECT { MATCH (e)<-[:ABOUT|STANCE*1..2]-(s:Statement) WITH DISTINCT s
                            ORDER BY coalesce(toString(s.madeAt), '~'), s.id LIMIT 10
                            RETURN {node: {key: s.id, kind: s.kind, madeAt: toString(s.madeAt),
                                           speaker: COLLECT { MATCH (s)<-[:MADE]-(x:Actor) RETURN {key: x.id, name: x.name} }[0]}} }
         }
       } AS event`,
    ),
    shape: (result) => ({ event: first(result, 'event') }),
  },

  events: {
    // Index-backed: walks Event.startDate in order from the cursor and stops after a page.
    query: cypher(
      'raw events page',
      `MATCH (n:Event)
       WHERE n.startDate >= date($cursorDate)
         AND (n.startDate > date($cursorDate) OR n.id > $cursorId)
         AND n.periodEnd >= date($from)
         AND EXISTS { MATCH (n)-[:OCCURRED_IN]->(:Place)-[:WITHIN*0..]->(:Place {id: $within}) }
       WITH n ORDER BY n.startDate, n.id LIMIT 11
       WITH collect({key: n.id, title: n.title, startDate: toString(n.startDate)}) AS rows
       RETURN {edges: [r IN rows[0..10] | {node: r}], pageInfo: {hasNextPage: size(rows) > 10}} AS events`,
    ),
    shape: (result) => ({ events: first(result, 'events') }),
  },

  actorStatements: {
    query: cypher(
      'raw actor statements',
      `MATCH (a:Actor {id: $id})
       RETURN {
         name: a.name,
         statements: {
           totalCount: COUNT { MATCH (a)-[:MADE]->(s:Statement) },
           edges: COLLECT { MATCH (a)-[:MADE]->(s:Statement) WITH s ORDER BY coalesce(toString(s.madeAt), '~'), s.id LIMIT 20
                            RETURN {node: {key: s.id, kind: s.kind, madeAt: toString(s.madeAt)}} }
         }
       } AS actor`,
    ),
    shape: (result) => ({ actor: first(result, 'actor') }),
  },

  // claimgraph ranks and counts only the TOTAL_COUNT_CAP best hits of every kind (a count that
  // stays flat as the data grows), and says so in totalCountIsLowerBound; the floor does the same.
  search: {
    query: cypher(
      'raw search',
      `CALL db.index.fulltext.queryNodes($index, $lucene, {limit: toInteger($scan)}) YIELD node, score
       WHERE node:Event
       WITH node, score ORDER BY score DESC, node.id
       WITH collect({key: node.id, title: node.title}) AS hits
       RETURN {totalCount: size(hits), edges: [h IN hits[0..10] | {node: {record: h}}]} AS search`,
    ),
    shape: (result) => ({ search: first(result, 'search') }),
  },

  neighborhood: {
    query: cypher(
      'raw neighborhood',
      `MATCH (e:Event {id: $id})
       MATCH p = (e)-[:ABOUT|STANCE|REPORTS*1..2]-(b)
       UNWIND relationships(p) AS r
       WITH collect(DISTINCT r) AS rels, collect(DISTINCT b) + collect(DISTINCT e) AS nodes
       RETURN [n IN nodes | {label: head(labels(n)), key: n.id}] AS nodes,
              [r IN rels | {from: [head(labels(startNode(r))), startNode(r).id], to: [head(labels(endNode(r))), endNode(r).id]}] AS edges`,
    ),
    shape(result) {
      const nodes = first(result, 'nodes') as Array<{ label: string; key: string }>;
      const edges = first(result, 'edges') as Array<{ from: [string, string]; to: [string, string] }>;
      return {
        neighborhood: {
          nodes: [...new Set(nodes.map((n) => drawnNodeId(n.label, n.key)))].map((id) => ({ id })),
          edges: edges.map((r) => ({ source: drawnNodeId(...r.from), target: drawnNodeId(...r.to) })),
          truncated: false,
        },
      };
    },
    unordered: true,
  },

  totalCount: {
    query: cypher(
      'raw total count',
      `MATCH (:Place {id: $within})<-[:WITHIN*0..]-(:Place)<-[:OCCURRED_IN]-(n:Event)
       RETURN count(DISTINCT n) AS total`,
    ),
    shape: (result) => ({ events: { totalCount: first(result, 'total') } }),
  },
};

export const graphql = {
  walk: walkQuery,
  eventPage: `query EventPage($id: ID!) { event(id: $id) { key title kind startDate places { key name }
    claims(first: 5) { totalCount edges { node { key proposition } } }
    statements(first: 10) { totalCount edges { node { key kind madeAt speaker { key name } } } } } }`,
  events: `query Events($within: ID!, $from: String!, $after: String) {
    events(filter: { within: $within, from: $from }, first: 10, after: $after) {
      edges { node { key title startDate } } pageInfo { hasNextPage } } }`,
  eventsCursors: `query EventsCursors($within: ID!, $from: String!, $after: String) {
    events(filter: { within: $within, from: $from }, first: 100, after: $after) { edges { cursor } } }`,
  actorStatements: `query ActorStatements($id: ID!) { actor(id: $id) { name
    statements(first: 20) { totalCount edges { node { key kind madeAt } } } } }`,
  search: `query Search($query: String!) { search(query: $query, kinds: [EVENT], first: 10) {
    totalCount edges { node { record { ... on Event { key title } } } } } }`,
  neighborhood: `query Neighborhood($id: ID!) { neighborhood(id: $id, depth: 2, limit: 500, relationshipTypes: [ABOUT, STANCE, REPORTS]) {
    nodes { id } edges { source target } truncated } }`,
  totalCount: `query TotalCount($within: ID!) { events(filter: { within: $within }) { totalCount } }`,
};

/**
 * One measured case: an operation with its arguments in each implementation (claimgraph's
 * variables, the raw floor's parameters, `@neo4j/graphql`'s variables for its operation of the
 * same name in neo4j-graphql/operations.ts).
 */
export interface Case {
  name: string;
  raw: keyof typeof raw;
  query: string;
  variables: Record<string, unknown>;
  params: Record<string, unknown>;
  neo4jGraphql: Record<string, unknown>;
}

