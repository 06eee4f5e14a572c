import { encodeGlobalID as gid } from '../../src/domain/global-id.js';
import { TOTAL_COUNT_CAP } from '../../src/modules/search/search.cypher.js';
import { StanceValues } from '../../src/domain/vocabulary.js';
import { drawnNodeId as nodeId, type raw } from '../operations.js';

/** Where the benchmark serves `@neo4j/graphql`, beside claimgraph and the raw floor. */
export const NEO4J_GRAPHQL_PATH = '/neo4j-graphql';

/**
 * The operations as a user of `@neo4j/graphql` writes them against type-defs.graphql, each with
 * the reshaping that turns the library's answer into claimgraph's `data`, so that the benchmark can
 * check all three implementations return the same records. The reshaping runs in the benchmark,
 * not in the timed server: a client of the library would do it on its side.
 *
 * Where claimgraph has one field over a union of paths (an event's statements: about it, or taking
 * a stance on one of its claims), the library gets both paths (the walk) or a root connection with
 * an OR of relationship filters (the event page, which pages and counts the union): that second
 * root field is a second Cypher query.
 */
export interface Neo4jGraphqlOperation {
  query: string;
  /** Each operation declares the `data` of its own query. */
  reshape(data: never): unknown;
}

interface Actor {
  id: string;
  name: string;
}

interface ReportStatement {
  id: string;
  kind: string;
  speaker: Actor[];
  onBehalfOf: Array<{ id: string }>;
  reportedIn: Array<{ id: string; title: string; outlet: Array<{ id: string; name: string; kind: string; stateAffiliation: string | null }> }>;
  stancesConnection: { edges: Array<{ properties: { value: string }; node: { id: string } }> };
}

interface Connection<T> {
  totalCount: number;
  edges: Array<{ node: T }>;
}

