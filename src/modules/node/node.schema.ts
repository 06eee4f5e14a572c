import { builder } from '../../builder.js';

builder.queryType({
  description:
    'Entry points into the claimgraph: events, places, actors, outlets, articles, statements and claims, each as a filtered, cursor-paged list or by ID.',
});

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'How many items the whole connection holds (counted only when selected).',
    resolve: (connection) => connection.totalCount(),
  }),
);
