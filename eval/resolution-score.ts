import { cypher, type Database } from '../src/db/database.js';
import { toPlain } from '../src/db/values.js';
import { Label, Rel } from '../src/domain/graph.js';
import { acledId } from '../src/modules/actor/actor-crosswalk.js';
import { HARD_NEGATIVE_KINDS, pairKey, type HardNegativeKind, type LabelledSet } from './resolution-set.js';

/**
 * Reads what the resolution layer (issue 14) made of the labelled set, and scores it against the
 * labels. The graph is read through the interface that layer writes: events linked by
 * (:Event)-[:MATCHES {status, score, reasons}]-(:Event), each record identified by
 * (:ExternalRecord {id: 'gdelt:…'})-[:IDENTIFIES]->(record), statements about events directly or
 * through a claim, outlets publishing articles, actors identified by cameo:/acled: records.
 */

/** The link the resolution layer writes between two events it compared; Rel has no entry for it until that layer lands. */

export const TARGETS = { precision: 0.95, recall: 0.9, outlets: 1, actors: 1 } as const;

export interface MatchLink {
  a: string;
  b: string;
  status: string;
  score: number | null;
  reasons: string[];
}

export interface Predictions {
  /** Source id → keys of the events it identifies (one, unless something is wrong). */
  eventsOf: Map<string, string[]>;
  matches: MatchLink[];
  /** Statement row → whether a statement carries its id, and the events it is about. */
  statements: Map<string, { found: boolean; events: string[] }>;
  /** Mention URL → the outlets publishing an article at it. */
  outletsOf: Map<string, Array<{ key: string; name: string }>>;
  /** cameo:CODE or acled:NAME → keys of the actors it identifies. */
  actorsOf: Map<string, string[]>;
}

const eventsIdentified = cypher(
  'eval: events identified by source ids',
  `UNWIND $ids AS id
   OPTIONAL MATCH (:${Label.ExternalRecord} {id: id})-[:${Rel.IDENTIFIES}]->(e:${Label.Event})
   RETURN id, collect(e.id) AS events`,
);

const matchLinks = cypher(
  'eval: match links',
  `MATCH (a:${Label.Event})-[m:${Rel.MATCHES}]->(b:${Label.Event})
   RETURN a.id AS a, b.id AS b, m.status AS status, m.score AS score, m.reasons AS reasons`,
);

const statementsAbout = cypher(
  'eval: what statements are about',
  `UNWIND $ids AS id
   OPTIONAL MATCH (:${Label.ExternalRecord} {id: id})-[:${Rel.IDENTIFIES}]->(s:${Label.Statement})
   WITH id, collect(s) AS found
   RETURN id, size(found) > 0 AS found,
          [s IN found | [(s)-[:${Rel.ABOUT}]->(e:${Label.Event}) | e.id] +
                        [(s)-[:${Rel.STANCE}]->(:${Label.Claim})-[:${Rel.ABOUT}]->(e:${Label.Event}) | e.id]] AS events`,
);

const outletsPublishing = cypher(
  'eval: outlets publishing urls',
  `UNWIND $urls AS url
   OPTIONAL MATCH (o:${Label.Outlet})-[:${Rel.PUBLISHED}]->(:${Label.Article} {url: url})
   RETURN url, collect(DISTINCT {key: o.id, name: o.name}) AS outlets`,
);

const actorsIdentified = cypher(
  'eval: actors identified by codes and names',
  `UNWIND $ids AS pair
   OPTIONAL MATCH (:${Label.ExternalRecord} {id: pair.stored})-[:${Rel.IDENTIFIES}]->(a:${Label.Actor})
   RETURN pair.label AS id, collect(DISTINCT a.id) AS actors`,
);

