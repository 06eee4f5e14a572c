import './style.css';
import { el, link } from './dom';
import { eventView, selectNode, sidePanel, type Tab } from './event';
import { findView } from './find';
import { drawGraph, legend } from './graph';
import { mapView } from './map';
import { claimPanel } from './panels';
import { globalId } from './api';
import { failure } from './dom';

const view = document.querySelector<HTMLElement>('#view')!;
const searchInput = document.querySelector<HTMLInputElement>('#search-input')!;
let cleanups: Array<() => void> = [];

/** Any record's neighbourhood, for search hits that are not events or claims (outlets, actors, places). */
async function nodeView(id: string): Promise<void> {
  const panel = sidePanel();
  const canvas = el('div', { class: 'graph-canvas', 'aria-label': 'Graph of the record’s neighbourhood' });
  view.replaceChildren(el('h1', {}, 'Neighbourhood'), el('p', { class: 'meta' }, 'Click a node for details; double-click to expand it.'), el('div', { class: 'with-panel' }, el('div', { class: 'graph-layout' }, canvas, legend()), panel.element));
  const graph = drawGraph(canvas, [], (node) => selectNode(panel, graph, node));
  window.claimgraphExplorer = { graph };
  try {
    await graph.expand(id);
    const centre = graph.cy.getElementById(id);
    view.querySelector('h1')!.textContent = `Neighbourhood of ${centre.data('label') as string}`;
  } catch (error) {
    view.replaceChildren(failure(error, () => void nodeView(id)));
  }
}

/** Routes: /explore[?q=], /explore/event/<key>[/map|/timeline], /explore/claim/<key>, /explore/node/<id>, /explore/map. */
function route(): void {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
  const setCleanup = (cleanup: () => void) => cleanups.push(cleanup);
  const path = location.pathname.replace(/\/+$/, '');
  const parts = path.split('/').slice(2).map(decodeURIComponent);
  const [section, key, tab] = parts;
  const query = new URLSearchParams(location.search).get('q') ?? '';
  searchInput.value = query;
  if (section === 'event' && key) {
    document.title = 'Event · claimgraph explorer';
    void eventView(view, key, (tab === 'map' || tab === 'timeline' ? tab : 'graph') as Tab, setCleanup);
  } else if (section === 'claim' && key) {
    document.title = 'Claim · claimgraph explorer';
    void claimPanel(view, globalId('Claim', key));
  } else if (section === 'node' && key) {
    document.title = 'Neighbourhood · claimgraph explorer';
    void nodeView(key);
  } else if (section === 'map') {
    document.title = 'Map · claimgraph explorer';
    view.replaceChildren(el('h1', {}, 'Events on the map'));
    const target = el('div');
    view.append(target);
    const { map } = mapView(target);
    setCleanup(() => map.remove());
  } else if (!section) {
    document.title = query ? `${query} · claimgraph explorer` : 'claimgraph explorer';
    void findView(view, query);
  } else {
    view.replaceChildren(el('h1', {}, 'Not found'), el('p', {}, 'The explorer has no page here. ', link('/explore', 'Start from the search.')));
  }
}

function navigate(href: string): void {
  history.pushState(null, '', href);
  route();
  view.focus();
}

document.addEventListener('click', (event) => {
  const anchor = (event.target as Element).closest<HTMLAnchorElement>('a[data-link]');
  if (!anchor || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  navigate(anchor.getAttribute('href')!);
});

document.querySelector('#search-form')!.addEventListener('submit', (event) => {
  event.preventDefault();
  const q = searchInput.value.trim();
  navigate(q ? `/explore?q=${encodeURIComponent(q)}` : '/explore');
});

// "/" jumps to the search box from anywhere but a text field, as on most search-led sites.
document.addEventListener('keydown', (event) => {
  const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
  if (event.key === '/' && !typing) {
    event.preventDefault();
    searchInput.focus();
  }
});

window.addEventListener('popstate', route);
route();
