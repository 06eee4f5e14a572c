import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Label, Rel } from '../domain/graph.js';
import type { Field } from '../domain/record.js';
import { recordDeclarations } from '../modules/records.js';

/**
 * The data model as a Mermaid class diagram, drawn from the record declarations (their properties
 * and links), so the picture in the README cannot drift from the code. Mermaid renders on every
 * code host; the README holds the generated block between markers, checked by the tests.
 */

/** Relationships the resolver writes between events, which no record declares as a field. */
const resolverRelationships = [
  { from: Label.Event, rel: Rel.MATCHES, to: Label.Event, props: 'status, score, reasons' },
  { from: Label.Event, rel: Rel.SAME_INCIDENT, to: Label.Event, props: '' },
];

export function modelDiagram(): string {
  const lines = ['classDiagram', '  direction LR'];
  const edges: string[] = [];
  for (const declaration of recordDeclarations) {
    const fields = Object.entries(declaration.fields as Record<string, Field>);
    const properties = fields.filter(([, field]) => field.role === 'property').map(([name]) => name);
    lines.push(`  class ${declaration.label} {`, ...properties.map((name) => `    ${name}`), '  }');
    for (const [, field] of fields) {
      if (field.role === 'external') edges.push(`  ${Label.ExternalRecord} --> ${declaration.label} : ${Rel.IDENTIFIES}`);
      if (field.role !== 'link') continue;
      const props = Object.keys(field.props);
      const label = `${field.rel}${props.length ? ` (${props.join(', ')})` : ''}`;
      for (const target of new Set(Object.values(field.targets))) {
        const [from, to] = field.direction === 'out' ? [declaration.label, target] : [target, declaration.label];
        edges.push(`  ${from} --> ${to} : ${label}`);
      }
    }
  }
  for (const { from, rel, to, props } of resolverRelationships) edges.push(`  ${from} --> ${to} : ${rel}${props ? ` (${props})` : ''}`);
  return ['```mermaid', ...lines, ...[...new Set(edges)], '```'].join('\n');
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
