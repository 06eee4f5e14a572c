import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { createComplexityRule } from '@pothos/plugin-complexity';
import { validate, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { OperationLimits } from '../config.js';
import { clientError, ErrorCode } from '../domain/errors.js';

/** One error naming the limit, its maximum and (when it was measured) the operation's value. */
export function limitExceeded(limit: keyof OperationLimits, max: number, measured?: number): GraphQLError {
  const message =
    measured === undefined
      ? `The operation exceeds the ${limit} limit of ${max}.`
      : `The operation's ${limit} is ${measured}, over the limit of ${max}.`;
  return clientError(ErrorCode.LimitExceeded, message, { limit, max, measured, http: { status: 400 } });
}

/** HTTP 413 with the bodyBytes error; answered before parsing, so no GraphQL response carries it. */
function bodyTooLarge(fetchAPI: { Response: typeof Response }, max: number, declared?: number, headers: HeadersInit = {}): Response {
  const { message, extensions } = limitExceeded('bodyBytes', max, declared);
  const { http: _status, ...visible } = extensions;
  return fetchAPI.Response.json({ errors: [{ message, extensions: visible }] }, { status: 413, headers });
}

/**
 * The whole body as text, or undefined once it passes `max` bytes. The rest is then read and
 * dropped, up to `max` bytes more, before the stream is cancelled: a client still sending reads
 * the 413 instead of a connection reset (cancelling destroys the socket under node:http).
 */
async function readAtMost(stream: ReadableStream<Uint8Array>, max: number): Promise<string | undefined> {
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
  return Buffer.concat(chunks).toString();
}

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

/**
 * Bounds every operation before it runs: tokens while parsing; depth, aliases and directives while
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
      // A body without Content-Length (chunked, streamed) is counted while it is read, and the read
      // stops at the first byte over the limit. One with it cannot outgrow it: Node's HTTP parser
      // reads no further than the declared length.
      async onRequestParse({ request, requestParser, setRequestParser, endResponse, fetchAPI }) {
        if (!request.body || request.headers.has('content-length') || !requestParser) return;
        const body = await readAtMost(request.body, limits.bodyBytes);
        // The rest of the body may stay unread: this connection cannot carry another request.
        if (body === undefined) return endResponse(bodyTooLarge(fetchAPI, limits.bodyBytes, undefined, { connection: 'close' }));
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
      // rather than in validation, whose results Yoga caches by document.
      onExecute({ args, setResultAndStopExecution }) {
        const rule = createComplexityRule({
          context: args.contextValue as object,
          variableValues: (args.variableValues ?? {}) as Record<string, unknown>,
          operationName: args.operationName ?? undefined,
          validate: ({ complexity }, reportError) => {
            if (complexity > limits.cost) reportError(limitExceeded('cost', limits.cost, complexity));
          },
        });
        const errors = validate(args.schema, args.document, [rule]);
        if (errors.length > 0) setResultAndStopExecution({ errors });
      },
    },
  ];
}