export async function readPredictions(db: Database, set: LabelledSet): Promise<Predictions> {
  const [events, matches, statements, outlets, actors] = await Promise.all([
    db.read(eventsIdentified, { ids: [...set.incidentOf.keys()] }),
    db.read(matchLinks),
    db.read(statementsAbout, { ids: [...set.statements.keys()] }),
    db.read(outletsPublishing, { urls: set.mentions.map((mention) => mention.url) }),
    // Labels name ACLED actors as ACLED writes them; the graph stores them as external ids (no spaces).
    db.read(actorsIdentified, { ids: [...set.actors.keys()].map((label) => ({ label, stored: label.startsWith('acled:') ? acledId(label.slice(6)) : label })) }),
  ]);
  const plain = (record: { toObject(): object }) => toPlain(record.toObject()) as Record<string, unknown>;
  return {
    eventsOf: new Map(events.records.map(plain).map((r) => [r.id as string, r.events as string[]])),
    matches: matches.records.map(plain).map((r) => ({
      a: r.a as string,
      b: r.b as string,
      status: String(r.status),
      score: typeof r.score === 'number' ? r.score : null,
      reasons: Array.isArray(r.reasons) ? r.reasons.map(String) : [],
    })),
    statements: new Map(
      statements.records.map(plain).map((r) => [r.id as string, { found: r.found as boolean, events: [...new Set((r.events as string[][]).flat())] }]),
    ),
    // A URL no outlet publishes comes back as one entry with a null key: that is no outlet.
    outletsOf: new Map(
      outlets.records.map(plain).map((r) => [r.url as string, (r.outlets as Array<{ key: string | null; name: string }>).filter((o) => o.key !== null) as Array<{ key: string; name: string }>]),
    ),
    actorsOf: new Map(actors.records.map(plain).map((r) => [r.id as string, r.actors as string[]])),
  };
}

/** Events joined by links of the given statuses: find() names each event's group. */
class Components {
  private readonly parent = new Map<string, string>();
  /** Each event's links of the kept statuses, for explaining how two events came together. */
  readonly links = new Map<string, MatchLink[]>();

  constructor(matches: MatchLink[], statuses: string[]) {
    for (const link of matches) {
      if (!statuses.includes(link.status)) continue;
      this.parent.set(this.find(link.a), this.find(link.b));
      for (const end of [link.a, link.b]) this.links.set(end, [...(this.links.get(end) ?? []), link]);
    }
  }

  find(event: string): string {
    let root = event;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    return root;
  }

  /** The links from one event to another, shortest first found (breadth first). */
  path(from: string, to: string): MatchLink[] {
    const cameBy = new Map<string, MatchLink | null>([[from, null]]);
    const queue = [from];
    while (queue.length > 0) {
      const event = queue.shift()!;
      if (event === to) break;
      for (const link of this.links.get(event) ?? []) {
        const next = link.a === event ? link.b : link.a;
        if (cameBy.has(next)) continue;
        cameBy.set(next, link);
        queue.push(next);
      }
    }
    const path: MatchLink[] = [];
    for (let at = to; cameBy.get(at); ) {
      const link = cameBy.get(at)!;
      path.unshift(link);
      at = link.a === at ? link.b : link.a;
    }
    return path;
  }
}

export const describeLink = (link: MatchLink) =>
  `${link.a} ↔ ${link.b}: ${link.status}${link.score === null ? '' : ` ${link.score.toFixed(2)}`}${link.reasons.length ? ` (${link.reasons.join('; ')})` : ''}`;

export type Truth = 'same' | 'different' | 'ambiguous';

export interface PairOutcome {
  a: string;
  b: string;
  incidents: [string, string];
  truth: Truth;
  /** When one incident is built as a hard negative of the other. */
  hardNegative?: HardNegativeKind;
  /** Both ids identify one event record, or records in one CONFIRMED component. */
  predicted: boolean;
  /** Not predicted, but would be once the CANDIDATE links between them are confirmed. */
  pending: boolean;
  /** A CONFIRMED link joins their records directly. */
  confirmedLink: boolean;
  /** Why they are (or are not) together: the record, or each link between them with its score and reasons. */
  how: string[];
}

