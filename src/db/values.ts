import neo4j, { type Node, type Relationship } from 'neo4j-driver';
import { Label } from '../domain/graph.js';

/**
 * Converts what the driver returns into plain JSON-able values, once, at the edge of the data
 * layer: Integers become numbers, dates become ISO strings, points become {latitude, longitude}.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Most values are strings and numbers: answer them before the driver's type tests, which cost.
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (neo4j.isInt(value)) return value.toNumber();
  if (neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value)) {
    return value.toString();
  }
  if (neo4j.isPoint(value)) return { latitude: value.y, longitude: value.x };
  if (isGraphEntity(value)) return toPlain(value.properties);
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    out[key] = toPlain(inner);
  }
  return out;
}

function isGraphEntity(value: unknown): value is Node | Relationship {
  return (
    typeof value === 'object' &&
    value !== null &&
    'properties' in value &&
    'elementId' in value
  );
}

/** Node or relationship properties as a plain record. */
export function props(entity: unknown): Record<string, unknown> {
  return (toPlain(entity) ?? {}) as Record<string, unknown>;
}

/** The date properties of each label besides `recordedAt`, which every record has (see src/ingest/write.ts). */
const DATE_PROPERTIES: Partial<Record<Label, string[]>> = {
  [Label.Event]: ['startDate', 'endDate', 'periodEnd', 'spanEnd'],
  [Label.Statement]: ['madeAt'],
  [Label.Article]: ['publishedAt'],
};

/**
 * A node of `label` as a map of its properties with its dates already text, to return in place of
 * the node where many come back at once: the driver decodes each date with arbitrary-precision
 * arithmetic, which costs more than the rest of the node. `props` reads either form alike.
 */
export function plainNode(variable: string, label: Label): string {
  const dates = ['recordedAt', ...(DATE_PROPERTIES[label] ?? [])].map((property) => `, ${property}: toString(${variable}.${property})`);
  return `${variable} {.*${dates.join('')}}`;
}
