import { afterAll, describe, expect, it } from 'vitest';
import { cypher } from '../src/db/database.js';
import { hashKey, parseApiKeys } from '../src/http/auth.js';
import { createLive } from '../src/http/live.js';
import { testApi } from './helpers/api.js';
import { snapshot } from './helpers/graph.js';

/** Upserts lose nothing: fields left out stay, null clears, and bad input of any size is a ValidationError. */

const editorKey = 'upsert-editor-secret';
const editor = { authorization: `Bearer ${editorKey}` };
const live = createLive(undefined);
const api = testApi({ apiKeys: parseApiKeys(`upsert-editor:editor:${hashKey(editorKey).toString('hex')}`), live });

afterAll(async () => {
  await api.db.write(cypher('test: remove upserts', 'MATCH (n) WHERE n.id STARTS WITH "zz-up-" OR n.id = "api-upsert-editor" DETACH DELETE n'));
  await live.close();
  await api.close();
});

const upsertEvent = `mutation($input: EventInput!) {
  upsertEvent(input: $input) {
    __typename
    ... on Event { key title summary startDate endDate datePrecision places { key } partOf { key } }
    ... on ValidationError { problems { path message } }
  }
}`;
const upsertPlace = `mutation($input: PlaceInput!) {
  upsertPlace(input: $input) {
    __typename
    ... on Place { key name kind countryCode location { latitude longitude } parent { key } }
    ... on ValidationError { problems { path message } }
  }
}`;
const upsertArticle = `mutation($input: ArticleInput!) {
  upsertArticle(input: $input) { __typename ... on Article { key } ... on ValidationError { problems { path message } } }
}`;

const paths = (result: { data?: any }, field: string) =>
  (result.data[field].problems as Array<{ path: string }> | undefined)?.map((problem) => problem.path).sort();

