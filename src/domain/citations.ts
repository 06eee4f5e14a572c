import { Label, Rel } from './graph.js';
import { linkObjects, MaxLength, text } from './record.js';

/** What an article or a statement cites as its basis: one declaration for both, so both read and write citations alike. */
export const citations = linkObjects(
  { article: Label.Article, outlet: Label.Outlet, actor: Label.Actor, statement: Label.Statement },
  {
    via: text({ max: MaxLength.text, description: 'How it is cited, in the citing text’s words.' }),
    note: text({ max: MaxLength.note, description: 'How the citation was read.' }),
  },
  {
    rel: Rel.CITES,
    description: 'What it cites as its basis.',
    input: { name: 'CitationInput', description: 'Something cited: give exactly one of article, outlet, actor or statement.' },
    union: { name: 'Cited', description: 'What an article or a statement cites: an article, an outlet, an actor or another statement.' },
  },
);
