import { builder } from '../../builder.js';
import { sameIncidentArg } from '../shared/incident.js';
import { graphNodeId } from '../../domain/global-id.js';
import { Rel } from '../../domain/graph.js';
import { toRecord } from '../node/records.js';
import { NodeKindEnum } from '../shared/enums.js';
import { JSONScalar } from '../shared/scalars.js';
import {
  DEFAULT_HOPS,
  DEFAULT_NODES,
  DEFAULT_PATHS,
  MAX_DEPTH,
  MAX_EDGES_PER_LEVEL,
  MAX_HOPS,
  MAX_NODES,
  MAX_PATHS,
  neighborhood,
  paths,
  type GraphEdgeRecord,
  type GraphNodeRecord,
  type SubgraphRecord,
} from './subgraph.cypher.js';

const relationshipMeanings: Record<Rel, string> = {
  [Rel.OCCURRED_IN]: 'An event took place in a place.',
  [Rel.PART_OF]: 'An event is part of a larger one; an actor is part of a larger body (an army of its state).',
  [Rel.MEMBER_OF]: 'An actor is a member of another (a state of a coalition).',
  [Rel.WITHIN]: 'A place lies within a larger one.',
  [Rel.NEAR]: 'A place is near another (with distanceKm and direction).',
  [Rel.HOLDS_ROLE]: 'An actor holds a role (title) in an actor or an outlet.',
  [Rel.OPERATES]: 'An actor runs an outlet.',
  [Rel.PUBLISHED]: 'An outlet published an article.',
  [Rel.CITES]: 'An article or statement cites something (with via).',
  [Rel.MADE]: 'An actor made a statement.',
  [Rel.ON_BEHALF_OF]: 'A statement was made on behalf of an actor.',
  [Rel.ADDRESSED_TO]: 'A statement is addressed to an actor.',
  [Rel.REPORTS]: 'An article carries a statement.',
  [Rel.FIRST_APPEARED_IN]: 'A statement first appeared in an article.',
  [Rel.RESPONDS_TO]: 'A statement answers another.',
  [Rel.MENTIONS]: 'A statement mentions an actor, place, event or outlet.',
  [Rel.ABOUT]: 'A claim, or a statement with no proposition, is about an event.',
  [Rel.ATTRIBUTES_TO]: 'A claim attributes a part in an event to an actor (with role).',
  [Rel.STANCE]: 'A statement takes a position on a claim (with value).',
  [Rel.EMBEDS]: 'An article embeds a media item.',
  [Rel.CREDITED_TO]: 'A media item is credited to an actor.',
  [Rel.DISTRIBUTED_BY]: 'A media item is distributed by an outlet.',
  [Rel.DEPICTS]: 'A media item depicts an event or a place (with verified, verifiedBy and method).',
  [Rel.NOT_DEPICTS]: 'A media item does not show an event although it appears beside its reporting (with note).',
  [Rel.IDENTIFIES]: 'An id in another dataset (GDELT, ACLED) identifies a record.',
  [Rel.MATCHES]: 'Two events may be, or are, the same incident (with status, score and reasons).',
  [Rel.SAME_INCIDENT]: 'Two events are one incident: confirmed matches, directly or through others.',
};

const RelationshipTypeEnum = builder.enumType('RelationshipType', {
  description: 'The kinds of relationship the graph holds.',
  values: Object.fromEntries(Object.entries(relationshipMeanings).map(([type, description]) => [type, { value: type as Rel, description }])),
});

const GraphNodeObject = builder.objectRef<GraphNodeRecord>('GraphNode');

