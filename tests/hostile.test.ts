import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Context } from '../src/context.js';
import { getNamedType, getNullableType, isInputObjectType, isListType, isNonNullType, isScalarType, type GraphQLInputType } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { schema } from '../src/schema.js';
import { createServer } from '../src/yoga.js';
import { codes, gid, testApi, testConfig } from './helpers/api.js';
import { snapshot } from './helpers/graph.js';

/**
 * Hostile operations against the default settings: each is answered with the right error, and
 * those the limits should refuse run no Cypher at all.
 */
const api = testApi();
afterAll(() => api.close());

const daquq = gid('Place', 'daquq');
const repeat = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i)).join(' ');

describe('operations refused before any Cypher', () => {
  // [what, operation, the error code, the limit it exceeds]
  const corpus: Array<[string, string, string, string?]> = [
    ['deep nesting', `{ place(id: "${daquq}") { ${'parent { '.repeat(30)}name${' }'.repeat(30)} } }`, 'LIMIT_EXCEEDED', 'depth'],
    ['an alias bomb', `{ ${repeat(300, (i) => `a${i}: events { totalCount }`)} }`, 'LIMIT_EXCEEDED', 'aliases'],
    [
      'a fragment bomb (each fragment doubles the next)',
      `{ place(id: "${daquq}") { ...F0 } } ${repeat(15, (i) => `fragment F${i} on Place { parent { ...F${i + 1} } children { ...F${i + 1} } }`)} fragment F15 on Place { name }`,
      'LIMIT_EXCEEDED',
      'depth',
    ],
    ['a fragment cycle', `{ place(id: "${daquq}") { ...A } } fragment A on Place { parent { ...B } } fragment B on Place { parent { ...A } }`, 'GRAPHQL_VALIDATION_FAILED'],
    ['a huge page', '{ events(first: 1000000) { edges { node { title } } } }', 'LIMIT_EXCEEDED', 'cost'],
    ['a directive flood', `{ events { ${repeat(25, () => 'totalCount @include(if: true)')} } }`, 'LIMIT_EXCEEDED', 'directives'],
    ['a token flood', `{ events { ${repeat(4000, () => 'totalCount')} } }`, 'LIMIT_EXCEEDED', 'tokens'],
    ['a syntax error', '{ events { ', 'GRAPHQL_PARSE_FAILED'],
    ['2,900 repeated fields (graphql-js aborts validating them)', `{ ${repeat(2900, () => '__typename')} }`, 'GRAPHQL_VALIDATION_FAILED'],
  ];

  it.each(corpus)('%s', async (_name, query, code, limit) => {
    const result = await api.run(query);
    expect(codes(result)[0]).toBe(code);
    if (limit) expect(result.errors![0]!.extensions?.limit).toBe(limit);
    expect(result.status).toBe(400);
    expect(result.data ?? null).toBeNull();
    expect(result.queries).toEqual([]);
  });

  it('a negative page size is a VALIDATION error before the page query runs', async () => {
    const result = await api.run('{ events(first: -1) { totalCount } }');
    expect(codes(result)).toEqual(['VALIDATION']);
    expect(result.queries).toEqual([]);
  });
});

