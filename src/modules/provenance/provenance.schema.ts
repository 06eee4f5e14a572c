import { builder } from '../../builder.js';
import { ActorNode } from '../actor/actor.ref.js';
import { ArticleNode } from '../article/article.ref.js';
import { CitedUnion } from '../node/unions.js';
import { StatementNode } from '../statement/statement.ref.js';
import { loadProvenanceChains, MAX_CITATION_HOPS, type ProvenanceChainRecord, type ProvenanceStepRecord } from './provenance.cypher.js';

const ProvenanceStepObject = builder.objectRef<ProvenanceStepRecord>('ProvenanceStep');

ProvenanceStepObject.implement({
  description: 'One citation on a statement’s way back to its origin: an article citing another article, or the origin citing who spoke.',
  fields: (t) => ({
    from: t.field({ type: ArticleNode, description: 'The citing article.', resolve: (s) => s.from }),
    to: t.field({ type: CitedUnion, description: 'What it cites: the next article, or the speaker or body the origin cites.', resolve: (s) => s.to as never }),
    via: t.exposeString('via', { nullable: true, description: 'How it cites, in the citing text’s words ("Read more ....").' }),
  }),
});

const ProvenanceChainObject = builder.objectRef<ProvenanceChainRecord>('ProvenanceChain');

ProvenanceChainObject.implement({
  description:
    'How one article that carried a statement leads back through citations to where the statement first appeared, and to who said it for whom (the WNU post, then RT, then the Russian Ministry of Defence).',
  fields: (t) => ({
    carriedBy: t.field({ type: ArticleNode, description: 'The article that carried the statement, where the chain starts.', resolve: (c) => c.carriedBy }),
    steps: t.field({
      type: [ProvenanceStepObject],
      description: `The citations followed, in order: article to article up to the origin (at most ${MAX_CITATION_HOPS}), then the origin’s citation of the speaker or the body spoken for. Empty when the carrier is the origin and cites no one.`,
      resolve: (c) => c.steps,
    }),
    firstAppearedIn: t.field({
      type: ArticleNode,
      nullable: true,
      description: 'Where the statement first appeared, when the citations lead there; null when they do not (or it is not known).',
      resolve: (c) => c.firstAppearedIn,
    }),
    speaker: t.field({ type: ActorNode, nullable: true, description: 'Who made the statement.', resolve: (c) => c.speaker }),
    onBehalfOf: t.field({ type: ActorNode, nullable: true, description: 'The body the speaker spoke for.', resolve: (c) => c.onBehalfOf }),
  }),
});

builder.objectField(StatementNode, 'provenanceChains', (t) =>
  t.loadableList({
    type: ProvenanceChainObject,
    description:
      'For each article that carried the statement (oldest first), the chain of citations back to where it first appeared and to who said it. (`provenance` is where the record itself was read from.)',
    load: (ids: string[], ctx) => loadProvenanceChains(ctx, ids),
    resolve: (statement) => statement.id,
  }),
);
