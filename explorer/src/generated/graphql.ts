/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** What kind of actor this is. */
export type ActorKind =
  /** A non-state armed group. */
  | 'ARMED_GROUP'
  /** A coalition of states or forces. */
  | 'COALITION'
  /** A ministry, agency or other part of a government. */
  | 'GOVERNMENT_BODY'
  /** Unnamed people acting or cited together (eyewitnesses, residents). */
  | 'GROUP_OF_PEOPLE'
  /** An intergovernmental organization (the UN, NATO). */
  | 'INTERGOVERNMENTAL'
  /** An armed force or a unit of one. */
  | 'MILITARY'
  /** A non-governmental organization. */
  | 'NGO'
  /** A company or other organization. */
  | 'ORGANIZATION'
  /** A single person. */
  | 'PERSON'
  /** A state as a whole. */
  | 'STATE';

/** How precisely a date is known: to the year, the month or the day. */
export type DatePrecision =
  /** Known to the day. */
  | 'DAY'
  /** Known to the month. */
  | 'MONTH'
  /** Known to the year. */
  | 'YEAR';

/** What kind of event happened. */
export type EventKind =
  /** An attack by aircraft or drones on a target on the ground. */
  | 'AIRSTRIKE'
  /** A sustained series of airstrikes. */
  | 'AIR_CAMPAIGN'
  /** Fighting between armed forces or groups. */
  | 'ARMED_CLASH'
  /** Violence directed at civilians. */
  | 'ATTACK_ON_CIVILIANS'
  /** Displaced people returning home. */
  | 'CIVILIAN_RETURN'
  /** People fleeing or being forced from their homes. */
  | 'DISPLACEMENT'
  /** A bombing, IED or other explosion. */
  | 'EXPLOSION'
  /** A ground assault or raid. */
  | 'GROUND_OPERATION'
  /** An inquiry into another event. */
  | 'INVESTIGATION'
  /** A military offensive or operation made of many events. */
  | 'MILITARY_CAMPAIGN'
  /** Any other kind of event. */
  | 'OTHER'
  /** A demonstration or protest. */
  | 'PROTEST'
  /** Artillery, mortar or rocket fire. */
  | 'SHELLING'
  /** Military force of a kind the source does not say (CAMEO 190): an airstrike, shelling or a clash. */
  | 'USE_OF_FORCE';

/** A point on the globe (WGS 84). */
export type LatLngInput = {
  /** Degrees north, -90 to 90. */
  latitude: number;
  /** Degrees east, -180 to 180. */
  longitude: number;
};

/** The kinds of record the graph holds (its node labels). */
export type NodeKind =
  /** A person, body, state, group or military. */
  | 'ACTOR'
  /** A piece an outlet published. */
  | 'ARTICLE'
  /** A proposition about an event that statements take positions on. */
  | 'CLAIM'
  /** Something that happened at a place and time. */
  | 'EVENT'
  /** A photo, video or other media item. */
  | 'MEDIA_ITEM'
  /** A media outlet: a newspaper, broadcaster, blog, agency. */
  | 'OUTLET'
  /** A country, region, city or site. */
  | 'PLACE'
  /** A document records were read from. */
  | 'SOURCE'
  /** Something someone said or wrote. */
  | 'STATEMENT';

/** What kind of media outlet this is. */
export type OutletKind =
  /** A blog. */
  | 'BLOG'
  /** A television or radio broadcaster. */
  | 'BROADCASTER'
  /** A digital-only news publisher. */
  | 'DIGITAL'
  /** A government’s own publications. */
  | 'GOVERNMENT'
  /** A newspaper or magazine. */
  | 'NEWSPAPER'
  /** An NGO’s own publications. */
  | 'NGO'
  /** An account on a social network. */
  | 'SOCIAL_MEDIA'
  /** Media funded and controlled by a state. */
  | 'STATE_MEDIA'
  /** A news agency (Reuters, AP, AFP). */
  | 'WIRE';

