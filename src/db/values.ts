import neo4j, { type Node, type Relationship } from 'neo4j-driver';
import { Label, StorageProperty } from '../domain/graph.js';

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
  [Label.Event]: ['startDate', 'endDate', 'periodEnd', 'spanEnd', StorageProperty.matchFrom, StorageProperty.matchTo],
  [Label.Statement]: ['madeAt'],
  [Label.Article]: ['publishedAt'],
};

/**
 * A node of `label` as a map of its properties with its dates already text, to return in place of
 * the node where many come back at once: the driver decodes each date with arbitrary-precision
 * arithmetic, which costs more than the rest of the node. `props` reads either form alike.
 */
export function plainNode(variable: string, label: Label): string {
  const dates = datePropertiesOf(label).map((property) => `, ${property}: toString(${variable}.${property})`);
  return `${variable} {.*${dates.join('')}}`;
}

const datePropertiesOf = (label: Label) => ['recordedAt', ...(DATE_PROPERTIES[label] ?? [])];

/**
 * Some of a node's properties, named in a parameter (see projectedNode): the plain ones, then the
 * dates, as text for the reason plainNode gives.
 */
export interface Projection {
  plain: string[];
  dates: string[];
}

/** The projection of `properties` of a node of `label`. */
export function projection(label: Label, properties: Iterable<string>): Projection {
  const dates = new Set(datePropertiesOf(label));
  const names = [...new Set(properties)].sort();
  return { plain: names.filter((name) => !dates.has(name)), dates: names.filter((name) => dates.has(name)) };
}

/**
 * The node `variable`'s values of the projection in the map parameter `parameter`, as a list in its
 * order: a list of values instead of a map sends no property names, and only the properties asked for.
 */
export function projectedNode(variable: string, parameter: string): string {
  return `[k IN $${parameter}.plain | ${variable}[k]] + [k IN $${parameter}.dates | toString(${variable}[k])]`;
}

/** What projectedNode returned, as the plain record `props` would give for the whole node. */
export function projectedProps(projected: Projection, values: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  projected.plain.forEach((name, index) => (out[name] = toPlain(values[index])));
  projected.dates.forEach((name, index) => (out[name] = values[projected.plain.length + index] ?? null));
  return out;
}

/**
 * Cypher that sets a storage property (see StorageProperty) of the node bound as `n` to `value`
 * where it is not that already, so that a rewrite of the same counts no change.
 */
export const setStorageProperty = (property: StorageProperty, value: string) => `WITH n, ${value} AS value
     WHERE NOT coalesce(n.${property} = value, n.${property} IS NULL AND value IS NULL)
     SET n.${property} = value`;