GraphNodeObject.implement({
  description: 'A node of a drawn graph: a record, with what to show on it and all its stored properties.',
  fields: (t) => ({
    id: t.id({
      description: 'This node’s own ID, the same in every graph it is drawn in (not the record’s: see record); edges name it as source or target.',
      resolve: (n) => graphNodeId(n.id),
    }),
    record: t.field({
      type: builder.nodeInterfaceRef(),
      description: 'The record drawn, with its global ID (read from the node already loaded, no further query).',
      resolve: (n) => toRecord(n.kind, n.properties) as never,
    }),
    kind: t.field({ type: NodeKindEnum, description: 'What kind of record it is.', resolve: (n) => n.kind }),
    label: t.exposeString('label', { description: 'A short caption: its name, title, proposition, caption or text (cut at 80 characters).' }),
    properties: t.field({ type: JSONScalar, description: 'Every stored property of the record.', resolve: (n) => n.properties }),
  }),
});

const GraphEdgeObject = builder.objectRef<GraphEdgeRecord>('GraphEdge');

GraphEdgeObject.implement({
  description: 'An edge of a drawn graph: a relationship, directed from source to target.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The relationship’s ID, stable for the life of the database.' }),
    type: t.field({ type: RelationshipTypeEnum, description: 'What kind of relationship it is.', resolve: (e) => e.type }),
    source: t.id({ description: 'The ID of the graph node it starts from.', resolve: (e) => graphNodeId(e.source) }),
    target: t.id({ description: 'The ID of the graph node it points to.', resolve: (e) => graphNodeId(e.target) }),
    properties: t.field({ type: JSONScalar, description: 'Every stored property of the relationship (via, value, role, ...).', resolve: (e) => e.properties }),
  }),
});

const SubgraphObject = builder.objectRef<SubgraphRecord>('Subgraph');

SubgraphObject.implement({
  description:
    'Part of the graph as nodes and edges, the node-link shape Cytoscape.js (as elements), Sigma/graphology and D3 load directly. Every edge’s ends are among the nodes.',
  fields: (t) => ({
    nodes: t.field({ type: [GraphNodeObject], description: 'The records.', resolve: (g) => g.nodes }),
    edges: t.field({ type: [GraphEdgeObject], description: 'The relationships between them.', resolve: (g) => g.edges }),
    truncated: t.exposeBoolean('truncated', { description: 'Whether a cap cut the result short: more of the graph matches than is returned.' }),
  }),
});

builder.queryFields((t) => ({
  neighborhood: t.field({
    type: SubgraphObject,
    description: `The records within a few relationships of one record, in either direction, for drawing. Walks at most ${MAX_DEPTH} levels and ${MAX_EDGES_PER_LEVEL} relationships per level; a NOT_FOUND error when the ID names nothing.`,
    args: {
      id: t.arg.globalID({ required: true, description: 'The ID of the record at the centre.' }),
      depth: t.arg.int({ description: `How many relationships away to go, 0 to ${MAX_DEPTH} (default 1).` }),
      relationshipTypes: t.arg({ type: [RelationshipTypeEnum], description: 'Only follow relationships of these types (all when omitted).' }),
      nodeKinds: t.arg({ type: [NodeKindEnum], description: 'Only reach records of these kinds (all when omitted); the centre is always included.' }),
      limit: t.arg.int({ description: `At most this many nodes, 1 to ${MAX_NODES} (default ${DEFAULT_NODES}); nearer ones first.` }),
      sameIncident: sameIncidentArg(t),
    },
    resolve: (_root, args, ctx) => neighborhood(ctx, args),
  }),
  paths: t.field({
    type: SubgraphObject,
    description: `The shortest paths between two records, in either direction, shortest first, merged into one graph; NOT_FOUND when an ID names nothing.`,
    args: {
      from: t.arg.globalID({ required: true, description: 'The ID of the record to start from.' }),
      to: t.arg.globalID({ required: true, description: 'The ID of the record to reach.' }),
      maxHops: t.arg.int({ description: `The longest path to consider, 1 to ${MAX_HOPS} relationships (default ${DEFAULT_HOPS}).` }),
      limit: t.arg.int({ description: `At most this many paths, 1 to ${MAX_PATHS} (default ${DEFAULT_PATHS}).` }),
    },
    resolve: (_root, args, ctx) => paths(ctx, args),
  }),
}));
