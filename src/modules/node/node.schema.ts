import { builder } from '../../builder.js';

builder.queryType({
  description:
    'Entry points into the claimgraph: events, places, actors, outlets, articles, statements and claims, each as a filtered, cursor-paged list or by ID; full-text search; contested claims; neighbourhoods and paths for drawing; events by distance and area; time lines; and counts.',
});

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'How many items the whole connection holds (counted only when selected).',
    resolve: (connection) => connection.totalCount(),
  }),
);
