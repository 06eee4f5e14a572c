import { Label } from '../../domain/graph.js';
import { toActor } from '../actor/actor.cypher.js';
import { toArticle } from '../article/article.cypher.js';
import { toClaim } from '../claim/claim.cypher.js';
import { toEvent } from '../event/event.cypher.js';
import { toMediaItem } from '../media/media.cypher.js';
import { toOutlet } from '../outlet/outlet.cypher.js';
import { toPlace } from '../place/place.cypher.js';
import { toSource } from '../source/source.cypher.js';
import { toStatement } from '../statement/statement.cypher.js';

const mappers = {
  [Label.Event]: toEvent,
  [Label.Place]: toPlace,
  [Label.Actor]: toActor,
  [Label.Outlet]: toOutlet,
  [Label.Article]: toArticle,
  [Label.Statement]: toStatement,
  [Label.Claim]: toClaim,
  [Label.MediaItem]: toMediaItem,
  [Label.Source]: toSource,
} as const;

type RecordLabel = keyof typeof mappers;
export type AnyRecord = ReturnType<(typeof mappers)[RecordLabel]>;

/** Maps a node whose label is only known at run time (the far end of CITES, MENTIONS, DEPICTS). */
export function toRecord(label: Label, p: Record<string, unknown>): AnyRecord {
  return mappers[label as RecordLabel](p);
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
