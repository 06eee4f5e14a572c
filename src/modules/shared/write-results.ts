import type { ObjectParam } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { builder, type BuilderTypes } from '../../builder.js';
import { ErrorCode } from '../../domain/errors.js';
import { BundleError, type BundleProblem } from '../../ingest/validate.js';

/** Expected failures of a write, returned as data in a result union (graphql-hive's way), never thrown. */
export interface ValidationErrorRecord {
  __typename: 'ValidationError';
  message: string;
  problems: BundleProblem[];
}
export interface NotFoundErrorRecord {
  __typename: 'NotFoundError';
  message: string;
  path: string;
  kind: string;
  key: string;
}
export interface ConflictErrorRecord {
  __typename: 'ConflictError';
  message: string;
}
export type WriteFailure = ValidationErrorRecord | NotFoundErrorRecord | ConflictErrorRecord;

const ProblemObject = builder.objectRef<BundleProblem>('InputProblem');
ProblemObject.implement({
  description: 'One problem with an input value.',
  fields: (t) => ({
    path: t.exposeString('path', { description: 'Where the bad value is, e.g. `input.stances[0].value`.' }),
    message: t.exposeString('message', { description: 'What is wrong with it.' }),
  }),
});

export const ValidationErrorObject = builder.objectRef<ValidationErrorRecord>('ValidationError');
ValidationErrorObject.implement({
  description: 'The input is invalid; nothing was written.',
  fields: (t) => ({
    message: t.exposeString('message', { description: 'A summary of what is wrong.' }),
    problems: t.field({ type: [ProblemObject], description: 'Every problem, with its path.', resolve: (e) => e.problems }),
  }),
});

export const NotFoundErrorObject = builder.objectRef<NotFoundErrorRecord>('NotFoundError');
NotFoundErrorObject.implement({
  description: 'The input refers to a record that does not exist; nothing was written.',
  fields: (t) => ({
    message: t.exposeString('message', { description: 'What was not found.' }),
    path: t.exposeString('path', { description: 'Where the reference is in the input.' }),
    kind: t.exposeString('kind', { description: 'The kind of record referred to (events, places, ...).' }),
    key: t.exposeString('key', { description: 'The key that names no record.' }),
  }),
});

export const ConflictErrorObject = builder.objectRef<ConflictErrorRecord>('ConflictError');
ConflictErrorObject.implement({
  description: 'The write would break a unique key (an article URL already used by another article); nothing was written.',
  fields: (t) => ({ message: t.exposeString('message', { description: 'What conflicts.' }) }),
});

export function validationError(problems: BundleProblem[]): ValidationErrorRecord {
  return { __typename: 'ValidationError', message: `${problems.length} problem${problems.length === 1 ? '' : 's'} in the input`, problems };
}

/** Turns the write path's failures into typed results; anything else stays an error. */
export function asFailure(error: unknown): WriteFailure {
  if (error instanceof BundleError) {
    const missing = error.problems.find((problem) => problem.missing);
    if (missing?.missing) {
      return { __typename: 'NotFoundError', message: missing.message, path: missing.path, kind: missing.missing.kind, key: missing.missing.id };
    }
    return validationError(error.problems);
  }
  if (error instanceof GraphQLError && error.extensions.code === ErrorCode.Conflict) {
    return { __typename: 'ConflictError', message: error.message };
  }
  throw error;
}


/** The union a write answers: what was written (`what` describes it), or why nothing was. */
export function writeResult<Member extends ObjectParam<BuilderTypes>>(name: string, what: string, written: Member) {
  return builder.unionType(name, {
    description: `${what}, or why nothing was written.`,
    types: [written, ValidationErrorObject, NotFoundErrorObject, ConflictErrorObject],
    resolveType: (value) => (value as { __typename: string }).__typename,
  });
}
