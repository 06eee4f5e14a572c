/**
 * Sort keys of the keyset-paged lists: string expressions over `n`, ties broken by `n.id`.
 * Dated records come oldest first and undated ones last ('~' sorts after any ISO date).
 */
export const EVENT_SORT = 'toString(n.startDate)';
export const STATEMENT_SORT = "coalesce(toString(n.madeAt), '~')";
export const ARTICLE_SORT = "coalesce(toString(n.publishedAt), '~')";
export const NAME_SORT = 'n.name';
export const ID_SORT = 'n.id';
/** Statements by when they were made and articles by when they were published, on one time line. */
export const TIMELINE_SORT = "coalesce(toString(n.madeAt), toString(n.publishedAt), '~')";
