import { nodesById } from '../../db/batch.js';
import { Label, Rel } from '../../domain/graph.js';
import { relatedQuery } from '../shared/related.js';
import { recordReader, type StoredRecord } from '../../domain/record.js';
import { mediaItemRecord } from './media.record.js';

/** A media item as the API reads it, derived from its declaration. */
export type MediaItemRecord = StoredRecord<typeof mediaItemRecord>;
export const toMediaItem = recordReader<typeof mediaItemRecord>(mediaItemRecord);

export const mediaById = nodesById(Label.MediaItem);

export const mediaCreditedTo = relatedQuery('media credited to', Label.MediaItem, `(p)-[:CREDITED_TO]->(n:${Label.Actor})`, 'n.name');
export const mediaDistributedBy = relatedQuery('media distributed by', Label.MediaItem, `(p)-[:DISTRIBUTED_BY]->(n:${Label.Outlet})`);
export const mediaDepicts = relatedQuery('media depicts', Label.MediaItem, '(p)-[r:DEPICTS]->(n)');
export const mediaEmbeddedIn = relatedQuery('media embedded in', Label.MediaItem, `(p)<-[:EMBEDS]-(n:${Label.Article})`);
export const mediaNotDepicting = relatedQuery('media not depicting', Label.MediaItem, `(p)-[r:${Rel.NOT_DEPICTS}]->(n:${Label.Event})`);
/** From the event's side: media shown beside its reporting that do not show it. */
export const eventMediaNotDepicting = relatedQuery('event media not depicting', Label.Event, `(p)<-[r:${Rel.NOT_DEPICTS}]-(n:${Label.MediaItem})`);
