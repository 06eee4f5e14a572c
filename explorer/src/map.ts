import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-50m.json';
import { request } from './api';
import { formatDate } from './dates';
import { el, empty, failure, link, loading } from './dom';
import {
  ExplorerEventsInBoxDocument,
  ExplorerEventsNearDocument,
  ExplorerPlaceHierarchyDocument,
  type ExplorerMapEventFragment,
  type ExplorerPlaceHierarchyQuery,
} from './generated/graphql';

const atlas = countries as unknown as Topology<{ countries: GeometryCollection }>;
/** Natural Earth borders from world-atlas, bundled: the basemap needs no tile server. */
const borders = feature(atlas, atlas.objects.countries);

type Hierarchy = NonNullable<ExplorerPlaceHierarchyQuery['place']>;

function hierarchyOf(place: Hierarchy): string[] {
  const names: string[] = [];
  let current: { name: string; kind: string; parent?: unknown } | null | undefined = place;
  while (current) {
    names.push(`${current.name} (${current.kind.toLowerCase()})`);
    current = current.parent as typeof current;
  }
  return names;
}

export interface MapOptions {
  /** Where to start, and the radius search drawn around it (an event's place). */
  centre?: { latitude: number; longitude: number; radiusKm: number };
}

/** Events as points on Natural Earth borders, with box and radius searches drawn on the map. */
export function mapView(target: HTMLElement, options: MapOptions = {}): { map: L.Map } {
  const radiusInput = el('input', { id: 'radius-km', type: 'number', min: '1', max: '2000', value: String(options.centre?.radiusKm ?? 100) });
  const boxButton = el('button', { type: 'button' }, 'Search this view');
  const pointButton = el('button', { type: 'button', 'aria-pressed': 'false' }, 'Search around a point…');
  const status = el('div', { class: 'map-status', 'aria-live': 'polite' });
  const results = el('ol', { class: 'map-results', 'aria-label': 'Events found' });
  const placeInfo = el('div', { class: 'place-info', 'aria-live': 'polite' });
  const canvas = el('div', { class: 'map-canvas', role: 'application', 'aria-label': 'Map of events' });
  target.replaceChildren(
    el(
      'div',
      { class: 'map-layout' },
      el(
        'div',
        { class: 'map-main' },
        el('div', { class: 'toolbar' }, boxButton, pointButton, el('label', { for: 'radius-km' }, 'Radius (km)'), radiusInput),
        canvas,
      ),
      el('aside', { class: 'map-side' }, status, results, placeInfo),
    ),
  );

  const map = L.map(canvas, { worldCopyJump: false, minZoom: 2, maxZoom: 12, attributionControl: true });
  L.geoJSON(borders, { style: { color: '#6b7280', weight: 1, fillColor: '#eef1f4', fillOpacity: 1 }, interactive: false }).addTo(map);
  map.attributionControl.addAttribution('Borders: Natural Earth (world-atlas)');
  const points = L.layerGroup().addTo(map);
  const searchArea = L.layerGroup().addTo(map);
  if (options.centre) map.setView([options.centre.latitude, options.centre.longitude], 7);
  else map.setView([33, 44], 5);

  async function showHierarchy(placeId: string) {
    placeInfo.replaceChildren(loading('the place'));
    try {
      const { place } = await request(ExplorerPlaceHierarchyDocument, { id: placeId });
      if (!place) throw new Error('No such place.');
      placeInfo.replaceChildren(el('h3', {}, 'Place'), el('ol', { class: 'hierarchy', 'aria-label': 'Place hierarchy' }, ...hierarchyOf(place).map((name) => el('li', {}, name))));
    } catch (error) {
      placeInfo.replaceChildren(failure(error));
    }
  }

  function show(events: ExplorerMapEventFragment[], total: number, where: string) {
    points.clearLayers();
    results.replaceChildren();
    status.replaceChildren(total === 0 ? empty(`No events ${where}.`) : el('p', { role: 'status' }, `${total} event${total === 1 ? '' : 's'} ${where}${total > events.length ? ` (first ${events.length} shown)` : ''}.`));
    for (const event of events) {
      for (const place of event.places) {
        if (!place.location) continue;
        const marker = L.circleMarker([place.location.latitude, place.location.longitude], { radius: 7, color: '#1f2937', weight: 1, fillColor: '#D55E00', fillOpacity: 0.85 });
        marker.bindTooltip(`${event.title} · ${place.name}`);
        marker.on('click', () => void showHierarchy(place.id));
        points.addLayer(marker);
      }
      const placeButtons = event.places.map((place) => {
        const button = el('button', { type: 'button', class: 'linklike' }, place.name);
        button.addEventListener('click', () => void showHierarchy(place.id));
        return button;
      });
      results.append(el('li', {}, link(`/explore/event/${event.key}`, event.title), ` · ${formatDate(event.startDate, null)} · `, ...placeButtons));
    }
  }

  async function search(run: () => Promise<{ events: ExplorerMapEventFragment[]; total: number }>, where: string) {
    status.replaceChildren(loading('events'));
    try {
      const { events, total } = await run();
      show(events, total, where);
    } catch (error) {
      points.clearLayers();
      results.replaceChildren();
      status.replaceChildren(failure(error, () => void search(run, where)));
    }
  }

  const clampLat = (value: number) => Math.max(-90, Math.min(90, value));
  const clampLng = (value: number) => Math.max(-180, Math.min(180, value));

  function searchBox() {
    const bounds = map.getBounds();
    searchArea.clearLayers();
    L.rectangle(bounds, { color: '#0072B2', weight: 2, fill: false, dashArray: '6 4' }).addTo(searchArea);
    const southWest = { latitude: clampLat(bounds.getSouth()), longitude: clampLng(bounds.getWest()) };
    const northEast = { latitude: clampLat(bounds.getNorth()), longitude: clampLng(bounds.getEast()) };
    void search(async () => {
      const { eventsInBox } = await request(ExplorerEventsInBoxDocument, { southWest, northEast });
      return { events: eventsInBox?.edges.map((e) => e.node) ?? [], total: eventsInBox?.totalCount ?? 0 };
    }, 'in this view');
  }

  function searchAround(latitude: number, longitude: number) {
    const radiusKm = Number(radiusInput.value) || 100;
    searchArea.clearLayers();
    L.circle([latitude, longitude], { radius: radiusKm * 1000, color: '#0072B2', weight: 2, fill: false, dashArray: '6 4' }).addTo(searchArea);
    void search(async () => {
      const { eventsNear } = await request(ExplorerEventsNearDocument, { center: { latitude, longitude }, radiusKm });
      return { events: eventsNear?.edges.map((e) => e.node) ?? [], total: eventsNear?.totalCount ?? 0 };
    }, `within ${radiusKm} km`);
  }

  boxButton.addEventListener('click', searchBox);
  pointButton.addEventListener('click', () => {
    const armed = pointButton.getAttribute('aria-pressed') !== 'true';
    pointButton.setAttribute('aria-pressed', String(armed));
    canvas.classList.toggle('picking', armed);
    if (armed) status.replaceChildren(el('p', { role: 'status' }, 'Click the map where the search should centre.'));
  });
  map.on('click', (event: L.LeafletMouseEvent) => {
    if (pointButton.getAttribute('aria-pressed') !== 'true') return;
    pointButton.setAttribute('aria-pressed', 'false');
    canvas.classList.remove('picking');
    searchAround(event.latlng.lat, event.latlng.lng);
  });

  if (options.centre) searchAround(options.centre.latitude, options.centre.longitude);
  else searchBox();
  return { map };
}
