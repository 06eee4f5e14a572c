import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EveryRecordWithSourcesDocument, NodeKeyDocument, NodesKeysDocument, PlaceAndActorNodesDocument } from './generated/graphql.js';
import { gid, testApi, testConfig } from './helpers/api.js';

/**
 * Relay's object identification: every record in the seed, collected through the API, comes back
 * whole from node(id) and nodes(ids).
 */

// Collecting every record in one request (seven full pages with their provenance) costs about
// 68,000, over the default operation cost limit that protects the public API.
const api = testApi({ config: testConfig({ LIMIT_COST: '100000' }) });
afterAll(() => api.close());

const TYPENAMES = ['Event', 'Place', 'Actor', 'Outlet', 'Article', 'Statement', 'Claim', 'MediaItem', 'Source'] as const;
type Typename = (typeof TYPENAMES)[number];

/** The keys of each kind of record in the seed bundles (what the global setup loads), read from the YAML. */
function seedKeys(): Record<Typename, string[]> {
  const dir = fileURLToPath(new URL('../seeds/', import.meta.url));
  const sections: Record<Exclude<Typename, 'Source'>, string> = {
    Event: 'events',
    Place: 'places',
    Actor: 'actors',
    Outlet: 'outlets',
    Article: 'articles',
    Statement: 'statements',
    Claim: 'claims',
    MediaItem: 'media',
  };
  const keys = Object.fromEntries(TYPENAMES.map((typename) => [typename, new Set<string>()])) as Record<Typename, Set<string>>;
  const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));
  if (!files.includes('daquq-2016-10-24-wnu.yaml')) throw new Error(`the Daquq seed is missing from ${dir}`);
  for (const file of files) {
    const bundle = parse(readFileSync(`${dir}/${file}`, 'utf8')) as Record<string, any>;
    keys.Source.add(bundle.source.id);
    for (const [typename, section] of Object.entries(sections) as Array<[Typename, string]>) {
      for (const record of bundle[section] ?? []) keys[typename].add(record.id);
    }
  }
  return Object.fromEntries(TYPENAMES.map((typename) => [typename, [...keys[typename]].sort()])) as Record<Typename, string[]>;
}

const seed = seedKeys();

interface Item {
  id: string;
  key: string;
}

/** Every record's ID and key, by type, as the API lists them. */
const collected = {} as Record<Typename, Item[]>;
/** How many of each root list's records the API counts. */
const totals = {} as Record<string, number>;

const roots = {
  events: 'Event',
  places: 'Place',
  actors: 'Actor',
  outlets: 'Outlet',
  articles: 'Article',
  statements: 'Statement',
  claims: 'Claim',
} as const satisfies Record<string, Typename>;

beforeAll(async () => {
  const result = await api.run(EveryRecordWithSourcesDocument);
  expect(result.errors).toBeUndefined();
  const media = new Map<string, Item>();
  const sources = new Map<string, Item>();
  const addSources = (record: { provenance: { sources: Item[] } }) => {
    for (const source of record.provenance.sources) sources.set(source.id, { id: source.id, key: source.key });
  };
  for (const [field, typename] of Object.entries(roots) as Array<[keyof typeof roots, Typename]>) {
    const connection = result.data![field]!;
    expect(connection.pageInfo.hasNextPage, field).toBe(false);
    totals[field] = connection.totalCount;
    collected[typename] = connection.edges.map(({ node }) => {
      addSources(node);
      for (const item of 'media' in node ? node.media : []) {
        media.set(item.id, { id: item.id, key: item.key });
        addSources(item);
      }
      return { id: node.id, key: node.key };
    });
  }
  collected.MediaItem = [...media.values()];
  collected.Source = [...sources.values()];
});

const all = () => TYPENAMES.flatMap((typename) => collected[typename].map((item) => ({ ...item, typename })));

