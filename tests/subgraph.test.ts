import { afterAll, describe, expect, it } from 'vitest';
import {
  EventBesideItsNeighborhoodDocument,
  NeighborhoodAtDepthDocument,
  NeighborhoodDocument,
  NeighborhoodIdsDocument,
  NeighborhoodOfPlacesDocument,
  PathsDocument,
  type GraphFieldsFragment,
} from './generated/graphql.js';
import { codes, gid, testApi } from './helpers/api.js';

const api = testApi();
afterAll(() => api.close());

const daquqStrike = gid('Event', 'daquq-airstrike-2016-10-21');
/** The ID of the graph node that draws a record (its own, not the record's). */
const drawn = (recordId: string) => gid('GraphNode', recordId);

/** Every edge joins two returned nodes, and nothing repeats: loadable as is by Cytoscape.js or graphology. */
function expectWellFormed(graph: GraphFieldsFragment) {
  const ids = new Set(graph.nodes.map((n) => n.id));
  expect(ids.size).toBe(graph.nodes.length);
  expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
  for (const edge of graph.edges) {
    expect(ids.has(edge.source)).toBe(true);
    expect(ids.has(edge.target)).toBe(true);
  }
}

function kindCounts(graph: GraphFieldsFragment): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const node of graph.nodes) counts[node.kind] = (counts[node.kind] ?? 0) + 1;
  return counts;
}

describe('neighborhood', () => {
  it('the Daquq strike and everything one relationship away, with properties, in one round trip', async () => {
    const result = await api.run(NeighborhoodDocument, { id: daquqStrike });
    expect(result.errors).toBeUndefined();
    const graph = result.data!.neighborhood;
    expectWellFormed(graph);
    expect(graph.truncated).toBe(false);
    expect(graph.nodes[0]).toMatchObject({
      id: drawn(daquqStrike),
      kind: 'EVENT',
      label: 'Airstrike on Daquq, Kirkuk Governorate',
      record: { __typename: 'Event', id: daquqStrike },
    });
    expect(graph.nodes[0]!.properties).toMatchObject({ id: 'daquq-airstrike-2016-10-21', startDate: '2016-10-21', kind: 'AIRSTRIKE' });
    // Its place, its ten claims, the three statements about it with no proposition, and the photo
    // beside its reporting that does not show it (NOT_DEPICTS).
    expect(kindCounts(graph)).toEqual({ EVENT: 1, PLACE: 1, CLAIM: 10, STATEMENT: 3, MEDIA_ITEM: 1 });
    // What a record holds, not how it is stored: a statement's speaker key is an index's, not the record's.
    const statement = graph.nodes.find((n) => n.kind === 'STATEMENT')!;
    expect(statement.properties).toHaveProperty('kind');
    expect(statement.properties).not.toHaveProperty('speakerKey');
    expect(graph.edges).toContainEqual(
      expect.objectContaining({ type: 'OCCURRED_IN', source: drawn(daquqStrike), target: drawn(gid('Place', 'daquq')), properties: {} }),
    );
    expect(result.queries).toEqual(['neighborhood']);
  });

  it('follows only the given relationship types to the given kinds, as deep as asked', async () => {
    const result = await api.run(NeighborhoodOfPlacesDocument, { id: daquqStrike });
    expect(result.errors).toBeUndefined();
    const graph = result.data!.neighborhood;
    expectWellFormed(graph);
    // Daquq, then its governorate and Kirkuk (30 km north), then Iraq: three levels out.
    expect(graph.nodes.map((n) => n.label).sort()).toEqual(
      ['Airstrike on Daquq, Kirkuk Governorate', 'Daquq', 'Iraq', 'Kirkuk', 'Kirkuk Governorate'].sort(),
    );
    const near = graph.edges.find((e) => e.type === 'NEAR');
    expect(near).toMatchObject({ source: drawn(gid('Place', 'daquq')), target: drawn(gid('Place', 'kirkuk')) });
    expect(near!.properties).toMatchObject({ distanceKm: 30, direction: 'S' });
    expect(result.queries).toEqual(['neighborhood']);
  });

  it('a limit keeps the first nodes met, breadth first, and every relationship among them', async () => {
    for (const depth of [2, 3]) {
      const query = NeighborhoodIdsDocument;
      const full = (await api.run(query, { id: daquqStrike, depth, limit: 500 })).data!.neighborhood;
      expect(full.truncated).toBe(false);
      const size = full.nodes.length;
      expect(size).toBeGreaterThan(20);
      for (const limit of [1, 2, 3, 8, 15, 16, 40, size - 1, size]) {
        const cut = (await api.run(query, { id: daquqStrike, depth, limit })).data!.neighborhood;
        expect(cut.nodes).toEqual(full.nodes.slice(0, limit));
        const kept = new Set(cut.nodes.map((n) => n.id));
        expect(cut.edges).toEqual(full.edges.filter((e) => kept.has(e.source) && kept.has(e.target)));
        expect(cut.truncated).toBe(limit < size);
      }
    }
  });

  it('depth 0 is the record alone; a limit cuts the graph and says so', async () => {
    const alone = await api.run(NeighborhoodAtDepthDocument, { id: daquqStrike, depth: 0 });
    expect(alone.data!.neighborhood).toMatchObject({ edges: [], truncated: false });
    expect(alone.data!.neighborhood.nodes).toHaveLength(1);

    const cut = await api.run(NeighborhoodAtDepthDocument, { id: daquqStrike, depth: 2, limit: 5 });
    expectWellFormed(cut.data!.neighborhood);
    expect(cut.data!.neighborhood.nodes).toHaveLength(5);
    expect(cut.data!.neighborhood.truncated).toBe(true);
  });

  it('refuses a negative or excessive depth, a huge limit, unknown and malformed IDs', async () => {
    for (const [args, code] of [
      ['depth: -1', 'VALIDATION'],
      ['depth: 4', 'VALIDATION'],
      ['limit: 100000', 'VALIDATION'],
      ['limit: 0', 'VALIDATION'],
    ] as const) {
      const result = await api.run(`query ($id: ID!) { neighborhood(id: $id, ${args}) { truncated } }`, { id: daquqStrike });
      expect(codes(result), args).toEqual([code]);
    }
    const unknown = await api.run(`query ($id: ID!) { neighborhood(id: $id) { truncated } }`, { id: gid('Event', 'no-such-event') });
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
    const malformed = await api.run(`{ neighborhood(id: "nonsense") { truncated } }`);
    expect(codes(malformed)).toEqual(['VALIDATION']);
  });
});