/** What kind of place this is, from a country down to a single site. */
export type PlaceKind =
  /** An area without administrative status (a neighbourhood, an area near a town). */
  | 'AREA'
  /** A city. */
  | 'CITY'
  /** A sovereign state. */
  | 'COUNTRY'
  /** A second- or third-level administrative division. */
  | 'DISTRICT'
  /** A first-level administrative division (a governorate, a state). */
  | 'PROVINCE'
  /** A region spanning countries or part of one (Europe, Kurdistan). */
  | 'REGION'
  /** A single site (a building, a mosque, a bridge). */
  | 'SITE'
  /** A town. */
  | 'TOWN'
  /** A village. */
  | 'VILLAGE';

/** The kinds of relationship the graph holds. */
export type RelationshipType =
  /** A claim, or a statement with no proposition, is about an event. */
  | 'ABOUT'
  /** A statement is addressed to an actor. */
  | 'ADDRESSED_TO'
  /** A claim attributes a part in an event to an actor (with role). */
  | 'ATTRIBUTES_TO'
  /** An article or statement cites something (with via). */
  | 'CITES'
  /** A media item is credited to an actor. */
  | 'CREDITED_TO'
  /** A media item depicts an event or a place (with verified, verifiedBy and method). */
  | 'DEPICTS'
  /** A media item is distributed by an outlet. */
  | 'DISTRIBUTED_BY'
  /** An article embeds a media item. */
  | 'EMBEDS'
  /** A statement first appeared in an article. */
  | 'FIRST_APPEARED_IN'
  /** An actor holds a role (title) in an actor or an outlet. */
  | 'HOLDS_ROLE'
  /** An id in another dataset (GDELT, ACLED) identifies a record. */
  | 'IDENTIFIES'
  /** An actor made a statement. */
  | 'MADE'
  /** Two events may be, or are, the same incident (with status, score and reasons). */
  | 'MATCHES'
  /** An actor is a member of another (a state of a coalition). */
  | 'MEMBER_OF'
  /** A statement mentions an actor, place, event or outlet. */
  | 'MENTIONS'
  /** A place is near another (with distanceKm and direction). */
  | 'NEAR'
  /** A media item does not show an event although it appears beside its reporting (with note). */
  | 'NOT_DEPICTS'
  /** An event took place in a place. */
  | 'OCCURRED_IN'
  /** A statement was made on behalf of an actor. */
  | 'ON_BEHALF_OF'
  /** An actor runs an outlet. */
  | 'OPERATES'
  /** An event is part of a larger one; an actor is part of a larger body (an army of its state). */
  | 'PART_OF'
  /** An outlet published an article. */
  | 'PUBLISHED'
  /** An article carries a statement. */
  | 'REPORTS'
  /** A statement answers another. */
  | 'RESPONDS_TO'
  /** Two events are one incident: confirmed matches, directly or through others. */
  | 'SAME_INCIDENT'
  /** A statement takes a position on a claim (with value). */
  | 'STANCE'
  /** A place lies within a larger one. */
  | 'WITHIN';

/** The position a statement takes on a claim. */
export type StanceValue =
  /** The statement says the claim is true. */
  | 'ASSERTS'
  /** The statement asks for the claim to be investigated or verified. */
  | 'CALLS_TO_VERIFY'
  /** The statement says the claim is false. */
  | 'DENIES'
  /** The statement casts doubt on the claim (its evidence, its motive) without denying it. */
  | 'DISPUTES';

/** What a statement does. */
export type StatementKind =
  /** Says someone did something wrong. */
  | 'ACCUSATION'
  /** Asks for an inquiry. */
  | 'CALL_FOR_INVESTIGATION'
  /** States something as fact. */
  | 'CLAIM'
  /** An opinion or remark. */
  | 'COMMENT'
  /** Acknowledges or confirms something (responsibility, a toll). */
  | 'CONFIRMATION'
  /** Rejects an accusation or a claim. */
  | 'DENIAL';

