import type { UnionRef } from '@pothos/core';
import { builder, type BuilderTypes } from '../../builder.js';
import { citations } from '../../domain/citations.js';
import type { LinkField } from '../../domain/record.js';
import { actorRecord } from '../actor/actor.record.js';
import { mediaItemRecord } from '../media/media.record.js';
import { statementRecord } from '../statement/statement.record.js';
import { nodeRefOf } from './node-refs.js';
import type { AnyRecord } from './records.js';

/**
 * Relations whose far end is one of several kinds, each a union of the kinds its link field
 * declares. Every record carries its __typename, so the union resolves without another query.
 */
const byTypename = (record: AnyRecord) => record.__typename;


function targetUnion(field: LinkField): UnionRef<BuilderTypes, AnyRecord, AnyRecord> {
  const { name, description } = field.union!;
  const union = builder.unionType(name, {
    description,
    types: () => [...new Set(Object.values(field.targets))].map((label) => nodeRefOf(label as never)) as never[],
    resolveType: byTypename,
  });
  return union as unknown as UnionRef<BuilderTypes, AnyRecord, AnyRecord>;
}

export const OrganizationUnion = targetUnion(actorRecord.fields.roles);
export const CitedUnion = targetUnion(citations);
export const MentionedUnion = targetUnion(statementRecord.fields.mentions);
export const DepictedUnion = targetUnion(mediaItemRecord.fields.depicts);
