/**
 * @generated SignedSource<<8c12e3e8c355a77ede60301f0a6448d3>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type NodeKind = "ACTOR" | "ARTICLE" | "CLAIM" | "EVENT" | "MEDIA_ITEM" | "OUTLET" | "PLACE" | "SOURCE" | "STATEMENT" | "%future added value";
export type RelationshipType = "ABOUT" | "ADDRESSED_TO" | "ATTRIBUTES_TO" | "CITES" | "CREDITED_TO" | "DEPICTS" | "DISTRIBUTED_BY" | "EMBEDS" | "FIRST_APPEARED_IN" | "HOLDS_ROLE" | "IDENTIFIES" | "MADE" | "MATCHES" | "MEMBER_OF" | "MENTIONS" | "NEAR" | "NOT_DEPICTS" | "OCCURRED_IN" | "ON_BEHALF_OF" | "OPERATES" | "PART_OF" | "PUBLISHED" | "REPORTS" | "RESPONDS_TO" | "SAME_INCIDENT" | "STANCE" | "WITHIN" | "%future added value";
export type graphNeighborhoodQuery$variables = {
  id: string;
};
export type graphNeighborhoodQuery$data = {
  readonly neighborhood: {
    readonly edges: ReadonlyArray<{
      readonly id: string;
      readonly source: string;
      readonly target: string;
      readonly type: RelationshipType;
    }>;
    readonly nodes: ReadonlyArray<{
      readonly id: string;
      readonly kind: NodeKind;
      readonly label: string;
      readonly record: {
        readonly id: string;
      };
    }>;
  };
};
export type graphNeighborhoodQuery = {
  response: graphNeighborhoodQuery$data;
  variables: graphNeighborhoodQuery$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "id"
  }
],
v1 = [
  {
    "kind": "Literal",
    "name": "depth",
    "value": 1
  },
  {
    "kind": "Variable",
    "name": "id",
    "variableName": "id"
  }
],
v2 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "id",
  "storageKey": null
},
v3 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "kind",
  "storageKey": null
},
v4 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "label",
  "storageKey": null
},
v5 = {
  "alias": null,
  "args": null,
  "concreteType": "GraphEdge",
  "kind": "LinkedField",
  "name": "edges",
  "plural": true,
  "selections": [
    (v2/*:: as any*/),
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "type",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "source",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "target",
      "storageKey": null
    }
  ],
  "storageKey": null
};
return {
  "fragment": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Fragment",
    "metadata": null,
    "name": "graphNeighborhoodQuery",
    "selections": [
      {
        "alias": null,
        "args": (v1/*:: as any*/),
        "concreteType": "Subgraph",
        "kind": "LinkedField",
        "name": "neighborhood",
        "plural": false,
        "selections": [
          {
            "alias": null,
            "args": null,
            "concreteType": "GraphNode",
            "kind": "LinkedField",
            "name": "nodes",
            "plural": true,
            "selections": [
              (v2/*:: as any*/),
              (v3/*:: as any*/),
              (v4/*:: as any*/),
              {
                "alias": null,
                "args": null,
                "concreteType": null,
                "kind": "LinkedField",
                "name": "record",
                "plural": false,
                "selections": [
                  (v2/*:: as any*/)
                ],
                "storageKey": null
              }
            ],
            "storageKey": null
          },
          (v5/*:: as any*/)
        ],
        "storageKey": null
      }
    ],
    "type": "Query",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "graphNeighborhoodQuery",
    "selections": [
      {
        "alias": null,
        "args": (v1/*:: as any*/),
        "concreteType": "Subgraph",
        "kind": "LinkedField",
        "name": "neighborhood",
        "plural": false,
        "selections": [
          {
            "alias": null,
            "args": null,
            "concreteType": "GraphNode",
            "kind": "LinkedField",
            "name": "nodes",
            "plural": true,
            "selections": [
              (v2/*:: as any*/),
              (v3/*:: as any*/),
              (v4/*:: as any*/),
              {
                "alias": null,
                "args": null,
                "concreteType": null,
                "kind": "LinkedField",
                "name": "record",
                "plural": false,
                "selections": [
                  {
                    "alias": null,
                    "args": null,
                    "kind": "ScalarField",
                    "name": "__typename",
                    "storageKey": null
                  },
                  (v2/*:: as any*/)
                ],
                "storageKey": null
              }
            ],
            "storageKey": null
          },
          (v5/*:: as any*/)
        ],
        "storageKey": null
      }
    ]
  },
  "params": {
    "cacheID": "3ec7507e4e7090bde23284047b258ad7",
    "id": null,
    "metadata": {},
    "name": "graphNeighborhoodQuery",
    "operationKind": "query",
    "text": "query graphNeighborhoodQuery(\n  $id: ID!\n) {\n  neighborhood(id: $id, depth: 1) {\n    nodes {\n      id\n      kind\n      label\n      record {\n        __typename\n        id\n      }\n    }\n    edges {\n      id\n      type\n      source\n      target\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "a8a121b3215545746cb5e0c17bb7b84e";

export default node;
