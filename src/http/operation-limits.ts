import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { createComplexityRule } from '@pothos/plugin-complexity';
import { validate, type ExecutionArgs, type ExecutionResult, type GraphQLError, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { OperationLimits } from '../config.js';
import type { Context, GraphSize } from '../context.js';
import { graphCounts } from '../db/graph-counts.js';
import { clientError, ErrorCode } from '../domain/errors.js';

/** How each measured limit reads in a sentence: the operation's depth is 14, the operation has 31 aliases. */
const measuredAs: Record<keyof OperationLimits, (measured: number) => string> = {
  depth: (n) => `The operation's depth is ${n}`,
  cost: (n) => `The operation's cost is ${n}`,
  aliases: (n) => `The operation has ${n} aliases`,
  directives: (n) => `The operation has ${n} directives`,
  tokens: (n) => `The operation has ${n} tokens`,
  bodyBytes: (n) => `The request body has ${n} bytes`,
};

/**
 * One error naming the limit, its maximum and (when it was measured) the operation's value. Like
 * any operation GraphQL refuses before running it: HTTP 400 under application/graphql-response+json,
 * 200 under application/json (`http.spec`), whichever limit it is.
 */
export function limitExceeded(limit: keyof OperationLimits, max: number, measured?: number): GraphQLError {
  const message =
    measured === undefined ? `The operation exceeds the ${limit} limit of ${max}.` : `${measuredAs[limit](measured)}, over the limit of ${max}.`;
  return clientError(ErrorCode.LimitExceeded, message, { limit, max, measured, http: { spec: true, status: 400 } });
}

/** HTTP 413 with the bodyBytes error; answered before parsing, so no GraphQL response carries it. */
function bodyTooLarge(fetchAPI: { Response: typeof Response }, max: number, declared?: number, headers: HeadersInit = {}): Response {
  const { message, extensions } = limitExceeded('bodyBytes', max, declared);
  const { http: _status, ...visible } = extensions;
  return fetchAPI.Response.json({ errors: [{ message, extensions: visible }] }, { status: 413, headers });
}

/**
 * The whole body, or undefined once it passes `max` bytes. The rest is then read and dropped, up to
 * `max` bytes more, before the stream is cancelled: a client still sending reads the 413 instead of
 * a connection reset (cancelling destroys the socket under node:http).
 */
async function readAtMost(stream: ReadableStream<Uint8Array>, max: number): Promise<Buffer | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > max) {
      void dropRest(reader, max).catch(() => {});
      return undefined;
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks);
}

/** A body that is not UTF-8 is a broken request (RFC 8259 requires it of JSON); Yoga's decoder would swap the bytes for U+FFFD. */
function notUtf8(fetchAPI: { Response: typeof Response }): Response {
  const message = 'The request body is not valid UTF-8.';
  return fetchAPI.Response.json({ errors: [{ message, extensions: { code: ErrorCode.BadRequest } }] }, { status: 400 });
}

// ignoreBOM keeps a leading BOM, so the text handed on has exactly the bytes (and Content-Length) received.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

async function dropRest(reader: ReadableStreamDefaultReader<Uint8Array>, max: number): Promise<void> {
  let dropped = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    dropped += chunk.value.byteLength;
    if (dropped > max) return reader.cancel();
  }
}

/**
 * graphql-armor reports its own "Syntax Error: ..." without a code; this swaps it for ours. The
 * measured value is only in armor's message ("..., found 14."); the token count has none, because
 * the parser stops at the first token over the limit.
 */
function armorRejection(limit: keyof OperationLimits, max: number): GraphQLArmorRejectCallback {
  return (validation, armorError) => {
    const found = /found (\d+)/.exec(armorError.message)?.[1];
    const error = limitExceeded(limit, max, found === undefined ? undefined : Number(found));
    // Validation rules report; the token count runs inside the parser, where only a throw stops it.
    if (!validation) throw error;
    validation.reportError(error);
  };
}

