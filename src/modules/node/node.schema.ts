import { builder } from '../../builder.js';

builder.queryType({
  description:
    'Entry points into the claimgraph: events, places, actors, outlets, articles, statements and claims, each as a filtered, cursor-paged list or by ID; full-text search; contested claims; neighbourhoods and paths for drawing; events by distance and area; time lines; and counts.',
});

builder.mutationType({
  description:
    'Writes, each validated and idempotent (upserts keyed on natural keys), through the same path as bundle imports. A field left out of an upsert is left unchanged; an explicit null clears it. They need an API key: `Authorization: Bearer KEY` with the editor role (deletes: admin).',
});

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'How many items the whole connection holds (counted only when selected).',
    resolve: (connection) => connection.totalCount(),
  }),
);
