import { builder } from '../../builder.js';
import { loadNodes } from '../../db/batch.js';
import { mediaById, toMediaItem, type MediaItemRecord } from './media.cypher.js';

export const MediaItemNode = builder.loadableNodeRef<MediaItemRecord>('MediaItem', {
  id: { resolve: (media) => media.id },
  load: (ids: string[], ctx) => loadNodes(ctx, mediaById, ids, toMediaItem),
});
