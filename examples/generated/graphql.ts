/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

export type StatementsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type StatementsQuery = { statements: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { key: string, kind: StatementKind, madeAt: string | null, speaker: { name: string } | null } }> } | null };

export type WalkQueryVariables = Exact<{
  event: string | number;
}>;


export type WalkQuery = { event: { title: string, startDate: string, coverage: Array<{ stances: Array<StanceValue>, outlet: { name: string, stateAffiliation: string | null }, reports: Array<{ statement: { kind: StatementKind, speaker: { name: string } | null }, stances: Array<{ value: StanceValue, claim: { key: string } }> }> }> } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const StatementsDocument = new TypedDocumentString(`
    query Statements($first: Int, $after: String) {
  statements(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        key
        kind
        madeAt
        speaker {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StatementsQuery, StatementsQueryVariables>;
export const WalkDocument = new TypedDocumentString(`
    query Walk($event: ID!) {
  event(id: $event) {
    title
    startDate
    coverage {
      outlet {
        name
        stateAffiliation
      }
      stances
      reports {
        statement {
          kind
          speaker {
            name
          }
        }
        stances {
          value
          claim {
            key
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WalkQuery, WalkQueryVariables>;