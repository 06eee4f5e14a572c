/**
 * @generated SignedSource<<be0932c6fd31c02083179925df1cdc2c>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type EventKind = "AIRSTRIKE" | "AIR_CAMPAIGN" | "ARMED_CLASH" | "ATTACK_ON_CIVILIANS" | "CIVILIAN_RETURN" | "DISPLACEMENT" | "EXPLOSION" | "GROUND_OPERATION" | "INVESTIGATION" | "MILITARY_CAMPAIGN" | "OTHER" | "PROTEST" | "SHELLING" | "USE_OF_FORCE" | "%future added value";
export type graphEventQuery$variables = {
  id: string;
};
export type graphEventQuery$data = {
  readonly event: {
    readonly id: string;
    readonly kind: EventKind;
    readonly title: string;
  } | null | undefined;
};
export type graphEventQuery = {
  response: graphEventQuery$data;
  variables: graphEventQuery$variables;
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
    "alias": null,
    "args": [
      {
        "kind": "Variable",
        "name": "id",
        "variableName": "id"
      }
    ],
    "concreteType": "Event",
    "kind": "LinkedField",
    "name": "event",
    "plural": false,
    "selections": [
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "id",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "title",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "kind",
        "storageKey": null
      }
    ],
    "storageKey": null
  }
];
return {
  "fragment": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Fragment",
    "metadata": null,
    "name": "graphEventQuery",
    "selections": (v1/*:: as any*/),
    "type": "Query",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "graphEventQuery",
    "selections": (v1/*:: as any*/)
  },
  "params": {
    "cacheID": "b25d058bc3a438072954016f2ba6c05b",
    "id": null,
    "metadata": {},
    "name": "graphEventQuery",
    "operationKind": "query",
    "text": "query graphEventQuery(\n  $id: ID!\n) {\n  event(id: $id) {\n    id\n    title\n    kind\n  }\n}\n"
  }
};
})();

(node as any).hash = "3820caf49ba9baf8104d2b0c8e642c3a";

export default node;
