import { globalId, keyOf, request } from './api';
import { formatDate } from './dates';
import { el, empty, failure, link, loading } from './dom';
import { exportGraphML, exportPng } from './exports';
import { ExplorerEventDocument, type ExplorerEventQuery } from './generated/graphql';
import { coverageElements, drawGraph, legend, type GraphView, type NodeData } from './graph';
import { followStatements } from './live';
import { mapView } from './map';
import { claimPanel, statementPanel } from './panels';
import { stanceColour, stanceLabel } from './stances';
import { timelineView } from './timeline';

type Event = NonNullable<ExplorerEventQuery['event']>;
export type Tab = 'graph' | 'map' | 'timeline';

declare global {
  interface Window {
    /** The drawn graph, for a console (and the browser tests) to inspect. */
    claimgraphExplorer?: { graph?: GraphView };
  }
}

/**
 * The side panel: a claim, a statement or a record, with Escape (or Close) to dismiss it, which
 * gives focus back to where it was opened from (the graph, a list) so a keyboard reader goes on.
 */
export function sidePanel(): { element: HTMLElement; body: HTMLElement; open(): void } {
  const body = el('div', { class: 'panel-body' });
  const close = el('button', { type: 'button', class: 'close', 'aria-label': 'Close panel' }, '×');
  const element = el('aside', { class: 'panel', id: 'panel', 'aria-label': 'Details', hidden: true }, close, body);
  let opener: HTMLElement | null = null;
  const hide = () => {
    element.hidden = true;
    if (opener?.isConnected) opener.focus();
    opener = null;
  };
  close.addEventListener('click', hide);
  element.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') hide();
  });
  return {
    element,
    body,
    open() {
      if (element.hidden && document.activeElement instanceof HTMLElement && !element.contains(document.activeElement)) opener = document.activeElement;
      element.hidden = false;
      element.focus();
    },
  };
}

/** What selecting a node shows: a claim's sides, a statement's provenance, else a way to expand. */
export function selectNode(panel: ReturnType<typeof sidePanel>, graph: GraphView, node: NodeData): void {
  panel.element.tabIndex = -1;
  panel.open();
  if (node.kind === 'CLAIM') void claimPanel(panel.body, node.id);
  else if (node.kind === 'STATEMENT') void statementPanel(panel.body, node.id);
  else {
    const expand = el('button', { type: 'button' }, 'Expand neighbourhood');
    const status = el('p', { class: 'meta', 'aria-live': 'polite' });
    expand.addEventListener('click', () => {
      status.textContent = 'Expanding…';
      graph.expand(node.id).then(
        ({ added, truncated }) => (status.textContent = `${added} elements added${truncated ? ' (cut short: the neighbourhood is larger)' : ''}.`),
        (error: unknown) => status.replaceChildren(failure(error)),
      );
    });
    const { typename, key } = keyOf(node.id);
    panel.body.replaceChildren(
      el('h2', {}, node.label),
      el('p', { class: 'meta' }, `${typename} · ${key}`),
      node.stances?.length ? el('p', {}, 'Positions: ', node.stances.map(stanceLabel).join(', ')) : '',
      expand,
      typename === 'Event' ? link(`/explore/event/${key}`, 'Open this event') : '',
      status,
    );
  }
}

function coverageList(event: Event, onStatement: (id: string) => void): HTMLElement {
  if (event.coverage.length === 0) return empty('No outlet has carried anything about this event yet.');
  return el(
    'ul',
    { class: 'coverage', 'aria-label': 'Coverage by outlet' },
    ...event.coverage.map((coverage) =>
      el(
        'li',
        { 'data-outlet': coverage.outlet.name },
        el('strong', {}, coverage.outlet.name),
        ' ',
        ...coverage.stances.map((s) => el('span', { class: 'badge', style: `background:${stanceColour(s)}` }, stanceLabel(s))),
        el(
          'ul',
          {},
          ...coverage.reports.map((report) => {
            const button = el('button', { type: 'button', class: 'linklike', 'data-statement': report.statement.id }, `${report.statement.kind.toLowerCase().replaceAll('_', ' ')}${report.statement.speaker ? ` by ${report.statement.speaker.name}` : ''}: “${report.statement.text}”`);
            button.addEventListener('click', () => onStatement(report.statement.id));
            return el('li', {}, button, ` (${formatDate(report.statement.madeAt, report.statement.madeAtPrecision)})`);
          }),
        ),
      ),
    ),
  );
}

