import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { request } from './api';
import { ExplorerNeighborhoodDocument, type ExplorerEventQuery, type NodeKind, type StanceValue } from './generated/graphql';
import { NO_STANCE_COLOUR, STANCES, stanceColour, stanceLabel } from './stances';

cytoscape.use(fcose);

type Event = NonNullable<ExplorerEventQuery['event']>;

/** What the explorer keeps on each drawn node: the record's global ID is the node's ID. */
export interface NodeData {
  id: string;
  kind: NodeKind;
  label: string;
  /** For outlets and statements: the positions they take, for the stance colours. */
  stances?: StanceValue[];
}

const KIND_SHAPES: Record<NodeKind, { shape: string; colour: string }> = {
  EVENT: { shape: 'star', colour: '#222222' },
  OUTLET: { shape: 'round-rectangle', colour: NO_STANCE_COLOUR },
  STATEMENT: { shape: 'ellipse', colour: '#5A5A5A' },
  ACTOR: { shape: 'triangle', colour: '#6B4E16' },
  CLAIM: { shape: 'diamond', colour: '#F0E442' },
  ARTICLE: { shape: 'rectangle', colour: '#A0A0A0' },
  PLACE: { shape: 'hexagon', colour: '#56B4E9' },
  MEDIA_ITEM: { shape: 'vee', colour: '#999999' },
  SOURCE: { shape: 'tag', colour: '#BBBBBB' },
};

export const KINDS = Object.entries(KIND_SHAPES).map(([kind, look]) => ({ kind: kind as NodeKind, ...look }));

/**
 * Outlets and statements taking several positions are drawn as pies, one slice per stance, so an
 * outlet that carried both the accusation and the denials shows both colours.
 */
function stanceStyle(stances: StanceValue[] | undefined): Record<string, string | number> {
  if (!stances?.length) return {};
  const style: Record<string, string | number> = { 'pie-size': '100%' };
  STANCES.forEach((stance, index) => {
    style[`pie-${index + 1}-background-color`] = stance.colour;
    style[`pie-${index + 1}-background-size`] = stances.includes(stance.value) ? 100 / stances.length : 0;
  });
  return style;
}

/** The walk as a graph: the event, the outlets by stance, their statements, speakers, bodies and claims. */
export function coverageElements(event: Event): ElementDefinition[] {
  const elements = new Map<string, ElementDefinition>();
  const node = (data: NodeData) => {
    if (!elements.has(data.id)) elements.set(data.id, { group: 'nodes', data: { ...data } });
  };
  const edge = (source: string, target: string, type: string, stance?: StanceValue) => {
    const id = `${source}-${type}-${target}`;
    if (!elements.has(id)) elements.set(id, { group: 'edges', data: { id, source, target, type, label: stance ? stanceLabel(stance) : type, stance } });
  };
  node({ id: event.id, kind: 'EVENT', label: event.title });
  for (const claim of event.claims.edges) {
    node({ id: claim.node.id, kind: 'CLAIM', label: claim.node.proposition });
    edge(claim.node.id, event.id, 'about');
  }
  for (const coverage of event.coverage) {
    node({ id: coverage.outlet.id, kind: 'OUTLET', label: coverage.outlet.name, stances: coverage.stances });
    for (const report of coverage.reports) {
      const { statement } = report;
      const stances = [...new Set(report.stances.map((s) => s.value))];
      const speaker = statement.speaker?.name ?? coverage.outlet.name;
      node({ id: statement.id, kind: 'STATEMENT', label: `${statement.kind.toLowerCase().replaceAll('_', ' ')} (${speaker})`, stances });
      edge(coverage.outlet.id, statement.id, 'carried');
      if (statement.speaker) {
        node({ id: statement.speaker.id, kind: 'ACTOR', label: statement.speaker.name });
        edge(statement.id, statement.speaker.id, 'said by');
      }
      if (statement.onBehalfOf) {
        node({ id: statement.onBehalfOf.id, kind: 'ACTOR', label: statement.onBehalfOf.name });
        edge(statement.id, statement.onBehalfOf.id, 'for');
      }
      for (const stance of report.stances) {
        node({ id: stance.claim.id, kind: 'CLAIM', label: stance.claim.id });
        edge(statement.id, stance.claim.id, stance.value, stance.value);
      }
      if (report.stances.length === 0) edge(statement.id, event.id, 'about');
    }
  }
  return [...elements.values()];
}

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 11,
      color: '#111111',
      'text-wrap': 'ellipsis',
      'text-max-width': '140px',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '2px',
      // Labels disappear when zoomed out far enough to crowd each other (large neighbourhoods).
      'min-zoomed-font-size': 7,
      'border-width': 1,
      'border-color': '#333333',
      width: 26,
      height: 26,
    },
  },
  ...KINDS.map(({ kind, shape, colour }) => ({
    selector: `node[kind = "${kind}"]`,
    style: { shape: shape as cytoscape.Css.NodeShape, 'background-color': colour },
  })),
  { selector: 'node[kind = "OUTLET"]', style: { width: 40, height: 30, 'font-weight': 'bold' } },
  { selector: 'node[kind = "EVENT"]', style: { width: 44, height: 44, 'font-weight': 'bold' } },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#000000', 'overlay-opacity': 0 } },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'line-color': '#9A9A9A',
      'target-arrow-color': '#9A9A9A',
      'target-arrow-shape': 'triangle',
      'curve-style': 'bezier',
      'arrow-scale': 0.8,
    },
  },
  ...STANCES.map(({ value, colour }) => ({
    selector: `edge[stance = "${value}"]`,
    style: { 'line-color': colour, 'target-arrow-color': colour, width: 3 },
  })),
];

