import type { ObjectParam, SchemaTypes } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { requireRole } from '../../http/auth.js';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { ErrorCode, invalid } from '../../domain/errors.js';
import { BundleError, type BundleProblem, type RecordKind } from '../../ingest/validate.js';
import type { Bundle } from '../../ingest/bundle-types.js';
import { slug } from '../../domain/slug.js';
import { importBundle, type WriteSummary } from '../../ingest/write.js';
import { announce } from '../live/announce.js';
import { ActorNode } from '../actor/actor.ref.js';
import { ArticleNode } from '../article/article.ref.js';
import { ClaimNode } from '../claim/claim.ref.js';
import { EventNode } from '../event/event.ref.js';
import { MediaItemNode } from '../media/media.ref.js';
import { OutletNode } from '../outlet/outlet.ref.js';
import { PlaceNode } from '../place/place.ref.js';
import {
  ActorKindEnum,
  AttributionRoleEnum,
  EventKindEnum,
  MediaKindEnum,
  OutletKindEnum,
  PlaceKindEnum,
  QuoteKindEnum,
  StanceValueEnum,
  StatementKindEnum,
  VenueEnum,
} from '../shared/enums.js';
import { JSONScalar } from '../shared/scalars.js';
import { StatementNode } from '../statement/statement.ref.js';
import {
  articleKeyByUrl,
  deletableLabels,
  deleteRecord,
  keyFor,
  listAuditEntries,
  outletKeyByDomain,
  type AuditRecord,
} from './write.cypher.js';

type SchemaTypesOf<B> = B extends PothosSchemaTypes.SchemaBuilder<infer T extends SchemaTypes> ? T : never;

builder.mutationType({
  description:
    'Writes, each validated and idempotent (upserts keyed on natural keys), through the same path as bundle imports. They need an API key: `Authorization: Bearer KEY` with the editor role (deletes: admin).',
});

// ---- expected failures, returned as data ----

interface ValidationErrorRecord {
  __typename: 'ValidationError';
  message: string;
  problems: BundleProblem[];
}
interface NotFoundErrorRecord {
  __typename: 'NotFoundError';
  message: string;
  path: string;
  kind: string;
  key: string;
}
interface ConflictErrorRecord {
  __typename: 'ConflictError';
  message: string;
}

const ProblemObject = builder.objectRef<BundleProblem>('InputProblem');
ProblemObject.implement({
  description: 'One problem with an input value.',
  fields: (t) => ({
    path: t.exposeString('path', { description: 'Where the bad value is, e.g. `input.stances[0].value`.' }),
    message: t.exposeString('message', { description: 'What is wrong with it.' }),
  }),
});

const ValidationErrorObject = builder.objectRef<ValidationErrorRecord>('ValidationError');
ValidationErrorObject.implement({
  description: 'The input is invalid; nothing was written.',
  fields: (t) => ({
    message: t.exposeString('message', { description: 'A summary of what is wrong.' }),
    problems: t.field({ type: [ProblemObject], description: 'Every problem, with its path.', resolve: (e) => e.problems }),
  }),
});

const NotFoundErrorObject = builder.objectRef<NotFoundErrorRecord>('NotFoundError');
NotFoundErrorObject.implement({
  description: 'The input refers to a record that does not exist; nothing was written.',
  fields: (t) => ({
    message: t.exposeString('message', { description: 'What was not found.' }),
    path: t.exposeString('path', { description: 'Where the reference is in the input.' }),
    kind: t.exposeString('kind', { description: 'The kind of record referred to (events, places, ...).' }),
    key: t.exposeString('key', { description: 'The key that names no record.' }),
  }),
});

const ConflictErrorObject = builder.objectRef<ConflictErrorRecord>('ConflictError');
ConflictErrorObject.implement({
  description: 'The write would break a unique key (an article URL already used by another article); nothing was written.',
  fields: (t) => ({ message: t.exposeString('message', { description: 'What conflicts.' }) }),
});

type WriteFailure = ValidationErrorRecord | NotFoundErrorRecord | ConflictErrorRecord;

/** Turns the write path's failures into typed results; anything else stays an error. */
function asFailure(error: unknown): WriteFailure {
  if (error instanceof BundleError) {
    const missing = error.problems.find((problem) => problem.missing);
    if (missing?.missing) {
      return {
        __typename: 'NotFoundError',
        message: missing.message,
        path: missing.path,
        kind: missing.missing.kind,
        key: missing.missing.id,
      };
    }
    return {
      __typename: 'ValidationError',
      message: `${error.problems.length} problem${error.problems.length === 1 ? '' : 's'} in the input`,
      problems: error.problems,
    };
  }
  if (error instanceof GraphQLError && error.extensions.code === ErrorCode.Conflict) {
    return { __typename: 'ConflictError', message: error.message };
  }
  throw error;
}

