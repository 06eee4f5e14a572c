import type { SortKey } from '../../db/pagination.js';

/**
 * The sort keys of the keyset-paged lists (see SortKey). Keys sorted as text put dated records
 * oldest first and undated ones last ('~' sorts after any ISO date).
 */
export function textKey(expression: string): SortKey {
  return { order: expression, text: expression, key: 'text' };
}

export const EVENT_SORT: SortKey = {
  order: 'n.startDate',
  text: 'toString(n.startDate)',
  key: 'date',
  bounds: { lowest: 'date({year: -999999999})', highest: 'date({year: 999999999, month: 12, day: 31})' },
};
export const STATEMENT_SORT = textKey("coalesce(toString(n.madeAt), '~')");
export const ARTICLE_SORT = textKey("coalesce(toString(n.publishedAt), '~')");
export const NAME_SORT = textKey('n.name');
export const ID_SORT = textKey('n.id');
