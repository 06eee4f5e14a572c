import { ProvenanceObject, SourceNode } from './source.ref.js';

SourceNode.implement({
  description: 'A document or dataset that records were read from: the provenance of the graph.',
  fields: (t) => ({
    key: t.exposeString('id', { description: 'The natural key of the source.' }),
    title: t.exposeString('title', { description: 'The title of the source.' }),
    uri: t.exposeString('uri', { nullable: true, description: 'Where the source can be read: a URL or a path in the repository.' }),
    publishedAt: t.exposeString('publishedAt', { nullable: true, description: 'When the source was published (ISO date).' }),
    recordedAt: t.exposeString('recordedAt', { description: 'When the source was read into the graph (ISO date).' }),
    note: t.exposeString('note', { nullable: true, description: 'How the source was read.' }),
  }),
});

ProvenanceObject.implement({
  description: 'Where a record came from and when it was recorded.',
  fields: (t) => ({
    sources: t.field({
      type: [SourceNode],
      description: 'The sources the record was read from.',
      resolve: (record) => record.sources,
    }),
    recordedAt: t.exposeString('recordedAt', { nullable: true, description: 'When the record was first recorded (ISO date).' }),
    note: t.exposeString('note', {
      nullable: true,
      description: 'How the record was read from its source, and what in the source is ambiguous about it.',
    }),
  }),
});

