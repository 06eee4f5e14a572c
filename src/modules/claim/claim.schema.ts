import { builder } from '../../builder.js';
import { AttributionRoleEnum, StanceValueEnum } from '../shared/enums.js';
import { loadGrouped } from '../../db/batch.js';
import type { Context } from '../../context.js';
import type { StanceValue } from '../../domain/vocabulary.js';
import { ActorNode } from '../actor/actor.ref.js';
import { toActor, type ActorRecord } from '../actor/actor.cypher.js';
import type { Label } from '../../domain/graph.js';
import { OrganizationUnion } from '../node/unions.js';
import { toRecord } from '../node/records.js';
import { EventNode } from '../event/event.ref.js';
import { toEvent } from '../event/event.cypher.js';
import { keyOf, loadOrNotFound, keyArgDescription, loadByIdOrKey } from '../shared/lookup.js';
import { loadRelated, loadRelatedOne } from '../shared/related.js';
import { provenanceField } from '../source/source.ref.js';
import { StatementConnection, StatementNode } from '../statement/statement.ref.js';
import { toStatement } from '../statement/statement.cypher.js';
import { props } from '../../db/values.js';
import {
  claimAttributions,
  claimEvent,
  claimList,
  claimParties,
  claimStances,
  toAttribution,
  toClaim,
} from './claim.cypher.js';
import { AttributionObject, ClaimConnection, ClaimNode, StanceObject } from './claim.ref.js';

StanceObject.implement({
  description: 'A statement’s position on a claim.',
  fields: (t) => ({
    statement: t.field({ type: StatementNode, description: 'The statement taking the position.', resolve: (s) => s.statement }),
    claim: t.field({ type: ClaimNode, description: 'The claim it takes a position on.', resolve: (s) => s.claim }),
    value: t.field({ type: StanceValueEnum, description: 'The position.', resolve: (s) => s.value }),
    note: t.exposeString('note', { nullable: true, description: 'How the position was read (explicit, implied, ...).' }),
  }),
});

AttributionObject.implement({
  description: 'A claim’s attribution of a part in an event to an actor ("the coalition carried out the strike").',
  fields: (t) => ({
    claim: t.field({ type: ClaimNode, description: 'The claim making the attribution.', resolve: (a) => a.claim }),
    actor: t.field({ type: ActorNode, description: 'The actor the part is attributed to.', resolve: (a) => a.actor }),
    role: t.field({ type: AttributionRoleEnum, description: 'The part attributed.', resolve: (a) => a.role }),
  }),
});

ClaimNode.implement({
  description:
    'A proposition about an event that statements assert, deny or dispute: who did it, how many died, what was hit.',
  fields: (t) => ({
    key: t.exposeString('id', { description: 'The natural key of the claim.' }),
    proposition: t.exposeString('proposition', { description: 'The proposition, stated neutrally.' }),
    casualtiesMin: t.exposeInt('casualtiesMin', { nullable: true, description: 'The lowest death toll the claim states, if it is one.' }),
    casualtiesMax: t.exposeInt('casualtiesMax', { nullable: true, description: 'The highest death toll the claim states, if bounded.' }),
    casualtiesText: t.exposeString('casualtiesText', { nullable: true, description: 'The toll in the source’s own words ("dozens").' }),
    event: t.loadable({
      type: EventNode,
      nullable: true,
      description: 'The event the claim is about.',
      load: (ids: string[], ctx) => loadRelatedOne(ctx, claimEvent, ids, toEvent),
      resolve: (claim) => claim.id,
    }),
    attributions: t.loadableList({
      type: AttributionObject,
      description: 'The parts in the event the claim attributes to actors.',
      load: (ids: string[], ctx) =>
        loadRelated(ctx, claimAttributions, ids, (node, rel, _label, claim) => toAttribution(toClaim(claim), toActor(node), rel)),
      resolve: (claim) => claim.id,
    }),
    statements: t.loadable({
      type: StatementConnection,
      byPath: true,
      description: 'Statements taking a position on the claim, oldest first, optionally only some positions.',
      args: {
        ...t.arg.connectionArgs(),
        stances: t.arg({ type: [StanceValueEnum], description: 'Only statements taking one of these positions.' }),
      },
      load: (ids: string[], ctx, args) => claimStances(ctx, ids, args, toStatement, { values: args.stances ?? null }),
      resolve: (claim) => claim.id,
    }),
    assertedBy: t.loadableList({
      type: ActorNode,
      description: 'Actors who assert the claim: the speakers and the bodies they spoke for (outlets asserting in their own voice are left out).',
      deprecationReason: 'Leaves out outlets asserting in their own voice; use whoAsserts.',
      load: loadActors(['ASSERTS']),
      resolve: (claim) => claim.id,
    }),
    deniedBy: t.loadableList({
      type: ActorNode,
      description: 'Actors who deny the claim: the speakers and the bodies they spoke for (disputes are left out).',
      deprecationReason: 'Use whoDenies (and whoDisputes for those who cast doubt without denying).',
      load: loadActors(['DENIES']),
      resolve: (claim) => claim.id,
    }),
    provenance: t.field(provenanceField),
  }),
});

