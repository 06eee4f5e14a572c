import { builder } from '../../builder.js';
import { sameIncidentArg } from '../shared/incident.js';
import { ActorNode } from '../actor/actor.ref.js';
import { ClaimNode } from '../claim/claim.ref.js';
import { StanceValueEnum } from '../shared/enums.js';
import { EventNode } from '../event/event.ref.js';
import { OrganizationUnion } from '../node/unions.js';
import { OutletNode } from '../outlet/outlet.ref.js';
import { dateRange } from '../shared/dates.js';
import { keyOf } from '../shared/lookup.js';
import { StatementNode } from '../statement/statement.ref.js';
import { ASSERTING, OPPOSING, sides, toClaim } from '../claim/claim.cypher.js';
import {
  contestedClaimList,
  loadCasualtyFigures,
  loadContests,
  loadPositions,
  type CasualtyFigureRecord,
  type ContestRecord,
  type PositionRecord,
} from './contest.cypher.js';
import { StanceCountObject } from './contest.ref.js';
import { DayRangeObject } from '../shared/date-interval.js';

const PositionObject = builder.objectRef<PositionRecord>('Position');

PositionObject.implement({
  description: 'One statement’s position on a claim: who said it, for whom, and which outlets carried it.',
  fields: (t) => ({
    claim: t.field({ type: ClaimNode, description: 'The claim the position is on.', resolve: (p) => p.claim }),
    statement: t.field({ type: StatementNode, description: 'The statement taking the position.', resolve: (p) => p.statement }),
    value: t.field({ type: StanceValueEnum, description: 'The position taken.', resolve: (p) => p.value }),
    speaker: t.field({
      type: ActorNode,
      nullable: true,
      description: 'Who made the statement; null when an outlet reports it in its own voice.',
      resolve: (p) => p.speaker,
    }),
    onBehalfOf: t.field({ type: ActorNode, nullable: true, description: 'The body the speaker spoke for.', resolve: (p) => p.onBehalfOf }),
    outlets: t.field({
      type: [OutletNode],
      description: 'The outlets whose articles carried the statement, by name.',
      resolve: (p) => p.outlets,
    }),
  }),
});

StanceCountObject.implement({
  description: 'How many statements take one position on a claim.',
  fields: (t) => ({
    value: t.field({ type: StanceValueEnum, description: 'The position.', resolve: (c) => c.value }),
    statements: t.exposeInt('statements', { description: 'How many statements take it.' }),
  }),
});

/** Loaded once per claim and shared by `Claim.contest` and `Claim.contested`. */
const ContestRef = builder.loadableObjectRef<ContestRecord, string>('Contest', {
  load: (ids: string[], ctx) => loadContests(ctx, ids),
  sort: (contest) => contest.claimId,
});

ContestRef.implement({
  description:
    'How a claim stands: whether it is contested, how many statements take each position, and how long the first denial took to follow the first assertion.',
  fields: (t) => ({
    contested: t.exposeBoolean('contested', {
      description: 'Whether some statement asserts the claim and some statement denies or disputes it.',
    }),
    counts: t.field({
      type: [StanceCountObject],
      description: 'How many statements take each position, in the order ASSERTS, DENIES, DISPUTES, CALLS_TO_VERIFY (positions nobody takes are left out).',
      resolve: (c) => c.counts,
    }),
    earliestAssertion: t.field({
      type: StatementNode,
      nullable: true,
      description:
        'The dated statement asserting the claim that was made first, when the dates and respondsTo links say which; null when none is dated or when several may have been first (their dates tie at the precision given: see earliestAssertions).',
      resolve: (c) => (c.firstAssertions.length === 1 ? c.firstAssertions[0]! : null),
    }),
    earliestAssertions: t.field({
      type: [StatementNode],
      description:
        'The dated statements asserting the claim that may have been the first: each one that no other asserting statement surely preceded (none ends before it begins, and it answers none of them). One when the order is known, several when their dates tie; by date, then key.',
      resolve: (c) => c.firstAssertions,
    }),
    earliestDenial: t.field({
      type: StatementNode,
      nullable: true,
      description:
        'The dated statement denying or disputing the claim that was made first, when the dates and respondsTo links say which; null when none is dated or when several may have been first (see earliestDenials).',
      resolve: (c) => (c.firstDenials.length === 1 ? c.firstDenials[0]! : null),
    }),
    earliestDenials: t.field({
      type: [StatementNode],
      description:
        'The dated statements denying or disputing the claim that may have been the first (as earliestAssertions): one when the order is known, several when their dates tie; by date, then key.',
      resolve: (c) => c.firstDenials,
    }),
    assertionToDenialDays: t.field({
      type: DayRangeObject,
      nullable: true,
      description:
        'Days from the first assertion to the first denial, as a range: each first falls somewhere in the days its date can mean ("2016-10" and "2016-10": from -30 to 30). Never below 0 when every statement that may have been the first denial answers (respondsTo) an assertion. Null unless both sides have a dated statement.',
      resolve: (c) => c.assertionToDenialDays,
    }),
    daysFromAssertionToDenial: t.int({
      nullable: true,
      deprecationReason: 'A single number overstates month- or year-precise dates; use assertionToDenialDays.',
      description: 'Days from the first assertion to the first denial when the dates fix it to the day (assertionToDenialDays.min equals its max); otherwise null, never a guess.',
      resolve: (c) => (c.assertionToDenialDays && c.assertionToDenialDays.min === c.assertionToDenialDays.max ? c.assertionToDenialDays.min : null),
    }),
  }),
});