// ---- the write path ----

/** Bundle paths of the single record a mutation writes (`events[0].places[1]`) read as `input.places[1]`. */
function inputPaths(error: unknown, kind: RecordKind): unknown {
  if (!(error instanceof BundleError)) return error;
  const prefix = `${kind}[0]`;
  return new BundleError(
    error.file,
    error.problems.map((problem) => ({ ...problem, path: problem.path.replace(prefix, 'input') })),
  );
}

/** GraphQL hands explicit nulls to resolvers; a bundle leaves the field out instead. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, inner]) => inner !== null && inner !== undefined)
        .map(([name, inner]) => [name, withoutNulls(inner)]),
    );
  }
  return value;
}

function apiSource(ctx: Context) {
  const { name } = requireRole(ctx, 'editor');
  return {
    id: `api-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
    title: `Written through the API with the key "${name}"`,
    recordedAt: new Date().toISOString().slice(0, 10),
  };
}

async function writeOne(ctx: Context, kind: RecordKind, record: Record<string, unknown>): Promise<WriteFailure | null> {
  const source = apiSource(ctx);
  try {
    await importBundle(ctx.db, { source, [kind]: [withoutNulls(record)] }, 'input');
    return null;
  } catch (error) {
    return asFailure(inputPaths(error, kind));
  }
}

// ---- inputs, mirroring the bundle records (src/ingest/bundle-types.ts) ----

const keyDescription = 'The natural key (lowercase letters, digits and dashes); writing the same key again updates the record.';
const GeoPointInput = builder.inputType('GeoPointInput', {
  description: 'A WGS 84 position.',
  fields: (t) => ({
    latitude: t.float({ required: true, description: 'Degrees north, from -90 to 90.' }),
    longitude: t.float({ required: true, description: 'Degrees east, from -180 to 180.' }),
  }),
});

const NearInput = builder.inputType('NearInput', {
  description: 'How the place lies relative to another ("30 km S of Kirkuk").',
  fields: (t) => ({
    place: t.string({ required: true, description: 'Key of the reference place.' }),
    distanceKm: t.float({ description: 'Distance in kilometres.' }),
    direction: t.string({ description: 'Compass point from the reference place (N, NNE, ..., NNW).' }),
    note: t.string({ description: 'Where this comes from.' }),
  }),
});

const PlaceInput = builder.inputType('PlaceInput', {
  description: 'A place to create or update.',
  fields: (t) => ({
    key: t.string({ required: true, description: keyDescription }),
    name: t.string({ required: true, description: 'The common English name.' }),
    kind: t.field({ type: PlaceKindEnum, required: true, description: 'What kind of place.' }),
    countryCode: t.string({ description: 'ISO 3166-1 alpha-2 code.' }),
    location: t.field({ type: GeoPointInput, description: 'A representative point.' }),
    within: t.string({ description: 'Key of the enclosing place.' }),
    near: t.field({ type: [NearInput], description: 'Places this one is described relative to.' }),
    note: t.string({ description: 'How the record was read from its source.' }),
  }),
});

const RoleInput = builder.inputType('RoleInput', {
  description: 'A role in an organization: give exactly one of actor or outlet.',
  fields: (t) => ({
    actor: t.string({ description: 'Key of the actor (a ministry) the role is in.' }),
    outlet: t.string({ description: 'Key of the outlet (a blog) the role is in.' }),
    title: t.string({ required: true, description: 'The title of the role.' }),
    note: t.string({ description: 'Where the role comes from.' }),
  }),
});

const ActorInput = builder.inputType('ActorInput', {
  description: 'An actor to create or update.',
  fields: (t) => ({
    key: t.string({ required: true, description: keyDescription }),
    name: t.string({ required: true, description: 'The name most sources use.' }),
    kind: t.field({ type: ActorKindEnum, required: true, description: 'What kind of actor.' }),
    aliases: t.stringList({ description: 'Other names.' }),
    countryCode: t.string({ description: 'ISO 3166-1 alpha-2 code of its country.' }),
    roles: t.field({ type: [RoleInput], description: 'Roles it holds.' }),
    operates: t.stringList({ description: 'Keys of outlets it owns or runs.' }),
    note: t.string({ description: 'How the record was read from its source.' }),
  }),
});

const OutletInput = builder.inputType('OutletInput', {
  description: 'An outlet to create or update; without a key, an outlet already publishing on one of its domains is updated.',
  fields: (t) => ({
    key: t.string({ description: `${keyDescription} Optional: derived from the first domain.` }),
    name: t.string({ required: true, description: 'The outlet’s name.' }),
    kind: t.field({ type: OutletKindEnum, required: true, description: 'What kind of outlet.' }),
    domains: t.stringList({ description: 'Web domains it publishes on.' }),
    country: t.string({ description: 'ISO 3166-1 alpha-2 code of its home country.' }),
    stateAffiliation: t.string({ description: 'ISO 3166-1 alpha-2 code of the state that controls it.' }),
    note: t.string({ description: 'How the record was read from its source.' }),
  }),
});

const CitationInput = builder.inputType('CitationInput', {
  description: 'Something cited: give exactly one of article, outlet, actor or statement.',
  fields: (t) => ({
    article: t.string({ description: 'Key of a cited article.' }),
    outlet: t.string({ description: 'Key of a cited outlet.' }),
    actor: t.string({ description: 'Key of a cited actor.' }),
    statement: t.string({ description: 'Key of a cited statement (statements only).' }),
    via: t.string({ description: 'How it is cited, in the citing text’s words.' }),
    note: t.string({ description: 'How the citation was read (articles only).' }),
  }),
});

const ArticleInput = builder.inputType('ArticleInput', {
  description: 'An article to create or update; without a key, the article with the same URL is updated.',
  fields: (t) => ({
    key: t.string({ description: `${keyDescription} Optional when a URL is given.` }),
    outlet: t.string({ required: true, description: 'Key of the publishing outlet.' }),
    title: t.string({ required: true, description: 'The headline.' }),
    url: t.string({ description: 'The canonical http(s) URL.' }),
    publishedAt: t.string({ description: 'YYYY, YYYY-MM or YYYY-MM-DD.' }),
    language: t.string({ description: 'BCP 47 language tag.' }),
    cites: t.field({ type: [CitationInput], description: 'What it cites.' }),
    reports: t.stringList({ description: 'Keys of statements the article carries.' }),
    note: t.string({ description: 'How the record was read from its source.' }),
  }),
});

const EventInput = builder.inputType('EventInput', {
  description: 'An event to create or update.',
  fields: (t) => ({
    key: t.string({ required: true, description: keyDescription }),
    kind: t.field({ type: EventKindEnum, required: true, description: 'What kind of event.' }),
    title: t.string({ required: true, description: 'A short neutral title.' }),
    summary: t.string({ description: 'What is undisputed about it.' }),
    startDate: t.string({ required: true, description: 'YYYY, YYYY-MM or YYYY-MM-DD.' }),
    endDate: t.string({ description: 'YYYY, YYYY-MM or YYYY-MM-DD.' }),
    places: t.stringList({ description: 'Keys of the places where it occurred.' }),
    partOf: t.string({ description: 'Key of the larger event it is part of.' }),
    note: t.string({ description: 'How the record was read from its source.' }),
  }),
});

const AttributionInput = builder.inputType('AttributionInput', {
  description: 'A part in the event the claim attributes to an actor.',
  fields: (t) => ({
    actor: t.string({ required: true, description: 'Key of the actor.' }),
    role: t.field({ type: AttributionRoleEnum, required: true, description: 'The part attributed.' }),
  }),
});

const ClaimInput = builder.inputType('ClaimInput', {
  description: 'A claim to create or update.',
  fields: (t) => ({
    key: t.string({ required: true, description: keyDescription }),
    proposition: t.string({ required: true, description: 'The proposition, stated neutrally.' }),
    event: t.string({ required: true, description: 'Key of the event it is about.' }),
    casualtiesMin: t.int({ description: 'The lowest toll it states.' }),
    casualtiesMax: t.int({ description: 'The highest toll it states.' }),
    casualtiesText: t.string({ description: 'The toll in the source’s words.' }),
    attributesTo: t.field({ type: [AttributionInput], description: 'Parts it attributes to actors.' }),
    note: t.string({ description: 'How the record was read from its source.' }),
  }),
});

const StanceInput = builder.inputType('StanceInput', {
  description: 'The statement’s position on a claim.',
  fields: (t) => ({
    claim: t.string({ required: true, description: 'Key of the claim.' }),
    value: t.field({ type: StanceValueEnum, required: true, description: 'The position.' }),
    note: t.string({ description: 'How the position was read.' }),
  }),
});

const MentionInput = builder.inputType('MentionInput', {
  description: 'Something mentioned: give exactly one of actor, place, event or outlet.',
  fields: (t) => ({
    actor: t.string({ description: 'Key of a mentioned actor.' }),
    place: t.string({ description: 'Key of a mentioned place.' }),
    event: t.string({ description: 'Key of a mentioned event.' }),
    outlet: t.string({ description: 'Key of a mentioned outlet.' }),
  }),
});

const StatementInput = builder.inputType('StatementInput', {
  description: 'A statement to create or update, with its speaker, stances, the articles that carried it and what it cites.',
  fields: (t) => ({
    key: t.string({ required: true, description: keyDescription }),
    kind: t.field({ type: StatementKindEnum, required: true, description: 'What the statement does.' }),
    text: t.string({ required: true, description: 'What was said.' }),
    quote: t.field({ type: QuoteKindEnum, required: true, description: 'Verbatim, paraphrase or headline.' }),
    venue: t.field({ type: VenueEnum, description: 'Where it was said.' }),
    madeAt: t.string({ description: 'YYYY, YYYY-MM or YYYY-MM-DD.' }),
    speaker: t.string({ description: 'Key of the actor who said it.' }),
    onBehalfOf: t.string({ description: 'Key of the body the speaker spoke for.' }),
    addressedTo: t.stringList({ description: 'Keys of the actors it is addressed to.' }),
    firstAppearedIn: t.string({ description: 'Key of the article where it first appeared.' }),
    reportedIn: t.stringList({ description: 'Keys of articles that carried it.' }),
    respondsTo: t.stringList({ description: 'Keys of statements it answers.' }),
    stances: t.field({ type: [StanceInput], description: 'Its positions on claims.' }),
    about: t.stringList({ description: 'Keys of events it is about without a stance on a claim.' }),
    cites: t.field({ type: [CitationInput], description: 'What it cites as its basis.' }),
    mentions: t.field({ type: [MentionInput], description: 'What it mentions.' }),
    note: t.string({ description: 'How the record was read from its source.' }),
  }),
});

const DepictionInput = builder.inputType('DepictionInput', {
  description: 'What a media item shows: give exactly one of event or place.',
  fields: (t) => ({
    event: t.string({ description: 'Key of the event shown.' }),
    place: t.string({ description: 'Key of the place shown.' }),
    verified: t.boolean({ description: 'Verified (true), refuted (false) or unchecked (absent).' }),
    note: t.string({ description: 'The basis of the depiction.' }),
  }),
});

const MediaItemInput = builder.inputType('MediaItemInput', {
  description: 'A media item to create or update.',
  fields: (t) => ({
    key: t.string({ required: true, description: keyDescription }),
    kind: t.field({ type: MediaKindEnum, required: true, description: 'What kind of media.' }),
    caption: t.string({ description: 'The caption as published.' }),
    credit: t.string({ description: 'The credit line as published.' }),
    creditedTo: t.stringList({ description: 'Keys of the actors who made it.' }),
    distributedBy: t.string({ description: 'Key of the distributing outlet.' }),
    embeddedIn: t.stringList({ description: 'Keys of the articles that embed it.' }),
    depicts: t.field({ type: [DepictionInput], description: 'What it shows.' }),
    note: t.string({ description: 'How the record was read from its source.' }),
  }),
});

// ---- upsert mutations ----

interface Loadable<T> {
  getDataloader(ctx: Context): { clear(key: string): unknown; load(key: string): Promise<T | null> };
}

/** Writes one record under `key` (GraphQL's `key` is the bundle's `id`) and returns it, freshly loaded. */
async function upsert<T>(ctx: Context, kind: RecordKind, node: Loadable<T>, key: string, input: object): Promise<T | WriteFailure> {
  const { key: _key, ...fields } = input as { key?: unknown };
  const failure = await writeOne(ctx, kind, { id: key, ...fields });
  if (failure) return failure;
  const loader = node.getDataloader(ctx);
  loader.clear(key);
  const written = await loader.load(key);
  if (!written) throw new Error(`${kind} "${key}" was written but cannot be read back`);
  return written;
}