export type ExplorerPositionFragment = { value: StanceValue, speaker: { id: string, name: string } | null, onBehalfOf: { id: string, name: string } | null, outlets: Array<{ id: string, name: string, stateAffiliation: string | null }>, statement: { id: string, key: string, kind: StatementKind, text: string, madeAt: string | null, madeAtPrecision: DatePrecision | null, speaker: { id: string, name: string } | null, onBehalfOf: { id: string, name: string } | null, stances: Array<{ value: StanceValue, claim: { id: string, proposition: string } }> } };

export type ExplorerClaimQueryVariables = Exact<{
  id: string | number;
}>;


export type ExplorerClaimQuery = { claim: { id: string, key: string, proposition: string, event: { id: string, key: string, title: string } | null, contest: { contested: boolean, assertionToDenialDays: { min: number, max: number } | null, counts: Array<{ value: StanceValue, statements: number }> }, asserters: Array<{ value: StanceValue, speaker: { id: string, name: string } | null, onBehalfOf: { id: string, name: string } | null, outlets: Array<{ id: string, name: string, stateAffiliation: string | null }>, statement: { id: string, key: string, kind: StatementKind, text: string, madeAt: string | null, madeAtPrecision: DatePrecision | null, speaker: { id: string, name: string } | null, onBehalfOf: { id: string, name: string } | null, stances: Array<{ value: StanceValue, claim: { id: string, proposition: string } }> } }>, deniers: Array<{ value: StanceValue, speaker: { id: string, name: string } | null, onBehalfOf: { id: string, name: string } | null, outlets: Array<{ id: string, name: string, stateAffiliation: string | null }>, statement: { id: string, key: string, kind: StatementKind, text: string, madeAt: string | null, madeAtPrecision: DatePrecision | null, speaker: { id: string, name: string } | null, onBehalfOf: { id: string, name: string } | null, stances: Array<{ value: StanceValue, claim: { id: string, proposition: string } }> } }> } | null };

export type ExplorerEventQueryVariables = Exact<{
  id: string | number;
}>;


export type ExplorerEventQuery = { event: { id: string, key: string, title: string, kind: EventKind, startDate: string, datePrecision: DatePrecision, summary: string | null, places: Array<{ id: string, name: string, location: { latitude: number, longitude: number } | null }>, coverage: Array<{ stances: Array<StanceValue>, outlet: { id: string, name: string, kind: OutletKind, stateAffiliation: string | null }, reports: Array<{ article: { id: string, title: string, publishedAt: string | null, publishedAtPrecision: DatePrecision | null }, statement: { id: string, kind: StatementKind, text: string, madeAt: string | null, madeAtPrecision: DatePrecision | null, speaker: { id: string, name: string, kind: ActorKind } | null, onBehalfOf: { id: string, name: string, kind: ActorKind } | null }, stances: Array<{ value: StanceValue, claim: { id: string } }> }> }>, claims: { edges: Array<{ node: { id: string, key: string, proposition: string, contested: boolean } }> } } | null };

export type ExplorerStatementAddedSubscriptionVariables = Exact<{
  eventId: string | number;
}>;


export type ExplorerStatementAddedSubscription = { statementAdded: { id: string, kind: StatementKind, text: string, madeAt: string | null, madeAtPrecision: DatePrecision | null, speaker: { id: string, name: string } | null, stances: Array<{ value: StanceValue, claim: { id: string } }> } };

export type ExplorerMapEventFragment = { id: string, key: string, title: string, kind: EventKind, startDate: string, places: Array<{ id: string, name: string, kind: PlaceKind, location: { latitude: number, longitude: number } | null }> };

export type ExplorerEventsInBoxQueryVariables = Exact<{
  southWest: LatLngInput;
  northEast: LatLngInput;
  after?: string | null | undefined;
}>;