const CasualtyFigureObject = builder.objectRef<CasualtyFigureRecord>('CasualtyFigure');

CasualtyFigureObject.implement({
  description: 'A death toll one claim gives for an event, with the sources that assert it ("dozens" according to the Russian Ministry of Defence).',
  fields: (t) => ({
    claim: t.field({ type: ClaimNode, description: 'The claim stating the toll.', resolve: (f) => f.claim }),
    event: t.field({
      type: EventNode,
      description: 'The event record the toll is claimed for: the one asked about, or another record of its incident (ACLED’s, GDELT’s).',
      resolve: (f) => f.event,
    }),
    contested: t.boolean({
      description: 'Whether another toll in the list cannot also be true ("dozens", at least 24, against exactly 17).',
      resolve: (f) => f.conflictsWith.length > 0,
    }),
    conflictsWith: t.field({
      type: [ClaimNode],
      description: 'The other tolls in the list that cannot be true if this one is.',
      resolve: (f) => f.conflictsWith,
    }),
    text: t.string({ nullable: true, description: 'The toll in the source’s own words ("dozens", "17").', resolve: (f) => f.claim.casualtiesText }),
    min: t.int({ nullable: true, description: 'The lowest number the toll can mean.', resolve: (f) => f.claim.casualtiesMin }),
    max: t.int({ nullable: true, description: 'The highest number the toll can mean; null when unbounded.', resolve: (f) => f.claim.casualtiesMax }),
    accordingTo: t.field({
      type: [OrganizationUnion],
      description:
        'Who gives the toll: for each asserting statement, the body it spoke for, else its speaker, else the outlet that reported it in its own voice.',
      resolve: (f) => f.accordingTo as never,
    }),
    statements: t.field({ type: [StatementNode], description: 'The statements asserting the toll.', resolve: (f) => f.statements }),
  }),
});

builder.objectFields(ClaimNode, (t) => ({
  asserters: t.loadableList({
    type: PositionObject,
    description: 'The statements asserting the claim, oldest first, with their speakers and the outlets that carried them.',
    load: (ids: string[], ctx) => loadPositions(ctx, ids, ASSERTING),
    resolve: (claim) => claim.id,
  }),
  deniers: t.loadableList({
    type: PositionObject,
    description: 'The statements denying or disputing the claim, oldest first, with their speakers and the outlets that carried them.',
    deprecationReason: 'Mixes denials with disputes; use whoDenies and whoDisputes, or statements(stances:) for the statements.',
    load: (ids: string[], ctx) => loadPositions(ctx, ids, OPPOSING),
    resolve: (claim) => claim.id,
  }),
  contest: t.field({
    type: ContestRef,
    description: 'How the claim stands: contested or not, counts by position, the first assertion and the first denial.',
    resolve: (claim) => claim.id,
  }),
  contested: t.boolean({
    description: 'Whether some statement asserts the claim and some statement denies or disputes it.',
    resolve: async (claim, _args, ctx) => (await ContestRef.getDataloader(ctx).load(claim.id)).contested,
  }),
}));

builder.objectField(EventNode, 'casualtyFigures', (t) =>
  t.loadableList({
    type: CasualtyFigureObject,
    description:
      'The death tolls claimed for the event side by side, highest first, each with who gives it and the tolls it cannot be true beside; with those claimed for the records confirmed as the same incident by default (the seed’s, ACLED’s), each saying which record it is about.',
    byPath: true,
    args: { sameIncident: sameIncidentArg(t) },
    load: (ids: string[], ctx, args) => loadCasualtyFigures(ctx, ids, args.sameIncident ?? true),
    resolve: (event) => event.id,
  }),
);

const ContestedClaimFilter = builder.inputType('ContestedClaimFilter', {
  description: 'Narrows a list of contested claims; all given conditions must hold.',
  fields: (t) => ({
    event: t.globalID({ description: 'Only claims about this event (an Event ID).' }),
    from: t.string({ description: 'Only claims about events overlapping the period from this date (YYYY, YYYY-MM or YYYY-MM-DD).' }),
    to: t.string({ description: 'Only claims about events overlapping the period up to this date (YYYY, YYYY-MM or YYYY-MM-DD).' }),
  }),
});

const ContestedClaimConnection = builder.connectionObject(
  { type: ClaimNode, name: 'ContestedClaimConnection', description: 'A page of contested claims.' },
  { name: 'ContestedClaimEdge', description: 'A contested claim in a page of them.' },
);

builder.queryFields((t) => ({
  contestedClaims: t.field({
    type: ContestedClaimConnection,
    nullable: true,
    description: 'Claims that some statement asserts and some statement denies or disputes, by key.',
    args: {
      ...t.arg.connectionArgs(),
      filter: t.arg({ type: ContestedClaimFilter, description: 'Conditions the claims must meet.' }),
    },
    resolve: (_root, args, ctx) => {
      const filter = args.filter ?? {};
      return contestedClaimList(ctx, args, toClaim, {
        ...sides,
        event: filter.event ? keyOf(filter.event, 'Event', 'filter.event') : null,
        ...dateRange(filter.from, filter.to),
      });
    },
  }),
}));

