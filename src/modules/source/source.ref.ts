import { builder } from '../../builder.js';
import { loadNodes } from '../../db/batch.js';
import type { BaseRecord } from '../../domain/record.js';
import { sourcesById, toSource, type SourceRecord } from './source.cypher.js';

export const SourceNode = builder.loadableNodeRef<SourceRecord>('Source', {
  id: { resolve: (source) => source.id },
  load: (ids: string[], ctx) => loadNodes(ctx, sourcesById, ids, toSource),
});

export const ProvenanceObject = builder.objectRef<BaseRecord>('Provenance');

/** The `provenance` field every record type carries. */
export const provenanceField = {
  type: ProvenanceObject,
  description: 'Where this record came from, when it was recorded and how it was read.',
  resolve: (record: BaseRecord) => record,
} as const;
