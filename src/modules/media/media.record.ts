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
        verified: boolean('Verified (true, with verifiedBy and method), refuted (false) or unchecked (absent): a caption alone is not a check.'),
        verifiedBy: text({ max: MaxLength.name, description: 'Who checked the depiction (a fact-checker, an editor, a geolocation team).' }),
        method: text({ max: MaxLength.note, description: 'How it was checked (geolocation against satellite imagery, metadata, the photographer asked).' }),
        note: text({ max: MaxLength.note, description: 'The basis of the depiction (a caption).' }),
      },
      {
        rel: Rel.DEPICTS,
        description: 'What it shows.',
        input: { name: 'DepictionInput', description: 'What a media item shows: give exactly one of event or place.' },
        union: { name: 'Depicted', description: 'What a media item depicts: an event or a place.' },
      },
    ),
    notDepicting: linkObjects(
      { event: Label.Event },
      { note: text({ max: MaxLength.note, required: true, description: 'What it shows instead, and why it is easily taken for the event.' }) },
      {
        rel: Rel.NOT_DEPICTS,
        description: 'Events it does not show although it appears beside their reporting (a photo illustrating a story about another place and day).',
        input: { name: 'NonDepictionInput', description: 'An event a media item does not show, though it appears beside its reporting.' },
      },
    ),
    note: note(),
  },
  // A verified depiction says who checked it and how; otherwise it is only the caption speaking.
  check: (media) =>
    (media.depicts ?? []).flatMap((depiction, i) =>
      depiction.verified === true
        ? (['verifiedBy', 'method'] as const).filter((name) => depiction[name] == null).map((name) => ({ path: `depicts[${i}].${name}`, message: 'is required when verified is true' }))
        : [],
    ),
});
