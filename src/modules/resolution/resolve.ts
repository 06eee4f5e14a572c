import neo4j from 'neo4j-driver';
import { readInParts, type Database } from '../../db/database.js';
import { props } from '../../db/values.js';
import { periodOf, shiftDays } from '../../domain/partial-date.js';
import { partialDate } from '../../domain/record.js';
import { EventKinds, responsibilityStances, type EventKind, type StatementKind } from '../../domain/vocabulary.js';
import { toEvent, type EventRecord } from '../event/event.cypher.js';
import {
  CANDIDATE_AT,
  coarsePlaceKinds,
  compatibleKinds,
  CONFIRM_AT,
  FINE_REACH_KM,
  mayBeOneIncident,
  mayConcern,
  placeRadiusKm,
  scoreEvents,
  scoreStatementTarget,
  SEARCH_RADIUS_KM,
  STATEMENT_WINDOW_DAYS,
  type EventFeatures,
  type EventSketch,
  type MatchScore,
  windowDays,
  type StatementFeatures,
} from './match-rules.js';
import { cellsAround } from './match-cell.js';
import {
  actorsUpward,
  confirmedNeighbours,
  eventFeatures,
  eventKeysAfter,
  eventTotal,
  eventMatches,
  eventsNearProbe,
  eventsSharingAnArticle,
  statementsAwaitingEvent,
  incidentLinks,
  incidentMembers,
  relinkIncident,
  writeProposals,
  matchBetween,
  matchDecision,
  matchReopening,
  toMatch,
  type MatchRecord,
} from './resolution.cypher.js';

/** Who the audit trail names for what the resolver decides on its own. */
export const RESOLVER = 'claimgraph resolver';

/** How many pairs go to the database in one write. */
const CHUNK = 1000;

/**
 * How many events' candidates one read seeks: a batch of 5,000 strikes on one city's centroid
 * within days, each near all the others, would otherwise come back as one result of 25 million
 * candidates, more than a transaction may hold (readInParts halves a read that still is).
 */
const PROBES_PER_READ = 500;

