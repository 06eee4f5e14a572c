import { builder } from '../../builder.js';
import { Vocabularies, type VocabularyName } from '../../domain/vocabulary.js';
import { Label } from '../../domain/graph.js';
import { recordDeclarations, type ContentLabel } from '../records.js';

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
  MatchStatus: MatchStatusEnum,
  DatePrecision: DatePrecisionEnum,
} = VocabularyEnums;

/** The kinds of record, from the registry, and the sources they were read from. */
export const NodeKindEnum = builder.enumType('NodeKind', {
  description: 'The kinds of record the graph holds (its node labels).',
  values: {
    ...Object.fromEntries(
      recordDeclarations.map((declaration) => [declaration.nodeKind.value, { value: declaration.label, description: declaration.nodeKind.description }]),
    ),
    SOURCE: { value: Label.Source, description: 'A document records were read from.' },
  } as Record<string, { value: ContentLabel; description: string }>,
});
