import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../src/db/database.js';
import { parseExportArgs, runExport, type ExportProgress } from '../src/export/export.js';
import type { Bundle } from '../src/ingest/bundle-types.js';
import { validateBundle } from '../src/ingest/validate.js';
import { importBundle } from '../src/ingest/write.js';
import { gid, testApi } from './helpers/api.js';
import { TOTAL_COUNT_CAP } from '../src/modules/search/search.cypher.js';

/**
 * The caps and paging at scale: a generated graph of 3,000 events in 30 places of one region, loaded
 * through the one write path next to the seed, and removed afterwards so other files see only the seed.
 */
const api = testApi();
const EVENTS = 3000;
const PLACES = 30;
const region = gid('Place', 'gen-region');

function generatedBundle(): Bundle {
  const input = {
    source: { id: 'gen-source', title: 'Generated test graph', recordedAt: '2026-11-24' },
    places: [
      { id: 'gen-region', name: 'Generated region', kind: 'REGION' },
      { id: 'gen-accented-town', name: 'Qāmishlī', kind: 'TOWN' },
      ...Array.from({ length: PLACES }, (_, j) => ({
        id: `gen-place-${j}`,
        name: `Generated town ${j}`,
        kind: 'TOWN',
        within: 'gen-region',
        location: { latitude: 10 + j * 0.01, longitude: 10 },
      })),
    ],
    events: Array.from({ length: EVENTS }, (_, i) => {
      const month = String((i % 12) + 1).padStart(2, '0');
      const day = String((i % 28) + 1).padStart(2, '0');
      return {
        id: `gen-event-${String(i).padStart(4, '0')}`,
        kind: i % 3 === 0 ? 'AIRSTRIKE' : 'SHELLING',
        title: `Synthetic incident ${i}`,
        startDate: `2030-${month}-${day}`,
        places: [`gen-place-${i % PLACES}`],
      };
    }),
  };
  const { bundle, problems } = validateBundle(input);
  expect(problems).toEqual([]);
  return bundle;
}

const removeGenerated = cypher(
  'test: remove the generated graph',
  `MATCH (n) WHERE n.id STARTS WITH 'gen-' DETACH DELETE n`,
);

beforeAll(async () => {
  await importBundle(api.db, generatedBundle());
}, 120_000);

afterAll(async () => {
  await api.db.write(removeGenerated);
  await api.close();
});

