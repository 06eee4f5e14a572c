import { builder } from '../../builder.js';
import { ActorNode } from '../actor/actor.ref.js';
import { toActor } from '../actor/actor.cypher.js';
import { actorRecord } from '../actor/actor.record.js';
import { ArticleConnection, ArticleNode } from '../article/article.ref.js';
import { toArticle } from '../article/article.cypher.js';
import { StanceObject } from '../claim/claim.ref.js';
import { toClaim, toStance } from '../claim/claim.cypher.js';
import { EventNode } from '../event/event.ref.js';
import { toEvent } from '../event/event.cypher.js';
import { CitedUnion, MentionedUnion } from '../node/unions.js';
import { toCitation, toRecord } from '../node/records.js';
import { DateIntervalObject, intervalOf } from '../shared/date-interval.js';
import { dateRange } from '../shared/dates.js';
import { DatePrecisionEnum, QuoteKindEnum, StatementKindEnum, VenueEnum } from '../shared/enums.js';
import { keyOf, loadOrNotFound, keyArgDescription, loadByIdOrKey } from '../shared/lookup.js';
import { perSelection, selectedProjection } from '../shared/lookahead.js';
import { loadRelated, loadRelatedOne } from '../shared/related.js';
import { provenanceField } from '../source/source.ref.js';
import {
  statementAddressedTo,
  statementCitedBy,
  statementCites,
  statementEvents,
  statementFirstAppearedIn,
  statementList,
  statementMentions,
  statementReportedIn,
  statementRespondsTo,
  statementResponses,
  statementPeople,
  statementStances,
  toStatement,
} from './statement.cypher.js';
import { CitationObject, StatementConnection, StatementNode } from './statement.ref.js';

CitationObject.implement({
  description: 'A citation: what is cited and how ("Read more", "photo credit", "eyewitness accounts").',
  fields: (t) => ({
    target: t.field({ type: CitedUnion, description: 'What is cited.', resolve: (c) => c.target as never }),
    via: t.exposeString('via', { nullable: true, description: 'How it is cited, in the citing text’s words.' }),
    note: t.exposeString('note', { nullable: true, description: 'How the citation was read.' }),
  }),
});

/** The projection of the actor a speaker or principal field selects: the key of the loader the walk may have primed. */
const actorProjection = perSelection((info) => selectedProjection(info, actorRecord, info.fieldNodes));

