import { builder } from '../../builder.js';
import { ArticleNode } from '../article/article.ref.js';
import { StanceObject } from '../claim/claim.ref.js';
import { StanceValueEnum } from '../shared/enums.js';
import { sameIncidentArg } from '../shared/incident.js';
import { EventNode } from '../event/event.ref.js';
import { OutletNode } from '../outlet/outlet.ref.js';
import { StatementNode } from '../statement/statement.ref.js';
import { perSelection } from '../shared/lookahead.js';
import { coverageProjection, loadEventCoverage, loadOutletCoverage, type CoverageRecord, type ReportRecord } from './coverage.cypher.js';

const ReportObject = builder.objectRef<ReportRecord>('Report');

ReportObject.implement({
  description: 'One article carrying one statement, with the statement’s stances on the event’s claims.',
  fields: (t) => ({
    event: t.field({
      type: EventNode,
      description: 'The event record the statement is about: the one walked from, or another record of its incident (GDELT’s, ACLED’s).',
      resolve: (r) => r.event,
    }),
    article: t.field({ type: ArticleNode, description: 'The article that carried the statement.', resolve: (r) => r.article }),
    statement: t.field({ type: StatementNode, description: 'The statement carried.', resolve: (r) => r.statement }),
    stances: t.field({
      type: [StanceObject],
      description: 'The statement’s positions on claims about the event.',
      resolve: (r) => r.stances,
    }),
  }),
});

const CoverageObject = builder.objectRef<CoverageRecord>('Coverage');

CoverageObject.implement({
  description:
    'What one outlet carried about one event: its articles, the statements in them, and where they stand on the event’s claims.',
  fields: (t) => ({
    event: t.field({ type: EventNode, description: 'The event covered.', resolve: (c) => c.event }),
    outlet: t.field({ type: OutletNode, description: 'The outlet that covered it.', resolve: (c) => c.outlet }),
    articles: t.field({ type: [ArticleNode], description: 'The outlet’s articles carrying statements about the event.', resolve: (c) => c.articles }),
    reports: t.field({ type: [ReportObject], description: 'Each statement the outlet carried, with the article and stances.', resolve: (c) => c.reports }),
    stances: t.field({
      type: [StanceValueEnum],
      description: 'Every position the outlet’s reports take on the event’s claims (ASSERTS and DENIES when it carried both sides).',
      resolve: (c) => c.stances,
    }),
  }),
});


/** The walk's projection for a coverage field's selection (see coverageProjection). */
const projectionOf = perSelection((info) => coverageProjection(info, info.fieldNodes));

builder.objectField(EventNode, 'coverage', (t) =>
  t.field({
    type: [CoverageObject],
    description:
      'The walk: every outlet that carried a statement about this event (reporting it, accusing, denying), with its articles, the statements and their stances, by outlet name; with the events confirmed as the same incident by default, each outlet once.',
    args: {
      stances: t.arg({ type: [StanceValueEnum], description: 'Only reports whose statement takes one of these positions.' }),
      sameIncident: sameIncidentArg(t),
    },
    // An outlet's coverage of the incident is one entry, about the event asked for; each report says which record it came through.
    resolve: async (event, args, ctx, info) =>
      (await loadEventCoverage(ctx, event.id, args.stances ?? null, args.sameIncident ?? true, projectionOf(info))).map((coverage) => ({ ...coverage, event })),
  }),
);

builder.objectField(OutletNode, 'coverage', (t) =>
  t.loadableList({
    type: CoverageObject,
    byPath: true,
    description: 'The reverse walk: every event this outlet carried statements about, with its articles, statements and stances.',
    args: { stances: t.arg({ type: [StanceValueEnum], description: 'Only reports whose statement takes one of these positions.' }) },
    load: (ids: string[], ctx, args, info) => loadOutletCoverage(ctx, ids, args.stances ?? null, projectionOf(info)),
    resolve: (outlet) => outlet.id,
  }),
);
