import { spawn, spawnSync } from 'node:child_process';
import { print, type FormattedExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { cypher } from '../src/db/database.js';
import { createLogger, type LogFields } from '../src/logger.js';
import { StatementAddedToEventDocument, UpsertStatementTypenameDocument, type StatementInput } from './generated/graphql.js';
import { apiKeysOf, gid } from './helpers/api.js';
import { listeningApi, observedLive } from './helpers/server.js';

const editorKey = 'ws-editor-secret';
const apiKeys = apiKeysOf('ws-editor', 'editor', editorKey);
const daquq = gid('Event', 'daquq-airstrike-2016-10-21');
const written = ['zz-ws-statement', 'zz-ws-statement-python'];

/** Python's gql with the transports examples/live.py uses (.ci/run installs them with pip). */
const pythonGql = spawnSync('python3', ['-c', 'import gql, requests_toolbelt, websockets']).status === 0;
if (!pythonGql) console.error('[tests] Python’s gql is not installed (pip install "gql[requests,websockets]"): its WebSocket test will be skipped');

const live = observedLive();
let api: Awaited<ReturnType<typeof listeningApi>>;
let limited: Awaited<ReturnType<typeof listeningApi>>;
/** Bursts of 2, then one operation a minute (no token comes back while a test runs); its log lines kept. */
let rationed: Awaited<ReturnType<typeof listeningApi>>;
const rationedLog: LogFields[] = [];
const clients: Client[] = [];

beforeAll(async () => {
  api = await listeningApi({ apiKeys, live });
  limited = await listeningApi({}, { LIMIT_DEPTH: '3', LIMIT_COST: '3' });
  rationed = await listeningApi(
    { logger: createLogger('info', (line) => rationedLog.push(JSON.parse(line))) },
    { RATE_LIMIT_BURST: '2', RATE_LIMIT_PER_MINUTE: '1' },
  );
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await api.db.write(cypher('test: remove websocket writes', 'MATCH (n) WHERE n.id IN $ids OR n.id = "api-ws-editor" DETACH DELETE n'), { ids: written });
  await Promise.all([api.close(), limited.close(), rationed.close()]);
});

function client(url: string, connectionParams?: Record<string, unknown>): Client {
  const made = createClient({ url, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
  clients.push(made);
  return made;
}

/** Every result of one operation until it completes, or the close event that ended it. */
function results(over: Client, query: string, variables: Record<string, unknown>): Promise<FormattedExecutionResult<Record<string, unknown>, unknown>[]> {
  const received: FormattedExecutionResult<Record<string, unknown>, unknown>[] = [];
  return new Promise((resolve, reject) => {
    over.subscribe({ query, variables }, { next: (result) => received.push(result), complete: () => resolve(received), error: reject });
  });
}

const statement = (key: string): StatementInput => ({
  key,
  kind: 'COMMENT',
  text: `A comment over WebSocket (${key})`,
  quote: 'VERBATIM',
  speaker: 'wnu-editor',
  about: ['daquq-airstrike-2016-10-21'],
});

/** Writes a statement about the Daquq strike through the API, as an editor. */
async function writeStatement(key: string) {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${editorKey}` },
    body: JSON.stringify({ query: print(UpsertStatementTypenameDocument), variables: { input: statement(key) } }),
  });
  expect(await response.json()).toEqual({ data: { upsertStatement: { __typename: 'Statement' } } });
}

describe('subscriptions over WebSocket (graphql-ws, graphql-transport-ws) on the API’s own port', () => {
  it('deliver a statement written through the API to the JS graphql-ws client', async () => {
    const listening = live.listening('statement-added');
    const next = new Promise<FormattedExecutionResult<Record<string, unknown>, unknown>>((resolve, reject) => {
      const unsubscribe = client(api.wsUrl).subscribe(
        { query: print(StatementAddedToEventDocument), variables: { event: daquq } },
        { next: (result) => (unsubscribe(), resolve(result)), complete: () => {}, error: reject },
      );
    });
    await listening;
    await writeStatement('zz-ws-statement');
    expect(await next).toEqual({
      data: { statementAdded: { key: 'zz-ws-statement', text: 'A comment over WebSocket (zz-ws-statement)', speaker: { key: 'wnu-editor' } } },
    });
  });

  it.skipIf(!pythonGql)('deliver one to Python’s gql (its websockets transport), after it read the event over HTTP', async () => {
    const listening = live.listening('statement-added');
    const python = spawn('python3', ['examples/live.py', api.url, daquq, '1']);
    let [stdout, stderr] = ['', ''];
    python.stdout.on('data', (chunk) => (stdout += chunk));
    python.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => python.on('close', resolve));
    // Whichever comes first: the subscription in place, or the script ending (it failed).
    await Promise.race([listening, exited]);
    await writeStatement('zz-ws-statement-python');
    expect(await exited, stderr).toBe(0);
    expect(stdout.split('\n')).toEqual([
      'Following "Airstrike on Daquq, Kirkuk Governorate"',
      'zz-ws-statement-python by WNU Editor: A comment over WebSocket (zz-ws-statement-python)',
      '',
    ]);
  });

  it('end with NOT_FOUND for an event that does not exist', async () => {
    const ended = await results(client(api.wsUrl), print(StatementAddedToEventDocument), { event: gid('Event', 'no-such-event') });
    expect(ended).toEqual([
      expect.objectContaining({ errors: [expect.objectContaining({ path: ['statementAdded'], extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })] }),
    ]);
  });

  it('end with VALIDATION for a malformed ID, naming the argument', async () => {
    const ended = await results(client(api.wsUrl), print(StatementAddedToEventDocument), { event: 'not-an-id' });
    expect(ended[0]!.errors![0]!.extensions).toEqual({ code: 'VALIDATION', argument: 'eventId' });
  });

  it('take a valid API key on connection_init, and refuse a wrong one with 4403', async () => {
    const query = '{ __typename }';
    expect(await results(client(api.wsUrl, { authorization: `Bearer ${editorKey}` }), query, {})).toEqual([{ data: { __typename: 'Query' } }]);
    const refused = results(client(api.wsUrl, { authorization: 'Bearer wrong-key' }), query, {});
    await expect(refused).rejects.toMatchObject({ code: 4403 });
  });

  it('meet the same limits as HTTP: depth while validating, cost before subscribing', async () => {
    const deep = `subscription($event: ID!) { statementAdded(eventId: $event) { speaker { statements { edges { node { key } } } } } }`;
    await expect(results(client(limited.wsUrl), deep, { event: daquq })).rejects.toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'LIMIT_EXCEEDED', limit: 'depth' }) }),
    ]);
    const costly = `subscription($event: ID!) { statementAdded(eventId: $event) { key text speaker { key } } }`;
    const refused = await results(client(limited.wsUrl), costly, { event: daquq });
    expect(refused).toEqual([{ errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'LIMIT_EXCEEDED', limit: 'cost' }) })] }]);
  });

  it('count against the client’s rate like HTTP requests, from the same bucket, and are logged', async () => {
    const query = 'query Probe { events(first: 1) { totalCount } }';
    const overHttp = await fetch(rationed.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    expect(overHttp.status).toBe(200);
    const socket = client(rationed.wsUrl);
    expect(await results(socket, query, {})).toEqual([{ data: { events: { totalCount: expect.any(Number) } } }]);
    const [refused] = await results(socket, query, {});
    expect(refused!.data).toBeUndefined();
    expect(refused!.errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^Too many requests: at most 1 a minute \(bursts of 2\); retry in \d+ s\.$/), extensions: { code: 'RATE_LIMITED', retryAfter: expect.any(Number) } }),
    ]);
    const overWebSocket = rationedLog.filter((line) => line.transport === 'websocket');
    expect(overWebSocket).toEqual([
      expect.objectContaining({ msg: 'request', operationName: 'Probe', cypherRoundTrips: 1, errorCodes: [], requestId: expect.any(String) }),
      expect.objectContaining({ msg: 'request', operationName: 'Probe', cypherRoundTrips: 0, errorCodes: ['RATE_LIMITED'] }),
    ]);
    expect(rationedLog.filter((line) => line.transport === undefined)).toEqual([expect.objectContaining({ msg: 'request', status: 200, operationName: 'Probe' })]);
  });
});
