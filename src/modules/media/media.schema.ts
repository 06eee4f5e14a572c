import { builder } from '../../builder.js';
import { MediaKindEnum } from '../shared/enums.js';
import { ActorNode } from '../actor/actor.ref.js';
import { toActor } from '../actor/actor.cypher.js';
import { ArticleNode } from '../article/article.ref.js';
import { toArticle } from '../article/article.cypher.js';
import { DepictedUnion } from '../node/unions.js';
import { toRecord, type AnyRecord } from '../node/records.js';
import { OutletNode } from '../outlet/outlet.ref.js';
import { toOutlet } from '../outlet/outlet.cypher.js';
import { loadRelated, loadRelatedOne } from '../shared/related.js';
import { provenanceField } from '../source/source.ref.js';
import { EventNode } from '../event/event.ref.js';
import { toEvent, type EventRecord } from '../event/event.cypher.js';
import { eventMediaNotDepicting, mediaCreditedTo, mediaDepicts, mediaDistributedBy, mediaEmbeddedIn, mediaNotDepicting, toMediaItem, type MediaItemRecord } from './media.cypher.js';
import { MediaItemNode } from './media.ref.js';

interface DepictionRecord {
  target: AnyRecord;
  verified: boolean | null;
  verifiedBy: string | null;
  method: string | null;
  note: string | null;
}

/** A media item that does not show an event though it appears beside its reporting, and what it shows instead. */
interface NonDepictionRecord {
  media: MediaItemRecord;
  event: EventRecord;
  note: string;
}

const DepictionObject = builder.objectRef<DepictionRecord>('Depiction');

DepictionObject.implement({
  description: 'What a media item shows, and whether that is verified (a photo captioned as one place may show another).',
  fields: (t) => ({
    target: t.field({ type: DepictedUnion, description: 'The event or place shown.', resolve: (d) => d.target as never }),
    verified: t.exposeBoolean('verified', {
      nullable: true,
      description: 'Whether the depiction is verified (true), refuted (false) or unchecked (null).',
    }),
    verifiedBy: t.exposeString('verifiedBy', { nullable: true, description: 'Who checked the depiction; set whenever verified is true.' }),
    method: t.exposeString('method', { nullable: true, description: 'How the depiction was checked; set whenever verified is true.' }),
    note: t.exposeString('note', { nullable: true, description: 'The basis of the depiction (a caption, a geolocation).' }),
  }),
});

export const NonDepictionObject = builder.objectRef<NonDepictionRecord>('NonDepiction');

NonDepictionObject.implement({
  description: 'A warning: a media item appears beside an event’s reporting but does not show it ("this photo shows a different place and day").',
  fields: (t) => ({
    media: t.field({ type: MediaItemNode, description: 'The media item.', resolve: (w) => w.media }),
    event: t.field({ type: EventNode, description: 'The event it does not show.', resolve: (w) => w.event }),
    note: t.exposeString('note', { description: 'What it shows instead, and why it is easily taken for the event.' }),
  }),
});

const toNonDepiction = (media: MediaItemRecord, event: EventRecord, rel: Record<string, unknown>): NonDepictionRecord => ({ media, event, note: rel.note as string });

MediaItemNode.implement({
  description: 'A photo, video, map or document embedded in articles, with its caption, credit and what it depicts.',
  fields: (t) => ({
    key: t.exposeString('id', { description: 'The natural key of the media item.' }),
    kind: t.expose('kind', { type: MediaKindEnum, description: 'What kind of media item this is.' }),
    caption: t.exposeString('caption', { nullable: true, description: 'The caption as published.' }),
    credit: t.exposeString('credit', { nullable: true, description: 'The credit line as published.' }),
    creditedTo: t.loadableList({
      type: ActorNode,
      description: 'Who made it (the photographer).',
      load: (ids: string[], ctx) => loadRelated(ctx, mediaCreditedTo, ids, toActor),
      resolve: (media) => media.id,
    }),
    distributedBy: t.loadable({
      type: OutletNode,
      nullable: true,
      description: 'The agency or outlet that distributed it.',
      load: (ids: string[], ctx) => loadRelatedOne(ctx, mediaDistributedBy, ids, toOutlet),
      resolve: (media) => media.id,
    }),
    depicts: t.loadableList({
      type: DepictionObject,
      description: 'The events and places it is said to show.',
      load: (ids: string[], ctx) =>
        loadRelated(ctx, mediaDepicts, ids, (node, rel, label) => ({
          target: toRecord(label, node),
          verified: (rel.verified as boolean | undefined) ?? null,
          verifiedBy: (rel.verifiedBy as string | undefined) ?? null,
          method: (rel.method as string | undefined) ?? null,
          note: (rel.note as string | undefined) ?? null,
        })),
      resolve: (media) => media.id,
    }),
    notDepicting: t.loadableList({
      type: NonDepictionObject,
      description: 'Events it does not show although it appears beside their reporting, each with what it shows instead.',
      load: (ids: string[], ctx) => loadRelated(ctx, mediaNotDepicting, ids, (node, rel, _label, media) => toNonDepiction(toMediaItem(media), toEvent(node), rel)),
      resolve: (media) => media.id,
    }),
    embeddedIn: t.loadableList({
      type: ArticleNode,
      description: 'Articles that embed it.',
      load: (ids: string[], ctx) => loadRelated(ctx, mediaEmbeddedIn, ids, toArticle),
      resolve: (media) => media.id,
    }),
    provenance: t.field(provenanceField),
  }),
});

builder.objectField(EventNode, 'mediaWarnings', (t) =>
  t.loadableList({
    type: NonDepictionObject,
    description: 'Media shown beside the event’s reporting that do not show it (a photo of another place and day), each with what it shows instead.',
    load: (ids: string[], ctx) => loadRelated(ctx, eventMediaNotDepicting, ids, (node, rel, _label, event) => toNonDepiction(toMediaItem(node), toEvent(event), rel)),
    resolve: (event) => event.id,
  }),
);
