import { createHash } from 'node:crypto';
import { ApolloClient, HttpLink, InMemoryCache, gql as apolloGql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { Client, fetchExchange, gql, subscriptionExchange, type OperationResult } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import { serverAudits } from 'graphql-http';
import { createClient as createWsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WalkDocument } from '../examples/generated/graphql.js';
import { cypher } from '../src/db/database.js';
import { StatementAddedToEventDocument, UpsertStatementTypenameDocument, type StatementAddedToEventSubscription } from './generated/graphql.js';
import { apiKeysOf, gid } from './helpers/api.js';
import { listeningApi, observedLive } from './helpers/server.js';

/** Well-known clients against the API on a real port, unchanged: each as its documentation shows it. */
const editorKey = 'clients-editor-secret';
const apiKeys = apiKeysOf('clients-editor', 'editor', editorKey);
const daquq = gid('Event', 'daquq-airstrike-2016-10-21');
const live = observedLive();
let api: Awaited<ReturnType<typeof listeningApi>>;

beforeAll(async () => {
  api = await listeningApi({ apiKeys, live });
});

afterAll(async () => {
  await api.db.write(cypher('test: remove client writes', 'MATCH (n) WHERE n.id IN ["zz-urql-statement", "api-clients-editor"] DETACH DELETE n'));
  await api.close();
});

/** What a client sent: whether the body (or the URL, for GET) carried the operation's text, and its hash. */
interface Sent {
  method: string;
  query: boolean;
  hash: string | undefined;
}

/** A fetch that notes each request before sending it on, unchanged, to the server. */
function notingFetch(sent: Sent[]): typeof fetch {
  return async (input, init) => {
    const url = new URL(String(input));
    const params = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : Object.fromEntries(url.searchParams);
    const extensions = typeof params.extensions === 'string' ? JSON.parse(params.extensions) : params.extensions;
    sent.push({ method: init?.method ?? 'GET', query: typeof params.query === 'string', hash: extensions?.persistedQuery?.sha256Hash });
    return fetch(input, init);
  };
}

describe('Apollo Client', () => {
  it('persists queries automatically (PersistedQueryLink): the hash first, the text once when the server asks, then the hash alone', async () => {
    const document = apolloGql`
      query EventTitleByApolloApq($id: ID!) {
        event(id: $id) { title }
      }
    `;
    const sent: Sent[] = [];
    const newClient = () =>
      new ApolloClient({
        link: new PersistedQueryLink({ sha256: (query) => createHash('sha256').update(query).digest('hex') }).concat(
          new HttpLink({ uri: api.url, fetch: notingFetch(sent) }),
        ),
        cache: new InMemoryCache(),
      });
    const first = await newClient().query({ query: document, variables: { id: daquq } });
    expect(first.error).toBeUndefined();
    expect(first.data).toEqual({ event: { __typename: 'Event', title: 'Airstrike on Daquq, Kirkuk Governorate' } });
    const [unknown, registering] = sent;
    expect(unknown).toMatchObject({ method: 'POST', query: false, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(registering).toMatchObject({ method: 'POST', query: true, hash: unknown!.hash });
    expect(sent).toHaveLength(2);

    sent.length = 0;
    const again = await newClient().query({ query: document, variables: { id: daquq } });
    expect(again.data).toEqual(first.data);
    expect(sent).toEqual([{ method: 'POST', query: false, hash: unknown!.hash }]);
  });
});

describe('urql', () => {
  it('runs the walk with its variables, by POST and by GET', async () => {
    for (const preferGetMethod of [false, true]) {
      const client = new Client({ url: api.url, exchanges: [fetchExchange], preferGetMethod });
      const result = await client.query(WalkDocument.toString(), { event: daquq }).toPromise();
      expect(result.error, String(preferGetMethod)).toBeUndefined();
      expect(result.data!.event!.coverage.map((c) => c.outlet.name)).toContain('RT');
    }
  });

  it('persists queries automatically (persistedExchange): the hash first, the text once when the server asks, then the hash alone', async () => {
    const document = gql`
      query EventTitleByApq($id: ID!) {
        event(id: $id) { title }
      }
    `;
    const sent: Sent[] = [];
    const newClient = () => new Client({ url: api.url, exchanges: [persistedExchange(), fetchExchange], fetch: notingFetch(sent) });
    const first = await newClient().query(document, { id: daquq }).toPromise();
    expect(first.error).toBeUndefined();
    expect(first.data).toEqual({ event: { title: 'Airstrike on Daquq, Kirkuk Governorate' } });
    const [unknown, registering] = sent;
    expect(unknown).toMatchObject({ query: false, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(registering).toMatchObject({ query: true, hash: unknown!.hash });
    expect(sent).toHaveLength(2);

    sent.length = 0;
    const again = await newClient().query(document, { id: daquq }).toPromise();
    expect(again.data).toEqual(first.data);
    expect(sent).toEqual([{ method: 'GET', query: false, hash: unknown!.hash }]);
  });

  it('finds the public operations (schema/persisted-operations.json) by hash from the start', async () => {
    const sent: Sent[] = [];
    const client = new Client({ url: api.url, exchanges: [persistedExchange(), fetchExchange], fetch: notingFetch(sent) });
    const result = await client.query(WalkDocument.toString(), { event: daquq }).toPromise();
    expect(result.error).toBeUndefined();
    expect(sent).toEqual([expect.objectContaining({ query: false })]);
  });

  it('subscribes over WebSocket (subscriptionExchange with graphql-ws) and hears a real write', async () => {
    const ws = createWsClient({ url: api.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
    const client = new Client({
      url: api.url,
      exchanges: [
        fetchExchange,
        subscriptionExchange({
          forwardSubscription: (request) => ({
            subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
          }),
        }),
      ],
    });
    const listening = live.listening('statement-added');
    // Not toPromise(), which waits for the end of a stream (a subscription's results have hasNext).
    const first = new Promise<OperationResult<StatementAddedToEventSubscription>>((resolve) => {
      const subscription = client.subscription(StatementAddedToEventDocument, { event: daquq }).subscribe((result) => {
        subscription.unsubscribe();
        resolve(result);
      });
    });
    await listening;
    const written = await new Client({ url: api.url, exchanges: [fetchExchange], fetchOptions: { headers: { authorization: `Bearer ${editorKey}` } } })
      .mutation(UpsertStatementTypenameDocument, {
        input: { key: 'zz-urql-statement', kind: 'COMMENT', text: 'Heard by urql', quote: 'VERBATIM', speaker: 'wnu-editor', about: ['daquq-airstrike-2016-10-21'] },
      })
      .toPromise();
    expect(written.data?.upsertStatement.__typename).toBe('Statement');
    expect((await first).data?.statementAdded).toEqual({ key: 'zz-urql-statement', text: 'Heard by urql', speaker: { key: 'wnu-editor' } });
    await ws.dispose();
  });
});

describe('graphql-http’s audits of the GraphQL-over-HTTP spec', () => {
  // Built lazily: the server's URL is known only once it listens.
  const audits = serverAudits({ url: () => api.url, fetchFn: fetch });

  it.each(audits.map((audit) => [audit.name, audit] as const))('%s', async (_name, audit) => {
    const result = await audit.fn();
    expect(result.status, 'reason' in result ? result.reason : undefined).toBe('ok');
  });

  it('are all there (61 when written)', () => {
    expect(audits.length).toBeGreaterThanOrEqual(61);
  });
});
