import { builder } from '../../builder.js';
import { invalid } from '../../domain/errors.js';
import { checkedId } from '../../domain/global-id.js';
import { keyName } from '../../http/auth.js';
import type { Bundle } from '../../ingest/bundle-types.js';
import { changedAnything, importBundle, type WriteSummary } from '../../ingest/write.js';
import { eventsTouched, resolveWritten } from '../../ingest/resolve-written.js';
import { announce } from '../live/announce.js';
import { JSONScalar } from '../shared/scalars.js';
import { asFailure, NotFoundErrorObject, writeResult } from '../shared/write-results.js';
import { deletableLabels, deleteRecord, listAuditEntries, type AuditRecord } from './write.cypher.js';

/** Writes beyond a single record (each record's upsert lives in its module): whole bundles, deletes and their audit trail. */

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
    relationshipsDeleted: t.exposeInt('relationshipsDeleted', { description: 'Links removed (by a field given as null, or a single link replaced).' }),
    propertiesSet: t.exposeInt('propertiesSet', { description: 'Properties whose value changed.' }),
  }),
});

const ImportBundleResult = writeResult('ImportBundleResult', 'What importing a bundle changed', ImportSummaryObject);

// ---- deletes, with an audit trail ----

const AuditEntryObject = builder.objectRef<AuditRecord>('AuditEntry');
AuditEntryObject.implement({
  description: 'A deletion or a merge: who changed what, when, and what it held, so that it can be undone.',
  fields: (t) => ({
    action: t.exposeString('action', { description: 'What was done: DELETE, MERGE (into `mergedInto`), NORMALIZE_DOMAINS (an outlet’s domains rewritten as registrable domains), MATCH_CONFIRMED, MATCH_CANDIDATE, MATCH_REJECTED, MATCH_REOPENED or MATCH_WITHDRAWN (a pair of events, `key` holding both), or STATEMENT_ATTACHED (a statement imported before its event, attached to it by the resolver).' }),
    label: t.exposeString('label', { description: 'The kind of record (Event, Statement, ...).' }),
    key: t.exposeString('key', { description: 'The natural key of the record.' }),
    by: t.exposeString('by', { description: 'The name of the API key, or the command and user, that did it.' }),
    at: t.exposeString('at', { description: 'When (ISO date-time).' }),
    relationships: t.exposeInt('relationships', { description: 'How many relationships were removed with it, or moved by a merge.' }),
    properties: t.field({
      type: JSONScalar,
      description: 'The record’s properties as they were.',
      resolve: (entry) => JSON.parse(entry.properties) as unknown,
    }),
    mergedInto: t.exposeString('mergedInto', { nullable: true, description: 'For a merge: the natural key of the record this one became part of.' }),
    movedRelationships: t.field({
      type: JSONScalar,
      nullable: true,
      description: 'For a merge: each relationship the merged record had (type, direction, the other end’s key and label, properties), as moved to the kept record.',
      resolve: (entry) => (entry.movedRelationships ? (JSON.parse(entry.movedRelationships) as unknown) : null),
    }),
    keptBefore: t.field({
      type: JSONScalar,
      nullable: true,
      description: 'For a merge: what the kept record held before it (domains and sources), to restore it.',
      resolve: (entry) => (entry.keptBefore ? (JSON.parse(entry.keptBefore) as unknown) : null),
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
    authScopes: { role: 'editor' },
    args: { bundle: t.arg({ type: JSONScalar, required: true, description: 'The bundle, as JSON.' }) },
    resolve: async (_root, { bundle }, ctx) => {
      let summary: WriteSummary;
      try {
        summary = await importBundle(ctx.db, bundle, 'bundle');
      } catch (error) {
        return asFailure(error);
      }
      if (changedAnything(summary)) {
        await resolveWritten(ctx.db, eventsTouched(bundle as Bundle));
        const { events = [], claims = [], statements = [] } = bundle as Bundle;
        await announce(ctx, { events: events.map((e) => e.id), claims: claims.map((c) => c.id), statements: statements.map((s) => s.id) });
      }
      return { __typename: 'ImportSummary' as const, ...summary };
    },
  }),
  deleteRecord: t.field({
    type: DeleteResult,
    description: 'Deletes a record and its relationships (admin only), leaving an audit entry.',
    authScopes: { role: 'admin' },
    args: { id: t.arg.globalID({ required: true, description: 'The ID of the record to delete.' }) },
    resolve: async (_root, { id }, ctx) => {
      const name = keyName(ctx.principal);
      const label = deletableLabels.find((candidate) => candidate === checkedId(id, 'id').typename);
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
    authScopes: { role: 'admin' },
    args: { limit: t.arg.int({ description: 'How many entries (at most 100; default 20).' }) },
    resolve: async (_root, { limit }, ctx) => {
      const size = limit ?? 20;
      if (size < 1 || size > 100) throw invalid('"limit" must be between 1 and 100.', 'limit');
      return listAuditEntries(ctx, size);
    },
  }),
);
