import { nodesById } from '../../db/batch.js';
import { Label } from '../../domain/graph.js';
import type { MediaKind } from '../../domain/vocabulary.js';
import { relatedQuery } from '../shared/related.js';
import { baseRecord, type BaseRecord } from '../shared/records.js';

export interface MediaItemRecord extends BaseRecord {
  __typename: 'MediaItem';
  kind: MediaKind;
  caption: string | null;
  credit: string | null;
}

export function toMediaItem(p: Record<string, unknown>): MediaItemRecord {
  return {
    __typename: 'MediaItem',
    ...baseRecord(p),
    kind: p.kind as MediaKind,
    caption: (p.caption as string | undefined) ?? null,
    credit: (p.credit as string | undefined) ?? null,
  };
}

export const mediaById = nodesById(Label.MediaItem);

export const mediaCreditedTo = relatedQuery('media credited to', Label.MediaItem, `(p)-[:CREDITED_TO]->(n:${Label.Actor})`, 'n.name');
export const mediaDistributedBy = relatedQuery('media distributed by', Label.MediaItem, `(p)-[:DISTRIBUTED_BY]->(n:${Label.Outlet})`);
export const mediaDepicts = relatedQuery('media depicts', Label.MediaItem, '(p)-[r:DEPICTS]->(n)');
export const mediaEmbeddedIn = relatedQuery('media embedded in', Label.MediaItem, `(p)<-[:EMBEDS]-(n:${Label.Article})`);
