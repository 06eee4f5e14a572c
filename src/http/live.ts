import { Redis } from 'ioredis';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub, type PubSub } from 'graphql-yoga';

/** What subscribers can hear about, each keyed by the natural key of the event concerned. */
export type LiveTopics = {
  'statement-added': [eventKey: string, payload: { statement: string }];
  'event-updated': [eventKey: string, payload: { event: string }];
};

export interface Live {
  pubsub: PubSub<LiveTopics>;
  close(): Promise<void>;
}

/**
 * Live updates: in process by default; through Redis when REDIS_URL is set, so that every API
 * instance behind a load balancer delivers every update. Payloads carry keys only (JSON-safe);
 * subscribers load the records themselves.
 */
export function createLive(redisUrl?: string): Live {
  if (!redisUrl) return { pubsub: createPubSub<LiveTopics>(), close: async () => {} };
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const eventTarget = createRedisEventTarget<CustomEvent>({ publishClient, subscribeClient });
  return {
    pubsub: createPubSub<LiveTopics>({ eventTarget: eventTarget as never }),
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}