export type ExplorerEventsInBoxQuery = { eventsInBox: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, key: string, title: string, kind: EventKind, startDate: string, places: Array<{ id: string, name: string, kind: PlaceKind, location: { latitude: number, longitude: number } | null }> } }> } | null };

export type ExplorerEventsNearQueryVariables = Exact<{
  center: LatLngInput;
  radiusKm: number;
  after?: string | null | undefined;
}>;


export type ExplorerEventsNearQuery = { eventsNear: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, key: string, title: string, kind: EventKind, startDate: string, places: Array<{ id: string, name: string, kind: PlaceKind, location: { latitude: number, longitude: number } | null }> } }> } | null };

export type ExplorerPlaceHierarchyQueryVariables = Exact<{
  id: string | number;
}>;


export type ExplorerPlaceHierarchyQuery = { place: { id: string, name: string, kind: PlaceKind, parent: { id: string, name: string, kind: PlaceKind, parent: { id: string, name: string, kind: PlaceKind, parent: { id: string, name: string, kind: PlaceKind, parent: { id: string, name: string, kind: PlaceKind } | null } | null } | null } | null } | null };

export type ExplorerNeighborhoodQueryVariables = Exact<{
  id: string | number;
  limit?: number | null | undefined;
}>;


export type ExplorerNeighborhoodQuery = { neighborhood: { truncated: boolean, nodes: Array<{ id: string, kind: NodeKind, label: string, record:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
       }>, edges: Array<{ id: string, source: string, target: string, type: RelationshipType }> } };

export type ExplorerSearchQueryVariables = Exact<{
  query: string;
  first?: number | null | undefined;
}>;


export type ExplorerSearchQuery = { search: { totalCount: number, totalCountIsLowerBound: boolean, edges: Array<{ node: { score: number, highlights: Array<{ field: string, snippet: string }>, record:
          | { __typename: 'Actor', id: string, key: string, name: string, actorKind: ActorKind }
          | { __typename: 'Article', id: string, key: string, title: string }
          | { __typename: 'Claim', id: string, key: string, proposition: string }
          | { __typename: 'Event', id: string, key: string, title: string, startDate: string, datePrecision: DatePrecision, eventKind: EventKind }
          | { __typename: 'MediaItem', id: string, key: string, caption: string | null }
          | { __typename: 'Outlet', id: string, key: string, name: string, outletKind: OutletKind }
          | { __typename: 'Place', id: string, key: string, name: string, placeKind: PlaceKind }
          | { __typename: 'Statement', id: string, key: string, text: string, statementKind: StatementKind }
         } }> } | null };

export type ExplorerStatementSummaryFragment = { id: string, key: string, kind: StatementKind, text: string, madeAt: string | null, madeAtPrecision: DatePrecision | null, speaker: { id: string, name: string } | null, onBehalfOf: { id: string, name: string } | null, stances: Array<{ value: StanceValue, claim: { id: string, proposition: string } }> };

export type ExplorerStatementDetailFragment = { id: string, key: string, kind: StatementKind, text: string, madeAt: string | null, madeAtPrecision: DatePrecision | null, provenanceChains: Array<{ carriedBy: { id: string, title: string, outlet: { id: string, name: string } | null }, steps: Array<{ via: string | null, to:
        | { __typename: 'Actor', id: string, name: string }
        | { __typename: 'Article', id: string, title: string, outlet: { id: string, name: string } | null }
        | { __typename: 'Outlet', id: string, name: string }
        | { __typename: 'Statement', id: string, text: string }
       }>, firstAppearedIn: { id: string, title: string, outlet: { id: string, name: string } | null } | null, speaker: { id: string, name: string } | null, onBehalfOf: { id: string, name: string } | null }>, speaker: { id: string, name: string } | null, onBehalfOf: { id: string, name: string } | null, stances: Array<{ value: StanceValue, claim: { id: string, proposition: string } }> };

export type ExplorerStatementQueryVariables = Exact<{
  id: string | number;
}>;


