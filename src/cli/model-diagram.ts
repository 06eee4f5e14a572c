import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Label, Rel } from '../domain/graph.js';
import type { Field } from '../domain/record.js';
import { recordDeclarations } from '../modules/records.js';

/**
 * The data model as a Mermaid flowchart, drawn from the record declarations (their properties
 * and links), so the picture in the README cannot drift from the code. Mermaid renders on every
 * code host; the README holds the generated block between markers, checked by the tests. A
 * flowchart rather than a class diagram: one line per kind and per relationship type, with every
 * target of a type on its line, keeps the picture a third as long.
 */

/** Relationships the resolver writes between events, which no record declares as a field. */
const resolverRelationships = [
  { from: Label.Event, rel: Rel.MATCHES, to: Label.Event, props: ['status', 'score', 'reasons'] },
  { from: Label.Event, rel: Rel.SAME_INCIDENT, to: Label.Event, props: [] },
];

/** Properties per line of a kind's box. */
const PROPERTIES_PER_LINE = 3;

export function modelDiagram(): string {
  const lines = ['flowchart LR'];
  // Properties every kind has (its note) are said once in the README's text, not in every box.
  const propertiesOf = (fields: Record<string, Field>) =>
    Object.entries(fields).filter(([, field]) => field.role === 'property').map(([name]) => name);
  const shared = recordDeclarations
    .map((declaration) => propertiesOf(declaration.fields as Record<string, Field>))
    .reduce((common, names) => common.filter((name) => names.includes(name)));
  /** Targets of each relationship line, keyed by its source, type and properties. */
  const edges = new Map<string, { from: string; label: string; targets: Set<string> }>();
  const edge = (from: string, rel: string, props: string[], to: string) => {
    const label = `${rel}${props.length ? ` (${props.join(', ')})` : ''}`;
    const line = edges.get(`${from} ${label}`) ?? { from, label, targets: new Set<string>() };
    line.targets.add(to);
    edges.set(`${from} ${label}`, line);
  };
  const incoming: Array<[string, string, string[], string]> = [];
  for (const declaration of recordDeclarations) {
    const fields = declaration.fields as Record<string, Field>;
    const properties = propertiesOf(fields).filter((name) => !shared.includes(name));
    const rows = Array.from({ length: Math.ceil(properties.length / PROPERTIES_PER_LINE) }, (_, i) =>
      properties.slice(i * PROPERTIES_PER_LINE, (i + 1) * PROPERTIES_PER_LINE).join(' · '));
    lines.push(`  ${declaration.label}["<b>${declaration.label}</b><br/>${rows.join('<br/>')}"]`);
    for (const field of Object.values(fields)) {
      if (field.role === 'external') incoming.push([Label.ExternalRecord, Rel.IDENTIFIES, [], declaration.label]);
      if (field.role !== 'link') continue;
      for (const target of new Set(Object.values(field.targets))) {
        if (field.direction === 'out') edge(declaration.label, field.rel, Object.keys(field.props), target);
        else incoming.push([target, field.rel, Object.keys(field.props), declaration.label]);
      }
    }
  }
  for (const [from, rel, props, to] of incoming) edge(from, rel, props, to);
  for (const { from, rel, to, props } of resolverRelationships) edge(from, rel, props, to);
  for (const { from, label, targets } of edges.values()) lines.push(`  ${from} -->|"${label}"| ${[...targets].join(' & ')}`);
  return ['```mermaid', ...lines, '```'].join('\n');
}

const START = '<!-- model diagram: generated from src/modules/*/*.record.ts by `npx claimgraph docs --write`; do not edit -->';
const END = '<!-- end of model diagram -->';

export const README = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../README.md');

/** The README with its model diagram brought up to date; null when it has no markers for one. */
export async function readmeWithDiagram(file = README): Promise<{ current: string; updated: string } | null> {
  const current = await readFile(file, 'utf8');
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  if (start < 0 || end < start) return null;
  return { current, updated: `${current.slice(0, start + START.length)}\n${modelDiagram()}\n${current.slice(end)}` };
}

export async function writeReadmeDiagram(file = README): Promise<boolean> {
  const readme = await readmeWithDiagram(file);
  if (!readme || readme.updated === readme.current) return false;
  await writeFile(file, readme.updated);
  return true;
}
