import { afterAll, describe, expect, it } from 'vitest';
import { cypher } from '../src/db/database.js';
import { createLive } from '../src/http/live.js';
import {
  EventKeysInPeriodDocument,
  ImportBundleProblemsDocument,
  UpsertArticleKeyDocument,
  UpsertEventFieldsDocument,
  UpsertPlaceFieldsDocument,
  UpsertStatementKindDocument,
  type EventInput,
  type PlaceInput,
} from './generated/graphql.js';
import { apiKeysOf, ofType, testApi } from './helpers/api.js';
import { restoreSeed, snapshot } from './helpers/graph.js';

/** Upserts lose nothing: fields left out stay, null clears, and bad input of any size is a ValidationError. */

const editorKey = 'upsert-editor-secret';
const editor = { authorization: `Bearer ${editorKey}` };
const live = createLive(undefined);
const api = testApi({ apiKeys: apiKeysOf('upsert-editor', 'editor', editorKey), live });

// Upserts also leave audit entries and resolution's links: the next file gets the seed as it was.
afterAll(async () => {
  await restoreSeed(api.db);
  await live.close();
  await api.close();
});

type Written = { __typename: string; problems?: Array<{ path: string; message: string }> };

/** The paths of a ValidationError's problems, sorted. */
function paths(written: Written | undefined) {
  expect(written?.__typename).toBe('ValidationError');
  return written!.problems!.map((problem) => problem.path).sort();
}

const upsertEvent = async (input: EventInput) => (await api.run(UpsertEventFieldsDocument, { input }, editor)).data!.upsertEvent;
const upsertPlace = async (input: PlaceInput) => (await api.run(UpsertPlaceFieldsDocument, { input }, editor)).data!.upsertPlace;

describe('a field left out of an update is left alone', () => {
  it('keeps an event’s summary, note, dates and places when only its title is sent, and clears what is sent as null', async () => {
    const created = await upsertEvent({
      key: 'zz-up-event',
      kind: 'AIRSTRIKE',
      title: 'First title',
      summary: 'What is known',
      note: 'Read from a test',
      startDate: '2016-10-21',
      endDate: '2016-10-22',
      places: ['daquq'],
    });
    expect(created?.__typename).toBe('Event');
    const renamed = ofType(await upsertEvent({ key: 'zz-up-event', title: 'Second title' }), 'Event');
    expect(renamed).toMatchObject({ title: 'Second title', summary: 'What is known', startDate: '2016-10-21', endDate: '2016-10-22', places: [{ key: 'daquq' }] });
    const cleared = ofType(await upsertEvent({ key: 'zz-up-event', summary: null, endDate: null }), 'Event');
    expect(cleared).toMatchObject({ title: 'Second title', summary: null, endDate: null });
    const note = await api.db.read(cypher('test: event note', 'MATCH (e:Event {id: "zz-up-event"}) RETURN e.note AS note'));
    expect(note.records[0]!.get('note')).toBe('Read from a test');
    // The period filter follows the cleared end: the event now ends with its start day.
    const later = await api.data(EventKeysInPeriodDocument, { from: '2016-10-22', to: '2016-10-22' });
    expect(later.events!.edges.map((edge) => edge.node.key)).not.toContain('zz-up-event');
  });

  it('keeps a place’s location, country and kind when only its name is sent', async () => {
    await upsertPlace({ key: 'zz-up-place', name: 'Somewhere', kind: 'TOWN', countryCode: 'IQ', location: { latitude: 35.1, longitude: 44.4 }, within: 'kirkuk-governorate' });
    expect(await upsertPlace({ key: 'zz-up-place', name: 'Somewhere Else' })).toEqual({
      __typename: 'Place',
      key: 'zz-up-place',
      name: 'Somewhere Else',
      kind: 'TOWN',
      countryCode: 'IQ',
      location: { latitude: 35.1, longitude: 44.4 },
      parent: { key: 'kirkuk-governorate' },
    });
  });

  it('replaces a single link given again, and removes it when sent as null', async () => {
    await upsertPlace({ key: 'zz-up-place-2', name: 'A village', kind: 'VILLAGE', within: 'kirkuk-governorate' });
    expect(ofType(await upsertPlace({ key: 'zz-up-place-2', within: 'zz-up-place' }), 'Place').parent).toEqual({ key: 'zz-up-place' });
    expect(ofType(await upsertPlace({ key: 'zz-up-place-2', within: null }), 'Place').parent).toBeNull();
  });

  it('still requires a new record’s required fields, and refuses to clear one', async () => {
    expect(paths(await upsertEvent({ key: 'zz-up-new-event', title: 'No kind, no date' }))).toEqual(['input.kind', 'input.startDate']);
    expect(ofType(await upsertEvent({ key: 'zz-up-event', title: null }), 'ValidationError').problems).toEqual([{ path: 'input.title', message: 'is required' }]);
  });
});

