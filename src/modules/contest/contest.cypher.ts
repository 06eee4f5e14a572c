import type { Record as Neo4jRecord } from 'neo4j-driver';
import type { Context } from '../../context.js';
import { listPage, loadGrouped } from '../../db/batch.js';
import { cypher } from '../../db/database.js';
import { Label, Rel } from '../../domain/graph.js';
import { props, toPlain } from '../../db/values.js';
import { StanceValues, type StanceValue } from '../../domain/vocabulary.js';
import { toActor, type ActorRecord } from '../actor/actor.cypher.js';
import { CONTESTED, sides, toClaim, type ClaimRecord } from '../claim/claim.cypher.js';
import { toRecord, type AnyRecord } from '../node/records.js';
import { toOutlet, type OutletRecord } from '../outlet/outlet.cypher.js';
import { ID_SORT, STATEMENT_SORT } from '../shared/sort.js';
import { toStatement, type StatementRecord } from '../statement/statement.cypher.js';
import { toEvent, type EventRecord } from '../event/event.cypher.js';
import { daysBetween, periodOf, type DayRange } from '../../domain/partial-date.js';
import { incidentMember } from '../resolution/resolution.cypher.js';

const stanceOrder = Object.keys(StanceValues);

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
  /** The dated statements of each side that may have been its first (one when the order is known). */
  firstAssertions: StatementRecord[];
  firstDenials: StatementRecord[];
  /** Days from the first assertion to the first denial, as far as the dates and respondsTo links tell. */
  assertionToDenialDays: DayRange | null;
}

/**
 * Counts by stance, and each side's dated statements with the statements they answer (RESPONDS_TO,
 * directly or not): what deciding which came first needs.
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
     MATCH (n)<-[r:STANCE]-(s:${Label.Statement}) WHERE r.value IN $asserting AND s.madeAt IS NOT NULL
     WITH DISTINCT s
     RETURN collect({s: s, answers: COLLECT { MATCH (s)-[:${Rel.RESPONDS_TO}*]->(t:${Label.Statement}) RETURN DISTINCT t.id }}) AS asserting
   }
   CALL (n) {
     MATCH (n)<-[r:STANCE]-(s:${Label.Statement}) WHERE r.value IN $opposing AND s.madeAt IS NOT NULL
     WITH DISTINCT s
     RETURN collect({s: s, answers: COLLECT { MATCH (s)-[:${Rel.RESPONDS_TO}*]->(t:${Label.Statement}) RETURN DISTINCT t.id }}) AS opposing
   }
   RETURN parentId, ${CONTESTED} AS contested, counts, asserting, opposing`,
);

/**
 * A dated statement of one side: the days it can have been made on and the statements it answers.
 * Its first day is its date's, or, if later, that of a statement it answers on either side: an
 * answer does not come before what it answers.
 */
interface Dated {
  statement: StatementRecord;
  first: string;
  last: string;
  answers: string[];
}

/** When a side first spoke: the statements that may have been first, and the days the first can have been on. */
interface FirstOnSide {
  candidates: Dated[];
  earliest: string;
  latest: string;
}

/**
 * A side's first statement can be any that no other of the side surely preceded: none ends before
 * it can begin, and it answers none of them. The first day falls between the earliest of their
 * first days and the earliest last day of the whole side.
 */
function firstOnSide(side: Dated[]): FirstOnSide | null {
  if (side.length === 0) return null;
  const latest = side.map((x) => x.last).sort()[0]!;
  const keys = new Set(side.map((x) => x.statement.id));
  const candidates = side
    .filter((x) => x.first <= latest && !x.answers.some((key) => keys.has(key)))
    .sort((a, b) => (a.first === b.first ? (a.statement.id < b.statement.id ? -1 : 1) : a.first < b.first ? -1 : 1));
  return { candidates, earliest: candidates[0]!.first, latest };
}

/**
 * The gap from the first assertion to the first denial, from the days each can have been on; when
 * every statement that may have been the first denial answers an assertion, the denial cannot have
 * come first (and the other way round).
 */
function assertionToDenial(asserting: FirstOnSide | null, opposing: FirstOnSide | null, side: { asserting: Dated[]; opposing: Dated[] }): DayRange | null {
  if (!asserting || !opposing) return null;
  const answersOne = (x: Dated, others: Dated[]) => others.some((other) => x.answers.includes(other.statement.id));
  let min = daysBetween(asserting.latest, opposing.earliest);
  let max = daysBetween(asserting.earliest, opposing.latest);
  if (opposing.candidates.every((x) => answersOne(x, side.asserting))) min = Math.max(min, 0);
  if (asserting.candidates.every((x) => answersOne(x, side.opposing))) max = Math.min(max, 0);
  return { min, max: Math.max(min, max) };
}

type DatedRow = { s: unknown; answers: string[] };

function toDated(rows: DatedRow[]): Dated[] {
  return rows.map((row) => {
    const statement = toStatement(props(row.s));
    const { first, last } = periodOf(statement.madeAt!)!;
    return { statement, first, last, answers: row.answers };
  });
}

function notBeforeWhatTheyAnswer(side: Dated[], all: Dated[]): Dated[] {
  const firstDay = new Map(all.map((x) => [x.statement.id, x.first]));
  return side.map((x) => {
    const answered = x.answers.map((key) => firstDay.get(key)).filter((day) => day !== undefined);
    return { ...x, first: [x.first, ...answered].sort().at(-1)! };
  });
}

export async function loadContests(ctx: Context, ids: readonly string[]): Promise<ContestRecord[]> {
  const rows = await loadGrouped(
    ctx,
    claimContests,
    ids,
    (record): ContestRecord => {
      const [assertingRows, opposingRows] = [toDated(record.get('asserting') as DatedRow[]), toDated(record.get('opposing') as DatedRow[])];
      const all = [...assertingRows, ...opposingRows];
      const side = { asserting: notBeforeWhatTheyAnswer(assertingRows, all), opposing: notBeforeWhatTheyAnswer(opposingRows, all) };
      const [asserting, opposing] = [firstOnSide(side.asserting), firstOnSide(side.opposing)];
      return {
        claimId: record.get('parentId') as string,
        contested: record.get('contested') as boolean,
        counts: (toPlain(record.get('counts')) as ContestRecord['counts']).sort((a, b) => stanceOrder.indexOf(a.value) - stanceOrder.indexOf(b.value)),
        firstAssertions: asserting?.candidates.map((x) => x.statement) ?? [],
        firstDenials: opposing?.candidates.map((x) => x.statement) ?? [],
        assertionToDenialDays: assertionToDenial(asserting, opposing, side),
      };
    },
    sides,
  );
  return rows.map((list, index) => list[0] ?? { claimId: ids[index]!, contested: false, counts: [], firstAssertions: [], firstDenials: [], assertionToDenialDays: null });
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
