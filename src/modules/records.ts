import { Label } from '../domain/graph.js';
import type { Fields, RecordDeclaration, RecordInput } from '../domain/record.js';
import { actorRecord } from './actor/actor.record.js';
import { articleRecord } from './article/article.record.js';
import { claimRecord } from './claim/claim.record.js';
import { eventRecord } from './event/event.record.js';
import { mediaItemRecord } from './media/media.record.js';
import { outletRecord } from './outlet/outlet.record.js';
import { placeRecord } from './place/place.record.js';
import { statementRecord } from './statement/statement.record.js';

/**
 * The registry of record kinds, by label: the one list a new kind is added to. The type checker
 * holds it complete: every label of the graph's content (all but its bookkeeping) needs an entry.
 * Everything else that lists kinds (bundle sections, NodeKind, search, full-text index, lookups,
 * exports, deletes) derives from it.
 */
type BookkeepingLabel = Label.Source | Label.AuditEntry | Label.ExternalRecord;
export const recordsByLabel = {
  [Label.Event]: eventRecord,
  [Label.Place]: placeRecord,
  [Label.Actor]: actorRecord,
  [Label.Outlet]: outletRecord,
  [Label.Article]: articleRecord,
  [Label.Statement]: statementRecord,
  [Label.Claim]: claimRecord,
  [Label.MediaItem]: mediaItemRecord,
} as const satisfies { [L in Exclude<Label, BookkeepingLabel>]: RecordDeclaration<any> & { label: L } };

export type RecordDeclarations = (typeof recordsByLabel)[keyof typeof recordsByLabel];
export type RecordKind = RecordDeclarations['kind'];
export type RecordTypename = RecordDeclarations['typename'];
export type RecordLabel = RecordDeclarations['label'];

export const recordDeclarations: readonly RecordDeclarations[] = Object.values(recordsByLabel);
export const recordKinds = recordDeclarations.map((declaration) => declaration.kind);
export const recordLabels = recordDeclarations.map((declaration) => declaration.label);

/** The labels of the graph's content: what clients fetch, draw, export and delete. */
export const contentLabels = [...recordLabels, Label.Source] as const;
export type ContentLabel = RecordLabel | Label.Source;

export const declarationOfKind = Object.fromEntries(recordDeclarations.map((declaration) => [declaration.kind, declaration])) as {
  [D in RecordDeclarations as D['kind']]: D;
};
export const kindOfLabel = (label: Label): RecordKind | undefined => (recordsByLabel as Partial<Record<Label, RecordDeclarations>>)[label]?.kind;

/** The records of each kind a bundle may hold, typed from their declarations. */
export type BundleRecords = { [D in RecordDeclarations as D['kind']]?: Array<RecordInput<D>> };

/**
 * A record's properties that full-text search reads: those its fields declare searchable, its
 * free text in declaration order first, then its vocabulary values (how highlights are listed).
 */
export const searchableProperties = (declaration: RecordDeclarations): string[] => {
  const fields = Object.entries(declaration.fields as Fields).flatMap(([name, field]) => (field.role === 'property' && field.searchable ? [{ name, field }] : []));
  return [...fields.filter(({ field }) => !('vocabulary' in field.graphql)), ...fields.filter(({ field }) => 'vocabulary' in field.graphql)].map(({ name }) => name);
};

const searchableLabels = recordDeclarations.filter((declaration) => searchableProperties(declaration).length > 0).map((declaration) => declaration.label);

/**
 * What full-text search reads: the labels that have searchable fields, those fields, and each
 * label's own; and each label's token in the index's kind field (`kindTokens`), stored on every
 * searchable record (StorageProperty.searchKind) so that a search of some kinds is filtered by
 * the index itself, before its ranking stops, not after. A token starts with digits: no word's
 * root (letters only) is a prefix of it, and no word a person types is within two typos of it.
 */
export const searchable = {
  labels: searchableLabels,
  properties: [...new Set(recordDeclarations.flatMap(searchableProperties))],
  propertiesOf: Object.fromEntries(recordDeclarations.map((declaration) => [declaration.label, searchableProperties(declaration)])) as Record<RecordLabel, string[]>,
  kindTokens: Object.fromEntries(searchableLabels.map((label) => [label, `0000kind${label.toLowerCase()}`])) as Partial<Record<RecordLabel, string>>,
};