export interface GraphView {
  cy: Core;
  expand(id: string): Promise<{ added: number; truncated: boolean }>;
  layout(): void;
}

/** Draws elements in a container; `onSelect` hears which record the reader picked. */
export function drawGraph(container: HTMLElement, elements: ElementDefinition[], onSelect: (node: NodeData) => void): GraphView {
  const cy = cytoscape({ container, elements, style: STYLE, wheelSensitivity: 0.3, minZoom: 0.05, maxZoom: 4 });
  const paint = (node: NodeSingular) => {
    node.style(stanceStyle(node.data('stances') as StanceValue[] | undefined));
  };
  cy.nodes().forEach(paint);
  cy.on('add', 'node', (event) => paint(event.target as NodeSingular));
  const layout = () => {
    const large = cy.nodes().length > 150;
    // fcose (force-directed, spectral start) keeps hundreds of nodes apart; without animation, a
    // 500-node view is drawn once, at its final positions.
    cy.layout({ name: 'fcose', quality: large ? 'default' : 'proof', randomize: false, animate: !large, nodeRepulsion: 8000, idealEdgeLength: 90, packComponents: true } as cytoscape.LayoutOptions).run();
  };
  cy.on('tap', 'node', (event) => onSelect(event.target.data() as NodeData));
  cy.on('dbltap', 'node', (event) => void expand((event.target as NodeSingular).id()));
  keyboardNavigation(cy, container, onSelect, (id) => void expand(id));
  // fcose needs starting positions for randomize: false; a circle gives a stable, repeatable start.
  cy.layout({ name: 'concentric', animate: false }).run();
  layout();

  async function expand(id: string) {
    const { neighborhood } = await request(ExplorerNeighborhoodDocument, { id, limit: 100 });
    // Neighbourhood nodes have IDs of their own; the explorer names nodes by their records' IDs, so
    // a record already drawn from the walk is not drawn twice.
    const recordIds = new Map(neighborhood.nodes.map((n) => [n.id, n.record.id]));
    const before = cy.elements().length;
    const centre = cy.getElementById(id);
    const around = centre.nonempty() ? centre.position() : { x: 0, y: 0 };
    cy.batch(() => {
      for (const n of neighborhood.nodes) {
        if (cy.getElementById(n.record.id).nonempty()) continue;
        cy.add({ group: 'nodes', data: { id: n.record.id, kind: n.kind, label: n.label }, position: { ...around } });
      }
      for (const e of neighborhood.edges) {
        const source = recordIds.get(e.source);
        const target = recordIds.get(e.target);
        const edgeId = `${source}-${e.type}-${target}`;
        if (!source || !target || cy.getElementById(edgeId).nonempty()) continue;
        cy.add({ group: 'edges', data: { id: edgeId, source, target, type: e.type, label: e.type } });
      }
    });
    layout();
    return { added: cy.elements().length - before, truncated: neighborhood.truncated };
  }

  return { cy, expand, layout };
}

