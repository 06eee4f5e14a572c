/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What kind of media outlet this is. */
export type OutletKind =
  /** A blog. */
  | 'BLOG'
  /** A television or radio broadcaster. */
  | 'BROADCASTER'
  /** A digital-only news publisher. */
  | 'DIGITAL'
  /** A government’s own publications. */
  | 'GOVERNMENT'
  /** A newspaper or magazine. */
  | 'NEWSPAPER'
  /** An NGO’s own publications. */
  | 'NGO'
  /** An account on a social network. */
  | 'SOCIAL_MEDIA'
  /** Media funded and controlled by a state. */
  | 'STATE_MEDIA'
  /** A news agency (Reuters, AP, AFP). */
  | 'WIRE';

/** The position a statement takes on a claim. */
export type StanceValue =
  /** The statement says the claim is true. */
  | 'ASSERTS'
  /** The statement asks for the claim to be investigated or verified. */
  | 'CALLS_TO_VERIFY'
  /** The statement says the claim is false. */
  | 'DENIES'
  /** The statement casts doubt on the claim (its evidence, its motive) without denying it. */
  | 'DISPUTES';

/** What a statement does. */
export type StatementKind =
  /** Says someone did something wrong. */
  | 'ACCUSATION'
  /** Asks for an inquiry. */
  | 'CALL_FOR_INVESTIGATION'
  /** States something as fact. */
  | 'CLAIM'
  /** An opinion or remark. */
  | 'COMMENT'
  /** Acknowledges or confirms something (responsibility, a toll). */
  | 'CONFIRMATION'
  /** Rejects an accusation or a claim. */
  | 'DENIAL';

export type WalkQueryVariables = Exact<{
  event: string | number;
  stances?: Array<StanceValue> | StanceValue | null | undefined;
}>;


export type WalkQuery = { event: { id: string, key: string, title: string, coverage: Array<{ stances: Array<StanceValue>, outlet: { id: string, key: string, name: string, kind: OutletKind, stateAffiliation: string | null }, articles: Array<{ key: string, title: string }>, reports: Array<{ article: { key: string }, statement: { key: string, kind: StatementKind, speaker: { key: string, name: string } | null, onBehalfOf: { key: string } | null }, stances: Array<{ value: StanceValue, claim: { key: string } }> }> }> } | null };


export const WalkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Walk"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"event"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"stances"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StanceValue"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"event"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"coverage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"stances"},"value":{"kind":"Variable","name":{"kind":"Name","value":"stances"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outlet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"stateAffiliation"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stances"}},{"kind":"Field","name":{"kind":"Name","value":"articles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"speaker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"onBehalfOf"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"stances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"claim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<WalkQuery, WalkQueryVariables>;