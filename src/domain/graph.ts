/**
 * The graph's vocabulary. Cypher may interpolate a label or relationship type only from these
 * enums (never from input), because labels and types cannot be query parameters.
 */
export enum Label {
  Event = 'Event',
  Place = 'Place',
  Actor = 'Actor',
  Outlet = 'Outlet',
  Article = 'Article',
  Statement = 'Statement',
  Claim = 'Claim',
  MediaItem = 'MediaItem',
  Source = 'Source',
  AuditEntry = 'AuditEntry',
  ExternalRecord = 'ExternalRecord',
}

export enum Rel {
  OCCURRED_IN = 'OCCURRED_IN',
  PART_OF = 'PART_OF',
  WITHIN = 'WITHIN',
  NEAR = 'NEAR',
  MEMBER_OF = 'MEMBER_OF',
  HOLDS_ROLE = 'HOLDS_ROLE',
  OPERATES = 'OPERATES',
  PUBLISHED = 'PUBLISHED',
  CITES = 'CITES',
  MADE = 'MADE',
  ON_BEHALF_OF = 'ON_BEHALF_OF',
  ADDRESSED_TO = 'ADDRESSED_TO',
  REPORTS = 'REPORTS',
  FIRST_APPEARED_IN = 'FIRST_APPEARED_IN',
  RESPONDS_TO = 'RESPONDS_TO',
  MENTIONS = 'MENTIONS',
  ABOUT = 'ABOUT',
  ATTRIBUTES_TO = 'ATTRIBUTES_TO',
  STANCE = 'STANCE',
  EMBEDS = 'EMBEDS',
  CREDITED_TO = 'CREDITED_TO',
  DISTRIBUTED_BY = 'DISTRIBUTED_BY',
  DEPICTS = 'DEPICTS',
  NOT_DEPICTS = 'NOT_DEPICTS',
  IDENTIFIES = 'IDENTIFIES',
  MATCHES = 'MATCHES',
  SAME_INCIDENT = 'SAME_INCIDENT',
}

/**
 * Properties the graph keeps for its own index seeks, derived from what records say (see
 * speaker-key.ts and match-cell.ts): storage, not vocabulary, so no schema type, drawing or audit
 * entry shows them.
 */
export enum StorageProperty {
  speakerKey = 'speakerKey',
  matchCell = 'matchCell',
  /** An event's window for matching: its period widened by its date uncertainty (see match-cell.ts). */
  matchFrom = 'matchFrom',
  matchTo = 'matchTo',
  /** The class of that window's length (MATCH_WINDOW_CLASSES), which seeking it reads first. */
  matchWindowClass = 'matchWindowClass',
  /** How many places an event occurred in, set only when more than one (see event/place-count.ts). */
  placeCount = 'placeCount',
  /** A searchable record's kind as a full-text token, so a search of some kinds is filtered inside the index (see records.ts). */
  searchKind = 'searchKind',
}

const storageProperties = new Set<string>(Object.values(StorageProperty));

/** Whether a stored property is storage (derived for the database's use), not the record's own. */
export const isStorageProperty = (name: string) => storageProperties.has(name);

/** A node's properties as its record holds them: without the storage properties. */
export function recordProperties(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).filter(([name]) => !isStorageProperty(name)));
}
