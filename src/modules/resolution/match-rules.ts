import { periodOf, widenedPeriod } from '../../domain/partial-date.js';
import type { EventKind, PlaceKind } from '../../domain/vocabulary.js';

/**
 * When two event records are one incident: the rules, free of the database so they can be read,
 * tested and tuned on their own (docs/resolution.md measures them on a labelled set).
 *
 * A pair must pass three gates: kinds that can describe one event, periods that meet once each
 * source's date uncertainty is allowed, and places that can be one place once each place's
 * precision is allowed. Passing pairs are scored from how strongly each gate holds, plus evidence
 * that only the same incident gives: the same article reporting both, an actor both attribute a
 * part to, the same toll. Every point of the score comes with a reason a reviewer can read.
 */

export interface EventFeatures {
  id: string;
  title: string;
  kind: EventKind;
  startDate: string;
  endDate: string | null;
  dateUncertaintyDays: number;
  /** The place's point, kind and key; null when the event has no located place. */
  place: { id: string; kind: PlaceKind; latitude: number; longitude: number } | null;
  /** Actors the event's claims attribute a part to, with the bodies they are part or members of. */
  actors: string[];
  /**
   * Who did what, as "side:actor" with each actor read as the body it is ultimately part of (the US
   * armed forces as the United States): `by` for a perpetrator, `on` for a target or victim.
   */
  attributions: string[];
  /** URLs of articles that report statements about the event. */
  articles: string[];
  /** Tolls its claims state. */
  tolls: number[];
  /** The datasets of its external ids ("gdelt", "acled"); none for a curated record. */
  datasets: string[];
}

/** What blocking reads of every candidate: enough to tell whether it may be the same incident. */
export type EventSketch = Pick<EventFeatures, 'id' | 'kind' | 'startDate' | 'endDate' | 'dateUncertaintyDays' | 'place'>;

export interface MatchScore {
  score: number;
  reasons: string[];
}

/** At or above: confirmed without review. Below CANDIDATE_AT: not proposed. */
export const CONFIRM_AT = 0.9;
export const CANDIDATE_AT = 0.5;
/** The farthest two candidate places can be apart (a province centroid from a town in it). */
export const SEARCH_RADIUS_KM = 150;
/** How many days around an event its statements (accusations, denials) are looked for. */
export const STATEMENT_WINDOW_DAYS = 7;

/**
 * Datasets whose records are already one per incident (ACLED's analysts merge reports): two of
 * their records are two incidents. GDELT is not (one incident becomes many rows), nor is a mix.
 */
const DEDUPLICATED_DATASETS = new Set(['acled']);

/** How far from its point a place of each kind may reach: a town's point says where; a province's centroid only roughly. */
export const placeRadiusKm: Record<PlaceKind, number> = {
  SITE: 1, VILLAGE: 3, TOWN: 5, CITY: 10, AREA: 25, DISTRICT: 40, PROVINCE: 150, REGION: 400, COUNTRY: 1000,
};
const isCoarse = (kind: PlaceKind) => placeRadiusKm[kind] > 10;
/** Place kinds whose point is only a centroid: searched for in a wider radius. */
export const coarsePlaceKinds = (Object.keys(placeRadiusKm) as PlaceKind[]).filter(isCoarse);
/** The furthest a place of a kind that is not coarse reaches: what it adds to another place's reach (see placeFit). */
export const FINE_REACH_KM = Math.max(...(Object.keys(placeRadiusKm) as PlaceKind[]).filter((kind) => !isCoarse(kind)).map((kind) => placeRadiusKm[kind]));

/**
 * Kinds that can describe one event: the same kind, or a vague kind and a specific one (GDELT's
 * CAMEO 190 says only that force was used). An armed clash is never an airstrike.
 */
const vagueKinds: Partial<Record<EventKind, EventKind[]>> = {
  USE_OF_FORCE: ['AIRSTRIKE', 'SHELLING', 'ARMED_CLASH', 'GROUND_OPERATION', 'EXPLOSION', 'ATTACK_ON_CIVILIANS'],
  ATTACK_ON_CIVILIANS: ['AIRSTRIKE', 'SHELLING', 'EXPLOSION', 'GROUND_OPERATION'],
};

/** The kinds an event of `kind` may be matched with (kindFit is not null for them). */
export function compatibleKinds(kind: EventKind): EventKind[] {
  const vaguer = (Object.keys(vagueKinds) as EventKind[]).filter((vague) => vagueKinds[vague]!.includes(kind));
  return [...new Set([kind, ...(vagueKinds[kind] ?? []), ...vaguer])];
}

