import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPubSub } from 'graphql-yoga';
import { inject } from 'vitest';
import { Database } from '../../src/db/database.js';
import type { Live, LiveTopics } from '../../src/http/live.js';
import { loadManifest } from '../../src/http/persisted-operations.js';
import { serveWebSockets } from '../../src/http/websocket.js';
import { createServer, type ServerOptions } from '../../src/yoga.js';
import { testConfig } from './api.js';

/**
 * The API as `npm start` serves it, on a real port: HTTP and WebSocket on one server, for clients
 * that need a URL (urql, graphql-ws, Python, a browser). `env` sets the server's settings.
 */
export async function listeningApi(options: Omit<ServerOptions, 'config'> = {}, env: Record<string, string> = {}) {
  const config = testConfig(env);
  const db = new Database(inject('neo4jUri'), config.neo4j);
  const yoga = createServer(db, { ...options, config });
  const http = createHttpServer(yoga);
  const webSockets = serveWebSockets(http, yoga, {
    apiKeys: options.apiKeys ?? [],
    maxMessageBytes: config.limits.bodyBytes,
    persistedOperations: config.persistedOperationsOnly ? loadManifest() : undefined,
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    db,
    close: async () => {
      await webSockets.close();
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
      await db.close();
    },
  };
}

/**
 * An in-process Live whose `listening(topic)` resolves when the next subscriber starts listening on
 * that topic (call it before subscribing), so a test writes only once the subscription is in place:
 * no sleeping and hoping.
 */
export function observedLive(): Live & { listening(topic: keyof LiveTopics): Promise<void> } {
  const waiting = new Map<string, Array<() => void>>();
  class ObservedTarget extends EventTarget {
    override addEventListener(type: string, ...rest: [EventListenerOrEventListenerObject | null, (AddEventListenerOptions | boolean)?]) {
      super.addEventListener(type, ...rest);
      // Yoga's pubsub listens on "topic" or "topic:id".
      const topic = type.split(':')[0]!;
      for (const resolve of waiting.get(topic) ?? []) resolve();
      waiting.delete(topic);
    }
  }
  return {
    pubsub: createPubSub<LiveTopics>({ eventTarget: new ObservedTarget() as never }),
    close: async () => {},
    listening: (topic) => new Promise<void>((resolve) => waiting.set(topic, [...(waiting.get(topic) ?? []), resolve])),
  };
}
