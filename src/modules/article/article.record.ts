import { citations } from '../../domain/citations.js';
import { Label, Rel } from '../../domain/graph.js';
import { date, defineRecord, link, links, MaxLength, note, text } from '../../domain/record.js';

export const articleRecord = defineRecord({
  kind: 'articles',
  label: Label.Article,
  typename: 'Article',
  nodeKind: { value: 'ARTICLE', description: 'A piece an outlet published.' },
  input: { name: 'ArticleInput', description: 'An article to create or update; without a key, the article with the same URL is updated.' },
  keyOptional: 'Optional when a URL is given: found from, or else made from, the URL.',
  fields: {
    outlet: link(Label.Outlet, { rel: Rel.PUBLISHED, direction: 'in', required: true, description: 'Key of the publishing outlet.' }),
    title: text({ required: true, max: MaxLength.title, description: 'The headline.' }),
    url: text({ max: MaxLength.url, pattern: /^https?:\/\/\S+$/, hint: 'an http(s) URL', description: 'The canonical http(s) URL.' }),
    publishedAt: date({ description: 'When it was published: YYYY, YYYY-MM or YYYY-MM-DD.' }),
    language: text({ max: 35, pattern: /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, hint: 'a BCP 47 tag such as en or ar-IQ', description: 'BCP 47 language tag.' }),
    cites: citations,
    reports: links(Label.Statement, { rel: Rel.REPORTS, description: 'Keys of statements the article carries.' }),
    note: note(),
  },
});
