import { request } from './api';
import { formatDate } from './dates';
import { el, empty, failure, highlighted, link, loading } from './dom';
import { ExplorerSearchDocument, type ExplorerSearchQuery } from './generated/graphql';

type Hit = NonNullable<ExplorerSearchQuery['search']>['edges'][number]['node'];

/** Where a hit leads: events and claims have views of their own; anything else, its neighbourhood. */
export function hrefOf(record: Hit['record']): string {
  if (record.__typename === 'Event') return `/explore/event/${encodeURIComponent(record.key)}`;
  if (record.__typename === 'Claim') return `/explore/claim/${encodeURIComponent(record.key)}`;
  return `/explore/node/${encodeURIComponent(record.id)}`;
}

function titleOf(record: Hit['record']): string {
  switch (record.__typename) {
    case 'Event':
      return `${record.title} (${formatDate(record.startDate, record.datePrecision)})`;
    case 'Claim':
      return record.proposition;
    case 'Statement':
      return record.text;
    case 'Article':
      return record.title;
    case 'MediaItem':
      return record.caption ?? record.key;
    default:
      return record.name;
  }
}

const KIND_NAMES: Record<Hit['record']['__typename'], string> = {
  Event: 'Event',
  Actor: 'Actor',
  Outlet: 'Outlet',
  Claim: 'Claim',
  Place: 'Place',
  Statement: 'Statement',
  Article: 'Article',
  MediaItem: 'Media',
};

export async function findView(target: HTMLElement, query: string): Promise<void> {
  const intro = el('h1', {}, query ? `Results for “${query}”` : 'Find');
  if (!query) {
    target.replaceChildren(
      intro,
      el('p', {}, 'Search events, actors, outlets, claims and places by name, title, text or proposition. Try ', link('/explore?q=Daquq', 'Daquq'), ', or browse the ', link('/explore/map', 'map'), '.'),
    );
    return;
  }
  target.replaceChildren(intro, loading('results'));
  try {
    const { search } = await request(ExplorerSearchDocument, { query });
    const hits = search?.edges.map((e) => e.node) ?? [];
    if (hits.length === 0) {
      target.replaceChildren(intro, empty(`Nothing matches “${query}”.`));
      return;
    }
    target.replaceChildren(
      intro,
      el(
        'p',
        { class: 'meta', role: 'status' },
        // Past its cap, search counts no further: say "at least".
        `${search?.totalCountIsLowerBound ? 'at least ' : ''}${search?.totalCount ?? hits.length} match${hits.length === 1 ? '' : 'es'}`,
      ),
      el(
        'ol',
        { class: 'results' },
        ...hits.map((hit) =>
          el(
            'li',
            { class: 'result', 'data-kind': hit.record.__typename },
            el('span', { class: 'kind' }, KIND_NAMES[hit.record.__typename]),
            link(hrefOf(hit.record), titleOf(hit.record)),
            ...hit.highlights.map((h) => el('p', { class: 'highlight' }, el('span', { class: 'field' }, `${h.field}: `), highlighted(h.snippet))),
          ),
        ),
      ),
    );
  } catch (error) {
    target.replaceChildren(intro, failure(error, () => void findView(target, query)));
  }
}
