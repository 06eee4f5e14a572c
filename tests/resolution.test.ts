import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../src/db/database.js';
import { runImport, type ImportOptions } from '../src/ingest/runner.js';
import { importBundle } from '../src/ingest/write.js';
import { MAX_INCIDENT_EVENTS, resolveEvents } from '../src/modules/resolution/resolve.js';
import { acledImporter } from '../src/ingest/sources/acled.js';
import { gdeltImporter } from '../src/ingest/sources/gdelt.js';
import { expandPaths } from '../src/ingest/sources/rows.js';
import { scoreEvents, type EventFeatures } from '../src/modules/resolution/match-rules.js';
import { apiKeysOf, codes, gid, testApi } from './helpers/api.js';
import { restoreSeed, snapshot } from './helpers/graph.js';
import { DAQUQ_STRIKE } from './helpers/seed.js';

const api = testApi({ apiKeys: apiKeysOf('editor-key', 'editor', 'editor-secret') });
const fixtures = path.join(import.meta.dirname, 'fixtures');
const GDELT_STRIKE = 'gdelt-195-20161021--3079418';
const ACLED_STRIKE = 'acled-irq12345';
const editor = { authorization: 'Bearer editor-secret' };

async function importAll(extra: Partial<ImportOptions> = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'claimgraph-resolution-'));
  const options: ImportOptions = { batchSize: 100, rejectsDir: path.join(dir, 'rejects'), stateDir: path.join(dir, 'state'), progress: () => {}, ...extra };
  const gdelt = await runImport(api.db, gdeltImporter, await expandPaths([path.join(fixtures, 'gdelt')], gdeltImporter.accepts), options);
  const acled = await runImport(api.db, acledImporter, await expandPaths([path.join(fixtures, 'acled')], acledImporter.accepts), options);
  return { gdelt, acled };
}

const walk = (sameIncident = true) =>
  api.run<any, any>(
    `query($id: ID!, $same: Boolean) { event(id: $id) {
        coverage(sameIncident: $same) { outlet { key name } reports { event { key } } }
        matches { event { key } status score reasons decidedBy }
        casualtyFigures(sameIncident: $same) { min max contested event { key } accordingTo { ... on Actor { key } ... on Outlet { key } } }
        claims(contested: true, sameIncident: $same) { edges { node { key } } } } }`,
    { id: gid('Event', DAQUQ_STRIKE), same: sameIncident },
  );

const decide = (mutation: 'confirmMatch' | 'rejectMatch' | 'reopenMatch', a: string, b: string) =>
  api.run<any, any>(
    `mutation($input: MatchDecisionInput!) { ${mutation}(input: $input) { __typename ... on EventMatch { status decidedBy event { key } } } }`,
    { input: { event: gid('Event', a), other: gid('Event', b), note: 'test' } },
    editor,
  );

beforeAll(() => restoreSeed(api.db));
afterAll(async () => {
  await restoreSeed(api.db);
  await api.close();
});