export interface StatementOutcome {
  id: string;
  expected: string | null;
  found: boolean;
  events: string[];
  /** Labelled incidents whose events the statement is about. */
  incidents: string[];
  /** How many labelled incidents it is attached to, an incident ambiguous with its own not counted apart. */
  incidentCount: number;
  /** Events it is about that no labelled source id identifies (another source's record). */
  unlabelledEvents: string[];
  /** How many CONFIRMED components (predicted incidents) its events fall in. */
  components: number;
  /** Incidents it is attached to that are hard negatives of its own (or it of theirs). */
  onHardNegatives: string[];
  correct: boolean;
}

export interface ResolutionOutcome {
  id: string;
  expected: string;
  got: string[];
  correct: boolean;
}

export interface Ratio {
  correct: number;
  total: number;
}

export interface Scores {
  pairs: PairOutcome[];
  events: {
    truePairs: number;
    falsePairs: number;
    ambiguousPairs: number;
    truePositives: number;
    falsePositives: number;
    falseNegatives: number;
    precision: number | null;
    recall: number | null;
    /** True pairs not yet together whose CANDIDATE links wait for review. */
    pendingTrue: number;
    /** False pairs that confirming every CANDIDATE would join. */
    pendingFalse: number;
    /** Source ids that identify no event at all. */
    missing: string[];
  };
  hardNegatives: Array<{ kind: HardNegativeKind; pairs: number; together: number; confirmedLinks: number }>;
  statements: StatementOutcome[];
  outlets: ResolutionOutcome[];
  actors: ResolutionOutcome[];
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

const hardNegativeBetween = (set: LabelledSet, x: string, y: string): HardNegativeKind | undefined => {
  const incident = (id: string) => set.incidents.find((candidate) => candidate.id === id);
  const one = incident(x)?.hardNegative;
  if (one?.of === y) return one.kind;
  const other = incident(y)?.hardNegative;
  return other?.of === x ? other.kind : undefined;
};

export function scoreResolution(set: LabelledSet, predictions: Predictions): Scores {
  const confirmed = new Components(predictions.matches, ['CONFIRMED']);
  const reviewable = new Components(predictions.matches, ['CONFIRMED', 'CANDIDATE']);
  const eventsOf = (id: string) => predictions.eventsOf.get(id) ?? [];
  const directLinks = new Map<string, MatchLink[]>();
  for (const link of predictions.matches) {
    const key = pairKey(link.a, link.b);
    directLinks.set(key, [...(directLinks.get(key) ?? []), link]);
  }

  const ids = [...set.incidentOf.keys()].sort();
  const pairs: PairOutcome[] = [];
  for (let i = 0; i < ids.length; i += 1) {
    for (let j = i + 1; j < ids.length; j += 1) {
      const [a, b] = [ids[i]!, ids[j]!];
      const incidents: [string, string] = [set.incidentOf.get(a)!, set.incidentOf.get(b)!];
      const truth: Truth = set.ambiguousPairs.has(pairKey(a, b)) ? 'ambiguous' : incidents[0] === incidents[1] ? 'same' : 'different';
      const hardNegative = hardNegativeBetween(set, incidents[0], incidents[1]);
      const records = eventsOf(a).flatMap((ea) => eventsOf(b).map((eb) => [ea, eb] as const));
      const sameRecord = records.find(([ea, eb]) => ea === eb);
      const together = records.find(([ea, eb]) => confirmed.find(ea) === confirmed.find(eb));
      const reviewTogether = records.find(([ea, eb]) => reviewable.find(ea) === reviewable.find(eb));
      const direct = records.flatMap(([ea, eb]) => directLinks.get(pairKey(ea, eb)) ?? []);
      const how = records.length === 0
        ? [[a, b].filter((id) => eventsOf(id).length === 0).map((id) => `${id} identifies no event`).join('; ')]
        : sameRecord
          ? [`one event record, ${sameRecord[0]}`]
          : together
            ? direct.some((link) => link.status === 'CONFIRMED')
              ? direct.filter((link) => link.status === 'CONFIRMED').map(describeLink)
              : confirmed.path(together[0], together[1]).map(describeLink)
            : reviewTogether
              ? reviewable.path(reviewTogether[0], reviewTogether[1]).map(describeLink)
              : direct.length > 0
                ? direct.map(describeLink)
                : [`no MATCHES link between ${records.map(([ea, eb]) => `${ea} and ${eb}`).join(', ')}`];
      pairs.push({
        a,
        b,
        incidents,
        truth,
        ...(hardNegative ? { hardNegative } : {}),
        predicted: Boolean(sameRecord ?? together),
        pending: !(sameRecord ?? together) && Boolean(reviewTogether),
        confirmedLink: direct.some((link) => link.status === 'CONFIRMED'),
        how,
      });
    }
  }

  const count = (test: (pair: PairOutcome) => boolean) => pairs.filter(test).length;
  const truePositives = count((p) => p.truth === 'same' && p.predicted);
  const falsePositives = count((p) => p.truth === 'different' && p.predicted);
  const falseNegatives = count((p) => p.truth === 'same' && !p.predicted);

  const incidentsOfEvent = new Map<string, Set<string>>();
  for (const [id, events] of predictions.eventsOf) {
    for (const event of events) incidentsOfEvent.set(event, new Set([...(incidentsOfEvent.get(event) ?? []), set.incidentOf.get(id)!]));
  }
  const statements = [...set.statements].map(([id, expected]): StatementOutcome => {
    const { found, events } = predictions.statements.get(id) ?? { found: false, events: [] };
    const incidents = [...new Set(events.flatMap((event) => [...(incidentsOfEvent.get(event) ?? [])]))].sort();
    const unlabelledEvents = events.filter((event) => !incidentsOfEvent.has(event));
    const forgiven = (incident: string) => incident === expected || (expected !== null && set.ambiguousIncidents.has(pairKey(incident, expected)));
    const strays = incidents.filter((incident) => !forgiven(incident));
    return {
      id,
      expected,
      found,
      events,
      incidents,
      incidentCount: strays.length + (strays.length < incidents.length ? 1 : 0),
      unlabelledEvents,
      components: new Set(events.map((event) => confirmed.find(event))).size,
      onHardNegatives: expected === null ? [] : incidents.filter((incident) => hardNegativeBetween(set, incident, expected)),
      correct: found && (expected === null ? incidents.length === 0 : incidents.includes(expected) && incidents.every(forgiven)),
    };
  });

  const resolved = (expected: Map<string, string>, got: (id: string) => string[]) =>
    [...expected].map(([id, want]): ResolutionOutcome => {
      const actual = got(id);
      return { id, expected: want, got: actual, correct: actual.length === 1 && actual[0] === want };
    });

  return {
    pairs,
    events: {
      truePairs: count((p) => p.truth === 'same'),
      falsePairs: count((p) => p.truth === 'different'),
      ambiguousPairs: count((p) => p.truth === 'ambiguous'),
      truePositives,
      falsePositives,
      falseNegatives,
      precision: ratio(truePositives, truePositives + falsePositives),
      recall: ratio(truePositives, truePositives + falseNegatives),
      pendingTrue: count((p) => p.truth === 'same' && p.pending),
      pendingFalse: count((p) => p.truth === 'different' && p.pending),
      missing: ids.filter((id) => eventsOf(id).length === 0),
    },
    hardNegatives: HARD_NEGATIVE_KINDS.map((kind) => {
      const ofKind = pairs.filter((p) => p.hardNegative === kind && p.truth === 'different');
      return { kind, pairs: ofKind.length, together: ofKind.filter((p) => p.predicted).length, confirmedLinks: ofKind.filter((p) => p.confirmedLink).length };
    }),
    statements,
    outlets: resolved(
      new Map(set.mentions.map(({ url, domain }) => [url, set.outlets.get(domain)!])),
      (url) => (predictions.outletsOf.get(url) ?? []).map((outlet) => outlet.name),
    ),
    actors: resolved(set.actors, (id) => predictions.actorsOf.get(id) ?? []),
  };
}

/** How many of a list were right. */
export const tally = (outcomes: Array<{ correct: boolean }>): Ratio => ({ correct: outcomes.filter((o) => o.correct).length, total: outcomes.length });
