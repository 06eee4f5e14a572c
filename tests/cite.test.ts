import { afterAll, describe, expect, it } from 'vitest';
import { cypher } from '../src/db/database.js';
import { ClaimPartiesDocument, EventByKeyWarningsDocument, LookupsByKeyDocument, RecordsBySourceIdDocument } from './generated/graphql.js';
import { codes, gid, testApi } from './helpers/api.js';

const api = testApi();
afterAll(() => api.close());

const keysOf = (parties: ReadonlyArray<{ __typename: string; key?: string }>) => parties.map((p) => `${p.__typename}:${p.key}`);

describe('sides that say what they mean', () => {
  it('whoAsserts includes an outlet asserting in its own voice; assertedBy keeps its old, actor-only meaning', async () => {
    const { claim } = await api.data(ClaimPartiesDocument, { key: 'daquq-strike-killed-17' });
    expect(keysOf(claim!.whoAsserts)).toEqual(['Outlet:ibtimes']);
    expect(claim!.assertedBy).toEqual([]);
  });

  it('denial, dispute and the call to verify are separate questions; deniedBy still answers as before', async () => {
    const result = await api.run(ClaimPartiesDocument, { key: 'coalition-carried-out-daquq-strike' });
    expect(result.errors).toBeUndefined();
    const claim = result.data!.claim!;
    expect(keysOf(claim.whoAsserts)).toEqual(['Actor:igor-konashenkov', 'Actor:russian-ministry-of-defence']);
    expect(keysOf(claim.whoDenies)).toEqual(['Actor:us-led-coalition', 'Actor:united-states']);
    expect(keysOf(claim.whoDisputes)).toEqual(['Actor:wnu-editor']);
    expect(keysOf(claim.whoCallsToVerify)).toEqual(['Actor:human-rights-watch']);
    expect(claim.deniedBy.map((a) => a.key)).toEqual(['us-led-coalition', 'united-states']);
    // One round trip per side, whatever the number of claims.
    expect(result.queries.filter((name) => name === 'claim parties')).toHaveLength(6);
  });
});

describe('lookups by key and by a source’s own id', () => {
  it('every root lookup takes the natural key', async () => {
    const data = await api.data(LookupsByKeyDocument);
    expect(Object.values(data).map((record) => record!.key)).toEqual([
      'daquq', 'igor-konashenkov', 'rt', 'rt-coalition-strike-killed-mourners-kirkuk', 'mod-accuses-coalition-daquq', 'coalition-carried-out-daquq-strike',
    ]);
  });

  it('event(key:) answers the same record as event(id:), and refuses both or neither', async () => {
    const { event } = await api.data(EventByKeyWarningsDocument, { key: 'daquq-airstrike-2016-10-21' });
    expect(event!.id).toBe(gid('Event', 'daquq-airstrike-2016-10-21'));
    const both = await api.run(`{ event(id: "${event!.id}", key: "daquq-airstrike-2016-10-21") { key } }`);
    expect(codes(both)).toEqual(['VALIDATION']);
    const neither = await api.run('{ event { key } }');
    expect(codes(neither)).toEqual(['VALIDATION']);
    const missing = await api.run('{ event(key: "no-such-event") { key } }');
    expect(codes(missing)).toEqual(['NOT_FOUND']);
  });

  it('a key given as an ID is refused with a message saying how to look it up', async () => {
    const result = await api.run('{ event(id: "daquq-airstrike-2016-10-21") { key } }');
    expect(codes(result)).toEqual(['VALIDATION']);
    expect(result.errors![0]!.message).toContain('pass the key as `key` (event(key: "daquq-airstrike-2016-10-21"))');
    expect(result.errors![0]!.message).toContain('recordsBySourceId');
  });

  it('recordsBySourceId finds what a GDELT id or an article URL became, and each record lists its source ids', async () => {
    const url = 'https://www.rt.com/news/363914-coalition-strike-kirkuk-mourners/';
    await api.db.write(cypher('test: a source id and a URL', `
      MATCH (e:Event {id: 'daquq-airstrike-2016-10-21'}), (a:Article {id: 'rt-coalition-strike-killed-mourners-kirkuk'})
      MERGE (:ExternalRecord {id: 'gdelt:599812001'})-[:IDENTIFIES]->(e)
      SET a.url = $url`), { url });
    try {
      const byGdelt = await api.data(RecordsBySourceIdDocument, { id: 'gdelt:599812001' });
      expect(byGdelt.recordsBySourceId).toEqual([{ __typename: 'Event', key: 'daquq-airstrike-2016-10-21', sourceIds: ['gdelt:599812001'] }]);
      const byUrl = await api.data(RecordsBySourceIdDocument, { id: url });
      expect(byUrl.recordsBySourceId).toEqual([{ __typename: 'Article', key: 'rt-coalition-strike-killed-mourners-kirkuk', url }]);
      expect((await api.data(RecordsBySourceIdDocument, { id: 'acled:IRQ0' })).recordsBySourceId).toEqual([]);
    } finally {
      await api.db.write(cypher('test: remove the source id and URL', `
        MATCH (x:ExternalRecord {id: 'gdelt:599812001'}) DETACH DELETE x
        WITH count(*) AS done MATCH (a:Article {id: 'rt-coalition-strike-killed-mourners-kirkuk'}) REMOVE a.url`));
    }
  });
});

describe('evidence and warnings', () => {
  it('the strike’s page warns that the Reuters photo shows another place and day; the caption alone verifies nothing', async () => {
    const { event } = await api.data(EventByKeyWarningsDocument, { key: 'daquq-airstrike-2016-10-21' });
    expect(event!.sourceIds).toEqual([]);
    const [warning, ...others] = event!.mediaWarnings;
    expect(others).toEqual([]);
    expect(warning!.media.key).toBe('reuters-photo-civilians-return-2016-10-21');
    expect(warning!.note).toMatch(/south of Mosul/);
    expect(warning!.media.depicts.map((d) => [d.target.__typename, d.verified, d.verifiedBy, d.method])).toEqual([
      ['Place', null, null, null],
      ['Event', null, null, null],
    ]);
  });

  it('a depiction marked verified must say who checked it and how', async () => {
    const { mediaItemRecord } = await import('../src/modules/media/media.record.js');
    const check = mediaItemRecord.check!;
    expect(check({ id: 'x', kind: 'PHOTO', depicts: [{ place: 'daquq', verified: true }] })).toEqual([
      { path: 'depicts[0].verifiedBy', message: 'is required when verified is true' },
      { path: 'depicts[0].method', message: 'is required when verified is true' },
    ]);
    expect(check({ id: 'x', kind: 'PHOTO', depicts: [{ place: 'daquq', verified: true, verifiedBy: 'AFP Fact Check', method: 'geolocated against satellite imagery' }] })).toEqual([]);
  });
});