describe(`a generated graph of ${EVENTS} events`, () => {
  it('neighborhood stops at its node cap and says so; narrowed to WITHIN it is whole', async () => {
    const capped = await api.run<any, unknown>(
      `query ($id: ID!) { neighborhood(id: $id, depth: 2, limit: 500) { nodes { id } edges { source target } truncated } }`,
      { id: region },
    );
    expect(capped.errors).toBeUndefined();
    expect(capped.data.neighborhood.nodes).toHaveLength(500);
    expect(capped.data.neighborhood.truncated).toBe(true);
    const ids = new Set(capped.data.neighborhood.nodes.map((n: any) => n.id));
    for (const edge of capped.data.neighborhood.edges) expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
    expect(capped.queries).toEqual(['neighborhood']);

    const places = await api.run<any, unknown>(
      `query ($id: ID!) { neighborhood(id: $id, depth: 3, relationshipTypes: [WITHIN]) { nodes { id } truncated } }`,
      { id: region },
    );
    expect(places.data.neighborhood).toMatchObject({ truncated: false });
    expect(places.data.neighborhood.nodes).toHaveLength(PLACES + 1);
  });

  it('eventsNear pages through every event in the radius, 100 at a time, without repeats', async () => {
    const query = `query ($after: String) { eventsNear(center: { latitude: 10.1, longitude: 10 }, radiusKm: 50, first: 100, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { key startDate } } } }`;
    const keys: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const result: any = await api.run<any, unknown>(query, { after });
      expect(result.errors).toBeUndefined();
      if (pages === 0) expect(result.data.eventsNear.totalCount).toBe(EVENTS);
      keys.push(...result.data.eventsNear.edges.map((e: any) => e.node.key));
      pages++;
      if (!result.data.eventsNear.pageInfo.hasNextPage) break;
      after = result.data.eventsNear.pageInfo.endCursor;
    }
    expect(pages).toBe(EVENTS / 100);
    expect(new Set(keys).size).toBe(EVENTS);
  });

  it('eventCounts adds up: by month and by place, within the region', async () => {
    const result = await api.run<any, unknown>(
      `query ($id: ID) { eventCounts(filter: { within: $id }) { byKind { kind events } byMonth { period events } byPlace { events } } }`,
      { id: region },
    );
    const counts = result.data.eventCounts;
    expect(counts.byKind).toEqual([
      { kind: 'SHELLING', events: 2000 },
      { kind: 'AIRSTRIKE', events: 1000 },
    ]);
    expect(counts.byMonth).toHaveLength(12);
    expect(counts.byMonth.reduce((sum: number, m: any) => sum + m.events, 0)).toBe(EVENTS);
    expect(counts.byPlace).toHaveLength(PLACES);
    expect(counts.byPlace.every((p: any) => p.events === EVENTS / PLACES)).toBe(true);
  });

  it('search counts thousands of hits up to its cap, flagged, and pages them; paths finds the one route through the region', async () => {
    const first = await api.run<any, unknown>(
      `{ search(query: "synthetic incident", kinds: [EVENT], first: 100) { totalCount totalCountIsLowerBound pageInfo { hasNextPage endCursor } } }`,
    );
    // More hits than search ranks and counts: the total stops at the cap and says it is a lower bound.
    expect(EVENTS).toBeGreaterThan(TOTAL_COUNT_CAP);
    expect(first.data.search).toMatchObject({ totalCount: TOTAL_COUNT_CAP, totalCountIsLowerBound: true });
    expect(first.data.search.pageInfo.hasNextPage).toBe(true);

    const paths = await api.run<any, unknown>(
      `query ($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 4, limit: 50) { nodes { record { id } } truncated } }`,
      { from: gid('Place', 'gen-place-0'), to: gid('Place', 'gen-place-1') },
    );
    expect(paths.errors).toBeUndefined();
    // The generated graph is a tree: one path, through the region, however many events hang off it.
    expect(paths.data.paths).toEqual({
      nodes: [{ record: { id: gid('Place', 'gen-place-0') } }, { record: { id: gid('Place', 'gen-place-1') } }, { record: { id: region } }],
      truncated: false,
    });
  });

  it('search folds accents in the stored text too: "qamishli" and "QAMISHLI" find Qāmishlī', async () => {
    for (const query of ['qamishli', 'QAMISHLI', 'Qāmishlī', 'qamishly']) {
      const result = await api.run<any, unknown>(
        `query ($query: String!) { search(query: $query, kinds: [PLACE]) { edges { node { record { ... on Place { key } } highlights { snippet } } } } }`,
        { query },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.search.edges[0].node, query).toEqual({ record: { key: 'gen-accented-town' }, highlights: [{ snippet: '<em>Qāmishlī</em>' }] });
    }
  });

  it('export streams events and places in keyset pages of 2,000: each once, every edge between them', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'claimgraph-export-')), 'generated.jsonl');
    const reports: ExportProgress[] = [];
    const summary = await runExport(api.db, parseExportArgs(['--kinds', 'Event,Place', '--format', 'jsonl', '--out', file]), (r) =>
      reports.push(r),
    );
    const counts = await api.db.read(
      cypher(
        'test: events and places and their relationships',
        `CALL () { MATCH (n) WHERE n:Event OR n:Place RETURN count(n) AS nodes }
         CALL () { MATCH (a)-[]->(b) WHERE (a:Event OR a:Place) AND (b:Event OR b:Place) RETURN count(*) AS edges }
         RETURN nodes, edges`,
      ),
    );
    const [nodes, edges] = ['nodes', 'edges'].map((key) => (counts.records[0]!.get(key) as { toNumber(): number }).toNumber());
    expect(nodes).toBeGreaterThan(EVENTS + PLACES);
    expect(summary).toMatchObject({ nodes, edges });
    const lines = (await readFile(file, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(nodes! + edges!);
    expect(new Set(lines.map((line) => line.data.id)).size).toBe(lines.length);
    expect(lines.filter((line) => line.data.type === 'OCCURRED_IN').length).toBeGreaterThanOrEqual(EVENTS);
    // Written page by page: progress after the first 2,000 events, then after each further page.
    expect(reports.map((r) => r.done)).toContain(2000);
    expect(reports.at(-1)).toMatchObject({ done: nodes! + edges!, total: nodes! + edges!, finished: true });
  });
});