export async function eventView(target: HTMLElement, key: string, tab: Tab, setCleanup: (cleanup: () => void) => void): Promise<void> {
  target.replaceChildren(loading('the event'));
  let event: Event;
  try {
    const data = await request(ExplorerEventDocument, { id: globalId('Event', key) });
    if (!data.event) throw new Error('No such event.');
    event = data.event;
  } catch (error) {
    target.replaceChildren(failure(error, () => void eventView(target, key, tab, setCleanup)));
    return;
  }
  const base = `/explore/event/${encodeURIComponent(event.key)}`;
  const tabs = el(
    'nav',
    { class: 'tabs', 'aria-label': 'Views of this event' },
    ...(
      [
        ['graph', 'Graph', base],
        ['map', 'Map', `${base}/map`],
        ['timeline', 'Timeline', `${base}/timeline`],
      ] as const
    ).map(([name, label, href]) => {
      const a = link(href, label);
      if (name === tab) a.setAttribute('aria-current', 'page');
      return a;
    }),
  );
  const panel = sidePanel();
  const liveState = el('span', { class: 'live-state', 'aria-live': 'polite' }, 'Live: connecting…');
  const liveFeed = el('ul', { class: 'live-feed', 'aria-label': 'New statements', 'aria-live': 'polite' });
  const claims = el(
    'ul',
    { class: 'claims', 'aria-label': 'Claims' },
    ...event.claims.edges.map(({ node }) => {
      const button = el('button', { type: 'button', class: 'linklike', 'data-claim': node.key }, node.proposition);
      button.addEventListener('click', () => {
        panel.element.tabIndex = -1;
        panel.open();
        void claimPanel(panel.body, node.id);
      });
      return el('li', {}, button, node.contested ? el('span', { class: 'tag' }, 'contested') : null);
    }),
  );
  const content = el('section', { class: 'tab-content' });
  target.replaceChildren(
    el('div', { class: 'event-head' }, el('h1', {}, event.title), el('p', { class: 'meta' }, `${event.kind.toLowerCase().replaceAll('_', ' ')} · ${formatDate(event.startDate, event.datePrecision)} · ${event.places.map((p) => p.name).join(', ')} · `, liveState)),
    event.summary ? el('p', { class: 'summary' }, event.summary) : '',
    el('details', { class: 'claims-box', open: true }, el('summary', {}, `Claims (${event.claims.edges.length})`), event.claims.edges.length ? claims : empty('No claims about this event.')),
    liveFeed,
    tabs,
    el('div', { class: 'with-panel' }, content, panel.element),
  );

  let graph: GraphView | undefined;
  const openStatement = (id: string) => {
    panel.element.tabIndex = -1;
    panel.open();
    void statementPanel(panel.body, id);
  };
  if (tab === 'graph') {
    const canvas = el('div', { class: 'graph-canvas', 'aria-label': 'Graph of the coverage (the list below holds the same records)' });
    const png = el('button', { type: 'button' }, 'Export PNG');
    const graphml = el('button', { type: 'button' }, 'Export GraphML');
    const fit = el('button', { type: 'button' }, 'Fit');
    content.replaceChildren(
      el('div', { class: 'toolbar' }, fit, png, graphml, el('span', { class: 'meta' }, 'Click a node for details; double-click to expand it. By keyboard: focus the graph, arrows move, Enter opens, E expands.')),
      el('div', { class: 'graph-layout' }, canvas, legend()),
      el('h2', {}, 'Coverage'),
      coverageList(event, openStatement),
    );
    const view = drawGraph(canvas, coverageElements(event), (node) => selectNode(panel, view, node));
    graph = view;
    window.claimgraphExplorer = { graph };
    fit.addEventListener('click', () => view.cy.fit(undefined, 30));
    png.addEventListener('click', () => exportPng(view.cy, `${event.key}.png`));
    graphml.addEventListener('click', () => exportGraphML(view.cy, `${event.key}.graphml`));
  } else if (tab === 'map') {
    const place = event.places.find((p) => p.location);
    const mapTarget = el('div');
    content.replaceChildren(...(place ? [mapTarget] : [empty('None of this event’s places has coordinates; the map shows the region.'), mapTarget]));
    const { map } = mapView(mapTarget, place?.location ? { centre: { ...place.location, radiusKm: 50 } } : {});
    setCleanup(() => map.remove());
  } else {
    void timelineView(content, event.id);
  }

  const stop = followStatements(
    event.id,
    (statement) => {
      liveFeed.prepend(el('li', { 'data-statement': statement.id }, el('strong', {}, 'New: '), `${statement.kind.toLowerCase().replaceAll('_', ' ')}${statement.speaker ? ` by ${statement.speaker.name}` : ''}: “${statement.text}”`));
      if (graph && graph.cy.getElementById(statement.id).empty()) {
        const stances = [...new Set(statement.stances.map((s) => s.value))];
        graph.cy.add({ group: 'nodes', data: { id: statement.id, kind: 'STATEMENT', label: `${statement.kind.toLowerCase()} (new)`, stances } });
        for (const stance of statement.stances) {
          if (graph.cy.getElementById(stance.claim.id).nonempty()) {
            graph.cy.add({ group: 'edges', data: { id: `${statement.id}-${stance.value}-${stance.claim.id}`, source: statement.id, target: stance.claim.id, stance: stance.value, type: stance.value } });
          }
        }
        graph.layout();
      }
    },
    (state) => (liveState.textContent = state === 'connected' ? 'Live: new statements appear here' : state === 'reconnecting' ? 'Live: reconnecting…' : `Live: ${state}`),
  );
  setCleanup(() => {
    stop();
    window.claimgraphExplorer = {};
  });
}