export type ExplorerStatementQuery = { statement: { id: string, key: string, kind: StatementKind, text: string, madeAt: string | null, madeAtPrecision: DatePrecision | null, provenanceChains: Array<{ carriedBy: { id: string, title: string, outlet: { id: string, name: string } | null }, steps: Array<{ via: string | null, to:
          | { __typename: 'Actor', id: string, name: string }
          | { __typename: 'Article', id: string, title: string, outlet: { id: string, name: string } | null }
          | { __typename: 'Outlet', id: string, name: string }
          | { __typename: 'Statement', id: string, text: string }
         }>, firstAppearedIn: { id: string, title: string, outlet: { id: string, name: string } | null } | null, speaker: { id: string, name: string } | null, onBehalfOf: { id: string, name: string } | null }>, speaker: { id: string, name: string } | null, onBehalfOf: { id: string, name: string } | null, stances: Array<{ value: StanceValue, claim: { id: string, proposition: string } }> } | null };

export type ExplorerTimelineQueryVariables = Exact<{
  event: string | number;
  after?: string | null | undefined;
}>;


export type ExplorerTimelineQuery = { timeline: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node:
        | { __typename: 'Article', id: string, title: string, publishedAt: string | null, publishedAtPrecision: DatePrecision | null, outlet: { id: string, name: string } | null }
        | { __typename: 'Statement', id: string, kind: StatementKind, text: string, madeAt: string | null, madeAtPrecision: DatePrecision | null, speaker: { name: string } | null, stances: Array<{ value: StanceValue }>, reportedIn: { edges: Array<{ node: { outlet: { id: string, name: string } | null } }> } }
       }> } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ExplorerStatementSummaryFragmentDoc = new TypedDocumentString(`
    fragment ExplorerStatementSummary on Statement {
  id
  key
  kind
  text
  madeAt
  madeAtPrecision
  speaker {
    id
    name
  }
  onBehalfOf {
    id
    name
  }
  stances {
    value
    claim {
      id
      proposition
    }
  }
}
    `, {"fragmentName":"ExplorerStatementSummary"}) as unknown as TypedDocumentString<ExplorerStatementSummaryFragment, unknown>;
export const ExplorerPositionFragmentDoc = new TypedDocumentString(`
    fragment ExplorerPosition on Position {
  value
  speaker {
    id
    name
  }
  onBehalfOf {
    id
    name
  }
  outlets {
    id
    name
    stateAffiliation
  }
  statement {
    ...ExplorerStatementSummary
  }
}
    fragment ExplorerStatementSummary on Statement {
  id
  key
  kind
  text
  madeAt
  madeAtPrecision
  speaker {
    id
    name
  }
  onBehalfOf {
    id
    name
  }
  stances {
    value
    claim {
      id
      proposition
    }
  }
}`, {"fragmentName":"ExplorerPosition"}) as unknown as TypedDocumentString<ExplorerPositionFragment, unknown>;
export const ExplorerMapEventFragmentDoc = new TypedDocumentString(`
    fragment ExplorerMapEvent on Event {
  id
  key
  title
  kind
  startDate
  places {
    id
    name
    kind
    location {
      latitude
      longitude
    }
  }
}
    `, {"fragmentName":"ExplorerMapEvent"}) as unknown as TypedDocumentString<ExplorerMapEventFragment, unknown>;
