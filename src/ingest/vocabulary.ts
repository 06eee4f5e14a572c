/**
 * The closed vocabularies of the domain. GraphQL enums and bundle validation both read these
 * lists, so a new kind is added in one place.
 */
export const EventKinds = [
  'AIRSTRIKE',
  'SHELLING',
  'ARMED_CLASH',
  'GROUND_OPERATION',
  'MILITARY_CAMPAIGN',
  'AIR_CAMPAIGN',
  'ATTACK_ON_CIVILIANS',
  'EXPLOSION',
  'DISPLACEMENT',
  'CIVILIAN_RETURN',
  'PROTEST',
  'INVESTIGATION',
  'OTHER',
] as const;

export const PlaceKinds = ['COUNTRY', 'REGION', 'PROVINCE', 'DISTRICT', 'CITY', 'TOWN', 'VILLAGE', 'AREA', 'SITE'] as const;

export const ActorKinds = [
  'PERSON',
  'ORGANIZATION',
  'GOVERNMENT_BODY',
  'STATE',
  'MILITARY',
  'COALITION',
  'ARMED_GROUP',
  'NGO',
  'INTERGOVERNMENTAL',
  'GROUP_OF_PEOPLE',
] as const;

export const OutletKinds = ['WIRE', 'BROADCASTER', 'NEWSPAPER', 'DIGITAL', 'STATE_MEDIA', 'BLOG', 'NGO', 'GOVERNMENT', 'SOCIAL_MEDIA'] as const;

export const StatementKinds = ['ACCUSATION', 'DENIAL', 'CLAIM', 'CALL_FOR_INVESTIGATION', 'CONFIRMATION', 'COMMENT'] as const;

/** How faithfully the text reproduces what was said. */
export const QuoteKinds = ['VERBATIM', 'PARAPHRASE', 'HEADLINE'] as const;

/** Where a statement was made: an official channel, an outlet's own reporting, an editor's note, a reader's comment. */
export const Venues = ['OFFICIAL', 'REPORTING', 'EDITORIAL', 'READER_COMMENT', 'OTHER'] as const;

export const StanceValues = ['ASSERTS', 'DENIES', 'DISPUTES', 'CALLS_TO_VERIFY'] as const;

export const AttributionRoles = ['PERPETRATOR', 'TARGET', 'VICTIM', 'WITNESS', 'INVESTIGATOR', 'OTHER'] as const;

export const MediaKinds = ['PHOTO', 'VIDEO', 'MAP', 'DOCUMENT', 'AUDIO'] as const;

export const DatePrecisions = ['YEAR', 'MONTH', 'DAY'] as const;

export type EventKind = (typeof EventKinds)[number];
export type PlaceKind = (typeof PlaceKinds)[number];
export type ActorKind = (typeof ActorKinds)[number];
export type OutletKind = (typeof OutletKinds)[number];
export type StatementKind = (typeof StatementKinds)[number];
export type QuoteKind = (typeof QuoteKinds)[number];
export type Venue = (typeof Venues)[number];
export type StanceValue = (typeof StanceValues)[number];
export type AttributionRole = (typeof AttributionRoles)[number];
export type MediaKind = (typeof MediaKinds)[number];
export type DatePrecision = (typeof DatePrecisions)[number];
