import { builder } from '../../builder.js';
import { Vocabularies, type VocabularyName } from '../../domain/vocabulary.js';
import { Label } from '../../domain/graph.js';

/** The GraphQL enum of one vocabulary, each value described by its meaning. */
function vocabularyEnum<Name extends VocabularyName>(name: Name) {
  const { description, values } = Vocabularies[name];
  type Value = keyof (typeof Vocabularies)[Name]['values'];
  const described = Object.fromEntries(Object.entries(values).map(([value, meaning]) => [value, { description: meaning }]));
  return builder.enumType<string, Record<Value, { description: string }>>(name, {
    description,
    values: described as Record<Value, { description: string }>,
  });
}

type VocabularyEnumRefs = { [Name in VocabularyName]: ReturnType<typeof vocabularyEnum<Name>> };

/** Every vocabulary of src/domain/vocabulary.ts as a GraphQL enum, by its enum name. */
export const VocabularyEnums = Object.fromEntries(
  (Object.keys(Vocabularies) as VocabularyName[]).map((name) => [name, vocabularyEnum(name) as VocabularyEnumRefs[VocabularyName]]),
) as VocabularyEnumRefs;

export const {
  EventKind: EventKindEnum,
  PlaceKind: PlaceKindEnum,
  ActorKind: ActorKindEnum,
  OutletKind: OutletKindEnum,
  StatementKind: StatementKindEnum,
  QuoteKind: QuoteKindEnum,
  Venue: VenueEnum,
  StanceValue: StanceValueEnum,
  AttributionRole: AttributionRoleEnum,
  MediaKind: MediaKindEnum,
  DatePrecision: DatePrecisionEnum,
} = VocabularyEnums;

export const NodeKindEnum = builder.enumType('NodeKind', {
  description: 'The kinds of record the graph holds (its node labels).',
  values: {
    EVENT: { value: Label.Event, description: 'Something that happened at a place and time.' },
    PLACE: { value: Label.Place, description: 'A country, region, city or site.' },
    ACTOR: { value: Label.Actor, description: 'A person, body, state, group or military.' },
    OUTLET: { value: Label.Outlet, description: 'A media outlet: a newspaper, broadcaster, blog, agency.' },
    ARTICLE: { value: Label.Article, description: 'A piece an outlet published.' },
    STATEMENT: { value: Label.Statement, description: 'Something someone said or wrote.' },
    CLAIM: { value: Label.Claim, description: 'A proposition about an event that statements take positions on.' },
    MEDIA_ITEM: { value: Label.MediaItem, description: 'A photo, video or other media item.' },
    SOURCE: { value: Label.Source, description: 'A document records were read from.' },
  } as const,
});
