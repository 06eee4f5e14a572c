import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { cypher } from '../src/db/database.js';
import { toPlain } from '../src/db/values.js';
import { registrableDomain } from '../src/domain/domains.js';
import { runImport } from '../src/ingest/runner.js';
import { importBundle } from '../src/ingest/write.js';
import { gdeltImporter } from '../src/ingest/sources/gdelt.js';
import { expandPaths } from '../src/ingest/sources/rows.js';
import { mergeDuplicateOutlets } from '../src/modules/outlet/outlet-merge.js';
import { outletOwners, outletRegistry, readOutletRegistry } from '../src/modules/outlet/outlet-domains.js';
import { apiKeysOf, gid, testApi } from './helpers/api.js';
import { restoreSeed, snapshot } from './helpers/graph.js';

const admin = 'outlets-admin-secret';
const api = testApi({ apiKeys: apiKeysOf('admin-key', 'admin', admin) });
beforeEach(() => restoreSeed(api.db));
afterAll(async () => {
  await restoreSeed(api.db);
  await api.close();
});

const outletsQuery = cypher(
  'test: outlets',
  'MATCH (o:Outlet) OPTIONAL MATCH (o)-[:PUBLISHED]->(a:Article) WITH o, count(a) AS articles RETURN o.id AS id, o.name AS name, o.kind AS kind, o.country AS country, o.stateAffiliation AS stateAffiliation, o.domains AS domains, articles ORDER BY id',
);
const outlets = async () => (await api.db.read(outletsQuery)).records.map((record) => toPlain(record.toObject()) as Record<string, any>);

async function importGdelt() {
  const dir = await mkdtemp(path.join(tmpdir(), 'claimgraph-outlets-'));
  const files = await expandPaths([path.join(import.meta.dirname, 'fixtures', 'gdelt')], gdeltImporter.accepts);
  return runImport(api.db, gdeltImporter, files, { batchSize: 3, rejectsDir: path.join(dir, 'rejects'), stateDir: path.join(dir, 'state'), progress: () => {} });
}

describe('registrable domains', () => {
  it('reads hosts as the domain an outlet owns, by the public suffix list', () => {
    expect(['www.rt.com', 'amp.rt.com', 'm.rt.com', 'rt.com', 'RT.com'].map(registrableDomain)).toEqual(Array(5).fill('rt.com'));
    expect(registrableDomain('www.ibtimes.co.uk')).toBe('ibtimes.co.uk');
    expect(registrableDomain('ibtimes.com')).toBe('ibtimes.com');
    expect(registrableDomain('news.bbc.co.uk')).toBe('bbc.co.uk');
    expect(registrableDomain('bbc.com')).toBe('bbc.com');
    // A blog on a shared host is its own outlet, not "blogspot.com".
    expect(registrableDomain('warnewsupdates.blogspot.com')).toBe('warnewsupdates.blogspot.com');
    expect(registrableDomain('co.uk')).toBeNull();
  });

  it('stores an outlet’s domains as registrable domains and finds the outlet by any of its hosts', async () => {
    const bundle = {
      source: { id: 'zz-outlets-source', title: 'Test outlets', recordedAt: '2026-01-01' },
      outlets: [{ id: 'zz-outlets-ibt', name: 'IBTimes (test)', kind: 'DIGITAL', domains: ['www.ibtimes.co.uk', 'ibtimes.co.uk', 'm.ibtimes.com'] }],
    };
    await importBundle(api.db, bundle);
    const stored = (await outlets()).find((outlet) => outlet.id === 'zz-outlets-ibt');
    expect(stored?.domains).toEqual(['ibtimes.co.uk', 'ibtimes.com']);
    // What upsertOutlet and the importers ask: who owns these hosts.
    const owners = await outletOwners(api.db, ['amp.rt.com', 'www.ibtimes.com', 'ibtimes.co.uk', 'bbc.com']);
    expect(Object.fromEntries(owners)).toEqual({ 'rt.com': 'rt', 'ibtimes.com': 'zz-outlets-ibt', 'ibtimes.co.uk': 'zz-outlets-ibt' });
    await expect(importBundle(api.db, { ...bundle, outlets: [{ ...bundle.outlets[0]!, domains: ['co.uk'] }] })).rejects.toThrow(/co\.uk" is a public suffix/);
  });
});

describe('the outlet registry', () => {
  it('names well-known outlets and lists BBC’s two domains as one outlet', () => {
    expect(outletRegistry().get('sputniknews.com')).toMatchObject({ name: 'Sputnik', kind: 'STATE_MEDIA', country: 'RU', stateAffiliation: 'RU' });
    expect(outletRegistry().get('bbc.com')).toBe(outletRegistry().get('bbc.co.uk'));
    expect(outletRegistry().get('ibtimes.com')).not.toBe(outletRegistry().get('ibtimes.co.uk'));
    expect(outletRegistry().get('hrw.org')).toMatchObject({ kind: 'NGO' });
  });

  it('refuses a registry file with bad entries, naming each', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'claimgraph-registry-')), 'outlets.yaml');
    await writeFile(file, 'outlets:\n  - { domains: [co.uk], name: X, kind: TABLOID }\n');
    expect(() => readOutletRegistry(file)).toThrow(/is not a valid outlet registry: outlets\[0\]\.domains\[0\]: "co\.uk" is a public suffix.*outlets\[0\]\.kind: "TABLOID" is not one of/);
  });
});