/** What the cost model knows of a graph holding `counts` records of each kind (see builder.ts). */
export function graphSizeFor(schema: GraphQLSchema, counts: ReadonlyMap<string, number>): GraphSize {
  const roots = [schema.getQueryType(), schema.getSubscriptionType(), schema.getMutationType()].flatMap((type) => (type ? Object.values(type.getFields()) : []));
  return { counts, roots: new Set(roots) };
}

/**
 * The cost of an operation with its variables, as the limit measures it; undefined when it cannot
 * be measured (variables that do not coerce, an unknown operation name: execution refuses those).
 */
export function measureCost(args: ExecutionArgs): number | undefined {
  let measured: number | undefined;
  const rule = createComplexityRule({
    context: args.contextValue as object,
    variableValues: (args.variableValues ?? {}) as Record<string, unknown>,
    operationName: args.operationName ?? undefined,
    validate: ({ complexity }) => {
      measured = complexity;
    },
  });
  validate(args.schema, args.document, [rule]);
  return measured;
}

/** Stops an operation whose cost, with its variables, is over `max`, before any resolver runs. */
async function refuseOverCost(args: ExecutionArgs, max: number, stop: (result: ExecutionResult) => void): Promise<void> {
  const ctx = args.contextValue as Context;
  const counts = await graphCounts(ctx.db);
  if (counts) ctx.graphSize = graphSizeFor(args.schema, counts);
  const cost = measureCost(args);
  if (cost !== undefined && cost > max) stop({ errors: [limitExceeded('cost', max, cost)] });
}

/**
 * Bounds every operation before it runs: its body's size (and that it is UTF-8) before parsing; tokens while parsing; depth, aliases and directives while
 * validating (fragment cycles are already a GraphQL validation error); then the cost of the
 * operation with its actual variables, just before execution, so no resolver (and no Cypher)
 * runs for a rejected operation.
 */
export function operationLimits(limits: OperationLimits): Plugin[] {
  const armor = (limit: keyof OperationLimits) => ({
    n: limits[limit],
    onReject: [armorRejection(limit, limits[limit])],
    propagateOnRejection: false,
  });
  return [
    {
      // Refused from its headers, before Yoga reads the body.
      onRequest({ request, endResponse, fetchAPI }) {
        const declared = Number(request.headers.get('content-length') ?? 0);
        if (!(declared > limits.bodyBytes)) return;
        endResponse(bodyTooLarge(fetchAPI, limits.bodyBytes, declared));
      },
      // The body is read here, and checked to be UTF-8, before Yoga parses it. One without
      // Content-Length (chunked, streamed) is counted while it is read, and the read stops at the
      // first byte over the limit; one with it cannot outgrow it: Node's HTTP parser reads no
      // further than the declared length.
      async onRequestParse({ request, requestParser, setRequestParser, endResponse, fetchAPI }) {
        if (!request.body || !requestParser) return;
        const bytes = await readAtMost(request.body, limits.bodyBytes);
        // The rest of the body may stay unread: this connection cannot carry another request.
        if (bytes === undefined) return endResponse(bodyTooLarge(fetchAPI, limits.bodyBytes, undefined, { connection: 'close' }));
        let body: string;
        try {
          body = strictUtf8.decode(bytes);
        } catch {
          return endResponse(notUtf8(fetchAPI));
        }
        const { method, headers, url } = request;
        setRequestParser(() => requestParser(new fetchAPI.Request(url, { method, headers, body })));
      },
    },
    maxTokensPlugin(armor('tokens')),
    maxDepthPlugin({ ...armor('depth'), flattenFragments: true }),
    maxAliasesPlugin(armor('aliases')),
    maxDirectivesPlugin(armor('directives')),
    {
      // Cost depends on the variables (a `first: $n`), so it is measured per request, here,
      // rather than in validation, whose results Yoga caches by document. Subscriptions (over SSE
      // and WebSocket) are measured alike.
      onExecute: ({ args, setResultAndStopExecution }) => refuseOverCost(args, limits.cost, setResultAndStopExecution),
      onSubscribe: ({ args, setResultAndStopExecution }) => refuseOverCost(args, limits.cost, setResultAndStopExecution),
    },
  ];
}
