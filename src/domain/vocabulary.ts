/**
 * The closed vocabularies of the domain, each value with its meaning. GraphQL enums (with these
 * descriptions) and record validation both read these records, so a new kind is added in one place.
 */
export const EventKinds = {
  AIRSTRIKE: 'An attack by aircraft or drones on a target on the ground.',
  SHELLING: 'Artillery, mortar or rocket fire.',
  ARMED_CLASH: 'Fighting between armed forces or groups.',
  GROUND_OPERATION: 'A ground assault or raid.',
  USE_OF_FORCE: 'Military force of a kind the source does not say (CAMEO 190): an airstrike, shelling or a clash.',
  MILITARY_CAMPAIGN: 'A military offensive or operation made of many events.',
  AIR_CAMPAIGN: 'A sustained series of airstrikes.',
  ATTACK_ON_CIVILIANS: 'Violence directed at civilians.',
  EXPLOSION: 'A bombing, IED or other explosion.',
  DISPLACEMENT: 'People fleeing or being forced from their homes.',
  CIVILIAN_RETURN: 'Displaced people returning home.',
  PROTEST: 'A demonstration or protest.',
  INVESTIGATION: 'An inquiry into another event.',
  OTHER: 'Any other kind of event.',
} as const;

export const PlaceKinds = {
  COUNTRY: 'A sovereign state.',
  REGION: 'A region spanning countries or part of one (Europe, Kurdistan).',
  PROVINCE: 'A first-level administrative division (a governorate, a state).',
  DISTRICT: 'A second- or third-level administrative division.',
  CITY: 'A city.',
  TOWN: 'A town.',
  VILLAGE: 'A village.',
  AREA: 'An area without administrative status (a neighbourhood, an area near a town).',
  SITE: 'A single site (a building, a mosque, a bridge).',
} as const;

export const ActorKinds = {
  PERSON: 'A single person.',
  ORGANIZATION: 'A company or other organization.',
  GOVERNMENT_BODY: 'A ministry, agency or other part of a government.',
  STATE: 'A state as a whole.',
  MILITARY: 'An armed force or a unit of one.',
  COALITION: 'A coalition of states or forces.',
  ARMED_GROUP: 'A non-state armed group.',
  NGO: 'A non-governmental organization.',
  INTERGOVERNMENTAL: 'An intergovernmental organization (the UN, NATO).',
  GROUP_OF_PEOPLE: 'Unnamed people acting or cited together (eyewitnesses, residents).',
} as const;

export const OutletKinds = {
  WIRE: 'A news agency (Reuters, AP, AFP).',
  BROADCASTER: 'A television or radio broadcaster.',
  NEWSPAPER: 'A newspaper or magazine.',
  DIGITAL: 'A digital-only news publisher.',
  STATE_MEDIA: 'Media funded and controlled by a state.',
  BLOG: 'A blog.',
  NGO: 'An NGO’s own publications.',
  GOVERNMENT: 'A government’s own publications.',
  SOCIAL_MEDIA: 'An account on a social network.',
} as const;

export const StatementKinds = {
  ACCUSATION: 'Says someone did something wrong.',
  DENIAL: 'Rejects an accusation or a claim.',
  CLAIM: 'States something as fact.',
  CALL_FOR_INVESTIGATION: 'Asks for an inquiry.',
  CONFIRMATION: 'Acknowledges or confirms something (responsibility, a toll).',
  COMMENT: 'An opinion or remark.',
} as const;

export const QuoteKinds = {
  VERBATIM: 'The words as spoken or written (possibly in translation).',
  PARAPHRASE: 'A report of what was said, in someone else’s words.',
  HEADLINE: 'A headline summarising what was said.',
} as const;

export const Venues = {
  OFFICIAL: 'An official channel: a briefing, a press release, an official spokesperson.',
  REPORTING: 'An outlet’s own reporting, in its own voice.',
  EDITORIAL: 'An editor’s or author’s comment.',
  READER_COMMENT: 'A reader’s comment under an article.',
  OTHER: 'Anywhere else.',
} as const;

export const StanceValues = {
  ASSERTS: 'The statement says the claim is true.',
  DENIES: 'The statement says the claim is false.',
  DISPUTES: 'The statement casts doubt on the claim (its evidence, its motive) without denying it.',
  CALLS_TO_VERIFY: 'The statement asks for the claim to be investigated or verified.',
} as const;