describe('GDELT mentions after the seed', () => {
  it('attach to the outlets that own their domains, and name first-seen outlets from the registry', async () => {
    const before = await outlets();
    await importGdelt();
    const after = await outlets();
    // The only new outlet is BBC (bbc.co.uk and bbc.com, one outlet), named by the registry.
    const created = after.filter((outlet) => !before.some((old) => old.id === outlet.id));
    expect(created).toEqual([
      { id: 'gdelt-outlet-bbc-co-uk', name: 'BBC', kind: 'BROADCASTER', country: 'GB', stateAffiliation: null, domains: ['bbc.co.uk', 'bbc.com'], articles: 2 },
    ]);
    const articlesOf = (key: string) => after.find((outlet) => outlet.id === key)!.articles - before.find((outlet) => outlet.id === key)!.articles;
    // rt.com and amp.rt.com are the seed's RT; nbcnews.com, usatoday.com, sputniknews.com and reuters.com the seed's too.
    expect(['rt', 'nbc-news', 'usa-today', 'sputnik', 'reuters'].map(articlesOf)).toEqual([2, 1, 1, 1, 1]);

    const walk = await api.run<any, any>(
      `query($id: ID!) { event(id: $id) { coverage(sameIncident: false) { outlet { key name } } } }`,
      { id: gid('Event', 'gdelt-195-20161021--3079418') },
    );
    // Each outlet once: RT's two articles (rt.com, amp.rt.com) and the denial's outlets are the seed's.
    const seen = walk.data.event.coverage.map((c: any) => c.outlet.key);
    expect(seen.sort()).toEqual(['gdelt-outlet-bbc-co-uk', 'nbc-news', 'reuters', 'rt', 'sputnik', 'usa-today']);
  });

  it('changes nothing when imported again', async () => {
    await importGdelt();
    const first = await snapshot(api.db);
    expect(await importGdelt()).toMatchObject({ nodesCreated: 0, relationshipsCreated: 0 });
    expect(await snapshot(api.db)).toEqual(first);
  });
});

