import { nodesById } from '../../db/batch.js';
import { Label } from '../../domain/graph.js';

/** A document or dataset that records were read from. */
export interface SourceRecord {
  __typename: 'Source';
  id: string;
  title: string;
  uri: string | null;
  publishedAt: string | null;
  recordedAt: string;
  note: string | null;
}

export function toSource(p: Record<string, unknown>): SourceRecord {
  return {
    __typename: 'Source',
    id: p.id as string,
    title: p.title as string,
    uri: (p.uri as string | undefined) ?? null,
    publishedAt: (p.publishedAt as string | undefined) ?? null,
    recordedAt: p.recordedAt as string,
    note: (p.note as string | undefined) ?? null,
  };
}

export const sourcesById = nodesById(Label.Source);