const ARROWS: Record<string, { x: number; y: number }> = {
  ArrowRight: { x: 1, y: 0 },
  ArrowLeft: { x: -1, y: 0 },
  ArrowDown: { x: 0, y: 1 },
  ArrowUp: { x: 0, y: -1 },
};

/**
 * The graph by keyboard (Cytoscape draws on a canvas, which has no focusable parts of its own):
 * the canvas takes focus; an arrow moves to the nearest node in its direction, Home to the event;
 * Enter or Space opens the node's panel, E expands it; each move is announced in words.
 */
function keyboardNavigation(cy: Core, container: HTMLElement, onSelect: (node: NodeData) => void, expand: (id: string) => void): void {
  container.tabIndex = 0;
  container.setAttribute('role', 'application');
  container.setAttribute('aria-roledescription', 'graph');
  container.setAttribute('aria-keyshortcuts', 'ArrowUp ArrowDown ArrowLeft ArrowRight Home Enter E');
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('aria-live', 'polite');
  container.after(status);
  let current: NodeSingular | undefined;
  const focusNode = (node: NodeSingular) => {
    current = node;
    cy.nodes().unselect();
    node.select();
    // Bring it into view when it is off screen, without moving a view that already shows it.
    const { x1, x2, y1, y2 } = cy.extent();
    const { x, y } = node.position();
    if (x < x1 || x > x2 || y < y1 || y > y2) cy.center(node);
    const data = node.data() as NodeData;
    status.textContent = `${data.kind.toLowerCase().replace('_', ' ')}: ${data.label}, ${node.degree(false)} links. Enter for details, E to expand.`;
  };
  const start = () => {
    const events = cy.nodes('[kind = "EVENT"]');
    return (events.nonempty() ? events : cy.nodes()).first();
  };
  container.addEventListener('focus', () => {
    if (!current || current.removed()) focusNode(start());
  });
  container.addEventListener('keydown', (event) => {
    if (cy.nodes().empty()) return;
    const from = current && !current.removed() ? current : start();
    const arrow = ARROWS[event.key];
    if (arrow) {
      // The nearest node within 45° of the arrow's direction, nearness weighing straightness.
      const origin = from.position();
      let best: { node: NodeSingular; cost: number } | undefined;
      cy.nodes().forEach((node) => {
        if (node.same(from)) return;
        const dx = node.position().x - origin.x;
        const dy = node.position().y - origin.y;
        const along = dx * arrow.x + dy * arrow.y;
        const across = Math.abs(dx * arrow.y - dy * arrow.x);
        if (along <= 0 || across > along) return;
        const cost = along + 2 * across;
        if (!best || cost < best.cost) best = { node, cost };
      });
      if (best) focusNode(best.node);
    } else if (event.key === 'Home') focusNode(start());
    else if (event.key === 'Enter' || event.key === ' ') onSelect(from.data() as NodeData);
    else if (event.key === 'e' || event.key === 'E') expand(from.id());
    else return;
    event.preventDefault();
  });
}

/** The legend: what each colour and shape means, in text. */
export function legend(): HTMLElement {
  const list = document.createElement('ul');
  list.className = 'legend';
  list.setAttribute('aria-label', 'Legend');
  const item = (swatch: string, label: string, className = 'swatch') => {
    const li = document.createElement('li');
    const mark = document.createElement('span');
    mark.className = className;
    mark.style.background = swatch;
    li.append(mark, label);
    list.append(li);
  };
  for (const stance of STANCES) item(stance.colour, `Outlet or statement that ${stance.label}`);
  item(NO_STANCE_COLOUR, 'Reports without a position');
  item('#222222', 'Event (star)', 'swatch swatch-shape');
  item('#F0E442', 'Claim (diamond)', 'swatch swatch-shape');
  item('#6B4E16', 'Actor: speaker or body (triangle)', 'swatch swatch-shape');
  return list;
}
