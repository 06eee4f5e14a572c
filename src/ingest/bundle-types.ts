import type {
  ActorKind,
  AttributionRole,
  EventKind,
  MediaKind,
  OutletKind,
  PlaceKind,
  QuoteKind,
  StanceValue,
  StatementKind,
  Venue,
} from '../domain/vocabulary.js';

/**
 * A document bundle: one source (a document, a dataset extract) read into the graph's shape.
 * Ids are natural keys, unique per kind (kebab-case by convention), and references between
 * records use them. Dates are ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD"; their precision is the
 * precision of what the source says. `note` records how a record was read from the source,
 * especially where the source is ambiguous.
 */
export interface Bundle {
  source: SourceRecord;
  places?: PlaceInput[];
  actors?: ActorInput[];
  outlets?: OutletInput[];
  articles?: ArticleInput[];
  events?: EventInput[];
  claims?: ClaimInput[];
  statements?: StatementInput[];
  media?: MediaInput[];
}

export interface SourceRecord {
  id: string;
  title: string;
  /** Where the source can be read: a URL or a path relative to the repository. */
  uri?: string;
  publishedAt?: string;
  /** When the source was read into the graph (ISO date); kept fixed so a reload changes nothing. */
  recordedAt: string;
  note?: string;
}

export interface PlaceInput {
  id: string;
  name: string;
  kind: PlaceKind;
  /** ISO 3166-1 alpha-2. */
  countryCode?: string;
  location?: { latitude: number; longitude: number };
  /** The enclosing place (a city within a province). */
  within?: string;
  near?: Array<{ place: string; distanceKm?: number; direction?: string; note?: string }>;
  note?: string;
}

/** A reference to an actor or an outlet (a spokesperson of a ministry, the editor of a blog). */
export type ActorOrOutletRef = { actor: string } | { outlet: string };

export interface ActorInput {
  id: string;
  name: string;
  kind: ActorKind;
  aliases?: string[];
  /** ISO 3166-1 alpha-2 country the actor belongs to, when it is one. */
  countryCode?: string;
  roles?: Array<ActorOrOutletRef & { title: string; note?: string }>;
  /** Outlets this actor owns or runs (a state's broadcaster, an NGO's website). */
  operates?: string[];
  note?: string;
}

export interface OutletInput {
  id: string;
  name: string;
  kind: OutletKind;
  domains?: string[];
  /** ISO 3166-1 alpha-2 country of the outlet. */
  country?: string;
  /** ISO 3166-1 alpha-2 country whose state funds or controls the outlet, if any. */
  stateAffiliation?: string;
  note?: string;
}

export type CitationTarget = { article: string } | { outlet: string } | { actor: string };

export interface ArticleInput {
  id: string;
  outlet: string;
  title: string;
  url?: string;
  publishedAt?: string;
  /** BCP 47 language tag. */
  language?: string;
  cites?: Array<CitationTarget & { via?: string; note?: string }>;
  /** Statements (already in the graph or in the bundle) that the article carries. */
  reports?: string[];
  note?: string;
}

export interface EventInput {
  id: string;
  kind: EventKind;
  title: string;
  summary?: string;
  startDate: string;
  endDate?: string;
  places?: string[];
  partOf?: string;
  /** Ids of this event in other datasets ("gdelt:599912345"); one event may have several. */
  externalIds?: string[];
  note?: string;
}

export interface ClaimInput {
  id: string;
  /** The proposition, stated neutrally, that statements assert, deny or dispute. */
  proposition: string;
  event: string;
  casualtiesMin?: number;
  casualtiesMax?: number;
  /** The figure in the source's own words ("dozens"). */
  casualtiesText?: string;
  attributesTo?: Array<{ actor: string; role: AttributionRole }>;
  note?: string;
}

export type MentionTarget = { actor: string } | { place: string } | { event: string } | { outlet: string };

export interface StatementInput {
  id: string;
  kind: StatementKind;
  text: string;
  quote: QuoteKind;
  venue?: Venue;
  madeAt?: string;
  speaker?: string;
  onBehalfOf?: string;
  addressedTo?: string[];
  /** The article where the statement first appeared; it is also counted as reporting it. */
  firstAppearedIn?: string;
  reportedIn?: string[];
  respondsTo?: string[];
  stances?: Array<{ claim: string; value: StanceValue; note?: string }>;
  /** Events the statement is about without taking a stance on a claim. */
  about?: string[];
  cites?: Array<({ statement: string } | { actor: string } | { article: string } | { outlet: string }) & { via?: string }>;
  mentions?: MentionTarget[];
  /** Ids of this statement in other datasets ("gdelt:599912346"). */
  externalIds?: string[];
  note?: string;
}

export interface MediaInput {
  id: string;
  kind: MediaKind;
  caption?: string;
  /** The credit line as printed. */
  credit?: string;
  creditedTo?: string[];
  distributedBy?: string;
  embeddedIn?: string[];
  depicts?: Array<({ event: string } | { place: string }) & { verified?: boolean; note?: string }>;
  note?: string;
}
