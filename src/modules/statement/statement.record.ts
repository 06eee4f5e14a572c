import { citations } from '../../domain/citations.js';
import { Label, Rel } from '../../domain/graph.js';
import { date, defineRecord, externalIds, link, linkObjects, links, MaxLength, note, text, vocabulary } from '../../domain/record.js';

export const statementRecord = defineRecord({
  kind: 'statements',
  label: Label.Statement,
  typename: 'Statement',
  nodeKind: { value: 'STATEMENT', description: 'Something someone said or wrote.' },
  input: { name: 'StatementInput', description: 'A statement to create or update, with its speaker, stances, the articles that carried it and what it cites.' },
  fields: {
    kind: vocabulary('StatementKind', { required: true, description: 'What the statement does.' }),
    text: text({ required: true, max: MaxLength.text, description: 'What was said.' }),
    quote: vocabulary('QuoteKind', { required: true, description: 'How faithfully the text reproduces what was said.' }),
    venue: vocabulary('Venue', { description: 'Where it was made.' }),
    madeAt: date({ description: 'When it was made: YYYY, YYYY-MM or YYYY-MM-DD.' }),
    speaker: link(Label.Actor, { rel: Rel.MADE, direction: 'in', description: 'Key of the actor who made it.' }),
    onBehalfOf: link(Label.Actor, { rel: Rel.ON_BEHALF_OF, description: 'Key of the actor it was made for (a ministry for its spokesperson).' }),
    addressedTo: links(Label.Actor, { rel: Rel.ADDRESSED_TO, description: 'Keys of the actors it is addressed to.' }),
    // Every carrier answers the walk, the first one included.
    firstAppearedIn: link(Label.Article, {
      rel: Rel.FIRST_APPEARED_IN,
      implies: { rel: Rel.REPORTS, direction: 'in' },
      description: 'Key of the article where it first appeared (which is also counted as reporting it).',
    }),
    reportedIn: links(Label.Article, { rel: Rel.REPORTS, direction: 'in', description: 'Keys of articles that carried it.' }),
    respondsTo: links(Label.Statement, { rel: Rel.RESPONDS_TO, acyclic: true, description: 'Keys of statements it answers.' }),
    stances: linkObjects(
      { claim: Label.Claim },
      {
        value: vocabulary('StanceValue', { required: true, description: 'The position.' }),
        note: text({ max: MaxLength.note, description: 'How the position was read.' }),
      },
      { rel: Rel.STANCE, description: 'Its positions on claims.', input: { name: 'StanceInput', description: 'The statement’s position on a claim.' } },
    ),
    about: links(Label.Event, { rel: Rel.ABOUT, description: 'Keys of events it is about without a stance on a claim.' }),
    cites: citations,
    mentions: linkObjects(
      { actor: Label.Actor, place: Label.Place, event: Label.Event, outlet: Label.Outlet },
      {},
      {
        rel: Rel.MENTIONS,
        description: 'What it mentions.',
        input: { name: 'MentionInput', description: 'Something mentioned: give exactly one of actor, place, event or outlet.' },
        union: { name: 'Mentioned', description: 'What a statement mentions: an actor, a place, an event or an outlet.' },
      },
    ),
    externalIds: externalIds('Ids of this statement in other datasets ("gdelt:599912346").'),
    note: note(),
  },
});