describe('validation catches what users get wrong', () => {
  it('refuses a date uncertainty beyond a week: such a date is a coarser one (YYYY-MM)', async () => {
    const event = { key: 'zz-up-uncertain', title: 'A strike dated by a report', kind: 'AIRSTRIKE', startDate: '2016-10-21' } as const;
    expect(ofType(await upsertEvent({ ...event, dateUncertaintyDays: 30 }), 'ValidationError').problems).toEqual([
      { path: 'input.dateUncertaintyDays', message: 'must be a whole number of at least 0 and at most 7' },
    ]);
    expect(ofType(await upsertEvent({ ...event, dateUncertaintyDays: 7 }), 'Event')).toBeDefined();
  });

  it('refuses a place within itself, an event part of itself, and loops through longer chains, writing nothing', async () => {
    expect(paths(await upsertPlace({ key: 'zz-up-place', within: 'zz-up-place' }))).toEqual(['input.within']);
    expect(paths(await upsertEvent({ key: 'zz-up-event', partOf: 'zz-up-event' }))).toEqual(['input.partOf']);

    // zz-up-place-3 → zz-up-place → kirkuk-governorate; closing the loop from the top fails.
    await upsertPlace({ key: 'zz-up-place-3', name: 'A site', kind: 'SITE', within: 'zz-up-place' });
    const before = await snapshot(api.db);
    const loop = ofType(await upsertPlace({ key: 'kirkuk-governorate', within: 'zz-up-place-3' }), 'ValidationError');
    expect(loop.problems).toEqual([{ path: 'input.within', message: expect.stringContaining('loop') }]);
    expect(await snapshot(api.db)).toEqual(before);
  });

  it('refuses an end before the start', async () => {
    expect(paths(await upsertEvent({ key: 'zz-up-event', startDate: '2016-10-21', endDate: '2016-09' }))).toEqual(['input.endDate']);
  });

  it('bounds every string: huge titles, keys and URLs are ValidationErrors, never "Unexpected error"', async () => {
    const before = await snapshot(api.db);
    const title = await api.run(UpsertEventFieldsDocument, { input: { key: 'zz-up-event', title: 'x'.repeat(100_000) } }, editor);
    expect(title.errors).toBeUndefined();
    expect(ofType(title.data!.upsertEvent, 'ValidationError').problems).toEqual([
      { path: 'input.title', message: expect.stringMatching(/^must be at most [\d,]+ characters$/) },
    ]);
    expect(paths(await upsertEvent({ key: 'k'.repeat(10_000), kind: 'AIRSTRIKE', title: 'A', startDate: '2016' }))).toEqual(['input.key']);
    const url = await api.run(UpsertArticleKeyDocument, { input: { outlet: 'rt', title: 'A', url: `https://example.org/${'a'.repeat(100_000)}` } }, editor);
    expect(url.errors).toBeUndefined();
    expect(paths(url.data!.upsertArticle)).toEqual(['input.url']);
    expect(await snapshot(api.db)).toEqual(before);
  });

  it('refuses coordinates out of range, with the field path', async () => {
    const result = await upsertPlace({ key: 'zz-up-place', location: { latitude: 91, longitude: 200 } });
    expect(paths(result)).toEqual(['input.location.latitude', 'input.location.longitude']);
  });
});

describe('bundles of any shape', () => {
  const source = { id: 'zz-up-source', title: 'Odd bundles', recordedAt: '2026-12-04' };
  const odd: Array<[unknown, string]> = [
    ['a string', '$'],
    [[1, 2, 3], '$'],
    [{ source, events: 'not a list' }, 'events'],
    [{ source, events: [null] }, 'events[0]'],
    [{ source, events: [{ id: 'zz-up-odd', kind: 'AIRSTRIKE', title: 'x', startDate: '2016', places: 'daquq' }] }, 'events[0].places'],
    [{ source, events: [{ id: 'zz-up-odd', kind: 'AIRSTRIKE', title: { nested: true }, startDate: 2016 }] }, 'events[0].startDate'],
    [{ source, statements: [{ id: 'zz-up-odd', kind: 'COMMENT', text: 'x', quote: 'VERBATIM', stances: [{ claim: { deep: [1] }, value: 'ASSERTS' }] }] }, 'statements[0].stances[0].claim'],
    [{ source, media: [{ id: 'zz-up-odd', kind: 'PHOTO', depicts: [{ event: 'daquq-airstrike-2016-10-21', place: 'daquq' }] }] }, 'media[0].depicts[0]'],
    [{ source, places: [{ id: 'zz-up-odd', name: 'x'.repeat(100_000), kind: 'TOWN' }] }, 'places[0].name'],
  ];

  it('answers every malformed bundle with a ValidationError naming where, never an error, writing nothing', async () => {
    const before = await snapshot(api.db);
    for (const [bundle, path] of odd) {
      const result = await api.run(ImportBundleProblemsDocument, { bundle }, editor);
      expect(result.errors, JSON.stringify(bundle).slice(0, 80)).toBeUndefined();
      expect(paths(result.data!.importBundle)).toContain(path);
    }
    expect(await snapshot(api.db)).toEqual(before);
  });
});

describe('live updates', () => {
  it('announces a statement once: rewriting it unchanged announces nothing', async () => {
    const heard: string[] = [];
    const subscription = live.pubsub.subscribe('statement-added', 'daquq-airstrike-2016-10-21');
    const listening = (async () => {
      for await (const payload of subscription) heard.push(payload.statement);
    })();
    const input = { key: 'zz-up-statement', kind: 'COMMENT' as const, text: 'An unchanged comment', quote: 'VERBATIM' as const, about: ['daquq-airstrike-2016-10-21'] };
    await api.run(UpsertStatementKindDocument, { input }, editor);
    await api.run(UpsertStatementKindDocument, { input }, editor);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await subscription.return?.();
    await listening;
    expect(heard).toEqual(['zz-up-statement']);
  });
});
