import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { cypher } from '../src/db/database.js';
import { createLive, type Live } from '../src/http/live.js';
import {
  EventUpdatedTitleDocument,
  StatementAddedToEventDocument,
  UpsertEventTypenameDocument,
  UpsertStatementTypenameDocument,
  type EventInput,
  type StatementInput,
} from './generated/graphql.js';
import { apiKeysOf, gid, testApi } from './helpers/api.js';

const editorKey = 'live-editor-secret';
const apiKeys = apiKeysOf('live-editor', 'editor', editorKey);
const editor = { authorization: `Bearer ${editorKey}` };
const daquq = gid('Event', 'daquq-airstrike-2016-10-21');

const written = ['zz-live-statement', 'zz-live-statement-redis', 'zz-live-event'];
const cleanup = testApi();
afterAll(async () => {
  await cleanup.db.write(cypher('test: remove live writes', 'MATCH (n) WHERE n.id IN $ids OR n.id = "api-live-editor" DETACH DELETE n'), {
    ids: written,
  });
  await cleanup.close();
});

/** Opens a subscription over Server-Sent Events; `next` resolves with its first payload. */
async function firstEvent<T, V>(api: ReturnType<typeof testApi>, subscription: TypedDocumentNode<T, V>, variables: V) {
  const response = await api.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query: print(subscription), variables }),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const received = (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the stream ended before any event');
      buffer += decoder.decode(value, { stream: true });
      const match = /event: next\ndata: (.*)\n/.exec(buffer);
      if (match) {
        await reader.cancel();
        return JSON.parse(match[1]!) as { data: T };
      }
    }
  })();
  // Give Yoga a moment to subscribe before the write that should reach us.
  await new Promise((resolve) => setTimeout(resolve, 300));
  // Wrapped, so that awaiting this function does not also await the event.
  return { next: received };
}

const statementAdded = StatementAddedToEventDocument;
const upsertStatement = UpsertStatementTypenameDocument;
const statement = (key: string): StatementInput => ({
  key,
  kind: 'COMMENT',
  text: `A live comment (${key})`,
  quote: 'VERBATIM',
  speaker: 'wnu-editor',
  about: ['daquq-airstrike-2016-10-21'],
});

describe('live updates over Server-Sent Events', () => {
  it('delivers a statement written by a mutation to subscribers of its event', async () => {
    const api = testApi({ apiKeys });
    const event = await firstEvent(api, statementAdded, { event: daquq });
    const mutation = await api.run(upsertStatement, { input: statement('zz-live-statement') }, editor);
    expect(mutation.data!.upsertStatement.__typename).toBe('Statement');
    expect((await event.next).data.statementAdded).toEqual({
      key: 'zz-live-statement',
      text: 'A live comment (zz-live-statement)',
      speaker: { key: 'wnu-editor' },
    });
    await api.close();
  });

  it('delivers event updates', async () => {
    const api = testApi({ apiKeys });
    const upsertEvent = UpsertEventTypenameDocument;
    const input: EventInput = { key: 'zz-live-event', kind: 'SHELLING', title: 'Shelling (first report)', startDate: '2016-10-23', places: ['kirkuk'] };
    await api.run(upsertEvent, { input }, editor);
    const event = await firstEvent(api, EventUpdatedTitleDocument, { id: gid('Event', 'zz-live-event') });
    await api.run(upsertEvent, { input: { ...input, title: 'Shelling (corrected)' } }, editor);
    expect((await event.next).data.eventUpdated).toEqual({ key: 'zz-live-event', title: 'Shelling (corrected)' });
    await api.close();
  });

  it.skipIf(!inject('redisUrl'))('reaches subscribers of another API instance through Redis', async () => {
    const lives: Live[] = [createLive(inject('redisUrl')), createLive(inject('redisUrl'))];
    const listening = testApi({ apiKeys, live: lives[0] });
    const writing = testApi({ apiKeys, live: lives[1] });
    const event = await firstEvent(listening, statementAdded, { event: daquq });
    await writing.run(upsertStatement, { input: statement('zz-live-statement-redis') }, editor);
    expect((await event.next).data.statementAdded.key).toBe('zz-live-statement-redis');
    await Promise.all([listening.close(), writing.close(), ...lives.map((live) => live.close())]);
  });
});