describe('merging outlets that share a domain', () => {
  const rt = cypher('test: rt', "MATCH (o:Outlet {id: 'rt'}) RETURN properties(o) AS props");
  // As an import made before domains were normalised would have left it: its own outlet for www.rt.com.
  const duplicate = cypher(
    'test: duplicate rt',
    `MATCH (rt:Outlet {id: 'rt'})
     CREATE (d:Outlet {id: 'gdelt-outlet-www-rt-com', name: 'www.rt.com', kind: 'DIGITAL', domains: ['www.rt.com'], sources: ['zz-outlets-old-import'], recordedAt: rt.recordedAt})
     CREATE (d)-[:PUBLISHED]->(:Article {id: 'zz-outlets-rt-article', title: 'An RT article', url: 'https://www.rt.com/zz-outlets'})
     CREATE (d)-[:PUBLISHED]->(:Article {id: 'zz-outlets-rt-article-2', title: 'Another RT article', url: 'https://www.rt.com/zz-outlets-2'})`,
  );
  const publishedBy = cypher('test: publisher', "MATCH (o:Outlet)-[:PUBLISHED]->(a:Article) WHERE a.id STARTS WITH 'zz-outlets-' RETURN a.id AS article, o.id AS outlet ORDER BY article");
  const audit = cypher('test: merge audit', "MATCH (a:AuditEntry {action: 'MERGE'}) RETURN properties(a) AS props");

  it('moves every relationship to the outlet that owns the domain, unions domains and sources, and audits it', async () => {
    const rtBefore = (await api.db.read(rt)).records[0]!.get('props');
    await api.db.write(duplicate);
    const merges = await mergeDuplicateOutlets(api.db, 'test');
    expect(merges).toEqual([{ kept: 'rt', merged: ['gdelt-outlet-www-rt-com'], domains: ['rt.com'] }]);
    expect((await api.db.read(publishedBy)).records.map((r) => r.toObject())).toEqual([
      { article: 'zz-outlets-rt-article', outlet: 'rt' },
      { article: 'zz-outlets-rt-article-2', outlet: 'rt' },
    ]);
    expect((await outlets()).filter((outlet) => outlet.domains.includes('rt.com')).map((outlet) => outlet.id)).toEqual(['rt']);
    const rtAfter = (await api.db.read(rt)).records[0]!.get('props');
    expect(rtAfter).toEqual({ ...rtBefore, sources: [...rtBefore.sources, 'zz-outlets-old-import'] });

    const entries = (await api.db.read(audit)).records.map((r) => r.get('props'));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ label: 'Outlet', key: 'gdelt-outlet-www-rt-com', mergedInto: 'rt', by: 'test', relationships: 2 });
    expect(JSON.parse(entries[0].properties)).toMatchObject({ name: 'www.rt.com', domains: ['www.rt.com'], sources: ['zz-outlets-old-import'] });
    expect(JSON.parse(entries[0].movedRelationships)).toEqual([
      { type: 'PUBLISHED', outgoing: true, other: 'zz-outlets-rt-article', label: 'Article', props: {} },
      { type: 'PUBLISHED', outgoing: true, other: 'zz-outlets-rt-article-2', label: 'Article', props: {} },
    ]);
    expect(JSON.parse(entries[0].keptBefore)).toEqual({ domains: ['rt.com'], sources: rtBefore.sources });
    const log = await api.run<any, any>('{ auditEntries(limit: 1) { action key mergedInto movedRelationships keptBefore } }', undefined, { authorization: `Bearer ${admin}` });
    expect(log.data.auditEntries[0]).toMatchObject({ action: 'MERGE', key: 'gdelt-outlet-www-rt-com', mergedInto: 'rt', keptBefore: { domains: ['rt.com'] } });
    expect(log.data.auditEntries[0].movedRelationships).toHaveLength(2);

    // The merged outlet's old ID keeps resolving: to the outlet it became part of.
    const old = await api.run<any, any>('query($id: ID!) { outlet(id: $id) { key name } node(id: $id) { ... on Outlet { key } } }', { id: gid('Outlet', 'gdelt-outlet-www-rt-com') });
    expect(old.errors).toBeUndefined();
    expect(old.data).toEqual({ outlet: { key: 'rt', name: 'RT' }, node: { key: 'rt' } });

    // Leave the seed's RT as it was for the other tests.
    await api.db.write(cypher('test: restore rt', "MATCH (o:Outlet {id: 'rt'}) SET o.sources = $sources"), { sources: rtBefore.sources });
  });

  it('changes nothing when run again', async () => {
    await api.db.write(duplicate);
    await mergeDuplicateOutlets(api.db, 'test');
    const once = await snapshot(api.db);
    expect(await mergeDuplicateOutlets(api.db, 'test')).toEqual([]);
    expect(await snapshot(api.db)).toEqual(once);
    const rtSources = (await api.db.read(rt)).records[0]!.get('props').sources as string[];
    await api.db.write(cypher('test: restore rt', "MATCH (o:Outlet {id: 'rt'}) SET o.sources = $sources"), { sources: rtSources.filter((s) => s !== 'zz-outlets-old-import') });
  });
});