describe('injection strings', () => {
  const hostile = ['") RETURN 1 //', "' OR 1=1 //", '`x`) DETACH DELETE n //', '$id', '\u0000\uffff', '} MATCH (n) DETACH DELETE n {'];

  /** Every String or ID argument of every root field, and every String or ID field of their filters. */
  function stringArguments(): Array<{ field: string; arg: string; type: string; value: (s: string) => unknown }> {
    const found: Array<{ field: string; arg: string; type: string; value: (s: string) => unknown }> = [];
    const isText = (type: GraphQLInputType) => ['String', 'ID'].includes(getNamedType(type).name) && isScalarType(getNamedType(type));
    const wrap = (type: GraphQLInputType, s: string) => (isListType(getNullableType(type)) ? [s] : s);
    for (const field of Object.values(schema.getQueryType()!.getFields())) {
      for (const arg of field.args) {
        if (isText(arg.type)) found.push({ field: field.name, arg: arg.name, type: String(arg.type), value: (s) => wrap(arg.type, s) });
        const input = getNamedType(arg.type);
        if (isInputObjectType(input)) {
          for (const inner of Object.values(input.getFields())) {
            if (isText(inner.type)) {
              found.push({ field: field.name, arg: `${arg.name}.${inner.name}`, type: String(arg.type), value: (s) => ({ [inner.name]: wrap(inner.type, s) }) });
            }
          }
        }
      }
    }
    return found;
  }

  /** A valid value for each other required argument, so that only the argument under test is hostile. */
  function requiredOthers(fieldName: string, tested: string): { declarations: string; uses: string; values: Record<string, unknown> } {
    const field = schema.getQueryType()!.getFields()[fieldName]!;
    const valid: Record<string, unknown> = {
      LatLngInput: { latitude: 35.1, longitude: 44.4 },
      Float: 10,
      Int: 1,
      String: 'daquq',
      ID: gid('Event', 'daquq-airstrike-2016-10-21'),
    };
    const others = field.args.filter((arg) => arg.name !== tested && isNonNullType(arg.type));
    return {
      declarations: others.map((arg) => `, $${arg.name}: ${String(arg.type)}`).join(''),
      uses: others.map((arg) => `, ${arg.name}: $${arg.name}`).join(''),
      values: Object.fromEntries(others.map((arg) => [arg.name, valid[getNamedType(arg.type).name]])),
    };
  }

  it('in every string argument are data, never Cypher: typed errors or empty answers, and the graph unchanged', async () => {
    const before = await snapshot(api.db);
    const args = stringArguments();
    expect(args.length).toBeGreaterThan(20);
    for (const { field, arg, type, value } of args) {
      const name = arg.split('.')[0]!;
      const others = requiredOthers(field, name);
      for (const text of hostile) {
        const result = await api.run(
          `query($v: ${type}${others.declarations}) { ${field}(${name}: $v${others.uses}) { __typename } }`,
          { v: value(text), ...others.values },
        );
        expect(result.status, `${field}(${arg}) with ${text}`).toBe(200);
        for (const code of codes(result)) expect(['VALIDATION', 'NOT_FOUND'], `${field}(${arg}) with ${text}`).toContain(code);
      }
    }
    expect(await snapshot(api.db)).toEqual(before);
  });
});

describe('GraphQL over HTTP', () => {
  const url = 'http://test/graphql';
  const json = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };

  it('answers GET with a query string', async () => {
    const response = await api.fetch(`${url}?query=${encodeURIComponent('{ events(first: 1) { totalCount } }')}`, { headers: { accept: 'application/graphql-response+json' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/graphql-response\+json/);
  });

  it('refuses methods other than GET and POST with 405', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const response = await api.fetch(url, { method, headers: json, body: JSON.stringify({ query: '{ __typename }' }) });
      expect(response.status, method).toBe(405);
    }
  });

  it('refuses a body that is not JSON or GraphQL with 415, and broken JSON or invalid UTF-8 with 400', async () => {
    const text = await api.fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{ __typename }' });
    expect(text.status).toBe(415);
    const broken = await api.fetch(url, { method: 'POST', headers: json, body: '{"query": "{ __typename }"' });
    expect(broken.status).toBe(400);
    const invalidUtf8 = await api.fetch(url, { method: 'POST', headers: json, body: Buffer.from([0x7b, 0x22, 0x71, 0xff, 0xfe, 0x22, 0x7d]) });
    expect(invalidUtf8.status).toBe(400);
    // Well-formed JSON but for two bytes that are not UTF-8 inside a string: refused, not read as U+FFFD.
    for (const accept of ['application/graphql-response+json', 'application/json']) {
      const body = Buffer.concat([Buffer.from('{"query": "{ __typename }", "operationName": "'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
      const response = await api.fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body });
      expect(response.status, accept).toBe(400);
      expect(await response.json()).toEqual({ errors: [{ message: 'The request body is not valid UTF-8.', extensions: { code: 'BAD_REQUEST' } }] });
    }
    const noQuery = await api.fetch(url, { method: 'POST', headers: json, body: JSON.stringify({ variables: {} }) });
    expect(noQuery.status).toBe(400);
  });

  it('refuses batched requests (a JSON array) with 400', async () => {
    const batch = JSON.stringify(Array.from({ length: 100 }, () => ({ query: '{ events { totalCount } }' })));
    const response = await api.fetch(url, { method: 'POST', headers: json, body: batch });
    expect(response.status).toBe(400);
  });

  it('answers an invalid operation with 400 under application/graphql-response+json and 200 under application/json', async () => {
    const body = JSON.stringify({ query: '{ nope }' });
    expect((await api.fetch(url, { method: 'POST', headers: json, body })).status).toBe(400);
    const legacy = await api.fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body });
    expect(legacy.status).toBe(200);
  });
});

