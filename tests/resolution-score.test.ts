import { describe, expect, it } from 'vitest';
import { scoreResolution, type MatchLink, type Predictions } from '../eval/resolution-score.js';
import { loadLabelledSet } from '../eval/resolution-set.js';

/**
 * The evaluation's scoring, on made-up predictions over the labelled set (no database): a resolver
 * that is right everywhere scores 1, and one wrong or unconfirmed link moves exactly the pairs it
 * should, each explained by the links' scores and reasons.
 */

const set = loadLabelledSet();
const eventOf = (id: string) => `event-${id}`;
const firstMember = (incident: string) => set.incidents.find((candidate) => candidate.id === incident)!.members[0]!;

/** Each source id its own record, every incident chained by CONFIRMED links, each statement on its incident. */
function perfect(): Predictions & { matches: MatchLink[] } {
  return {
    eventsOf: new Map([...set.incidentOf.keys()].map((id) => [id, [eventOf(id)]])),
    matches: set.incidents.flatMap(({ members: [first, ...rest] }) =>
      rest.map((other) => ({ a: eventOf(first!), b: eventOf(other), status: 'CONFIRMED', score: 0.9, reasons: ['same day', 'same town'] })),
    ),
    statements: new Map([...set.statements].map(([id, incident]) => [id, { found: true, events: incident ? [eventOf(firstMember(incident))] : [] }])),
    outletsOf: new Map(set.mentions.map(({ url, domain }) => [url, [{ key: domain, name: set.outlets.get(domain)! }]])),
    actorsOf: new Map([...set.actors].map(([id, key]) => [id, [key]])),
  };
}

describe('scoring resolution against the labels', () => {
  it('gives a resolver that is right everywhere full marks', () => {
    const scores = scoreResolution(set, perfect());
    expect(scores.events).toMatchObject({ precision: 1, recall: 1, falsePositives: 0, falseNegatives: 0, pendingTrue: 0, missing: [] });
    expect(scores.hardNegatives.every((h) => h.pairs > 0 && h.together === 0)).toBe(true);
    expect(scores.statements.every((s) => s.correct && s.incidentCount <= 1)).toBe(true);
    expect([...scores.outlets, ...scores.actors].every((o) => o.correct)).toBe(true);
  });

  it('counts every pair a wrong CONFIRMED link joins, and explains each by the links between them', () => {
    const predictions = perfect();
    const [strike, clash] = [firstMember('daquq-airstrike-2016-10-21'), firstMember('daquq-clash-2016-10-21')];
    predictions.matches.push({ a: eventOf(strike), b: eventOf(clash), status: 'CONFIRMED', score: 0.81, reasons: ['same town', 'same day'] });
    const scores = scoreResolution(set, predictions);
    const wrong = scores.pairs.filter((p) => p.truth === 'different' && p.predicted);
    // Five records of the strike times three of the clash.
    expect(wrong).toHaveLength(15);
    expect(wrong.every((p) => p.hardNegative === 'same-place-another-kind')).toBe(true);
    expect(wrong.find((p) => p.a === strike && p.b === clash)!.how).toEqual([
      `${eventOf(strike)} ↔ ${eventOf(clash)}: CONFIRMED 0.81 (same town; same day)`,
    ]);
    expect(scores.hardNegatives.find((h) => h.kind === 'same-place-another-kind')).toMatchObject({ together: 15, confirmedLinks: 1 });
  });

  it('counts the true pairs behind a CANDIDATE link as waiting for review, not as found', () => {
    const predictions = perfect();
    const acled = 'acled:SYR32010';
    predictions.matches.find((link) => link.b === eventOf(acled))!.status = 'CANDIDATE';
    const scores = scoreResolution(set, predictions);
    // The ACLED row against the GDELT rows of Khan Shaykhun, less the province-level row labelled ambiguous.
    expect(scores.events).toMatchObject({ falseNegatives: 4, pendingTrue: 4, pendingFalse: 0 });
    expect(scores.pairs.filter((p) => p.pending).every((p) => p.a === acled || p.b === acled)).toBe(true);
  });

  it('holds a statement on two incidents wrong, unless the other is ambiguous with its own', () => {
    const predictions = perfect();
    const onClash = 'gdelt:616102302';
    const onAmbiguousRow = 'gdelt:617031902';
    predictions.statements.get(onClash)!.events.push(eventOf(firstMember('daquq-clash-2016-10-21')));
    predictions.statements.get(onAmbiguousRow)!.events.push(eventOf(firstMember('mosul-iraqi-strike-2017-03-19')));
    const scores = scoreResolution(set, predictions);
    expect(scores.statements.find((s) => s.id === onClash)).toMatchObject({ correct: false, incidentCount: 2, onHardNegatives: ['daquq-clash-2016-10-21'] });
    expect(scores.statements.find((s) => s.id === onAmbiguousRow)).toMatchObject({ correct: true, incidentCount: 1, onHardNegatives: [] });
  });
});