export const ExplorerStatementDetailFragmentDoc = new TypedDocumentString(`
    fragment ExplorerStatementDetail on Statement {
  ...ExplorerStatementSummary
  provenanceChains {
    carriedBy {
      id
      title
      outlet {
        id
        name
      }
    }
    steps {
      via
      to {
        __typename
        ... on Article {
          id
          title
          outlet {
            id
            name
          }
        }
        ... on Actor {
          id
          name
        }
        ... on Outlet {
          id
          name
        }
        ... on Statement {
          id
          text
        }
      }
    }
    firstAppearedIn {
      id
      title
      outlet {
        id
        name
      }
    }
    speaker {
      id
      name
    }
    onBehalfOf {
      id
      name
    }
  }
}
    fragment ExplorerStatementSummary on Statement {
  id
  key
  kind
  text
  madeAt
  madeAtPrecision
  speaker {
    id
    name
  }
  onBehalfOf {
    id
    name
  }
  stances {
    value
    claim {
      id
      proposition
    }
  }
}`, {"fragmentName":"ExplorerStatementDetail"}) as unknown as TypedDocumentString<ExplorerStatementDetailFragment, unknown>;
export const ExplorerClaimDocument = new TypedDocumentString(`
    query ExplorerClaim($id: ID!) {
  claim(id: $id) {
    id
    key
    proposition
    event {
      id
      key
      title
    }
    contest {
      contested
      assertionToDenialDays {
        min
        max
      }
      counts {
        value
        statements
      }
    }
    asserters {
      ...ExplorerPosition
    }
    deniers {
      ...ExplorerPosition
    }
  }
}
    fragment ExplorerPosition on Position {
  value
  speaker {
    id
    name
  }
  onBehalfOf {
    id
    name
  }
  outlets {
    id
    name
    stateAffiliation
  }
  statement {
    ...ExplorerStatementSummary
  }
}
fragment ExplorerStatementSummary on Statement {
  id
  key
  kind
  text
  madeAt
  madeAtPrecision
  speaker {
    id
    name
  }
  onBehalfOf {
    id
    name
  }
  stances {
    value
    claim {
      id
      proposition
    }
  }
}`) as unknown as TypedDocumentString<ExplorerClaimQuery, ExplorerClaimQueryVariables>;
export const ExplorerEventDocument = new TypedDocumentString(`
    query ExplorerEvent($id: ID!) {
  event(id: $id) {
    id
    key
    title
    kind
    startDate
    datePrecision
    summary
    places {
      id
      name
      location {
        latitude
        longitude
      }
    }
    coverage {
      outlet {
        id
        name
        kind
        stateAffiliation
      }
      stances
      reports {
        article {
          id
          title
          publishedAt
          publishedAtPrecision
        }
        statement {
          id
          kind
          text
          madeAt
          madeAtPrecision
          speaker {
            id
            name
            kind
          }
          onBehalfOf {
            id
            name
            kind
          }
        }
        stances {
          value
          claim {
            id
          }
        }
      }
    }
    claims(first: 100) {
      edges {
        node {
          id
          key
          proposition
          contested
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerEventQuery, ExplorerEventQueryVariables>;
export const ExplorerStatementAddedDocument = new TypedDocumentString(`
    subscription ExplorerStatementAdded($eventId: ID!) {
  statementAdded(eventId: $eventId) {
    id
    kind
    text
    madeAt
    madeAtPrecision
    speaker {
      id
      name
    }
    stances {
      value
      claim {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerStatementAddedSubscription, ExplorerStatementAddedSubscriptionVariables>;
export const ExplorerEventsInBoxDocument = new TypedDocumentString(`
    query ExplorerEventsInBox($southWest: LatLngInput!, $northEast: LatLngInput!, $after: String) {
  eventsInBox(
    southWest: $southWest
    northEast: $northEast
    first: 100
    after: $after
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...ExplorerMapEvent
      }
    }
  }
}
    fragment ExplorerMapEvent on Event {
  id
  key
  title
  kind
  startDate
  places {
    id
    name
    kind
    location {
      latitude
      longitude
    }
  }
}`) as unknown as TypedDocumentString<ExplorerEventsInBoxQuery, ExplorerEventsInBoxQueryVariables>;
export const ExplorerEventsNearDocument = new TypedDocumentString(`
    query ExplorerEventsNear($center: LatLngInput!, $radiusKm: Float!, $after: String) {
  eventsNear(center: $center, radiusKm: $radiusKm, first: 100, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...ExplorerMapEvent
      }
    }
  }
}
    fragment ExplorerMapEvent on Event {
  id
  key
  title
  kind
  startDate
  places {
    id
    name
    kind
    location {
      latitude
      longitude
    }
  }
}`) as unknown as TypedDocumentString<ExplorerEventsNearQuery, ExplorerEventsNearQueryVariables>;
export const ExplorerPlaceHierarchyDocument = new TypedDocumentString(`
    query ExplorerPlaceHierarchy($id: ID!) {
  place(id: $id) {
    id
    name
    kind
    parent {
      id
      name
      kind
      parent {
        id
        name
        kind
        parent {
          id
          name
          kind
          parent {
            id
            name
            kind
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerPlaceHierarchyQuery, ExplorerPlaceHierarchyQueryVariables>;
export const ExplorerNeighborhoodDocument = new TypedDocumentString(`
    query ExplorerNeighborhood($id: ID!, $limit: Int = 100) {
  neighborhood(id: $id, depth: 1, limit: $limit) {
    truncated
    nodes {
      id
      kind
      label
      record {
        id
      }
    }
    edges {
      id
      source
      target
      type
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerNeighborhoodQuery, ExplorerNeighborhoodQueryVariables>;
export const ExplorerSearchDocument = new TypedDocumentString(`
    query ExplorerSearch($query: String!, $first: Int = 20) {
  search(query: $query, first: $first) {
    totalCount
    totalCountIsLowerBound
    edges {
      node {
        score
        highlights {
          field
          snippet
        }
        record {
          __typename
          ... on Event {
            id
            key
            title
            startDate
            datePrecision
            eventKind: kind
          }
          ... on Actor {
            id
            key
            name
            actorKind: kind
          }
          ... on Outlet {
            id
            key
            name
            outletKind: kind
          }
          ... on Claim {
            id
            key
            proposition
          }
          ... on Place {
            id
            key
            name
            placeKind: kind
          }
          ... on Statement {
            id
            key
            statementKind: kind
            text
          }
          ... on Article {
            id
            key
            title
          }
          ... on MediaItem {
            id
            key
            caption
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerSearchQuery, ExplorerSearchQueryVariables>;
export const ExplorerStatementDocument = new TypedDocumentString(`
    query ExplorerStatement($id: ID!) {
  statement(id: $id) {
    ...ExplorerStatementDetail
  }
}
    fragment ExplorerStatementSummary on Statement {
  id
  key
  kind
  text
  madeAt
  madeAtPrecision
  speaker {
    id
    name
  }
  onBehalfOf {
    id
    name
  }
  stances {
    value
    claim {
      id
      proposition
    }
  }
}
fragment ExplorerStatementDetail on Statement {
  ...ExplorerStatementSummary
  provenanceChains {
    carriedBy {
      id
      title
      outlet {
        id
        name
      }
    }
    steps {
      via
      to {
        __typename
        ... on Article {
          id
          title
          outlet {
            id
            name
          }
        }
        ... on Actor {
          id
          name
        }
        ... on Outlet {
          id
          name
        }
        ... on Statement {
          id
          text
        }
      }
    }
    firstAppearedIn {
      id
      title
      outlet {
        id
        name
      }
    }
    speaker {
      id
      name
    }
    onBehalfOf {
      id
      name
    }
  }
}`) as unknown as TypedDocumentString<ExplorerStatementQuery, ExplorerStatementQueryVariables>;
export const ExplorerTimelineDocument = new TypedDocumentString(`
    query ExplorerTimeline($event: ID!, $after: String) {
  timeline(event: $event, first: 100, after: $after) {
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        __typename
        ... on Statement {
          id
          kind
          text
          madeAt
          madeAtPrecision
          speaker {
            name
          }
          stances {
            value
          }
          reportedIn(first: 20) {
            edges {
              node {
                outlet {
                  id
                  name
                }
              }
            }
          }
        }
        ... on Article {
          id
          title
          publishedAt
          publishedAtPrecision
          outlet {
            id
            name
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerTimelineQuery, ExplorerTimelineQueryVariables>;