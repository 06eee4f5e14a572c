import { Label, Rel } from '../../domain/graph.js';
import { boolean, defineRecord, link, linkObjects, links, MaxLength, note, text, vocabulary } from '../../domain/record.js';

export const mediaItemRecord = defineRecord({
  kind: 'media',
  label: Label.MediaItem,
  typename: 'MediaItem',
  nodeKind: { value: 'MEDIA_ITEM', description: 'A photo, video or other media item.' },
  input: { name: 'MediaItemInput', description: 'A media item to create or update.' },
  fields: {
    kind: vocabulary('MediaKind', { required: true, description: 'What kind of media.' }),
    caption: text({ max: MaxLength.text, description: 'The caption as published.' }),
    credit: text({ max: MaxLength.name, description: 'The credit line as published.' }),
    creditedTo: links(Label.Actor, { rel: Rel.CREDITED_TO, description: 'Keys of the actors who made it.' }),
    distributedBy: link(Label.Outlet, { rel: Rel.DISTRIBUTED_BY, description: 'Key of the distributing outlet.' }),
    embeddedIn: links(Label.Article, { rel: Rel.EMBEDS, direction: 'in', description: 'Keys of the articles that embed it.' }),
    depicts: linkObjects(
      { event: Label.Event, place: Label.Place },
      {
        verified: boolean('Verified (true), refuted (false) or unchecked (absent).'),
        note: text({ max: MaxLength.note, description: 'The basis of the depiction.' }),
      },
      {
        rel: Rel.DEPICTS,
        description: 'What it shows.',
        input: { name: 'DepictionInput', description: 'What a media item shows: give exactly one of event or place.' },
        union: { name: 'Depicted', description: 'What a media item depicts: an event or a place.' },
      },
    ),
    note: note(),
  },
  searchable: ['caption'],
});