StatementNode.implement({
  description:
    'Something someone said or wrote, on behalf of someone, at a time: an accusation, a denial, a call for investigation, a comment. Its stances tie it to the claims it asserts or denies.',
  fields: (t) => ({
    key: t.exposeString('id', { description: 'The natural key of the statement.' }),
    kind: t.expose('kind', { type: StatementKindEnum, description: 'What the statement does.' }),
    text: t.exposeString('text', { description: 'What was said.' }),
    quote: t.expose('quote', { type: QuoteKindEnum, description: 'Whether the text is verbatim, a paraphrase or a headline.' }),
    venue: t.expose('venue', { type: VenueEnum, nullable: true, description: 'Where it was said.' }),
    madeAt: t.exposeString('madeAt', { nullable: true, description: 'When it was said, as precisely as known (YYYY, YYYY-MM or YYYY-MM-DD).' }),
    madeAtPrecision: t.expose('madeAtPrecision', { type: DatePrecisionEnum, nullable: true, description: 'How precise madeAt is.' }),
    madeDuring: t.field({
      type: DateIntervalObject,
      nullable: true,
      description: 'The days madeAt can mean ("2016-10": the 1st to the 31st); null when undated.',
      resolve: (statement) => intervalOf(statement.madeAt),
    }),
    speaker: t.field({
      type: ActorNode,
      nullable: true,
      description: 'Who said it; null when an outlet reports it in its own voice.',
      resolve: (statement, _args, ctx, info) => statementPeople(ctx).speaker(actorProjection(info)).load(statement.id),
    }),
    onBehalfOf: t.field({
      type: ActorNode,
      nullable: true,
      description: 'The body the speaker spoke for (the ministry a spokesperson speaks for).',
      resolve: (statement, _args, ctx, info) => statementPeople(ctx).onBehalfOf(actorProjection(info)).load(statement.id),
    }),
    addressedTo: t.loadableList({
      type: ActorNode,
      description: 'Who the statement is addressed to (whom a call for investigation calls on).',
      load: (ids: string[], ctx) => loadRelated(ctx, statementAddressedTo, ids, toActor),
      resolve: (statement) => statement.id,
    }),
    firstAppearedIn: t.loadable({
      type: ArticleNode,
      nullable: true,
      description: 'The article where the statement first appeared, as far as the graph knows.',
      load: (ids: string[], ctx) => loadRelatedOne(ctx, statementFirstAppearedIn, ids, toArticle),
      resolve: (statement) => statement.id,
    }),
    reportedIn: t.loadable({
      type: ArticleConnection,
      byPath: true,
      description: 'Articles that carried the statement, oldest first.',
      args: { ...t.arg.connectionArgs() },
      load: (ids: string[], ctx, args) => statementReportedIn(ctx, ids, args, toArticle),
      resolve: (statement) => statement.id,
    }),
    stances: t.loadableList({
      type: StanceObject,
      description: 'The positions the statement takes on claims.',
      load: (ids: string[], ctx) =>
        loadRelated(ctx, statementStances, ids, (node, rel, _label, statement) => toStance(toStatement(statement), toClaim(node), rel)),
      resolve: (statement) => statement.id,
    }),
    events: t.loadableList({
      type: EventNode,
      description: 'The events the statement is about, directly or through its claims.',
      load: (ids: string[], ctx) => loadRelated(ctx, statementEvents, ids, toEvent),
      resolve: (statement) => statement.id,
    }),
    respondsTo: t.loadableList({
      type: StatementNode,
      description: 'Statements this one answers (a denial answering an accusation).',
      load: (ids: string[], ctx) => loadRelated(ctx, statementRespondsTo, ids, toStatement),
      resolve: (statement) => statement.id,
    }),
    responses: t.loadableList({
      type: StatementNode,
      description: 'Statements answering this one.',
      load: (ids: string[], ctx) => loadRelated(ctx, statementResponses, ids, toStatement),
      resolve: (statement) => statement.id,
    }),
    cites: t.loadableList({
      type: CitationObject,
      description: 'What the statement cites as its basis (eyewitnesses, reconnaissance, another statement).',
      load: (ids: string[], ctx) => loadRelated(ctx, statementCites, ids, toCitation),
      resolve: (statement) => statement.id,
    }),
    citedBy: t.loadableList({
      type: StatementNode,
      description: 'Statements that cite this one.',
      load: (ids: string[], ctx) => loadRelated(ctx, statementCitedBy, ids, toStatement),
      resolve: (statement) => statement.id,
    }),
    mentions: t.loadableList({
      type: MentionedUnion,
      description: 'Actors, places, events and outlets the statement mentions.',
      load: (ids: string[], ctx) => loadRelated(ctx, statementMentions, ids, (node, _rel, label) => toRecord(label, node) as never),
      resolve: (statement) => statement.id,
    }),
    provenance: t.field(provenanceField),
  }),
});

const StatementFilter = builder.inputType('StatementFilter', {
  description: 'Narrows a list of statements; all given conditions must hold.',
  fields: (t) => ({
    kinds: t.field({ type: [StatementKindEnum], description: 'Only statements of these kinds.' }),
    speaker: t.globalID({ description: 'Only statements this actor made or that were made on its behalf (an Actor ID).' }),
    event: t.globalID({ description: 'Only statements about this event (an Event ID).' }),
    from: t.string({ description: 'Only statements that may have been made on or after this date (YYYY, YYYY-MM or YYYY-MM-DD): their date’s period ends on or after its first day ("2016-10" is kept from 2016-10-15). Undated ones are left out.' }),
    to: t.string({ description: 'Only statements that may have been made on or before this date (YYYY, YYYY-MM or YYYY-MM-DD): their date’s period starts on or before its last day. Undated ones are left out.' }),
  }),
});

builder.queryFields((t) => ({
  statement: t.field({
    type: StatementNode,
    nullable: true,
    description: 'One statement by ID or by natural key; a NOT_FOUND error when there is none.',
    args: { id: t.arg.globalID({ description: 'The ID of a Statement (give id or key).' }), key: t.arg.string({ description: keyArgDescription('Statement') }) },
    resolve: (_root, args, ctx) => loadByIdOrKey(StatementNode, ctx, args, 'Statement'),
  }),
  statements: t.field({
    type: StatementConnection,
    nullable: true,
    description: 'Statements, oldest first (undated last), filtered by kind, speaker, event and date.',
    args: { ...t.arg.connectionArgs(), filter: t.arg({ type: StatementFilter, description: 'Conditions the statements must meet.' }) },
    resolve: (_root, args, ctx) => {
      const filter = args.filter ?? {};
      return statementList(ctx, args, toStatement, {
        kinds: filter.kinds ?? null,
        speaker: filter.speaker ? keyOf(filter.speaker, 'Actor', 'filter.speaker') : null,
        event: filter.event ? keyOf(filter.event, 'Event', 'filter.event') : null,
        ...dateRange(filter.from, filter.to),
      });
    },
  }),
}));

