/** Fields every stored record carries: its key, how it was read, and its provenance. */
export interface BaseRecord {
  id: string;
  note: string | null;
  /** Ids of the Source records it came from. */
  sources: string[];
  recordedAt: string | null;
}

export function baseRecord(p: Record<string, unknown>): BaseRecord {
  return {
    id: p.id as string,
    note: (p.note as string | undefined) ?? null,
    sources: (p.sources as string[] | undefined) ?? [],
    recordedAt: (p.recordedAt as string | undefined) ?? null,
  };
}
