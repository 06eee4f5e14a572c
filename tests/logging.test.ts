import { afterAll, describe, expect, inject, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { Database } from '../src/db/database.js';
import { createLogger, type LogFields } from '../src/logger.js';
import { createServer } from '../src/yoga.js';
import { codes, gid, testApi, testConfig } from './helpers/api.js';

/** A server whose log lines are kept, parsed, in `lines`. */
function loggedApi(env: Record<string, string> = {}) {
  const lines: LogFields[] = [];
  const api = testApi({ config: testConfig(env), logger: createLogger('debug', (line) => lines.push(JSON.parse(line))) });
  servers.push(api);
  return { ...api, lines };
}
const servers: Array<{ close(): Promise<void> }> = [];
afterAll(() => Promise.all(servers.map((server) => server.close())));

const post = (query: string, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
  body: JSON.stringify({ query }),
});

describe('the request log', () => {
  it('writes one JSON line per request: ID, operation, status, duration, Cypher round trips, error codes', async () => {
    const api = loggedApi();
    const response = await api.fetch('http://test/graphql', post(`query OneEvent { event(id: "${gid('Event', 'daquq-airstrike-2016-10-21')}") { title places { name parent { name } } } }`));
    expect(response.status).toBe(200);
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(api.lines).toHaveLength(1);
    expect(api.lines[0]).toMatchObject({
      level: 'info',
      msg: 'request',
      requestId,
      method: 'POST',
      path: '/graphql',
      status: 200,
      operationName: 'OneEvent',
      cypherRoundTrips: 2,
      errorCodes: [],
    });
    expect(typeof api.lines[0]!.durationMs).toBe('number');
    expect(typeof api.lines[0]!.time).toBe('string');
  });

  it('keeps the caller’s x-request-id, and logs the codes of a rejected operation with no round trip', async () => {
    const api = loggedApi({ LIMIT_DEPTH: '2' });
    const response = await api.fetch('http://test/graphql', post(`{ place(id: "${gid('Place', 'daquq')}") { parent { name } } }`, { 'x-request-id': 'trace-42' }));
    expect(response.status).toBe(400);
    expect(response.headers.get('x-request-id')).toBe('trace-42');
    expect(api.lines[0]).toMatchObject({ requestId: 'trace-42', status: 400, cypherRoundTrips: 0, errorCodes: ['LIMIT_EXCEEDED'] });
  });

  it('logs an unexpected error with its stack and request ID; the client gets it masked, with the same ID', async () => {
    // A real misconfiguration: a database name this Neo4j (Community: only "neo4j") does not have.
    const lines: LogFields[] = [];
    const config = loadConfig({ ...process.env, NEO4J_URI: inject('neo4jUri'), NEO4J_DATABASE: 'nosuchdatabase' });
    const db = new Database(inject('neo4jUri'), config.neo4j);
    servers.push(db);
    const yoga = createServer(db, { config, logger: createLogger('debug', (line) => lines.push(JSON.parse(line))) });
    const response = await yoga.fetch('http://test/graphql', post('{ events { totalCount } }'));
    const text = await response.text();
    const body = JSON.parse(text) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    const requestId = response.headers.get('x-request-id');
    expect(body.errors).toEqual([
      expect.objectContaining({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }),
    ]);
    expect(text).not.toMatch(/nosuchdatabase|NEO4J_DATABASE|at .*\.ts/);
    const logged = lines.find((line) => line.msg === 'unexpected error');
    expect(logged).toMatchObject({ level: 'error', requestId, path: 'events.totalCount' });
    expect(logged!.error).toMatch(/NEO4J_DATABASE/);
    expect(logged!.stack).toMatch(/DatabaseSetupError/);
    expect(lines.at(-1)).toMatchObject({ msg: 'request', requestId, errorCodes: ['INTERNAL_SERVER_ERROR'] });
  });
});

describe('LOG_LEVEL', () => {
  it('drops lines below the level; silent drops everything', () => {
    const lines: string[] = [];
    const warn = createLogger('warn', (line) => lines.push(line));
    warn.info('no');
    warn.warn('yes');
    createLogger('silent', (line) => lines.push(line)).error('no');
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(['yes']);
  });

  it('is validated, naming the choices', () => {
    expect(loadConfig({}).logLevel).toBe('info');
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(ConfigError);
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow('LOG_LEVEL must be one of debug, info, warn, error, silent, got "verbose".');
  });
});

describe('GRAPHQL_INTROSPECTION', () => {
  const misspelt = '{ events { totalCont } }';

  it('is on by default: introspection, GraphiQL and "did you mean" suggestions', async () => {
    const api = loggedApi();
    expect((await api.run('{ __schema { queryType { name } } }')).errors).toBeUndefined();
    expect((await api.run(misspelt)).errors![0]!.message).toMatch(/Did you mean "totalCount"\?/);
  });

  it('when false, refuses __schema and __type, serves no GraphiQL and suggests nothing', async () => {
    expect(loadConfig({ GRAPHQL_INTROSPECTION: 'false' }).introspection).toBe(false);
    expect(() => loadConfig({ GRAPHQL_INTROSPECTION: 'no' })).toThrow('GRAPHQL_INTROSPECTION must be one of true, false, got "no".');
    const api = loggedApi({ GRAPHQL_INTROSPECTION: 'false' });
    for (const query of ['{ __schema { queryType { name } } }', '{ __type(name: "Event") { name } }']) {
      const result = await api.run(query);
      // One error per introspection field selected (`__schema` and its `queryType`, say).
      expect(new Set(codes(result))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
      expect(result.errors![0]!.message).toMatch(/introspection/);
      expect(result.queries).toEqual([]);
    }
    const error = (await api.run(misspelt)).errors![0]!.message;
    expect(error).toBe('Cannot query field "totalCont" on type "EventConnection".');
    const page = await api.fetch('http://test/graphql', { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toContain('GraphiQL');
  });
});
