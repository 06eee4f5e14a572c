import { Timeline, type DataGroup, type DataItem } from 'vis-timeline/standalone';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import { request } from './api';
import { formatDate, periodOf } from './dates';
import { el, empty, failure, loading } from './dom';
import { ExplorerTimelineDocument, type ExplorerTimelineQuery, type StanceValue } from './generated/graphql';
import { STANCES, stanceLabel } from './stances';

type Entry = NonNullable<ExplorerTimelineQuery['timeline']>['edges'][number]['node'];

/** One drawn item: a statement or article in one outlet's row, dated with its precision. */
interface Drawn {
  id: string;
  outlet: string;
  stances: StanceValue[] | 'ARTICLE';
  item: DataItem;
}

const NOT_CARRIED = 'Not carried by an outlet';

function drawnOf(entries: Entry[]): { drawn: Drawn[]; undated: number } {
  const drawn: Drawn[] = [];
  let undated = 0;
  for (const entry of entries) {
    const date = entry.__typename === 'Statement' ? entry.madeAt : entry.publishedAt;
    const precision = entry.__typename === 'Statement' ? entry.madeAtPrecision : entry.publishedAtPrecision;
    if (!date) {
      undated += 1;
      continue;
    }
    const { start, end } = periodOf(date, precision);
    // A day is a point; a month or a year is drawn as the span it stands for, not as its first day.
    const span = precision === 'MONTH' || precision === 'YEAR';
    const when = formatDate(date, precision);
    if (entry.__typename === 'Article') {
      const outlet = entry.outlet?.name ?? NOT_CARRIED;
      drawn.push({
        id: entry.id,
        outlet,
        stances: 'ARTICLE',
        item: { id: entry.id, group: outlet, start, end: span ? end : undefined, type: span ? 'range' : 'box', content: `Article: ${entry.title}`, title: `${when}: ${entry.title}`, className: 'tl-article' },
      });
      continue;
    }
    const stances = [...new Set(entry.stances.map((s) => s.value))];
    const outlets = [...new Set(entry.reportedIn.edges.map((e) => e.node.outlet?.name ?? NOT_CARRIED))];
    const label = `${entry.kind.toLowerCase().replaceAll('_', ' ')}${entry.speaker ? ` (${entry.speaker.name})` : ''}`;
    for (const outlet of outlets.length ? outlets : [NOT_CARRIED]) {
      drawn.push({
        id: `${entry.id}@${outlet}`,
        outlet,
        stances,
        item: {
          id: `${entry.id}@${outlet}`,
          group: outlet,
          start,
          end: span ? end : undefined,
          type: span ? 'range' : 'box',
          content: label,
          title: `${when}: ${entry.text}${stances.length ? ` (${stances.map(stanceLabel).join(', ')})` : ''}`,
          className: `tl-statement tl-${(stances[0] ?? 'none').toLowerCase()}${span ? ' tl-span' : ''}`,
        },
      });
    }
  }
  return { drawn, undated };
}

async function allEntries(event: string): Promise<Entry[]> {
  const entries: Entry[] = [];
  let after: string | null | undefined;
  do {
    const { timeline } = await request(ExplorerTimelineDocument, { event, after });
    if (!timeline) break;
    entries.push(...timeline.edges.map((e) => e.node));
    after = timeline.pageInfo.hasNextPage ? timeline.pageInfo.endCursor : undefined;
  } while (after);
  return entries;
}

/** Statements and articles over time, one row per outlet, filtered by stance and outlet. */
export async function timelineView(target: HTMLElement, eventId: string): Promise<void> {
  target.replaceChildren(loading('the timeline'));
  let entries: Entry[];
  try {
    entries = await allEntries(eventId);
  } catch (error) {
    target.replaceChildren(failure(error, () => void timelineView(target, eventId)));
    return;
  }
  const { drawn, undated } = drawnOf(entries);
  if (drawn.length === 0) {
    target.replaceChildren(empty(undated ? `${undated} statements, none dated: nothing to place on a timeline.` : 'Nothing has been said about this event yet.'));
    return;
  }
  const outlets = [...new Set(drawn.map((d) => d.outlet))].sort();
  const checkbox = (name: string, value: string, label: string) =>
    el('label', { class: 'filter' }, el('input', { type: 'checkbox', name, value, checked: true }), ` ${label}`);
  const stanceFilters = el(
    'fieldset',
    {},
    el('legend', {}, 'Stance'),
    ...STANCES.map((s) => checkbox('stance', s.value, s.label)),
    checkbox('stance', 'NONE', 'no position'),
    checkbox('stance', 'ARTICLE', 'articles'),
  );
  const outletFilters = el('fieldset', {}, el('legend', {}, 'Outlet'), ...outlets.map((o) => checkbox('outlet', o, o)));
  const canvas = el('div', { class: 'timeline-canvas', 'aria-label': 'Timeline of statements and articles' });
  const note = el('p', { class: 'meta', 'aria-live': 'polite' });
  const form = el('form', { class: 'timeline-filters', 'aria-label': 'Timeline filters' }, stanceFilters, outletFilters);
  target.replaceChildren(form, note, canvas);

  const timeline = new Timeline(canvas, [] as DataItem[], [] as DataGroup[], { stack: true, zoomKey: 'ctrlKey', orientation: 'top', margin: { item: 6 } });

  const apply = () => {
    const checked = (name: string) => new Set([...form.querySelectorAll<HTMLInputElement>(`input[name=${name}]:checked`)].map((i) => i.value));
    const stances = checked('stance');
    const shownOutlets = checked('outlet');
    const shown = drawn.filter(
      (d) =>
        shownOutlets.has(d.outlet) &&
        (d.stances === 'ARTICLE' ? stances.has('ARTICLE') : d.stances.length === 0 ? stances.has('NONE') : d.stances.some((s) => stances.has(s))),
    );
    timeline.setGroups(outlets.filter((o) => shownOutlets.has(o)).map((o) => ({ id: o, content: o })));
    timeline.setItems(shown.map((d) => d.item));
    note.textContent = `${shown.length} of ${drawn.length} entries shown${undated ? `; ${undated} undated not drawn` : ''}. Month- and year-precise dates are drawn as spans.`;
    if (shown.length) timeline.fit({ animation: false });
  };
  form.addEventListener('change', apply);
  apply();
}