describe('a field left out of an update is left alone', () => {
  it('keeps an event’s summary, note, dates and places when only its title is sent, and clears what is sent as null', async () => {
    const created = await api.run<any, any>(
      upsertEvent,
      { input: { key: 'zz-up-event', kind: 'AIRSTRIKE', title: 'First title', summary: 'What is known', note: 'Read from a test', startDate: '2016-10-21', endDate: '2016-10-22', places: ['daquq'] } },
      editor,
    );
    expect(created.data.upsertEvent.__typename).toBe('Event');
    const renamed = await api.run<any, any>(upsertEvent, { input: { key: 'zz-up-event', title: 'Second title' } }, editor);
    expect(renamed.data.upsertEvent).toMatchObject({
      title: 'Second title',
      summary: 'What is known',
      startDate: '2016-10-21',
      endDate: '2016-10-22',
      places: [{ key: 'daquq' }],
    });
    const cleared = await api.run<any, any>(upsertEvent, { input: { key: 'zz-up-event', summary: null, endDate: null } }, editor);
    expect(cleared.data.upsertEvent).toMatchObject({ title: 'Second title', summary: null, endDate: null });
    const note = await api.db.read(cypher('test: event note', 'MATCH (e:Event {id: "zz-up-event"}) RETURN e.note AS note'));
    expect(note.records[0]!.get('note')).toBe('Read from a test');
    // The period filter follows the cleared end: the event now ends with its start day.
    const later = await api.run<any, never>('{ events(filter: { from: "2016-10-22", to: "2016-10-22" }) { edges { node { key } } } }');
    expect(later.data.events.edges.map((edge: any) => edge.node.key)).not.toContain('zz-up-event');
  });

  it('keeps a place’s location, country and kind when only its name is sent', async () => {
    await api.run(upsertPlace, { input: { key: 'zz-up-place', name: 'Somewhere', kind: 'TOWN', countryCode: 'IQ', location: { latitude: 35.1, longitude: 44.4 }, within: 'kirkuk-governorate' } }, editor);
    const renamed = await api.run<any, any>(upsertPlace, { input: { key: 'zz-up-place', name: 'Somewhere Else' } }, editor);
    expect(renamed.data.upsertPlace).toEqual({
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
    await api.run(upsertPlace, { input: { key: 'zz-up-place-2', name: 'A village', kind: 'VILLAGE', within: 'kirkuk-governorate' } }, editor);
    const moved = await api.run<any, any>(upsertPlace, { input: { key: 'zz-up-place-2', within: 'zz-up-place' } }, editor);
    expect(moved.data.upsertPlace.parent).toEqual({ key: 'zz-up-place' });
    const detached = await api.run<any, any>(upsertPlace, { input: { key: 'zz-up-place-2', within: null } }, editor);
    expect(detached.data.upsertPlace.parent).toBeNull();
  });

  it('still requires a new record’s required fields', async () => {
    const result = await api.run<any, any>(upsertEvent, { input: { key: 'zz-up-new-event', title: 'No kind, no date' } }, editor);
    expect(paths(result, 'upsertEvent')).toEqual(['input.kind', 'input.startDate']);
    const cleared = await api.run<any, any>(upsertEvent, { input: { key: 'zz-up-event', title: null } }, editor);
    expect(cleared.data.upsertEvent.problems).toEqual([{ path: 'input.title', message: 'is required' }]);
  });
});

describe('validation catches what users get wrong', () => {
  it('refuses a place within itself, an event part of itself, and loops through longer chains, writing nothing', async () => {
    const self = await api.run<any, any>(upsertPlace, { input: { key: 'zz-up-place', within: 'zz-up-place' } }, editor);
    expect(paths(self, 'upsertPlace')).toEqual(['input.within']);
    const selfEvent = await api.run<any, any>(upsertEvent, { input: { key: 'zz-up-event', partOf: 'zz-up-event' } }, editor);
    expect(paths(selfEvent, 'upsertEvent')).toEqual(['input.partOf']);

    // zz-up-place-3 → zz-up-place → kirkuk-governorate; closing the loop from the top fails.
    await api.run(upsertPlace, { input: { key: 'zz-up-place-3', name: 'A site', kind: 'SITE', within: 'zz-up-place' } }, editor);
    const before = await snapshot(api.db);
    const loop = await api.run<any, any>(upsertPlace, { input: { key: 'kirkuk-governorate', within: 'zz-up-place-3' } }, editor);
    expect(loop.data.upsertPlace.problems).toEqual([{ path: 'input.within', message: expect.stringContaining('loop') }]);
    expect(await snapshot(api.db)).toEqual(before);
  });

  it('refuses an end before the start', async () => {
    const result = await api.run<any, any>(upsertEvent, { input: { key: 'zz-up-event', startDate: '2016-10-21', endDate: '2016-09' } }, editor);
    expect(paths(result, 'upsertEvent')).toEqual(['input.endDate']);
  });

  it('bounds every string: huge titles, keys and URLs are ValidationErrors, never "Unexpected error"', async () => {
    const before = await snapshot(api.db);
    const title = await api.run<any, any>(upsertEvent, { input: { key: 'zz-up-event', title: 'x'.repeat(100_000) } }, editor);
    expect(title.errors).toBeUndefined();
    expect(title.data.upsertEvent.problems).toEqual([{ path: 'input.title', message: expect.stringMatching(/^must be at most [\d,]+ characters$/) }]);
    const key = await api.run<any, any>(upsertEvent, { input: { key: 'k'.repeat(10_000), kind: 'AIRSTRIKE', title: 'A', startDate: '2016' } }, editor);
    expect(paths(key, 'upsertEvent')).toEqual(['input.key']);
    const url = await api.run<any, any>(upsertArticle, { input: { outlet: 'rt', title: 'A', url: `https://example.org/${'a'.repeat(100_000)}` } }, editor);
    expect(url.errors).toBeUndefined();
    expect(url.data.upsertArticle.__typename).toBe('ValidationError');
    expect(await snapshot(api.db)).toEqual(before);
  });

  it('refuses coordinates out of range, with the field path', async () => {
    const result = await api.run<any, any>(upsertPlace, { input: { key: 'zz-up-place', location: { latitude: 91, longitude: 200 } } }, editor);
    expect(paths(result, 'upsertPlace')).toEqual(['input.location.latitude', 'input.location.longitude']);
  });
});

describe('bundles of any shape', () => {
  const source = { id: 'zz-up-source', title: 'Odd bundles', recordedAt: '2026-12-04' };
  const importBundle = 'mutation($bundle: JSON!) { importBundle(bundle: $bundle) { __typename ... on ValidationError { problems { path message } } } }';
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
      const result = await api.run<any, any>(importBundle, { bundle }, editor);
      expect(result.errors, JSON.stringify(bundle).slice(0, 80)).toBeUndefined();
      expect(result.data.importBundle.__typename).toBe('ValidationError');
      expect(result.data.importBundle.problems.map((problem: { path: string }) => problem.path)).toContain(path);
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
    const input = { key: 'zz-up-statement', kind: 'COMMENT', text: 'An unchanged comment', quote: 'VERBATIM', about: ['daquq-airstrike-2016-10-21'] };
    const upsertStatement = 'mutation($input: StatementInput!) { upsertStatement(input: $input) { __typename } }';
    await api.run(upsertStatement, { input }, editor);
    await api.run(upsertStatement, { input }, editor);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await subscription.return?.();
    await listening;
    expect(heard).toEqual(['zz-up-statement']);
  });
});
