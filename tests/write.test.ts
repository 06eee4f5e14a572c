import { afterAll, describe, expect, it } from 'vitest';
import { hashKey, parseApiKeys } from '../src/http/auth.js';
import { cypher } from '../src/db/database.js';
import {
  AuditEntryKeysDocument,
  DeleteRecordDocument,
  FirstEventTotalCountDocument,
  ImportBundleSummaryDocument,
  NodeExistsDocument,
  RecentAuditEntriesDocument,
  UpsertActorRolesDocument,
  UpsertArticleByUrlDocument,
  UpsertClaimEventDocument,
  UpsertEventWithProvenanceDocument,
  UpsertMediaItemLinksDocument,
  UpsertOutletDomainsDocument,
  UpsertOutletNameDocument,
  UpsertPlaceLinksDocument,
  UpsertStatementLinksDocument,
  type EventInput,
} from './generated/graphql.js';
import { codes, gid, ofType, testApi } from './helpers/api.js';
import { restoreSeed, snapshot } from './helpers/graph.js';

const keys = { reader: 'reader-secret-1', editor: 'editor-secret-2', admin: 'admin-secret-3' };
const apiKeys = parseApiKeys(
  Object.entries(keys)
    .map(([role, key]) => `${role}-key:${role}:${hashKey(key).toString('hex')}`)
    .join(','),
);
const api = testApi({ apiKeys });
const as = (role: keyof typeof keys) => ({ authorization: `Bearer ${keys[role]}` });

// Writes also leave audit entries, API-key actors and resolution's links: the next file gets the seed as it was.
afterAll(async () => {
  await restoreSeed(api.db);
  await api.close();
});

const upsertEvent = UpsertEventWithProvenanceDocument;

const event: EventInput = { key: 'zz-write-event', kind: 'AIRSTRIKE', title: 'A test strike near Kirkuk', startDate: '2016-10', places: ['kirkuk'] };