describe('giant bodies', () => {
  it('are refused from their Content-Length with 413 before the body is read, over real HTTP', async () => {
    const http = createHttpServer(createServer(api.db, { config: testConfig() }));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    try {
      const big = JSON.stringify({ query: '{ events { totalCount } }', variables: { padding: 'x'.repeat(2_000_000) } });
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: big,
      });
      expect(response.status).toBe(413);
      const body = (await response.json()) as { errors: Array<{ message: string; extensions: unknown }> };
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0]!.extensions).toEqual({ code: 'LIMIT_EXCEEDED', limit: 'bodyBytes', max: 1_000_000, measured: Buffer.byteLength(big) });
    } finally {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    }
  });

  describe('sent without Content-Length (streamed, chunked)', () => {
    const limit = 1000;
    const contexts: Context[] = [];
    const capped = createServer(api.db, {
      config: testConfig({ LIMIT_BODY_BYTES: String(limit) }),
      onContext: (ctx) => contexts.push(ctx),
    });
    // A fresh object each time: yoga.fetch writes the Content-Length it computes into the one it is given.
    const headers = () => ({ 'content-type': 'application/json', accept: 'application/graphql-response+json' });
    const bodyOf = (padding: number) => JSON.stringify({ query: '{ events { totalCount } }', variables: { padding: 'x'.repeat(padding) } });
    const tooLarge = { code: 'LIMIT_EXCEEDED', limit: 'bodyBytes', max: limit };

    /** A body in 100-byte chunks (without end when `endless`), counting the bytes the server pulled. */
    function streamed(text: string, endless = false) {
      const bytes = Buffer.from(text);
      const read = { bytes: 0, cancelled: false };
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (!endless && read.bytes >= bytes.length) return controller.close();
          const chunk = endless && read.bytes >= bytes.length ? Buffer.alloc(100, 32) : bytes.subarray(read.bytes, read.bytes + 100);
          read.bytes += chunk.length;
          controller.enqueue(chunk);
        },
        cancel() {
          read.cancelled = true;
        },
      });
      return { body, read };
    }

    it('are read up to the limit, then refused with 413 and no Cypher run, even when they never end', async () => {
      contexts.length = 0;
      const { body, read } = streamed(bodyOf(0), true);
      const response = await capped.fetch('http://test/graphql', { method: 'POST', headers: headers(), body, duplex: 'half' } as RequestInit);
      expect(response.status).toBe(413);
      expect(response.headers.get('connection')).toBe('close');
      const result = (await response.json()) as { errors: Array<{ message: string; extensions: unknown }> };
      expect(result.errors).toEqual([{ message: `The operation exceeds the bodyBytes limit of ${limit}.`, extensions: tooLarge }]);
      expect(contexts).toHaveLength(0);
      // The rest is dropped up to as much again, then the stream is cancelled (a few chunks read ahead).
      await expect.poll(() => read.cancelled).toBe(true);
      expect(read.bytes).toBeLessThan(2 * limit + 1000);
    });

    it('are answered as usual under the limit', async () => {
      contexts.length = 0;
      const { body } = streamed(bodyOf(limit - 100));
      const response = await capped.fetch('http://test/graphql', { method: 'POST', headers: headers(), body, duplex: 'half' } as RequestInit);
      expect(response.status).toBe(200);
      const result = (await response.json()) as { data: { events: { totalCount: number } } };
      expect(result.data.events.totalCount).toBeGreaterThan(0);
      expect(contexts.at(-1)?.queries.length).toBeGreaterThan(0);
    });

    it('are refused with 413 over real HTTP with Transfer-Encoding: chunked', async () => {
      contexts.length = 0;
      const http = createHttpServer(capped);
      await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
      const { port } = http.address() as AddressInfo;
      try {
        const answer = await new Promise<{ status: number; chunked: boolean; body: string }>((resolve, reject) => {
          const request = httpRequest({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers: headers() }, (response) => {
            let text = '';
            response.on('data', (chunk: Buffer) => (text += chunk.toString()));
            response.on('end', () => resolve({ status: response.statusCode!, chunked: request.getHeader('transfer-encoding') === 'chunked', body: text }));
          });
          request.on('error', reject);
          request.setHeader('transfer-encoding', 'chunked');
          // Over the limit by less than as much again: all of it is read, so the 413 always arrives.
          const text = bodyOf(limit);
          for (let at = 0; at < text.length; at += 100) request.write(text.slice(at, at + 100));
          request.end();
        });
        expect(answer.chunked).toBe(true);
        expect(answer.status).toBe(413);
        expect((JSON.parse(answer.body) as { errors: Array<{ extensions: unknown }> }).errors[0]!.extensions).toEqual(tooLarge);
        expect(contexts).toHaveLength(0);
      } finally {
        http.closeAllConnections();
        await new Promise((resolve) => http.close(resolve));
      }
    });
  });
});