export const AttributionRoles = {
  PERPETRATOR: 'Carried out the act.',
  TARGET: 'Was the intended target.',
  VICTIM: 'Was harmed.',
  WITNESS: 'Saw it happen.',
  INVESTIGATOR: 'Investigates it.',
  OTHER: 'Another part.',
} as const;

export const MatchStatuses = {
  CANDIDATE: 'Proposed by the resolver, waiting for an editor: the two records may be the same incident.',
  CONFIRMED: 'The two records are the same incident (confirmed by the resolver above its threshold, or by an editor).',
  REJECTED: 'The two records are different incidents (decided by an editor); never proposed again.',
} as const;

export const MediaKinds = {
  PHOTO: 'A photograph.',
  VIDEO: 'A video.',
  MAP: 'A map or satellite image.',
  DOCUMENT: 'A document.',
  AUDIO: 'An audio recording.',
} as const;

export const DatePrecisions = {
  YEAR: 'Known to the year.',
  MONTH: 'Known to the month.',
  DAY: 'Known to the day.',
} as const;

export type EventKind = keyof typeof EventKinds;
export type PlaceKind = keyof typeof PlaceKinds;
export type ActorKind = keyof typeof ActorKinds;
export type OutletKind = keyof typeof OutletKinds;
export type StatementKind = keyof typeof StatementKinds;
export type QuoteKind = keyof typeof QuoteKinds;
export type Venue = keyof typeof Venues;
export type StanceValue = keyof typeof StanceValues;
export type AttributionRole = keyof typeof AttributionRoles;
export type MediaKind = keyof typeof MediaKinds;
export type MatchStatus = keyof typeof MatchStatuses;
export type DatePrecision = keyof typeof DatePrecisions;

/**
 * What a statement of each kind says about who is responsible for an event, when a source codes
 * only its kind and its actors (GDELT's CAMEO codes): the stance it takes on "X carried it out",
 * and whether X is its speaker (a denial, an acknowledgement) or the one it is addressed to (an
 * accusation, a demand for an investigation). Kinds that say nothing about responsibility are absent.
 */
export const responsibilityStances: Partial<Record<StatementKind, { stance: StanceValue; responsible: 'speaker' | 'addressee' }>> = {
  CONFIRMATION: { stance: 'ASSERTS', responsible: 'speaker' },
  DENIAL: { stance: 'DENIES', responsible: 'speaker' },
  CALL_FOR_INVESTIGATION: { stance: 'CALLS_TO_VERIFY', responsible: 'addressee' },
  ACCUSATION: { stance: 'ASSERTS', responsible: 'addressee' },
};

/** Every vocabulary by its GraphQL enum name, with what the enum means. */
export const Vocabularies = {
  EventKind: { description: 'What kind of event happened.', values: EventKinds },
  PlaceKind: { description: 'What kind of place this is, from a country down to a single site.', values: PlaceKinds },
  ActorKind: { description: 'What kind of actor this is.', values: ActorKinds },
  OutletKind: { description: 'What kind of media outlet this is.', values: OutletKinds },
  StatementKind: { description: 'What a statement does.', values: StatementKinds },
  QuoteKind: { description: 'How faithfully a statement’s text reproduces what was said.', values: QuoteKinds },
  Venue: { description: 'Where a statement was made.', values: Venues },
  StanceValue: { description: 'The position a statement takes on a claim.', values: StanceValues },
  AttributionRole: { description: 'The part a claim says an actor played in an event.', values: AttributionRoles },
  MediaKind: { description: 'What kind of media item this is.', values: MediaKinds },
  MatchStatus: { description: 'Where a proposed match of two events stands.', values: MatchStatuses },
  DatePrecision: { description: 'How precisely a date is known: to the year, the month or the day.', values: DatePrecisions },
} as const;
export type VocabularyName = keyof typeof Vocabularies;

/** The sixteen compass points, for how one place lies from another. */
export const CompassPoints = Object.fromEntries(
  ['N', 'NNE', 'NE', 'ENE', 'E', 'ESE', 'SE', 'SSE', 'S', 'SSW', 'SW', 'WSW', 'W', 'WNW', 'NW', 'NNW'].map((point) => [point, point]),
) as Readonly<Record<string, string>>;