describe('IDs, as Relay’s store needs them', () => {
  it('a graph node has an ID of its own, never a record’s, and its record keeps the record’s ID and fields', async () => {
    const result = await api.data(EventBesideItsNeighborhoodDocument, { id: daquqStrike });
    // Every object with an ID is of one type only, whichever field reached it.
    const typeById = new Map<string, Set<string>>();
    const note = (id: string, type: string) => typeById.set(id, (typeById.get(id) ?? new Set()).add(type));
    note(result.event!.id, 'Event');
    for (const node of result.neighborhood.nodes) {
      note(node.id, 'GraphNode');
      note(node.record.id, node.record.__typename);
    }
    for (const [id, types] of typeById) expect([...types], id).toHaveLength(1);
    const centre = result.neighborhood.nodes.find((node) => node.record.id === daquqStrike)!;
    expect(centre).toMatchObject({ id: drawn(daquqStrike), kind: 'EVENT', record: { id: daquqStrike, kind: 'AIRSTRIKE' } });
    expect(result.event).toEqual({ id: daquqStrike, kind: 'AIRSTRIKE' });
    const drawnIds = new Set(result.neighborhood.nodes.map((node) => node.id));
    for (const edge of result.neighborhood.edges) expect(drawnIds.has(edge.source) && drawnIds.has(edge.target)).toBe(true);
  });
});

describe('paths', () => {
  const editor = gid('Actor', 'wnu-editor');
  const ministry = gid('Actor', 'russian-ministry-of-defence');

  it('from the WNU editor to the Russian MoD: through the comment that mentions it', async () => {
    const result = await api.run(PathsDocument, { from: editor, to: ministry, maxHops: 2 });
    expect(result.errors).toBeUndefined();
    const graph = result.data!.paths;
    expectWellFormed(graph);
    const comment = gid('Statement', 'wnu-editor-on-russian-claims');
    expect(graph.nodes.map((n) => n.record.id)).toEqual([editor, ministry, comment]);
    const [e, m, c] = [editor, ministry, comment].map(drawn);
    expect(graph.edges.map((edge) => `${edge.source} ${edge.type} ${edge.target}`)).toEqual([`${e} MADE ${c}`, `${c} MENTIONS ${m}`]);
    expect(graph.truncated).toBe(false);
  });

  it('caps the number of paths and says the result is truncated', async () => {
    const result = await api.run(PathsDocument, { from: editor, to: ministry, maxHops: 4, limit: 3 });
    expectWellFormed(result.data!.paths);
    expect(result.data!.paths.truncated).toBe(true);
    expect(result.queries).toEqual(['subgraph Actor by id', 'subgraph Actor by id', 'paths']);
  });

  it('refuses bad hop counts and limits, unknown IDs, and a path from a record to itself', async () => {
    for (const args of ['maxHops: 0', 'maxHops: 7', 'limit: 51', 'limit: -3']) {
      const result = await api.run(`query ($from: ID!, $to: ID!) { paths(from: $from, to: $to, ${args}) { truncated } }`, { from: editor, to: ministry });
      expect(codes(result), args).toEqual(['VALIDATION']);
    }
    const unknown = await api.run(`query ($from: ID!, $to: ID!) { paths(from: $from, to: $to) { truncated } }`, { from: editor, to: gid('Actor', 'nobody') });
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
    const itself = await api.run(`query ($from: ID!, $to: ID!) { paths(from: $from, to: $to) { truncated } }`, { from: editor, to: editor });
    expect(codes(itself)).toEqual(['VALIDATION']);
  });
});
