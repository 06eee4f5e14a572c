import { Label } from '../../domain/graph.js';
import { recordReader, type Props, type StoredRecord } from '../../domain/record.js';
import { recordDeclarations, type RecordDeclarations } from '../records.js';
import { toSource, type SourceRecord } from '../source/source.cypher.js';

/** Any record the graph holds, as the API reads it. */
export type AnyRecord = { [D in RecordDeclarations as D['label']]: StoredRecord<D> }[RecordDeclarations['label']] | SourceRecord;

const readers = new Map<Label, (p: Props) => AnyRecord>([
  ...recordDeclarations.map((declaration) => [declaration.label, recordReader(declaration) as (p: Props) => AnyRecord] as const),
  [Label.Source, toSource],
]);

/** Maps a node whose label is only known at run time (the far end of CITES, MENTIONS, DEPICTS). */
export function toRecord(label: Label, p: Record<string, unknown>): AnyRecord {
  return readers.get(label)!(p);
}

export interface CitationRecord {
  target: AnyRecord;
  via: string | null;
  note: string | null;
}

/** Maps a CITES relationship and its far end; used by articles and statements alike. */
export function toCitation(node: Record<string, unknown>, rel: Record<string, unknown>, label: Label): CitationRecord {
  return {
    target: toRecord(label, node),
    via: (rel.via as string | undefined) ?? null,
    note: (rel.note as string | undefined) ?? null,
  };
}