describe('the Daquq strike from the seed, GDELT and ACLED', () => {
  it('is one incident: one walk with each outlet once, GDELT’s accusation and denial contested, the tolls side by side', async () => {
    const { gdelt } = await importAll();
    expect(gdelt.resolution.confirmed).toBeGreaterThan(0);
    const result = await walk();
    expect(result.errors).toBeUndefined();
    const event = result.data.event;
    const matched = event.matches.filter((m: any) => m.status === 'CONFIRMED').map((m: any) => m.event.key).sort();
    expect(matched).toEqual([ACLED_STRIKE, GDELT_STRIKE]);
    for (const match of event.matches) expect(match.reasons.length).toBeGreaterThan(0);

    const outlets = event.coverage.map((c: any) => c.outlet.key);
    expect(new Set(outlets).size).toBe(outlets.length);
    for (const key of ['rt', 'nbc-news', 'ibtimes', 'usa-today', 'sputnik', 'hrw', 'war-news-updates']) expect(outlets).toContain(key);
    // GDELT's articles come in through GDELT's record, the seed's through the seed's.
    const sources = new Set(event.coverage.flatMap((c: any) => c.reports.map((r: any) => r.event.key)));
    expect(sources).toEqual(new Set([DAQUQ_STRIKE, GDELT_STRIKE]));

    const contested = event.claims.edges.map((e: any) => e.node.key);
    expect(contested).toContain(`${GDELT_STRIKE}-perpetrator-united-states`);
    expect(contested).toContain('coalition-carried-out-daquq-strike');

    const figures = event.casualtyFigures.map((f: any) => [f.event.key, f.min, f.max, f.contested]);
    expect(figures).toEqual(
      expect.arrayContaining([
        [DAQUQ_STRIKE, 24, null, true],
        [DAQUQ_STRIKE, 17, 17, true],
        [ACLED_STRIKE, 17, 17, true],
      ]),
    );
  });

  it('draws and dates the incident: the neighbourhood and the timeline start from all its records', async () => {
    const result = await api.run<any, any>(
      `query($id: ID!) {
        incident: neighborhood(id: $id, depth: 0) { nodes { kind label } }
        alone: neighborhood(id: $id, depth: 0, sameIncident: false) { nodes { kind } }
        timeline(event: $id, first: 100) { edges { node { ... on Statement { key } } } }
        seedOnly: timeline(event: $id, first: 100, sameIncident: false) { edges { node { ... on Statement { key } } } } }`,
      { id: gid('Event', DAQUQ_STRIKE) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.incident.nodes).toHaveLength(3);
    expect(result.data.alone.nodes).toHaveLength(1);
    const keys = (connection: any) => connection.edges.map((e: any) => e.node.key).filter(Boolean);
    expect(keys(result.data.timeline)).toEqual(expect.arrayContaining([...keys(result.data.seedOnly), 'acled-irq12345-record']));
    expect(keys(result.data.seedOnly)).not.toContain('acled-irq12345-record');
  });

  it('keeps the seed’s record alone when asked', async () => {
    const alone = (await walk(false)).data.event;
    expect(new Set(alone.coverage.flatMap((c: any) => c.reports.map((r: any) => r.event.key)))).toEqual(new Set([DAQUQ_STRIKE]));
    expect(alone.casualtyFigures.every((f: any) => f.event.key === DAQUQ_STRIKE)).toBe(true);
  });

  it('links the coalition and the United States as two actors, one a member of the other', async () => {
    const result = await api.run<any, any>(`query($id: ID!) { actor(id: $id) { memberOf { key } parts { key } } }`, { id: gid('Actor', 'united-states') });
    expect(result.data.actor.memberOf).toEqual([{ key: 'us-led-coalition' }]);
    expect(result.data.actor.parts).toEqual([]);
  });

  it('undoes a confirmed match: both walks as they were alone, audited, and a re-import does not propose it again', async () => {
    // GDELT's record meets the seed's directly and through ACLED's: both links are undone.
    const rejected = await decide('rejectMatch', DAQUQ_STRIKE, GDELT_STRIKE);
    expect(rejected.data.rejectMatch).toMatchObject({ __typename: 'EventMatch', status: 'REJECTED', decidedBy: 'editor-key' });
    expect((await walk()).data.event.coverage.flatMap((c: any) => c.reports.map((r: any) => r.event.key))).toContain(GDELT_STRIKE);
    await decide('rejectMatch', ACLED_STRIKE, GDELT_STRIKE);
    const reports = (await walk()).data.event.coverage.flatMap((c: any) => c.reports.map((r: any) => r.event.key));
    expect(reports).not.toContain(GDELT_STRIKE);
    const audit = await api.db.read(cypher('test: match audit', "MATCH (a:AuditEntry {action: 'MATCH_REJECTED', by: 'editor-key'}) RETURN count(a) AS n"));
    expect(Number(audit.records[0]!.get('n'))).toBe(2);

    // A fresh import of the same files (no checkpoints) meets the decision and keeps it.
    await importAll();
    const again = (await walk()).data.event.matches.find((m: any) => m.event.key === GDELT_STRIKE);
    expect(again).toMatchObject({ status: 'REJECTED', decidedBy: 'editor-key' });

    const reopened = await decide('reopenMatch', DAQUQ_STRIKE, GDELT_STRIKE);
    expect(reopened.data.reopenMatch).toMatchObject({ status: 'CONFIRMED' });
    expect((await walk()).data.event.coverage.flatMap((c: any) => c.reports.map((r: any) => r.event.key))).toContain(GDELT_STRIKE);
  });

  it('is idempotent: importing everything again changes nothing', async () => {
    const before = await snapshot(api.db);
    await importAll();
    expect(await snapshot(api.db)).toEqual(before);
  });

  it('matches an event written through the API as an import’s would be', async () => {
    const written = await api.run<any, any>(
      `mutation($input: EventInput!) { upsertEvent(input: $input) { __typename ... on Event { matches { event { key } status } } } }`,
      { input: { key: 'zz-api-daquq-strike', kind: 'AIRSTRIKE', title: 'Strike on Daquq', startDate: '2016-10-21', places: ['daquq'] } },
      editor,
    );
    expect(written.errors).toBeUndefined();
    expect(written.data.upsertEvent.matches).toContainEqual({ event: { key: DAQUQ_STRIKE }, status: 'CONFIRMED' });
  });

  it('refuses a decision without the editor role, and a pair of one event', async () => {
    const anonymous = await api.run<any, any>(
      `mutation($input: MatchDecisionInput!) { confirmMatch(input: $input) { __typename } }`,
      { input: { event: gid('Event', DAQUQ_STRIKE), other: gid('Event', GDELT_STRIKE) } },
    );
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    // Nothing was decided: the pair is still as the resolver left it.
    const match = (await walk()).data.event.matches.find((m: any) => m.event.key === GDELT_STRIKE);
    expect(match).toMatchObject({ status: 'CONFIRMED', decidedBy: 'claimgraph resolver' });
    const self = await decide('confirmMatch', DAQUQ_STRIKE, DAQUQ_STRIKE);
    expect(self.data.confirmMatch.__typename).toBe('ValidationError');
  });
});

describe('the matching rules', () => {
  const event = (over: Partial<EventFeatures>): EventFeatures => ({
    id: 'a', title: 'Airstrike', kind: 'AIRSTRIKE', startDate: '2016-10-21', endDate: null, dateUncertaintyDays: 0,
    place: { id: 'daquq', kind: 'TOWN', latitude: 35.1387, longitude: 44.4469 }, actors: [], attributions: [], articles: [], tolls: [], datasets: [], ...over,
  });
  it('never merge hard negatives: another day, a nearby town, another kind, two ACLED records', () => {
    const strike = event({});
    expect(scoreEvents(strike, event({ id: 'b', startDate: '2016-10-28' }))).toBeNull();
    expect(scoreEvents(strike, event({ id: 'b', place: { id: 'taza', kind: 'TOWN', latitude: 35.30, longitude: 44.33 } }))).toBeNull();
    expect(scoreEvents(strike, event({ id: 'b', kind: 'ARMED_CLASH' }))).toBeNull();
    expect(scoreEvents(event({ datasets: ['acled'] }), event({ id: 'b', datasets: ['acled'] }))).toBeNull();
  });
  it('leave a province centroid a candidate unless an article ties the two', () => {
    const province = event({ id: 'b', kind: 'USE_OF_FORCE', dateUncertaintyDays: 2, place: { id: 'kirkuk', kind: 'PROVINCE', latitude: 35.47, longitude: 44.39 } });
    const alone = scoreEvents(event({ dateUncertaintyDays: 2 }), province)!;
    expect(alone.score).toBeLessThan(0.9);
    expect(alone.score).toBeGreaterThanOrEqual(0.5);
    const tied = scoreEvents(event({ dateUncertaintyDays: 2, articles: ['https://x/1'] }), { ...province, articles: ['https://x/1'] })!;
    expect(tied.score).toBeGreaterThanOrEqual(0.9);
    expect(tied.reasons.join(' ')).toContain('same article');
  });
});

describe('an incident the resolver confirms on its own', () => {
  afterAll(() => restoreSeed(api.db));

  it(`holds at most ${MAX_INCIDENT_EVENTS} events: a city's centroid with more strikes on a day leaves the rest for review`, async () => {
    await restoreSeed(api.db);
    const count = MAX_INCIDENT_EVENTS + 2;
    const keys = Array.from({ length: count }, (_, i) => `zz-centroid-strike-${String(i).padStart(3, '0')}`);
    await importBundle(api.db, {
      source: { id: 'zz-centroid-source', title: 'Strikes filed at a city centroid', recordedAt: '2026-12-08' },
      places: [{ id: 'zz-centroid-city', name: 'Centroid city', kind: 'CITY', location: { latitude: 33.3, longitude: 44.4 } }],
      events: keys.map((id) => ({ id, kind: 'AIRSTRIKE', title: id, startDate: '2016-10-21', places: ['zz-centroid-city'] })),
    });
    const summary = await resolveEvents(api.db, keys);
    const incidents = await api.db.read(cypher('test: incident sizes', `MATCH (e:Event) WHERE e.id STARTS WITH 'zz-centroid-'
      RETURN COUNT { (e)-[:SAME_INCIDENT]-() } + 1 AS size, count(e) AS events ORDER BY size`));
    // Two incidents: one of the cap, and the two strikes left over, which confirm each other.
    expect(incidents.records.map((record) => [Number(record.get('size')), Number(record.get('events'))])).toEqual([[2, 2], [MAX_INCIDENT_EVENTS, MAX_INCIDENT_EVENTS]]);
    expect(summary.candidates).toBe(2 * MAX_INCIDENT_EVENTS);
    const held = await api.db.read(cypher('test: held matches', `MATCH (:Event)-[m:MATCHES {status: 'CANDIDATE'}]->(:Event) WHERE m.reasons[-1] CONTAINS 'without review' RETURN count(m) AS held`));
    expect(Number(held.records[0]!.get('held'))).toBe(2 * MAX_INCIDENT_EVENTS);
    // Matching the same strikes again decides the same.
    const again = await resolveEvents(api.db, keys);
    expect({ confirmed: again.confirmed, candidates: again.candidates, withdrawn: again.withdrawn }).toEqual({ confirmed: 0, candidates: 0, withdrawn: 0 });
  }, 120_000);
});
