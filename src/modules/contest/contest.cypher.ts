import type { Record as Neo4jRecord } from 'neo4j-driver';
import type { Context } from '../../context.js';
import { listPage, loadGrouped } from '../../db/batch.js';
import { cypher } from '../../db/database.js';
import { Label } from '../../domain/graph.js';
import { props, toPlain } from '../../db/values.js';
import { StanceValues, type StanceValue } from '../../domain/vocabulary.js';
import { toActor, type ActorRecord } from '../actor/actor.cypher.js';
import { CONTESTED, sides, toClaim, type ClaimRecord } from '../claim/claim.cypher.js';
import { toRecord, type AnyRecord } from '../node/records.js';
import { toOutlet, type OutletRecord } from '../outlet/outlet.cypher.js';
import { ID_SORT, STATEMENT_SORT } from '../shared/sort.js';
import { toStatement, type StatementRecord } from '../statement/statement.cypher.js';
import { toEvent, type EventRecord } from '../event/event.cypher.js';
import { incidentMember } from '../resolution/resolution.cypher.js';

/** One statement's position on a claim, with who spoke, for whom, and the outlets that carried it. */
export interface PositionRecord {
  claim: ClaimRecord;
  statement: StatementRecord;
  value: StanceValue;
  speaker: ActorRecord | null;
  onBehalfOf: ActorRecord | null;
  outlets: OutletRecord[];
}

/**
 * Every statement taking one of `$values` on each claim, oldest first, with its speaker, the body
 * it spoke for and the outlets whose articles carried it, so that no field below needs a query.
 */
export const claimPositions = cypher(
  'claim positions',
  `UNWIND $ids AS parentId
   MATCH (p:${Label.Claim} {id: parentId})<-[r:STANCE]-(n:${Label.Statement})
   WHERE r.value IN $values
   RETURN parentId, p, n, r.value AS value,
          head([(a:${Label.Actor})-[:MADE]->(n) | a]) AS speaker,
          head([(n)-[:ON_BEHALF_OF]->(a:${Label.Actor}) | a]) AS onBehalfOf,
          COLLECT { MATCH (o:${Label.Outlet})-[:PUBLISHED]->(:${Label.Article})-[:REPORTS]->(n)
                    RETURN DISTINCT o ORDER BY o.name } AS outlets
   ORDER BY parentId, ${STATEMENT_SORT.order}, n.id`,
);

function toPosition(record: Neo4jRecord): PositionRecord {
  const speaker = record.get('speaker');
  const onBehalfOf = record.get('onBehalfOf');
  return {
    claim: toClaim(props(record.get('p'))),
    statement: toStatement(props(record.get('n'))),
    value: record.get('value') as StanceValue,
    speaker: speaker ? toActor(props(speaker)) : null,
    onBehalfOf: onBehalfOf ? toActor(props(onBehalfOf)) : null,
    outlets: (record.get('outlets') as unknown[]).map((outlet) => toOutlet(props(outlet))),
  };
}

export function loadPositions(ctx: Context, ids: readonly string[], values: StanceValue[]): Promise<PositionRecord[][]> {
  return loadGrouped(ctx, claimPositions, ids, toPosition, { values });
}

/** How a claim stands: whether it is contested, how many statements take each position, and when each side first spoke. */
export interface ContestRecord {
  claimId: string;
  contested: boolean;
  counts: { value: StanceValue; statements: number }[];
  earliestAssertion: StatementRecord | null;
  earliestDenial: StatementRecord | null;
  daysFromAssertionToDenial: number | null;
}

/**
 * Counts by stance and the first dated statement on each side, aggregated in Cypher. Dates are
 * stored as the first day of their period, so the gap between two month-precise dates is 0 days.
 */
export const claimContests = cypher(
  'claim contests',
  `UNWIND $ids AS parentId
   MATCH (n:${Label.Claim} {id: parentId})
   CALL (n) {
     OPTIONAL MATCH (n)<-[r:STANCE]-(s:${Label.Statement})
     WITH r.value AS value, count(s) AS statements WHERE value IS NOT NULL
     RETURN collect({value: value, statements: statements}) AS counts
   }
   CALL (n) {
     OPTIONAL MATCH (n)<-[r:STANCE]-(s:${Label.Statement}) WHERE r.value IN $asserting AND s.madeAt IS NOT NULL
     WITH s ORDER BY s.madeAt, s.id LIMIT 1
     RETURN s AS earliestAssertion
   }
   CALL (n) {
     OPTIONAL MATCH (n)<-[r:STANCE]-(s:${Label.Statement}) WHERE r.value IN $opposing AND s.madeAt IS NOT NULL
     WITH s ORDER BY s.madeAt, s.id LIMIT 1
     RETURN s AS earliestDenial
   }
   RETURN parentId, ${CONTESTED} AS contested, counts, earliestAssertion, earliestDenial,
          duration.inDays(earliestAssertion.madeAt, earliestDenial.madeAt).days AS daysFromAssertionToDenial`,
);

const stanceOrder = Object.keys(StanceValues);