describe('the records the API lists are the records of the seed', () => {
  it('the seed has records of every kind', () => {
    for (const typename of TYPENAMES) expect(seed[typename].length, typename).toBeGreaterThan(0);
    expect(seed.Statement).toContain('konashenkov-reconnaissance-quote');
    expect(seed.MediaItem).toEqual(['reuters-photo-civilians-return-2016-10-21']);
  });

  it.each(Object.entries(roots))('%s: totalCount and the listed keys match the seed', (field, typename) => {
    expect(totals[field]).toBe(seed[typename].length);
    expect(collected[typename]).toHaveLength(seed[typename].length);
    expect(collected[typename].map((item) => item.key).sort()).toEqual(seed[typename]);
  });

  it('media items (through events and articles) and sources (through provenance) match the seed', () => {
    expect(collected.MediaItem.map((item) => item.key).sort()).toEqual(seed.MediaItem);
    expect(collected.Source.map((item) => item.key).sort()).toEqual(seed.Source);
  });

  it('every ID is the global ID of its type and key, and no two records share one', () => {
    const records = all();
    expect(records.length).toBe(TYPENAMES.reduce((sum, typename) => sum + seed[typename].length, 0));
    for (const { id, key, typename } of records) expect(id, `${typename}:${key}`).toBe(gid(typename, key));
    expect(new Set(records.map((record) => record.id)).size).toBe(records.length);
  });
});

describe('node(id)', () => {
  it.each(TYPENAMES)('returns every %s with its own ID, type and key', async (typename) => {
    expect(collected[typename].length).toBeGreaterThan(0);
    for (const { id, key } of collected[typename]) {
      const result = await api.run(NodeKeyDocument, { id });
      expect(result.errors, id).toBeUndefined();
      expect(result.data!.node, `${typename}:${key}`).toEqual({ id, __typename: typename, key });
      expect(result.queries).toEqual([`${typename} by ids`]);
    }
  });

  it('tells apart records of different types with the same key (Iraq the place, Iraq the state)', async () => {
    const result = await api.run(PlaceAndActorNodesDocument, { place: gid('Place', 'iraq'), actor: gid('Actor', 'iraq') });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      place: { id: gid('Place', 'iraq'), __typename: 'Place', kind: 'COUNTRY' },
      actor: { id: gid('Actor', 'iraq'), __typename: 'Actor', kind: 'STATE' },
    });
  });
});

describe('nodes(ids)', () => {
  const nodesQuery = NodesKeysDocument;

  it('returns every record in the order given, null for unknown but well-formed IDs, one round trip per type', async () => {
    const records = all();
    const unknown = [gid('Event', 'no-such-event'), gid('Source', 'no-such-source'), gid('MediaItem', 'no-such-media')];
    // Reversed (so not grouped the way the loaders group them), with unknown IDs at the start, middle and end.
    const mixed = [...records].reverse();
    const ids = [unknown[0]!, ...mixed.slice(0, 30).map((r) => r.id), unknown[1]!, ...mixed.slice(30).map((r) => r.id), unknown[2]!];
    const expected = [
      null,
      ...mixed.slice(0, 30).map((r) => ({ id: r.id, __typename: r.typename, key: r.key })),
      null,
      ...mixed.slice(30).map((r) => ({ id: r.id, __typename: r.typename, key: r.key })),
      null,
    ];
    const result = await api.run(nodesQuery, { ids });
    expect(result.errors).toBeUndefined();
    expect(result.data!.nodes).toHaveLength(records.length + 3);
    expect(result.data!.nodes).toEqual(expected);
    expect([...result.queries].sort()).toEqual(TYPENAMES.map((typename) => `${typename} by ids`).sort());
  });

  it('answers the same ID twice, and same-key records of two types, each in place', async () => {
    const ids = [gid('Place', 'iraq'), gid('Actor', 'iraq'), gid('Place', 'iraq'), gid('Actor', 'no-such-actor'), gid('Actor', 'iraq')];
    const result = await api.run(nodesQuery, { ids });
    expect(result.errors).toBeUndefined();
    expect(result.data!.nodes).toEqual([
      { id: gid('Place', 'iraq'), __typename: 'Place', key: 'iraq' },
      { id: gid('Actor', 'iraq'), __typename: 'Actor', key: 'iraq' },
      { id: gid('Place', 'iraq'), __typename: 'Place', key: 'iraq' },
      null,
      { id: gid('Actor', 'iraq'), __typename: 'Actor', key: 'iraq' },
    ]);
  });

  it('answers an empty list with an empty list, without a round trip', async () => {
    const result = await api.run(nodesQuery, { ids: [] });
    expect(result.errors).toBeUndefined();
    expect(result.data!.nodes).toEqual([]);
    expect(result.queries).toEqual([]);
  });
});
