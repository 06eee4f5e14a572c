import { date, MaxLength, text, type InputOf, type RecordInput } from '../domain/record.js';
import type { actorRecord } from '../modules/actor/actor.record.js';
import type { articleRecord } from '../modules/article/article.record.js';
import type { claimRecord } from '../modules/claim/claim.record.js';
import type { eventRecord } from '../modules/event/event.record.js';
import type { mediaItemRecord } from '../modules/media/media.record.js';
import type { outletRecord } from '../modules/outlet/outlet.record.js';
import type { placeRecord } from '../modules/place/place.record.js';
import type { BundleRecords } from '../modules/records.js';
import type { statementRecord } from '../modules/statement/statement.record.js';

/**
 * A document bundle: one source (a document, a dataset extract) read into the graph's shape, one
 * section per record kind (src/modules/records.ts). Ids are natural keys, unique per kind
 * (kebab-case), and references between records use them. Dates are ISO "YYYY", "YYYY-MM" or
 * "YYYY-MM-DD"; their precision is the precision of what the source says. `note` records how a
 * record was read from the source, especially where the source is ambiguous.
 */
export type Bundle = { source: SourceRecord } & BundleRecords;

/** The source section: what the bundle's records were read from. */
export const sourceFields = {
  title: text({ required: true, max: MaxLength.title, description: 'What the source is called.' }),
  uri: text({ max: MaxLength.url, description: 'Where the source can be read: a URL or a path relative to the repository.' }),
  publishedAt: date({ description: 'When the source was published.' }),
  recordedAt: date({ required: true, description: 'When the source was read into the graph; kept fixed so a reload changes nothing.' }),
  note: text({ max: MaxLength.note, description: 'How the source was read.' }),
} as const;
export type SourceRecord = InputOf<typeof sourceFields>;

// The records of each kind, by their familiar names (for importers that build bundles).
export type PlaceInput = RecordInput<typeof placeRecord>;
export type ActorInput = RecordInput<typeof actorRecord>;
export type OutletInput = RecordInput<typeof outletRecord>;
export type ArticleInput = RecordInput<typeof articleRecord>;
export type EventInput = RecordInput<typeof eventRecord>;
export type ClaimInput = RecordInput<typeof claimRecord>;
export type StatementInput = RecordInput<typeof statementRecord>;
export type MediaInput = RecordInput<typeof mediaItemRecord>;