/** Cypher's ORDER BY on strings: by code unit, not by locale. */
const byKeys =
  <T>(...keys: Array<(x: T) => string>) =>
  (a: T, b: T) => {
    for (const key of keys) {
      const [x, y] = [key(a), key(b)];
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };

/** claimgraph's to-one fields are the library's lists of at most one. */
const speaker = (s: { speaker: Actor[] }) => (s.speaker[0] ? { key: s.speaker[0].id, name: s.speaker[0].name } : null);

const STANCE_ORDER = Object.keys(StanceValues);

const reportFields = `
  id kind
  speaker { id name }
  onBehalfOf { id }
  reportedIn { id title outlet { id name kind stateAffiliation } }
  stancesConnection(where: { node: { event: { some: { id: { eq: $id } } } } }) { edges { properties { value } node { id } } }`;

export const neo4jGraphql: Record<keyof typeof raw, Neo4jGraphqlOperation> = {
  walk: {
    query: `query Walk($id: ID!) { events(where: { id: { eq: $id } }) { id title
      statementsAbout { ${reportFields} }
      claims { stances { ${reportFields} } } } }`,
    reshape(data: { events: Array<{ id: string; title: string; statementsAbout: ReportStatement[]; claims: Array<{ stances: ReportStatement[] }> }> }) {
      const event = data.events[0];
      if (!event) return { event: null };
      const statements = new Map([...event.statementsAbout, ...event.claims.flatMap((c) => c.stances)].map((s) => [s.id, s]));
      const rows = [...statements.values()]
        .flatMap((s) => s.reportedIn.flatMap((a) => a.outlet.map((o) => ({ o, a, s }))))
        .sort(byKeys((r) => r.o.name, (r) => r.o.id, (r) => r.a.id, (r) => r.s.id));
      const coverage = new Map<string, { outlet: object; stances: string[]; articles: Array<{ key: string; title: string }>; reports: object[] }>();
      for (const { o, a, s } of rows) {
        let c = coverage.get(o.id);
        if (!c) {
          c = { outlet: { id: gid('Outlet', o.id), key: o.id, name: o.name, kind: o.kind, stateAffiliation: o.stateAffiliation }, stances: [], articles: [], reports: [] };
          coverage.set(o.id, c);
        }
        if (!c.articles.some((x) => x.key === a.id)) c.articles.push({ key: a.id, title: a.title });
        const stances = s.stancesConnection.edges
          .map((e) => ({ value: e.properties.value, claim: { key: e.node.id } }))
          .sort(byKeys((x) => x.claim.key));
        for (const { value } of stances) if (!c.stances.includes(value)) c.stances.push(value);
        c.reports.push({
          article: { key: a.id },
          statement: { key: s.id, kind: s.kind, speaker: speaker(s), onBehalfOf: s.onBehalfOf[0] ? { key: s.onBehalfOf[0].id } : null },
          stances,
        });
      }
      for (const c of coverage.values()) c.stances.sort((x, y) => STANCE_ORDER.indexOf(x) - STANCE_ORDER.indexOf(y));
      return { event: { id: gid('Event', event.id), key: event.id, title: event.title, coverage: [...coverage.values()] } };
    },
  },

  eventPage: {
    query: `query EventPage($id: ID!) {
      events(where: { id: { eq: $id } }) { id title kind startDate
        places(sort: [{ name: ASC }, { id: ASC }]) { id name }
        claimsConnection(first: 5, sort: [{ node: { id: ASC } }]) { totalCount edges { node { id proposition } } } }
      statementsConnection(
        where: { OR: [{ about: { some: { id: { eq: $id } } } }, { stances: { some: { event: { some: { id: { eq: $id } } } } } }] }
        sort: [{ madeAt: ASC }, { id: ASC }], first: 10
      ) { totalCount edges { node { id kind madeAt speaker { id name } } } } }`,
    reshape(data: {
      events: Array<{
        id: string;
        title: string;
        kind: string;
        startDate: string;
        places: Array<{ id: string; name: string }>;
        claimsConnection: Connection<{ id: string; proposition: string }>;
      }>;
      statementsConnection: Connection<{ id: string; kind: string; madeAt: string | null; speaker: Actor[] }>;
    }) {
      const e = data.events[0];
      if (!e) return { event: null };
      const statements = data.statementsConnection;
      return {
        event: {
          key: e.id,
          title: e.title,
          kind: e.kind,
          startDate: e.startDate,
          places: e.places.map((p) => ({ key: p.id, name: p.name })),
          claims: {
            totalCount: e.claimsConnection.totalCount,
            edges: e.claimsConnection.edges.map(({ node }) => ({ node: { key: node.id, proposition: node.proposition } })),
          },
          statements: {
            totalCount: statements.totalCount,
            edges: statements.edges.map(({ node }) => ({ node: { key: node.id, kind: node.kind, madeAt: node.madeAt, speaker: speaker(node) } })),
          },
        },
      };
    },
  },

  // The place hierarchy has no fixed depth, and the library filters on no variable-length path:
  // `withinPlaceIds` is a @cypher field (type-defs.graphql).
  events: {
    query: `query Events($within: ID!, $from: Date!, $after: String) {
      eventsConnection(where: { withinPlaceIds: { includes: $within }, periodEnd: { gte: $from } },
                       sort: [{ startDate: ASC }, { id: ASC }], first: 10, after: $after) {
        edges { node { id title startDate } } pageInfo { hasNextPage } } }`,
    reshape: (data: { eventsConnection: { edges: Array<{ node: { id: string; title: string; startDate: string } }>; pageInfo: { hasNextPage: boolean } } }) => ({
      events: {
        edges: data.eventsConnection.edges.map(({ node }) => ({ node: { key: node.id, title: node.title, startDate: node.startDate } })),
        pageInfo: data.eventsConnection.pageInfo,
      },
    }),
  },

  actorStatements: {
    query: `query ActorStatements($id: ID!) { actors(where: { id: { eq: $id } }) { name
      statementsConnection(first: 20, sort: [{ node: { madeAt: ASC } }, { node: { id: ASC } }]) {
        totalCount edges { node { id kind madeAt } } } } }`,
    reshape(data: { actors: Array<{ name: string; statementsConnection: Connection<{ id: string; kind: string; madeAt: string | null }> }> }) {
      const a = data.actors[0];
      if (!a) return { actor: null };
      const statements = a.statementsConnection;
      return {
        actor: {
          name: a.name,
          statements: {
            totalCount: statements.totalCount,
            edges: statements.edges.map(({ node }) => ({ node: { key: node.id, kind: node.kind, madeAt: node.madeAt } })),
          },
        },
      };
    },
  },

  // The @fulltext query over claimgraph's own index, given the same Lucene query claimgraph builds.
  search: {
    query: `query Search($phrase: String!) { eventsByText(phrase: $phrase, sort: [{ score: DESC }, { node: { id: ASC } }], first: 10) {
      totalCount edges { node { id title } } } }`,
    reshape: (data: { eventsByText: Connection<{ id: string; title: string }> }) => ({
      search: {
        // The library counts every hit; claimgraph counts among its TOTAL_COUNT_CAP best (see operations.ts).
        totalCount: Math.min(data.eventsByText.totalCount, TOTAL_COUNT_CAP),
        edges: data.eventsByText.edges.map(({ node }) => ({ node: { record: { key: node.id, title: node.title } } })),
      },
    }),
  },

  // Depth 2 is fixed, so the two hops are written out: from an event, ABOUT reaches claims and
  // statements; from those, STANCE, REPORTS and ABOUT reach the rest.
  neighborhood: {
    query: `query Neighborhood($id: ID!) { events(where: { id: { eq: $id } }) { id
      claims { id stances { id } event { id } }
      statementsAbout { id stances { id } reportedIn { id } about { id } } } }`,
    reshape(data: {
      events: Array<{
        id: string;
        claims: Array<{ id: string; stances: Array<{ id: string }>; event: Array<{ id: string }> }>;
        statementsAbout: Array<{ id: string; stances: Array<{ id: string }>; reportedIn: Array<{ id: string }>; about: Array<{ id: string }> }>;
      }>;
    }) {
      const e = data.events[0];
      if (!e) return { neighborhood: null };
      const nodes = new Set<string>([nodeId('Event', e.id)]);
      // A relationship is seen from both of its ends; one edge each, as in the raw floor.
      const edges = new Map<string, { source: string; target: string }>();
      const edge = (type: string, source: string, target: string) => {
        nodes.add(source).add(target);
        edges.set(`${type} ${source} ${target}`, { source, target });
      };
      for (const c of e.claims) {
        for (const x of c.event) edge('ABOUT', nodeId('Claim', c.id), nodeId('Event', x.id));
        for (const s of c.stances) edge('STANCE', nodeId('Statement', s.id), nodeId('Claim', c.id));
      }
      for (const s of e.statementsAbout) {
        for (const x of s.about) edge('ABOUT', nodeId('Statement', s.id), nodeId('Event', x.id));
        for (const c of s.stances) edge('STANCE', nodeId('Statement', s.id), nodeId('Claim', c.id));
        for (const a of s.reportedIn) edge('REPORTS', nodeId('Article', a.id), nodeId('Statement', s.id));
      }
      return { neighborhood: { nodes: [...nodes].map((id) => ({ id })), edges: [...edges.values()], truncated: false } };
    },
  },

  totalCount: {
    query: `query TotalCount($within: ID!) { eventsConnection(where: { withinPlaceIds: { includes: $within } }) { totalCount } }`,
    reshape: (data: { eventsConnection: { totalCount: number } }) => ({ events: { totalCount: data.eventsConnection.totalCount } }),
  },
};

/** The library's cursors are its own (offsets): the benchmark pages through its list to get them. */
export const neo4jGraphqlEventsCursors = `query EventsCursors($within: ID!, $from: Date!, $after: String) {
  eventsConnection(where: { withinPlaceIds: { includes: $within }, periodEnd: { gte: $from } },
                   sort: [{ startDate: ASC }, { id: ASC }], first: 100, after: $after) { edges { cursor } } }`;