/** Loads, per claim, the parties behind statements taking one of `values` (with `ownVoice`, outlets speaking for themselves). */
function loadParties(values: StanceValue[], ownVoice: boolean) {
  return (ids: string[], ctx: Context) =>
    loadGrouped(ctx, claimParties, ids, (record) => toRecord(record.get('label') as Label, props(record.get('n'))), { values, ownVoice });
}

/** The deprecated actor-only sides, as they always answered. */
const loadActors = (values: StanceValue[]) => loadParties(values, false) as (ids: string[], ctx: Context) => Promise<ActorRecord[][]>;

builder.objectFields(ClaimNode, (t) => {
  /** One side of a claim as a field: the actors and outlets taking that position. */
  const side = (values: StanceValue[], description: string) =>
    t.loadableList({
      type: OrganizationUnion,
      description,
      load: loadParties(values, true) as (ids: string[], ctx: Context) => Promise<never[][]>,
      resolve: (claim) => claim.id,
    });
  return {
    whoAsserts: side(['ASSERTS'], 'Who asserts the claim, each once: the speakers, the bodies they spoke for, and the outlets that assert it in their own voice (a statement without a speaker, such as a headline’s own reporting).'),
    whoDenies: side(['DENIES'], 'Who denies the claim, each once: the speakers, the bodies they spoke for, and outlets denying it in their own voice.'),
    whoDisputes: side(['DISPUTES'], 'Who casts doubt on the claim without denying it (its evidence, its motive), each once: speakers, the bodies they spoke for, and outlets in their own voice.'),
    whoCallsToVerify: side(['CALLS_TO_VERIFY'], 'Who asks for the claim to be investigated or verified, each once: speakers, the bodies they spoke for, and outlets in their own voice.'),
  };
});

const ClaimFilter = builder.inputType('ClaimFilter', {
  description: 'Narrows a list of claims.',
  fields: (t) => ({
    event: t.globalID({ description: 'Only claims about this event (an Event ID).' }),
  }),
});

builder.queryFields((t) => ({
  claim: t.field({
    type: ClaimNode,
    nullable: true,
    description: 'One claim by ID or by natural key; a NOT_FOUND error when there is none.',
    args: { id: t.arg.globalID({ description: 'The ID of a Claim (give id or key).' }), key: t.arg.string({ description: keyArgDescription('Claim') }) },
    resolve: (_root, args, ctx) => loadByIdOrKey(ClaimNode, ctx, args, 'Claim'),
  }),
  claims: t.field({
    type: ClaimConnection,
    nullable: true,
    description: 'Claims by key, optionally about one event.',
    args: { ...t.arg.connectionArgs(), filter: t.arg({ type: ClaimFilter, description: 'Conditions the claims must meet.' }) },
    resolve: (_root, args, ctx) =>
      claimList(ctx, args, toClaim, { event: args.filter?.event ? keyOf(args.filter.event, 'Event', 'filter.event') : null }),
  }),
}));