export async function loadContests(ctx: Context, ids: readonly string[]): Promise<ContestRecord[]> {
  const rows = await loadGrouped(
    ctx,
    claimContests,
    ids,
    (record): ContestRecord => {
      const [assertion, denial, days] = ['earliestAssertion', 'earliestDenial', 'daysFromAssertionToDenial'].map((key) => record.get(key));
      return {
        claimId: record.get('parentId') as string,
        contested: record.get('contested') as boolean,
        counts: (toPlain(record.get('counts')) as ContestRecord['counts']).sort((a, b) => stanceOrder.indexOf(a.value) - stanceOrder.indexOf(b.value)),
        earliestAssertion: assertion ? toStatement(props(assertion)) : null,
        earliestDenial: denial ? toStatement(props(denial)) : null,
        daysFromAssertionToDenial: days == null ? null : Number(days),
      };
    },
    sides,
  );
  return rows.map((list, index) => list[0] ?? { claimId: ids[index]!, contested: false, counts: [], earliestAssertion: null, earliestDenial: null, daysFromAssertionToDenial: null });
}

/** Contested claims, by key, optionally only about one event or about events overlapping a period. */
export const contestedClaimList = listPage({
  name: 'contested claims',
  match: `MATCH (n:${Label.Claim})`,
  filter: `${CONTESTED}
    AND ($event IS NULL OR EXISTS { MATCH (n)-[:ABOUT]->(:${Label.Event} {id: $event}) })
    AND ($from IS NULL OR EXISTS { MATCH (n)-[:ABOUT]->(e:${Label.Event}) WHERE e.periodEnd >= date($from) })
    AND ($to IS NULL OR EXISTS { MATCH (n)-[:ABOUT]->(e:${Label.Event}) WHERE e.startDate <= date($to) })`,
  sortKey: ID_SORT,
});

/** One death toll a claim states, and who gives it. */
export interface CasualtyFigureRecord {
  /** The event record the toll is claimed for: the one asked about, or another of its incident. */
  event: EventRecord;
  claim: ClaimRecord;
  /** Other tolls of the list that cannot be true if this one is (disjoint ranges), by claim key. */
  conflictsWith: ClaimRecord[];
  accordingTo: AnyRecord[];
  statements: StatementRecord[];
}

/**
 * The death tolls claimed for each event, highest first, each with the sources asserting it: the
 * body a statement spoke for, else its speaker, else (an outlet reporting in its own voice) the
 * outlet where it first appeared.
 */
export const eventCasualtyFigures = cypher(
  'event casualty figures',
  `UNWIND $ids AS parentId
   MATCH (root:${Label.Event} {id: parentId})
   MATCH ${incidentMember('root', 'e')}
   MATCH (e)<-[:ABOUT]-(c:${Label.Claim})
   WHERE c.casualtiesMin IS NOT NULL OR c.casualtiesMax IS NOT NULL OR c.casualtiesText IS NOT NULL
   OPTIONAL MATCH (c)<-[r:STANCE]-(s:${Label.Statement}) WHERE r.value IN $asserting
   WITH parentId, e, c, s,
        coalesce(head([(s)-[:ON_BEHALF_OF]->(a:${Label.Actor}) | a]),
                 head([(a:${Label.Actor})-[:MADE]->(s) | a]),
                 head([(s)-[:FIRST_APPEARED_IN]->(:${Label.Article})<-[:PUBLISHED]-(o:${Label.Outlet}) | o])) AS source
   ORDER BY s.madeAt, s.id
   WITH parentId, e, c, collect(DISTINCT s) AS statements, collect(DISTINCT source) AS sources
   RETURN parentId, e, c, statements, [x IN sources | {node: x, label: head(labels(x))}] AS accordingTo
   ORDER BY parentId, coalesce(c.casualtiesMax, c.casualtiesMin) DESC, c.id`,
);

/** Two tolls that cannot both be true: one's lowest number above the other's highest. */
const disjoint = (a: ClaimRecord, b: ClaimRecord) =>
  a.casualtiesMin != null && b.casualtiesMin != null &&
  (a.casualtiesMin > (b.casualtiesMax ?? Infinity) || b.casualtiesMin > (a.casualtiesMax ?? Infinity));

export async function loadCasualtyFigures(ctx: Context, ids: readonly string[], sameIncident: boolean): Promise<CasualtyFigureRecord[][]> {
  const figures = await loadGrouped(
    ctx,
    eventCasualtyFigures,
    ids,
    (record): CasualtyFigureRecord => ({
      event: toEvent(props(record.get('e'))),
      conflictsWith: [],
      claim: toClaim(props(record.get('c'))),
      statements: (record.get('statements') as unknown[]).map((s) => toStatement(props(s))),
      accordingTo: (record.get('accordingTo') as { node: unknown; label: Label }[]).map((x) => toRecord(x.label, props(x.node))),
    }),
    { ...sides, sameIncident },
  );
  for (const list of figures) {
    for (const figure of list) figure.conflictsWith = list.filter((other) => disjoint(figure.claim, other.claim)).map((other) => other.claim);
  }
  return figures;
}