function missingKey(message: string): ValidationErrorRecord {
  return { __typename: 'ValidationError', message, problems: [{ path: 'input.key', message }] };
}

/** A readable, stable key from a URL or a domain ("rt-com", "www-bbc-co-uk-news-1234"). */
const keyFrom = (urlOrDomain: string) => slug(urlOrDomain.toLowerCase().replace(/^https?:\/\//, ''), 120);

function resultUnion<Member extends ObjectParam<SchemaTypesOf<typeof builder>>>(name: string, what: string, node: Member) {
  return builder.unionType(name, {
    description: `The ${what} as written, or why nothing was written.`,
    types: [node, ValidationErrorObject, NotFoundErrorObject, ConflictErrorObject],
    resolveType: (value) => (value as { __typename: string }).__typename,
  });
}


builder.mutationFields((t) => ({
  upsertEvent: t.field({
    type: resultUnion('UpsertEventResult', 'event', EventNode),
    description: 'Creates or updates an event by key.',
    args: { input: t.arg({ type: EventInput, required: true, description: 'The event.' }) },
    resolve: async (_root, { input }, ctx) => {
      const result = await upsert(ctx, 'events', EventNode, input.key, input);
      if (result.__typename === 'Event') await announce(ctx, { events: [input.key] });
      return result;
    },
  }),
  upsertPlace: t.field({
    type: resultUnion('UpsertPlaceResult', 'place', PlaceNode),
    description: 'Creates or updates a place by key.',
    args: { input: t.arg({ type: PlaceInput, required: true, description: 'The place.' }) },
    resolve: (_root, { input }, ctx) => upsert(ctx, 'places', PlaceNode, input.key, input),
  }),
  upsertActor: t.field({
    type: resultUnion('UpsertActorResult', 'actor', ActorNode),
    description: 'Creates or updates an actor by key, with its roles.',
    args: { input: t.arg({ type: ActorInput, required: true, description: 'The actor.' }) },
    resolve: (_root, { input }, ctx) => upsert(ctx, 'actors', ActorNode, input.key, input),
  }),
  upsertOutlet: t.field({
    type: resultUnion('UpsertOutletResult', 'outlet', OutletNode),
    description: 'Creates or updates an outlet by key, or, without one, by domain.',
    args: { input: t.arg({ type: OutletInput, required: true, description: 'The outlet.' }) },
    resolve: async (_root, { input }, ctx) => {
      requireRole(ctx, 'editor');
      const domains = input.domains ?? [];
      const key = input.key ?? (await keyFor(ctx, outletKeyByDomain, { domains })) ?? (domains[0] ? keyFrom(domains[0]) : null);
      return key ? upsert(ctx, 'outlets', OutletNode, key, input) : missingKey('Give a key or at least one domain.');
    },
  }),
  upsertArticle: t.field({
    type: resultUnion('UpsertArticleResult', 'article', ArticleNode),
    description: 'Creates or updates an article by key, or, without one, by canonical URL.',
    args: { input: t.arg({ type: ArticleInput, required: true, description: 'The article.' }) },
    resolve: async (_root, { input }, ctx) => {
      requireRole(ctx, 'editor');
      const url = input.url ?? undefined;
      const key = input.key ?? (url ? ((await keyFor(ctx, articleKeyByUrl, { url })) ?? keyFrom(url)) : null);
      return key ? upsert(ctx, 'articles', ArticleNode, key, input) : missingKey('Give a key or a URL.');
    },
  }),
  upsertStatement: t.field({
    type: resultUnion('UpsertStatementResult', 'statement', StatementNode),
    description: 'Creates or updates a statement by key, linking its speaker, stances, carriers and citations.',
    args: { input: t.arg({ type: StatementInput, required: true, description: 'The statement.' }) },
    resolve: async (_root, { input }, ctx) => {
      const result = await upsert(ctx, 'statements', StatementNode, input.key, input);
      if (result.__typename === 'Statement') await announce(ctx, { statements: [input.key] });
      return result;
    },
  }),
  upsertClaim: t.field({
    type: resultUnion('UpsertClaimResult', 'claim', ClaimNode),
    description: 'Creates or updates a claim by key.',
    args: { input: t.arg({ type: ClaimInput, required: true, description: 'The claim.' }) },
    resolve: async (_root, { input }, ctx) => {
      const result = await upsert(ctx, 'claims', ClaimNode, input.key, input);
      if (result.__typename === 'Claim') await announce(ctx, { events: [input.event] });
      return result;
    },
  }),
  upsertMediaItem: t.field({
    type: resultUnion('UpsertMediaItemResult', 'media item', MediaItemNode),
    description: 'Creates or updates a media item by key.',
    args: { input: t.arg({ type: MediaItemInput, required: true, description: 'The media item.' }) },
    resolve: (_root, { input }, ctx) => upsert(ctx, 'media', MediaItemNode, input.key, input),
  }),
}));

// ---- whole bundles ----

interface ImportSummaryRecord extends WriteSummary {
  __typename: 'ImportSummary';
}

const ImportSummaryObject = builder.objectRef<ImportSummaryRecord>('ImportSummary');
ImportSummaryObject.implement({
  description: 'What importing a bundle changed (all zero when it was already in the graph).',
  fields: (t) => ({
    nodesCreated: t.exposeInt('nodesCreated', { description: 'Records created.' }),
    relationshipsCreated: t.exposeInt('relationshipsCreated', { description: 'Links created.' }),
    propertiesSet: t.exposeInt('propertiesSet', { description: 'Properties written (including unchanged values).' }),
  }),
});

const ImportBundleResult = builder.unionType('ImportBundleResult', {
  description: 'What importing a bundle changed, or why nothing was written.',
  types: [ImportSummaryObject, ValidationErrorObject, NotFoundErrorObject, ConflictErrorObject],
  resolveType: (value) => value.__typename,
});

// ---- deletes, with an audit trail ----

const AuditEntryObject = builder.objectRef<AuditRecord>('AuditEntry');
AuditEntryObject.implement({
  description: 'A deletion: who removed what, when, and what it held.',
  fields: (t) => ({
    action: t.exposeString('action', { description: 'What was done (DELETE).' }),
    label: t.exposeString('label', { description: 'The kind of record (Event, Statement, ...).' }),
    key: t.exposeString('key', { description: 'The natural key of the record.' }),
    by: t.exposeString('by', { description: 'The name of the API key that did it.' }),
    at: t.exposeString('at', { description: 'When (ISO date-time).' }),
    relationships: t.exposeInt('relationships', { description: 'How many relationships were removed with it.' }),
    properties: t.field({
      type: JSONScalar,
      description: 'The record’s properties as they were.',
      resolve: (entry) => JSON.parse(entry.properties) as unknown,
    }),
  }),
});

const DeleteResult = builder.unionType('DeleteResult', {
  description: 'The audit entry of a deletion, or why nothing was deleted.',
  types: [AuditEntryObject, NotFoundErrorObject],
  resolveType: (value) => value.__typename,
});

builder.mutationFields((t) => ({
  importBundle: t.field({
    type: ImportBundleResult,
    description: 'Imports a document bundle (the format of seeds/) in one transaction: all of it or nothing.',
    args: { bundle: t.arg({ type: JSONScalar, required: true, description: 'The bundle, as JSON.' }) },
    resolve: async (_root, { bundle }, ctx) => {
      requireRole(ctx, 'editor');
      let summary: WriteSummary;
      try {
        summary = await importBundle(ctx.db, bundle, 'bundle');
      } catch (error) {
        return asFailure(error);
      }
      const { events = [], claims = [], statements = [] } = bundle as Bundle;
      await announce(ctx, {
        events: [...new Set([...events.map((e) => e.id), ...claims.map((c) => c.event)])],
        statements: statements.map((s) => s.id),
      });
      return { __typename: 'ImportSummary' as const, ...summary };
    },
  }),
  deleteRecord: t.field({
    type: DeleteResult,
    description: 'Deletes a record and its relationships (admin only), leaving an audit entry.',
    args: { id: t.arg.globalID({ required: true, description: 'The ID of the record to delete.' }) },
    resolve: async (_root, { id }, ctx) => {
      const { name } = requireRole(ctx, 'admin');
      const label = deletableLabels.find((candidate) => candidate === id.typename);
      if (!label) throw invalid(`Records of type ${id.typename} cannot be deleted.`, 'id');
      const entry = await deleteRecord(ctx, label, id.id, name);
      return entry ?? { __typename: 'NotFoundError' as const, message: `No ${label} with key "${id.id}".`, path: 'id', kind: label, key: id.id };
    },
  }),
}));

builder.queryField('auditEntries', (t) =>
  t.field({
    type: [AuditEntryObject],
    description: 'The newest deletions first (admin only).',
    args: { limit: t.arg.int({ description: 'How many entries (at most 100; default 20).' }) },
    resolve: async (_root, { limit }, ctx) => {
      requireRole(ctx, 'admin');
      const size = limit ?? 20;
      if (size < 1 || size > 100) throw invalid('"limit" must be between 1 and 100.', 'limit');
      return listAuditEntries(ctx, size);
    },
  }),
);