describe('roles', () => {
  it('refuses writes without a key (UNAUTHENTICATED), with a wrong key (UNAUTHENTICATED), with a reader key (FORBIDDEN)', async () => {
    const before = await snapshot(api.db);
    expect(codes(await api.run(upsertEvent, { input: event }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await api.run(upsertEvent, { input: event }, { authorization: 'Bearer not-a-key' }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await api.run(upsertEvent, { input: event }, { authorization: 'Basic abc' }))).toEqual(['UNAUTHENTICATED']);
    const reader = await api.run(upsertEvent, { input: event }, as('reader'));
    expect(codes(reader)).toEqual(['FORBIDDEN']);
    expect(await snapshot(api.db)).toEqual(before);
  });

  it('keeps reads public, with or without a key', async () => {
    for (const headers of [{}, as('reader'), as('editor')]) {
      const result = await api.run(FirstEventTotalCountDocument, undefined, headers);
      expect(result.errors).toBeUndefined();
      expect(result.data!.events!.totalCount).toBeGreaterThan(0);
    }
  });

  it('refuses a malformed API_KEYS entry with a clear sentence', () => {
    expect(() => parseApiKeys('alice:owner:abcd')).toThrow(/API_KEYS entry 1 must be name:role:sha256hex/);
  });
});

describe('upserts', () => {
  it('creates an event linked to an existing place, recording the key holder as its source', async () => {
    const result = await api.run(upsertEvent, { input: event }, as('editor'));
    expect(result.errors).toBeUndefined();
    expect(result.data!.upsertEvent).toEqual({
      __typename: 'Event',
      id: gid('Event', 'zz-write-event'),
      key: 'zz-write-event',
      title: 'A test strike near Kirkuk',
      startDate: '2016-10',
      datePrecision: 'MONTH',
      places: [{ key: 'kirkuk' }],
      provenance: { sources: [{ key: 'api-editor-key' }] },
    });
  });

  it('is idempotent: the same upsert again changes nothing', async () => {
    await api.run(upsertEvent, { input: event }, as('editor'));
    const before = await snapshot(api.db);
    await api.run(upsertEvent, { input: event }, as('editor'));
    expect(await snapshot(api.db)).toEqual(before);
  });

  it('answers invalid input with a ValidationError naming each field path, writing nothing', async () => {
    const before = await snapshot(api.db);
    const result = await api.run(upsertEvent, { input: { ...event, startDate: '2016-13-01', key: 'Bad Key' } }, as('editor'));
    expect(result.data!.upsertEvent.__typename).toBe('ValidationError');
    expect(ofType(result.data!.upsertEvent, 'ValidationError').problems.map((p) => p.path).sort()).toEqual(['input.key', 'input.startDate']);
    expect(await snapshot(api.db)).toEqual(before);
  });

  it('answers a reference to a missing record with a NotFoundError, writing nothing', async () => {
    const result = await api.run(upsertEvent, { input: { ...event, places: ['kirkuk', 'atlantis'] } }, as('editor'));
    expect(result.data!.upsertEvent).toEqual({ __typename: 'NotFoundError', path: 'input.places[1]', kind: 'places', key: 'atlantis' });
  });

  it('links a statement to its speaker, a stance on a claim and the article that carried it', async () => {
    const claim = await api.run(
      UpsertClaimEventDocument,
      { input: { key: 'zz-write-claim', proposition: 'The test strike killed three people.', event: 'zz-write-event', casualtiesMin: 3, casualtiesMax: 3 } },
      as('editor'),
    );
    expect(claim.data!.upsertClaim).toEqual({ __typename: 'Claim', key: 'zz-write-claim', event: { key: 'zz-write-event' } });
    const statement = await api.run(
      UpsertStatementLinksDocument,
      {
        input: {
          key: 'zz-write-statement',
          kind: 'DENIAL',
          text: 'We did not carry out the test strike.',
          quote: 'VERBATIM',
          madeAt: '2016-10-25',
          speaker: 'us-led-coalition',
          reportedIn: ['sputnik-coalition-denies-daquq-airstrikes'],
          stances: [{ claim: 'zz-write-claim', value: 'DENIES' }],
        },
      },
      as('editor'),
    );
    expect(statement.errors).toBeUndefined();
    expect(statement.data!.upsertStatement).toMatchObject({
      __typename: 'Statement',
      key: 'zz-write-statement',
      speaker: { key: 'us-led-coalition' },
      stances: [{ value: 'DENIES', claim: { key: 'zz-write-claim' } }],
    });
  });
});

describe('every record kind', () => {
  it('upserts places, actors, outlets and media items with their links', async () => {
    const place = await api.run(
      UpsertPlaceLinksDocument,
      { input: { key: 'zz-write-place', name: 'Test Village', kind: 'VILLAGE', countryCode: 'IQ', within: 'kirkuk-governorate', location: { latitude: 35.2, longitude: 44.4 }, near: [{ place: 'daquq', distanceKm: 5, direction: 'N' }] } },
      as('editor'),
    );
    expect(place.data!.upsertPlace).toEqual({
      __typename: 'Place',
      key: 'zz-write-place',
      parent: { key: 'kirkuk-governorate' },
      near: [{ place: { key: 'daquq' }, distanceKm: 5, direction: 'N' }],
      location: { latitude: 35.2 },
    });
    const actor = await api.run(
      UpsertActorRolesDocument,
      { input: { key: 'zz-write-actor', name: 'Test Spokesperson', kind: 'PERSON', aliases: ['T. S.'], roles: [{ actor: 'russian-ministry-of-defence', title: 'deputy spokesperson' }] } },
      as('editor'),
    );
    expect(actor.data!.upsertActor).toEqual({
      __typename: 'Actor',
      key: 'zz-write-actor',
      aliases: ['T. S.'],
      roles: [{ title: 'deputy spokesperson', organization: { key: 'russian-ministry-of-defence' } }],
    });
    const outlet = await api.run(
      UpsertOutletDomainsDocument,
      { input: { name: 'Test Wire', kind: 'WIRE', domains: ['zz-test-wire.example'] } },
      as('editor'),
    );
    expect(outlet.data!.upsertOutlet).toEqual({ __typename: 'Outlet', key: 'zz-test-wire-example', domains: ['zz-test-wire.example'], kind: 'WIRE' });
    const byDomain = await api.run(
      UpsertOutletNameDocument,
      { input: { name: 'Test Wire Service', kind: 'WIRE', domains: ['zz-test-wire.example'] } },
      as('editor'),
    );
    expect(byDomain.data!.upsertOutlet).toEqual({ __typename: 'Outlet', key: 'zz-test-wire-example', name: 'Test Wire Service' });
    const media = await api.run(
      UpsertMediaItemLinksDocument,
      { input: { key: 'zz-write-media', kind: 'PHOTO', caption: 'A test photo', creditedTo: ['zz-write-actor'], distributedBy: 'zz-test-wire-example', depicts: [{ place: 'zz-write-place', verified: false }] } },
      as('editor'),
    );
    expect(media.data!.upsertMediaItem).toEqual({
      __typename: 'MediaItem',
      key: 'zz-write-media',
      creditedTo: [{ key: 'zz-write-actor' }],
      distributedBy: { key: 'zz-test-wire-example' },
      depicts: [{ verified: false, target: { key: 'zz-write-place' } }],
    });
    await api.db.write(cypher('test: remove kinds', 'MATCH (n) WHERE n.id IN $ids DETACH DELETE n'), {
      ids: ['zz-write-place', 'zz-write-actor', 'zz-test-wire-example', 'zz-write-media'],
    });
  });
});

describe('natural keys', () => {
  const upsertArticle = UpsertArticleByUrlDocument;
  const url = 'https://example.org/2016/10/daquq-strike';

  it('finds an article by its canonical URL when no key is given', async () => {
    const first = await api.run(upsertArticle, { input: { key: 'zz-write-article', outlet: 'rt', title: 'First title', url } }, as('editor'));
    expect(first.data!.upsertArticle).toEqual({ __typename: 'Article', key: 'zz-write-article', url, title: 'First title' });
    const byUrl = await api.run(upsertArticle, { input: { outlet: 'rt', title: 'Corrected title', url } }, as('editor'));
    expect(byUrl.data!.upsertArticle).toEqual({ __typename: 'Article', key: 'zz-write-article', url, title: 'Corrected title' });
  });

  it('answers a URL already taken by another article with a ConflictError', async () => {
    const result = await api.run(upsertArticle, { input: { key: 'zz-write-article-2', outlet: 'rt', title: 'Copy', url } }, as('editor'));
    expect(result.data!.upsertArticle.__typename).toBe('ConflictError');
    const gone = await api.run(NodeExistsDocument, { id: gid('Article', 'zz-write-article-2') });
    expect(gone.data!.node).toBeNull();
  });

  it('asks for a key or a URL', async () => {
    const result = await api.run(upsertArticle, { input: { outlet: 'rt', title: 'No key' } }, as('editor'));
    expect(result.data!.upsertArticle).toEqual({ __typename: 'ValidationError', problems: [{ path: 'input.key' }] });
  });
});

describe('importBundle', () => {
  const importBundle = ImportBundleSummaryDocument;
  const bundle = {
    source: { id: 'api-bundle-test', title: 'A bundle through the API', recordedAt: '2026-11-24' },
    places: [{ id: 'zz-write-place', name: 'Test Village', kind: 'VILLAGE', within: 'kirkuk-governorate' }],
    actors: [{ id: 'zz-write-actor', name: 'Test Witness', kind: 'PERSON' }],
  };

  it('imports all of a bundle, then nothing the second time', async () => {
    const first = await api.run(importBundle, { bundle }, as('editor'));
    expect(first.data!.importBundle).toEqual({ __typename: 'ImportSummary', nodesCreated: 3, relationshipsCreated: 1 });
    const again = await api.run(importBundle, { bundle }, as('editor'));
    expect(again.data!.importBundle).toEqual({ __typename: 'ImportSummary', nodesCreated: 0, relationshipsCreated: 0 });
  });

  it('imports nothing of a bundle with one bad record', async () => {
    const before = await snapshot(api.db);
    const broken = { ...bundle, actors: [...bundle.actors, { id: 'zz-other', name: 'X', kind: 'ROBOT' }] };
    const result = await api.run(importBundle, { bundle: broken }, as('editor'));
    expect(result.data!.importBundle.__typename).toBe('ValidationError');
    expect(ofType(result.data!.importBundle, 'ValidationError').problems[0]!.path).toBe('actors[1].kind');
    expect(await snapshot(api.db)).toEqual(before);
  });
});

describe('deleteRecord', () => {
  const deleteRecord = DeleteRecordDocument;

  it('is for admins only', async () => {
    const id = gid('Actor', 'zz-write-actor');
    expect(codes(await api.run(deleteRecord, { id }, as('editor')))).toEqual(['FORBIDDEN']);
    expect(codes(await api.run(deleteRecord, { id }))).toEqual(['UNAUTHENTICATED']);
  });

  it('deletes a record and keeps an audit entry of who, when and what', async () => {
    const result = await api.run(deleteRecord, { id: gid('Place', 'zz-write-place') }, as('admin'));
    expect(result.data!.deleteRecord).toMatchObject({
      __typename: 'AuditEntry',
      action: 'DELETE',
      label: 'Place',
      key: 'zz-write-place',
      by: 'admin-key',
      relationships: 1,
      properties: { id: 'zz-write-place', name: 'Test Village', kind: 'VILLAGE' },
    });
    const gone = await api.run(NodeExistsDocument, { id: gid('Place', 'zz-write-place') });
    expect(gone.data!.node).toBeNull();
    const log = await api.run(RecentAuditEntriesDocument, undefined, as('admin'));
    expect(log.data!.auditEntries[0]).toMatchObject({ key: 'zz-write-place', by: 'admin-key' });
    expect(Date.parse(log.data!.auditEntries[0]!.at)).toBeGreaterThan(Date.now() - 60_000);
    expect(codes(await api.run(AuditEntryKeysDocument, undefined, as('editor')))).toEqual(['FORBIDDEN']);
  });

  it("keeps in the audit entry what the record said, not how it was stored (a statement's speaker key)", async () => {
    const result = await api.run(deleteRecord, { id: gid('Statement', 'zz-write-statement') }, as('admin'));
    const entry = result.data!.deleteRecord as { properties: Record<string, unknown> };
    expect(entry.properties).toMatchObject({ id: 'zz-write-statement', kind: 'DENIAL', madeAt: '2016-10-25' });
    expect(Object.keys(entry.properties)).not.toContain('speakerKey');
  });

  it('answers an unknown record with a NotFoundError', async () => {
    const result = await api.run(deleteRecord, { id: gid('Event', 'no-such-event') }, as('admin'));
    expect(result.data!.deleteRecord).toEqual({ __typename: 'NotFoundError', key: 'no-such-event' });
  });
});