/** One key for the pair of two events, whichever comes first. */
const pairKey = (x: string, y: string) => (x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`);

/** What a proposal says (status, score, reasons), to tell whether a stored one would change. */
const proposalState = (status: unknown, score: unknown, reasons: unknown) => JSON.stringify([status ?? null, score ?? null, reasons ?? null]);

/** What matching reads of an event itself, with the place it reads for it. */
const sketchOf = (event: EventRecord, place: EventFeatures['place']): EventSketch => ({
  id: event.id,
  kind: event.kind,
  startDate: event.startDate,
  endDate: event.endDate ?? null,
  dateUncertaintyDays: event.dateUncertaintyDays ?? 0,
  place,
});

export async function featuresOf(db: Pick<Database, 'read'>, ids: readonly string[]): Promise<Map<string, EventFeatures>> {
  const features = new Map<string, EventFeatures>();
  if (ids.length === 0) return features;
  const result = await db.read(eventFeatures, { ids });
  for (const record of result.records) {
    const event = toEvent(props(record.get('e')));
    features.set(event.id, {
      ...sketchOf(event, record.get('place') as EventFeatures['place']),
      title: event.title,
      actors: record.get('actors') as string[],
      attributions: record.get('attributions') as string[],
      articles: record.get('articles') as string[],
      tolls: (record.get('tolls') as unknown[]).map(Number),
      datasets: record.get('datasets') as string[],
    });
  }
  return features;
}

interface Probe {
  key: string;
  latitude: number;
  longitude: number;
  nearMeters: number;
  cells: string[];
  /** The kinds of event it may be. */
  kinds: EventKind[];
  /** The days a candidate's window (its period widened by its uncertainty) must meet. */
  first: string;
  last: string;
}

type ProbeDates = Pick<Probe, 'first' | 'last'>;

const FAR_METERS = SEARCH_RADIUS_KM * 1000;
const eventKinds = Object.keys(EventKinds) as EventKind[];

/**
 * A probe around a place and a period, for events of `kinds`. A place whose point says little (a
 * country, a region) is not looked around at all: it is no evidence of any one incident.
 */
function probe(key: string, place: EventFeatures['place'], kinds: EventKind[], dates: ProbeDates): Probe | null {
  if (!place || placeRadiusKm[place.kind] > SEARCH_RADIUS_KM) return null;
  // Two places are one only within the sum of their reaches (placeFit, statementReach): a fine
  // place found in a fine cell adds at most FINE_REACH_KM; coarse ones are sought within FAR_METERS.
  const nearMeters = (placeRadiusKm[place.kind] + FINE_REACH_KM) * 1000;
  const cells = cellsAround(place.latitude, place.longitude, nearMeters, FAR_METERS);
  return { key, latitude: place.latitude, longitude: place.longitude, nearMeters, cells, kinds, ...dates };
}

/**
 * The keys of the events each probe may concern, in one query for all of them: those near it and
 * in its period that `fits` the probe's record by their sketch. Only those are read further and
 * scored (in a busy fortnight nearby, most are not).
 */
async function candidates(db: Pick<Database, 'read'>, probes: Probe[], fits: (key: string, sketch: EventSketch) => boolean): Promise<Map<string, string[]>> {
  const records = [];
  for (let i = 0; i < probes.length; i += PROBES_PER_READ) {
    records.push(...(await readInParts(db, eventsNearProbe, 'probes', probes.slice(i, i + PROBES_PER_READ), { farMeters: FAR_METERS, coarseKinds: coarsePlaceKinds })));
  }
  return new Map(
    records.map((record) => {
      const key = record.get('key') as string;
      const found = record.get('events') as Array<{ event: unknown; place: EventFeatures['place'] }>;
      return [key, found.map(({ event, place }) => sketchOf(toEvent(props(event)), place)).filter((sketch) => fits(key, sketch)).map((sketch) => sketch.id)];
    }),
  );
}

export interface ResolveSummary {
  compared: number;
  confirmed: number;
  candidates: number;
  withdrawn: number;
  /** Statements imported before their event, attached to it once it came. */
  statementsAttached: number;
}

export const nothingResolved = (): ResolveSummary => ({ compared: 0, confirmed: 0, candidates: 0, withdrawn: 0, statementsAttached: 0 });

/** Adds what one run of matching did to a running total. */
export function addResolved(total: ResolveSummary, more: ResolveSummary): void {
  for (const key of Object.keys(total) as Array<keyof ResolveSummary>) total[key] += more[key];
}

/**
 * Matches the events `keys` against every event near them in place and time: scores each pair,
 * proposes or confirms it (an editor's decision is never overwritten), withdraws the resolver's
 * proposals that no longer pass, and relinks the incidents that changed. The cost grows with the
 * events given and their neighbours, not with the graph: candidates come through the index of
 * events by cell, window class and window start (match-cell.ts).
 */
export async function resolveEvents(db: Database, keys: readonly string[]): Promise<ResolveSummary> {
  return matchEvents(db, await featuresOf(db, [...new Set(keys)]));
}

/** resolveEvents for events whose features are read already. */
export async function matchEvents(db: Database, own: ReadonlyMap<string, EventFeatures>): Promise<ResolveSummary> {
  const summary = nothingResolved();
  // A write that touched no event (a place, an outlet) has nothing to match: no read at all.
  if (own.size === 0) return summary;
  const probes = [...own.values()].flatMap((event) => probe(event.id, event.place, compatibleKinds(event.kind), windowDays(event)) ?? []);
  const near = await candidates(db, probes, (key, sketch) => mayBeOneIncident(own.get(key)!, sketch));
  const existing = await db.read(eventMatches, { ids: [...own.keys()], statuses: null });
  const others = new Set([...near.values()].flat());
  for (const record of existing.records) others.add(props(record.get('o')).id as string);
  const features = new Map([...own, ...(await featuresOf(db, [...others].filter((id) => !own.has(id))))]);

  const pairs = new Map<string, Proposal>();
  const consider = (x: string, y: string) => {
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = pairKey(a, b);
    if (a === b || pairs.has(key) || !features.has(a) || !features.has(b)) return;
    const scored: MatchScore | null = scoreEvents(features.get(a)!, features.get(b)!);
    const status = !scored || scored.score < CANDIDATE_AT ? null : scored.score >= CONFIRM_AT ? 'CONFIRMED' : 'CANDIDATE';
    pairs.set(key, { a, b, score: status ? scored!.score : null, reasons: status ? scored!.reasons : null, status });
  };
  for (const [key, events] of near) for (const other of events) consider(key, other);
  for (const record of existing.records) consider(record.get('parentId') as string, props(record.get('o')).id as string);
  summary.compared = pairs.size;
  await keepIncidentsBounded(db, [...pairs.values()]);

  // Only pairs with something to write: a new proposal, or a stored match whose status, score or
  // reasons change (or that is withdrawn). In a dense place and week nearly every pair is below the
  // threshold with nothing stored, or stored as it is (a thousand strikes: hundreds of thousands).
  const stored = new Map(
    existing.records.map((record) => {
      const match = props(record.get('m'));
      return [pairKey(record.get('parentId') as string, props(record.get('o')).id as string), proposalState(match.status, match.score, match.reasons)];
    }),
  );
  const touched = new Set<string>();
  const list = [...pairs.entries()]
    .filter(([key, pair]) => (stored.has(key) ? stored.get(key) !== proposalState(pair.status, pair.score, pair.reasons) : pair.status !== null))
    .map(([, pair]) => pair);
  for (let i = 0; i < list.length; i += CHUNK) {
    const written = await db.write(writeProposals, { pairs: list.slice(i, i + CHUNK), resolver: RESOLVER });
    for (const record of written.records) {
      const status = record.get('status') as string | null;
      if (status === 'CONFIRMED') summary.confirmed += 1;
      else if (status === 'CANDIDATE') summary.candidates += 1;
      else summary.withdrawn += 1;
      if (status === 'CONFIRMED' || record.get('before') === 'CONFIRMED') touched.add(record.get('a') as string).add(record.get('b') as string);
    }
  }
  await relinkIncidents(db, [...touched]);
  return summary;
}

/**
 * The most events an incident the resolver confirms on its own may hold. Its members are linked two
 * by two (SAME_INCIDENT, read in one hop), so its links grow with its square; and where a dataset
 * files every event of a city at the city's centroid (GDELT), a day's distinct strikes there score
 * as one incident, each pair through the next, until one incident holds them all (2,000 packed
 * strikes ran Neo4j out of heap linking theirs). A match that would make an incident larger is
 * proposed for review instead; an editor may still confirm it.
 */
export const MAX_INCIDENT_EVENTS = 100;

/**
 * Downgrades to candidates the confirmations that would join incidents into one of more than
 * MAX_INCIDENT_EVENTS events: the best scores join first, against the incidents as stored.
 */
async function keepIncidentsBounded(db: Database, pairs: Proposal[]): Promise<void> {
  const confirming = pairs.filter((pair) => pair.status === 'CONFIRMED').sort((x, y) => y.score! - x.score! || pairKey(x.a, x.b).localeCompare(pairKey(y.a, y.b)));
  if (confirming.length === 0) return;
  const incidents = new Incidents();
  const stored = await db.read(incidentMembers, { ids: [...new Set(confirming.flatMap((pair) => [pair.a, pair.b]))] });
  for (const record of stored.records) {
    const members = [record.get('id') as string, ...(record.get('members') as string[])];
    // An incident is named by its smallest key, whichever member it is read from.
    incidents.add(record.get('id') as string, members.reduce((a, b) => (a < b ? a : b)), members.length);
  }
  for (const pair of confirming) {
    if (incidents.find(pair.a) === incidents.find(pair.b)) continue;
    const joined = incidents.size(pair.a) + incidents.size(pair.b);
    if (joined > MAX_INCIDENT_EVENTS) {
      pair.status = 'CANDIDATE';
      pair.reasons = [...(pair.reasons ?? []), `confirming it would make one incident of ${joined} events, more than the ${MAX_INCIDENT_EVENTS} the resolver confirms without review`];
      continue;
    }
    incidents.join(pair.a, pair.b);
  }
}

/** A pair of events as matching scored it, and what it proposes (null: no proposal, or a withdrawal). */
interface Proposal {
  a: string;
  b: string;
  score: number | null;
  reasons: string[] | null;
  status: string | null;
}

/**
 * Events in disjoint incidents, each incident named by one of its keys (a union-find), with the
 * number of events in each.
 */
class Incidents {
  private readonly parent = new Map<string, string>();
  private readonly sizes = new Map<string, number>();

  /** Records `id` as a member of the incident named `root` (itself by default), of `size` events when known. */
  add(id: string, root = id, size?: number): void {
    if (!this.parent.has(id)) this.parent.set(id, root);
    if (size !== undefined) this.sizes.set(root, size);
  }

  has(id: string): boolean {
    return this.parent.has(id);
  }

  /** The key that names the incident of `id`. */
  find(id: string): string {
    let root = id;
    while ((this.parent.get(root) ?? root) !== root) root = this.parent.get(root)!;
    if (root !== id) this.parent.set(id, root);
    return root;
  }

  size(id: string): number {
    return this.sizes.get(this.find(id)) ?? 1;
  }

  /** Makes the incidents of `a` and `b` one. */
  join(a: string, b: string): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra === rb) return;
    this.sizes.set(rb, this.size(ra) + this.size(rb));
    this.parent.set(ra, rb);
  }

  /** The keys recorded, incident by incident. */
  members(): string[][] {
    const byRoot = new Map<string, string[]>();
    for (const id of this.parent.keys()) {
      const root = this.find(id);
      const members = byRoot.get(root);
      if (members) members.push(id);
      else byRoot.set(root, [id]);
    }
    return [...byRoot.values()];
  }

  keys(): string[] {
    return [...this.parent.keys()];
  }
}

/**
 * Rewrites the SAME_INCIDENT links of the components (over confirmed matches) that hold these
 * events, after a match among them was confirmed or undone: a component may have joined another
 * or split in two.
 */
export async function relinkIncidents(db: Database, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const incidents = new Incidents();
  let frontier = [...new Set(ids)];
  for (const id of frontier) incidents.add(id);
  while (frontier.length > 0) {
    const result = await db.read(confirmedNeighbours, { ids: frontier });
    const next: string[] = [];
    for (const record of result.records) {
      const [from, to] = [record.get('from') as string, record.get('id') as string];
      if (!incidents.has(to)) next.push(to);
      incidents.add(to);
      incidents.join(from, to);
    }
    frontier = [...new Set(next)];
  }
  // Only the difference is written: a component is a clique of links, so rewriting a large one
  // whole, each time one event joins it, would write its square again and again.
  const wanted = new Map(
    incidents.members().flatMap((members) => members.sort().flatMap((a, i) => members.slice(i + 1).map((b) => [pairKey(a, b), [a, b]] as const))),
  );
  const stale: string[][] = [];
  for (const record of (await db.read(incidentLinks, { members: incidents.keys() })).records) {
    const [a, b] = [record.get('a') as string, record.get('b') as string];
    if (!wanted.delete(pairKey(a, b))) stale.push([a, b]);
  }
  const missing = [...wanted.values()];
  if (stale.length > 0 || missing.length > 0) await db.write(relinkIncident, { stale, missing });
}

/**
 * Resolves every event of the graph, in pages, reporting after each. `resolvePage` is what runs on
 * each page (the ingest layer's resolveWritten also attaches the statements that wait for them).
 */
export async function resolveAllEvents(
  db: Database,
  progress: (done: number, events: number) => void,
  resolvePage: (db: Database, ids: string[]) => Promise<ResolveSummary>,
  pageSize = 500,
): Promise<ResolveSummary> {
  const total = nothingResolved();
  const events = Number((await db.read(eventTotal)).records[0]!.get('events'));
  let after = '';
  let done = 0;
  for (;;) {
    const page = (await db.read(eventKeysAfter, { after, limit: neo4j.int(pageSize) })).records.map((record) => record.get('id') as string);
    if (page.length === 0) return total;
    const summary = await resolvePage(db, page);
    addResolved(total, summary);
    done += page.length;
    after = page.at(-1)!;
    progress(done, events);
  }
}

/** A statement row's place, date, named actors and articles, for finding the one incident it is about. */
export interface StatementProbe extends Omit<StatementFeatures, 'actors'> {
  key: string;
  /** Actors it names, by key (their bodies are added from the graph and `lineage`). */
  actors: string[];
}

/**
 * The one event each statement is about: the best-scoring event near it in place and time, among
 * the graph's and `pending` (events of the same batch, not written yet). None when no event fits,
 * or when two events of different incidents fit about equally well: a statement is attached to the
 * incident its row describes, never to every event nearby.
 */
export async function statementTargets(
  db: Database,
  statements: StatementProbe[],
  pending: EventFeatures[],
  lineage: ReadonlyMap<string, string[]>,
): Promise<Map<string, { event: EventFeatures; score: MatchScore }>> {
  const probes = statements.flatMap((s) => {
    // An event on or before the statement's day, within a week of it (see scoreStatementTarget).
    const day = periodOf(s.date)!.first;
    return probe(s.key, s.place, eventKinds, { first: shiftDays(day, -STATEMENT_WINDOW_DAYS), last: day }) ?? [];
  });
  const byKey = new Map(statements.map((statement) => [statement.key, statement]));
  const near = await candidates(db, probes, (key, sketch) => mayConcern(byKey.get(key)!, sketch));
  const fromGraph = await featuresOf(db, [...new Set([...near.values()].flat())].filter((id) => !pending.some((event) => event.id === id)));
  const upward = await db.read(actorsUpward, { ids: [...new Set(statements.flatMap((s) => s.actors))] });
  const reach = new Map(upward.records.map((record) => [record.get('id') as string, record.get('actors') as string[]]));
  const chosen = new Map<string, { event: EventFeatures; score: MatchScore }>();
  for (const statement of statements) {
    const actors = [...new Set(statement.actors.flatMap((actor) => [actor, ...(reach.get(actor) ?? []), ...(lineage.get(actor) ?? [])]))];
    const features: StatementFeatures = { ...statement, actors };
    const scored = [...(near.get(statement.key) ?? []).flatMap((id) => fromGraph.get(id) ?? []), ...pending]
      .map((event) => ({ event, score: scoreStatementTarget(features, event) }))
      .filter((x): x is { event: EventFeatures; score: MatchScore } => x.score !== null && x.score.score >= CANDIDATE_AT)
      .sort((x, y) => y.score.score - x.score.score || (x.event.id < y.event.id ? -1 : 1));
    const [best, second] = scored;
    if (!best) continue;
    // Two different incidents that fit about as well: the row does not say which.
    if (second && best.score.score - second.score.score < 0.1 && !sameIncident(best.event, second.event)) continue;
    chosen.set(statement.key, best);
  }
  return chosen;
}

/** A statement that was about no event, with the one it is about now and whom it holds responsible. */
export interface WaitingStatement {
  id: string;
  kind: StatementKind;
  note: string | null;
  target: { event: EventFeatures; score: MatchScore };
  /** The body its stance is about (the top of its speaker's or addressee's side, as its kind says); null when it names none. */
  responsible: { id: string; name: string } | null;
}

/**
 * The statements, imported before them, that the `events` just written turn out to be about:
 * machine-coded statements about no event yet, in the cells and days around these events, each
 * given the best-fitting event near it now (statementTargets, over every event, not only these:
 * the rule that leaves a statement between two incidents about neither still holds).
 */
export async function waitingStatementTargets(db: Database, events: ReadonlyMap<string, EventFeatures>): Promise<WaitingStatement[]> {
  // Each cell around the events, with the days a statement about one of them may be made on.
  const days = new Map<string, { cell: string; from: string; to: string }>();
  for (const event of events.values()) {
    if (!event.place || placeRadiusKm[event.place.kind] > SEARCH_RADIUS_KM) continue;
    const reach = placeRadiusKm[event.place.kind];
    const { first: from, last } = windowDays(event);
    const to = shiftDays(last, STATEMENT_WINDOW_DAYS);
    for (const cell of cellsAround(event.place.latitude, event.place.longitude, (reach + FINE_REACH_KM) * 1000, (reach + SEARCH_RADIUS_KM) * 1000)) {
      const known = days.get(cell);
      days.set(cell, { cell, from: known && known.from < from ? known.from : from, to: known && known.to > to ? known.to : to });
    }
  }
  if (days.size === 0) return [];
  const found = (await db.read(statementsAwaitingEvent, { cells: [...days.values()] })).records.flatMap((record) => {
    const kind = record.get('kind') as StatementKind;
    const side = responsibilityStances[kind]?.responsible;
    const responsible = (side === 'speaker' ? record.get('speakerTop') : side === 'addressee' ? record.get('addresseeTop') : null) as WaitingStatement['responsible'];
    const date = partialDate(record.get('madeAt'), record.get('madeAtPrecision'));
    const place = record.get('place') as StatementProbe['place'];
    if (!date || !place) return [];
    const probe: StatementProbe = { key: record.get('id') as string, date, place, actors: responsible ? [responsible.id] : [], articles: record.get('articles') as string[] };
    return [{ probe, kind, note: record.get('note') as string | null, responsible }];
  });
  const targets = await statementTargets(db, found.map(({ probe }) => probe), [], new Map());
  return found.flatMap(({ probe, kind, note, responsible }) => {
    const target = targets.get(probe.key);
    return target ? [{ id: probe.key, kind, note, target, responsible }] : [];
  });
}

/**
 * Of events newly reported (a mention's article now reports them), those the report may bring
 * closer to another event: what it changes of an event's features is its articles, which only
 * count when an article reports another event too (GDELT codes one article as several events).
 */
export async function reportedWithAnother(db: Pick<Database, 'read'>, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  return (await db.read(eventsSharingAnArticle, { ids })).records.map((record) => record.get('id') as string);
}

/** Two events the rules would confirm as one, as far as what is known now tells. */
const sameIncident = (a: EventFeatures, b: EventFeatures) => (scoreEvents(a, b)?.score ?? 0) >= CONFIRM_AT;

export type Decision = 'CONFIRMED' | 'REJECTED' | 'REOPENED';

/**
 * An editor's decision on a pair of events, audited with the state before it: CONFIRMED or
 * REJECTED (kept by every later import), or REOPENED (given back to the resolver). The incidents
 * of both events are relinked. Null when the pair has no match to reopen.
 */
export async function decideMatch(db: Database, events: [string, string], decision: Decision, by: string, note: string | null): Promise<MatchRecord | null> {
  const [a, b] = [...events].sort() as [string, string];
  const before = await db.read(matchBetween, { a, b });
  const beforeJson = JSON.stringify(before.records[0] ? props(before.records[0].get('m')) : null);
  const result =
    decision === 'REOPENED'
      ? await db.write(matchReopening, { a, b, by, beforeJson, confirmAt: CONFIRM_AT, resolver: RESOLVER })
      : await db.write(matchDecision, { a, b, by, beforeJson, status: decision, note });
  const decided = result.records[0];
  if (!decided) return null;
  await relinkIncidents(db, [a, b]);
  // The match as seen from the first event given: the other is what it names.
  return toMatch(decided.get(events[1] === a ? 'a' : 'b'), decided.get('m'));
}
