import type { Database } from '../db/database.js';
import { attributionClaim } from '../modules/claim/claim-attribution.js';
import { auditStatementsAttached } from '../modules/resolution/resolution.cypher.js';
import type { EventFeatures } from '../modules/resolution/match-rules.js';
import { featuresOf, matchEvents, reportedWithAnother, RESOLVER, waitingStatementTargets, type ResolveSummary } from '../modules/resolution/resolve.js';
import { responsibilityStances } from '../domain/vocabulary.js';
import type { Bundle, SourceRecord } from './bundle-types.js';
import { upsertRecords } from './write.js';

/** What an importer's note says of a statement that no event fits when it is imported; dropped once one does. */
export const ABOUT_NO_EVENT_YET = ' No one event near it in place and time fits it yet, so it is about none.';

/** The source the resolver's own writes name: the links it makes are its inference, not any file's. */
const resolverSource = (): SourceRecord => ({
  id: 'claimgraph-resolver',
  title: 'claimgraph’s resolver: statements imported before the event they are about, attached to it when it came',
  recordedAt: new Date().toISOString().slice(0, 10),
});

/** The events a bundle writes or writes about, by what it may change of what matching reads of them. */
export interface EventsTouched {
  /** Events it writes, or claims about (their actors and tolls): matched again. */
  changed: string[];
  /** Events only statements about are added to (their articles): matched again when an article reports another event too. */
  reported: string[];
}

export function eventsTouched(bundle: Partial<Bundle>): EventsTouched {
  const changed = new Set([...(bundle.events ?? []).map((event) => event.id), ...(bundle.claims ?? []).map((claim) => claim.event)]);
  const reported = new Set((bundle.statements ?? []).flatMap((statement) => statement.about ?? []).filter((id) => !changed.has(id)));
  return { changed: [...changed], reported: [...reported] };
}

/**
 * What follows every write of records, whichever way they came (a seed, a bundle, an import, the
 * API): the events it wrote or wrote about (eventsTouched) are matched into incidents, and the
 * statements that were waiting for one of them are attached to it.
 */
export async function resolveWritten(db: Database, { changed, reported }: EventsTouched): Promise<ResolveSummary> {
  const events = await featuresOf(db, [...changed, ...(await reportedWithAnother(db, reported))]);
  const summary = await matchEvents(db, events);
  summary.statementsAttached = await attachWaitingStatements(db, events);
  return summary;
}

/**
 * Attaches each statement imported before the event it is about, as its importer would have had
 * the event been there: a stance on the claim that the body it holds responsible carried the event
 * out, or, when it names none, `about` the event. One transaction with an audit entry per
 * statement; an editor undoes one by clearing its stances (or `about`).
 */
async function attachWaitingStatements(db: Database, events: ReadonlyMap<string, EventFeatures>): Promise<number> {
  if (events.size === 0) return 0;
  const waiting = await waitingStatementTargets(db, events);
  if (waiting.length === 0) return 0;
  const claims = new Map<string, { kind: 'claims'; input: ReturnType<typeof attributionClaim> }>();
  const statements = waiting.map(({ id, kind, note, target, responsible }) => {
    const because = `Matched to this event by claimgraph after it was imported: ${target.score.reasons.join('; ')}.`;
    const stance = responsibilityStances[kind]?.stance;
    const claim = responsible && stance ? attributionClaim(target.event, 'PERPETRATOR', responsible) : null;
    const statement = {
      id,
      ...(claim ? { stances: [{ claim: claim.id, value: stance!, note: because }] } : { about: [target.event.id] }),
      ...(note?.includes(ABOUT_NO_EVENT_YET) ? { note: note.replace(ABOUT_NO_EVENT_YET, '') } : {}),
    };
    if (claim) claims.set(claim.id, { kind: 'claims', input: claim });
    return { kind: 'statements' as const, input: statement };
  });
  const attached = waiting.map(({ id, target }) => ({ statement: id, json: JSON.stringify({ event: target.event.id, score: target.score.score, reasons: target.score.reasons }) }));
  await upsertRecords(db, [...claims.values(), ...statements], resolverSource(), 'resolver', (tx) => tx.run(auditStatementsAttached.cypher, { attached, resolver: RESOLVER }));
  return waiting.length;
}