function kindFit(a: EventKind, b: EventKind): { fit: number; reason: string } | null {
  if (a === b) return { fit: 1, reason: `same kind (${a})` };
  if (vagueKinds[a]?.includes(b) || vagueKinds[b]?.includes(a)) return { fit: 0.6, reason: `compatible kinds (${a} / ${b})` };
  return null;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** The days an event may have happened on: its period, widened by its source's uncertainty. */
export function window(event: Pick<EventFeatures, 'startDate' | 'endDate' | 'dateUncertaintyDays'>): { first: number; last: number; exactDay: boolean } {
  const { first, last } = windowDays(event);
  return {
    first: dayNumber(first),
    last: dayNumber(last),
    exactDay: periodOf(event.startDate)!.precision === 'DAY' && event.endDate === null && event.dateUncertaintyDays === 0,
  };
}

/** The first and last days of an event's window (see `window`), as ISO days: what blocking seeks with. */
export function windowDays(event: Pick<EventFeatures, 'startDate' | 'endDate' | 'dateUncertaintyDays'>): { first: string; last: string } {
  return widenedPeriod(event.startDate, event.endDate, event.dateUncertaintyDays);
}

function dateFit(a: EventSketch, b: EventSketch): { fit: number; reason: string } | null {
  const wa = window(a);
  const wb = window(b);
  if (wa.first > wb.last || wb.first > wa.last) return null;
  if (a.startDate === b.startDate && wa.exactDay && wb.exactDay) return { fit: 1, reason: `same day (${a.startDate})` };
  if (a.startDate === b.startDate && periodOf(a.startDate)!.precision === 'DAY') return { fit: 0.9, reason: `same date (${a.startDate}), one of them uncertain by days` };
  // Overlap only through a month or a year, or through uncertainty: the wider the windows, the weaker.
  const span = Math.max(wa.last - wa.first, wb.last - wb.first) + 1;
  const apart = Math.abs(dayNumber(periodOf(a.startDate)!.first) - dayNumber(periodOf(b.startDate)!.first));
  const fit = Math.max(0.2, Math.min(0.8, 1 - apart / (span + 1) - (span > 7 ? 0.3 : 0)));
  return { fit, reason: `dates ${a.startDate} and ${b.startDate} meet within their sources' uncertainty` };
}

/** Great-circle distance in kilometres. */
export function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * How well the places fit. `corroborated`: both records name the same perpetrator and the same
 * target, so a province-level report (GDELT geocodes to the province when an article names only the
 * province) agrees with the town-level one in everything it says.
 */
function placeFit(a: EventSketch, b: EventSketch, corroborated: boolean): { fit: number; reason: string } | null {
  if (!a.place || !b.place) return null;
  const km = distanceKm(a.place, b.place);
  const reach = placeRadiusKm[a.place.kind] + placeRadiusKm[b.place.kind];
  if (km > reach) return null;
  const shown = km < 1 ? `${Math.round(km * 1000)} m` : `${km.toFixed(1)} km`;
  const coarser = placeRadiusKm[a.place.kind] >= placeRadiusKm[b.place.kind] ? a.place.kind : b.place.kind;
  if (isCoarse(coarser) && placeRadiusKm[coarser] <= 40 && km <= 5) {
    // An area "near the town" (ACLED's geo_precision 2) whose point lies by the town's: some evidence, not proof.
    return { fit: 0.7, reason: `${shown} apart, one place an ${coarser} near the other` };
  }
  if (isCoarse(coarser) && corroborated) {
    return { fit: 0.6, reason: `${shown} apart, one place only a ${coarser}, which holds the other, with the same perpetrator and target` };
  }
  if (isCoarse(coarser)) {
    // A province's centroid near a town is not evidence that they are the same place, only that they may be.
    return { fit: 0.3, reason: `${shown} apart, but one place is only a ${coarser} (not evidence of the same spot)` };
  }
  if (a.place.id === b.place.id || km <= 2) return { fit: 1, reason: a.place.id === b.place.id ? 'same place' : `${shown} apart` };
  // Two towns' points further apart than the larger one reaches are two towns.
  const extent = placeRadiusKm[coarser];
  if (km > extent) return null;
  return { fit: Math.max(0.5, 1 - km / (2 * extent)), reason: `${shown} apart (within the ${extent} km a ${coarser} reaches)` };
}

/** Whether two records may be compared at all: never two of a dataset that already merges its own reports. */
export function comparable(a: Pick<EventFeatures, 'id' | 'datasets'>, b: Pick<EventFeatures, 'id' | 'datasets'>): boolean {
  if (a.id === b.id) return false;
  const shared = a.datasets.filter((dataset) => b.datasets.includes(dataset));
  return !shared.some((dataset) => DEDUPLICATED_DATASETS.has(dataset));
}

/**
 * Whether two events pass the gates of scoreEvents that read only their kinds, dates and places
 * (the others do not decide whether a pair is scored, only how high): blocking reads a candidate's
 * actors, articles and tolls only when it passes.
 */
export function mayBeOneIncident(a: EventSketch, b: EventSketch): boolean {
  return a.id !== b.id && kindFit(a.kind, b.kind) !== null && dateFit(a, b) !== null && placeFit(a, b, false) !== null;
}

/** The score of two event records as one incident, with its reasons; null when a gate fails. */
export function scoreEvents(a: EventFeatures, b: EventFeatures): MatchScore | null {
  if (!comparable(a, b)) return null;
  // Who acted and on whom is the strongest sign two reports tell one story; actors that only share
  // a coalition or a country say less.
  const sides = a.attributions.filter((attribution) => b.attributions.includes(attribution));
  const by = sides.filter((attribution) => attribution.startsWith('by:'));
  const on = sides.filter((attribution) => attribution.startsWith('on:'));
  const kind = kindFit(a.kind, b.kind);
  const date = kind && dateFit(a, b);
  const place = date && placeFit(a, b, by.length > 0 && on.length > 0);
  if (!kind || !date || !place) return null;
  let score = 0.3 * kind.fit + 0.35 * date.fit + 0.35 * place.fit;
  const reasons = [kind.reason, date.reason, place.reason];
  const articles = a.articles.filter((url) => b.articles.includes(url));
  if (articles.length) {
    score += 0.3;
    reasons.push(`reported by the same article (${articles[0]}${articles.length > 1 ? ` and ${articles.length - 1} more` : ''})`);
  }
  if (by.length || on.length) {
    score += (by.length ? 0.15 : 0) + (on.length ? 0.1 : 0);
    reasons.push(`the same ${[by.length && `perpetrator (${by.map((x) => x.slice(3)).join(', ')})`, on.length && `target (${on.map((x) => x.slice(3)).join(', ')})`].filter(Boolean).join(' and ')}`);
  } else {
    const actors = a.actors.filter((actor) => b.actors.includes(actor));
    if (actors.length) {
      score += 0.05;
      reasons.push(`both name ${actors.slice(0, 3).join(', ')}`);
    }
  }
  const tolls = a.tolls.filter((toll) => b.tolls.includes(toll));
  if (tolls.length) {
    score += 0.05;
    reasons.push(`same toll (${tolls[0]})`);
  }
  return { score: Math.round(Math.min(1, score) * 1000) / 1000, reasons };
}

/** What a statement row tells of the incident it is about. */
export interface StatementFeatures {
  date: string;
  place: EventFeatures['place'];
  /** The actors it accuses or says deny (with what they are part or members of). */
  actors: string[];
  articles: string[];
}

/**
 * Where an event stands to a statement: on or before its date and within a week of it, within the
 * reach of both places. Null when it cannot be the event the statement is about, whatever else
 * they share.
 */
function statementReach(statement: Pick<StatementFeatures, 'date' | 'place'>, event: EventSketch) {
  if (!statement.place || !event.place) return null;
  const day = dayNumber(periodOf(statement.date)!.first);
  const w = window(event);
  if (day < w.first || day > w.last + STATEMENT_WINDOW_DAYS) return null;
  const km = distanceKm(statement.place, event.place);
  if (km > placeRadiusKm[statement.place.kind] + placeRadiusKm[event.place.kind]) return null;
  return { day, w, km, coarse: isCoarse(event.place.kind) };
}

/** Whether the event may be the one the statement is about: what blocking checks before reading the event further. */
export const mayConcern = (statement: Pick<StatementFeatures, 'date' | 'place'>, event: EventSketch) => statementReach(statement, event) !== null;

/**
 * How well an event fits what a statement (an accusation, a denial) is about: it happened at the
 * statement's place, on or before its date and within a week of it; an actor it names is one the
 * event involves, or the same article reports both. Null when the event cannot be the one.
 */
export function scoreStatementTarget(statement: StatementFeatures, event: EventFeatures): MatchScore | null {
  const reached = statementReach(statement, event);
  if (!reached) return null;
  const { day, w, km, coarse } = reached;
  const reasons = [`${event.startDate}, ${Math.max(0, day - w.last)} days before the statement`, km <= 2 ? 'same place' : `${km.toFixed(1)} km away`];
  let score = 0.5 - 0.03 * Math.max(0, day - w.last) + (km <= 2 ? 0.2 : 0.1) - (coarse ? 0.1 : 0);
  const actors = statement.actors.filter((actor) => event.actors.includes(actor));
  if (actors.length) {
    score += 0.25;
    reasons.push(`the event involves ${actors[0]}`);
  }
  if (statement.articles.some((url) => event.articles.includes(url))) {
    score += 0.25;
    reasons.push('reported by the same article');
  }
  return { score: Math.round(Math.min(1, score) * 1000) / 1000, reasons };
}
