import type { Label } from '../../domain/graph.js';
import { ActorNode } from '../actor/actor.ref.js';
import { ArticleNode } from '../article/article.ref.js';
import { ClaimNode } from '../claim/claim.ref.js';
import { EventNode } from '../event/event.ref.js';
import { MediaItemNode } from '../media/media.ref.js';
import { OutletNode } from '../outlet/outlet.ref.js';
import { PlaceNode } from '../place/place.ref.js';
import { contentLabels, recordsByLabel, type ContentLabel, type RecordTypename } from '../records.js';
import { SourceNode } from '../source/source.ref.js';
import { StatementNode } from '../statement/statement.ref.js';

/** Each kind's GraphQL node, by typename; the type checker holds it complete against the registry. */
export const nodeRefs = {
  Event: EventNode,
  Place: PlaceNode,
  Actor: ActorNode,
  Outlet: OutletNode,
  Article: ArticleNode,
  Statement: StatementNode,
  Claim: ClaimNode,
  MediaItem: MediaItemNode,
  Source: SourceNode,
} as const satisfies Record<RecordTypename | 'Source', unknown>;

const typenameOf = (label: Label): RecordTypename | 'Source' =>
  (recordsByLabel as Partial<Record<Label, { typename: RecordTypename }>>)[label]?.typename ?? 'Source';

/** The GraphQL node of a content label. */
export function nodeRefOf(label: ContentLabel) {
  if (!(contentLabels as readonly Label[]).includes(label)) throw new Error(`${label} is not a kind of record`);
  return nodeRefs[typenameOf(label)];
}
