import type { Core } from 'cytoscape';

function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/**
 * The drawn view as GraphML (nodes by record ID, with kind, label and stances; edges with type).
 * Written here: cytoscape-graphml, the one extension for it, is unmaintained and needs jQuery, and
 * the format needs only these few elements.
 */
export function toGraphML(cy: Core): string {
  const data = (key: string, value: unknown) => (value === undefined ? '' : `<data key="${key}">${escapeXml(Array.isArray(value) ? value.join(' ') : String(value))}</data>`);
  const nodes = cy
    .nodes()
    .map((n) => `    <node id="${escapeXml(n.id())}">${data('kind', n.data('kind'))}${data('label', n.data('label'))}${data('stances', n.data('stances'))}</node>`);
  const edges = cy
    .edges()
    .map((e) => `    <edge id="${escapeXml(e.id())}" source="${escapeXml(e.source().id())}" target="${escapeXml(e.target().id())}">${data('type', e.data('type'))}</edge>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="stances" for="node" attr.name="stances" attr.type="string"/>',
    '  <key id="type" for="edge" attr.name="type" attr.type="string"/>',
    '  <graph id="claimgraph" edgedefault="directed">',
    ...nodes,
    ...edges,
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}

export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  anchor.click();
  URL.revokeObjectURL(url);
}

export function exportPng(cy: Core, filename: string): void {
  download(cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }), filename);
}

export function exportGraphML(cy: Core, filename: string): void {
  download(new Blob([toGraphML(cy)], { type: 'application/graphml+xml' }), filename);
}
