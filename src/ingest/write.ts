import type { ManagedTransaction } from 'neo4j-driver';
import { cypher, type Database, type NamedQuery } from '../db/database.js';
import { props as plainProps } from '../db/values.js';
import { Label, Rel, StorageProperty } from '../domain/graph.js';
import {
  linkFields,
  neo4jDate,
  periodOfValid,
  storedInput,
  unsetProperties,
  writeGiven,
  type Fields,
  type LinkField,
  type Props,
  type RecordDeclaration,
} from '../domain/record.js';
import { refreshPlaceCells } from '../modules/resolution/match-cell.js';
import { refreshSpeakerKeys } from '../modules/statement/speaker-key.js';
import { refreshPlaceDerived } from '../modules/event/place-count.js';
import { declarationOfKind, recordDeclarations, searchable, type RecordKind } from '../modules/records.js';
import type { Bundle, SourceRecord } from './bundle-types.js';
import { BundleError, linkTargets, validateBundle, validateRecord, type BundleProblem, type ExternalReference, type ValidBundle } from './validate.js';

/**
 * The one path into the graph: validated records become idempotent MERGEs keyed on natural keys,
 * all in one write transaction, so a bundle lands whole or not at all and a second load changes
 * nothing. Seeds, bundle files, importers and the API all come through here. What a record's
 * fields write is derived from its declaration (src/domain/record.ts): a field left out is left
 * alone, an explicit null clears it, and links given are added to those already there (a link to
 * one record, such as a place's `within`, replaces the one there was).
 */

export interface NodeRow {
  id: string;
  props: Props;
}

export interface RelRow {
  from: string;
  to: string;
  props: Props;
}

/** Relationships of one type to remove from records, keeping the one to `keep` when set. */
interface UnlinkRow {
  id: string;
  keep: string | null;
}

/**
 * Only properties that differ are written, so that writing what the graph already holds counts no
 * change (and announces none). A stored null and an absent value are the same to Neo4j.
 */
const DIFFERS = (entity: string) =>
  `any(key IN keys(row.props) WHERE NOT coalesce(${entity}[key] = row.props[key], ${entity}[key] IS NULL AND row.props[key] IS NULL))`;

/**
 * A new node gets the source list at creation; only a node already known from another source has
 * its list rewritten, so a fresh import pays no list copy per row. MERGE is on the constrained key
 * alone (a unique-index seek), the other properties are SET after it.
 */
function upsertNodes(label: Label): NamedQuery {
  return cypher(
    `upsert ${label}`,
    `UNWIND $rows AS row
     MERGE (n:${label} {id: row.id})
     ON CREATE SET n.recordedAt = $recordedAt, n.sources = [$source]
     FOREACH (_ IN CASE WHEN $source IN n.sources THEN [] ELSE [1] END | SET n.sources = coalesce(n.sources, []) + $source)
     WITH n, row WHERE ${DIFFERS('n')}
     SET n += row.props`,
  );
}

/** Both ends by unique-index seek; a group whose rows carry no properties skips the SET (and its Eager). */
function upsertRels(from: Label, type: Rel, to: Label, withProps: boolean): NamedQuery {
  return cypher(
    `link ${from}-${type}->${to}`,
    `UNWIND $rows AS row
     MATCH (a:${from} {id: row.from})
     MATCH (b:${to} {id: row.to})
     MERGE (a)-[r:${type}]->(b)${withProps ? `\n     WITH r, row WHERE ${DIFFERS('r')}\n     SET r += row.props` : ''}`,
  );
}

function unlinkRels(label: Label, type: Rel, direction: 'out' | 'in', targets: readonly Label[]): NamedQuery {
  const pattern = direction === 'out' ? `-[r:${type}]->` : `<-[r:${type}]-`;
  return cypher(
    `unlink ${label} ${direction === 'out' ? '-' : '<-'}${type}${direction === 'out' ? '->' : '-'} ${targets.join('|')}`,
    `UNWIND $rows AS row
     MATCH (n:${label} {id: row.id})${pattern}(m:${targets.join('|')})
     WHERE row.keep IS NULL OR m.id <> row.keep
     DELETE r`,
  );
}

/** The records among `ids` from which `type` leads back to themselves. */
const cyclic = (label: Label, type: Rel) =>
  cypher(
    `${label} ${type} cycles`,
    `UNWIND $ids AS id
     MATCH (n:${label} {id: id}) WHERE EXISTS { MATCH (n)-[:${type}*1..]->(n) }
     RETURN collect(n.id) AS ids`,
  );

/** What a bundle writes: node rows per label, relationships to remove, relationship rows per (from, type, to). */
export class Plan {
  readonly nodes = new Map<Label, NodeRow[]>();
  readonly rels = new Map<string, { from: Label; type: Rel; to: Label; rows: RelRow[] }>();
  readonly unlinks = new Map<string, { label: Label; type: Rel; direction: 'out' | 'in'; targets: readonly Label[]; rows: UnlinkRow[] }>();
  /** Links that may form no loop, with the path of each record's link for the error. */
  readonly acyclic = new Map<string, { label: Label; type: Rel; paths: Map<string, string> }>();
  /**
   * Every property a row of a node label or a relationship group may carry, each null: a row
   * holds only what its record gives, but a bulk load (bench/bulk.ts) writes every column.
   */
  readonly unset = new Map<string, Props>();

  node(label: Label, id: string, props: Props) {
    const rows = this.nodes.get(label) ?? [];
    rows.push({ id, props });
    this.nodes.set(label, rows);
  }

  /** An id in another dataset, kept as its own node so re-imports and overlapping files find the record. */
  external(externalId: string, label: Label, id: string) {
    this.node(Label.ExternalRecord, externalId, {});
    this.rel(Label.ExternalRecord, externalId, Rel.IDENTIFIES, label, id);
  }

  /** `fields`: the properties the relationship's link declares, which a bulk load writes as columns. */
  rel(from: Label, fromId: string, type: Rel, to: Label, toId: string, props: Props = {}, fields: Fields = {}) {
    const key = `${from}|${type}|${to}`;
    if (!this.unset.has(key)) this.unset.set(key, unsetProperties(fields));
    const group = this.rels.get(key) ?? { from, type, to, rows: [] };
    group.rows.push({ from: fromId, to: toId, props });
    this.rels.set(key, group);
  }

  unlink(label: Label, id: string, field: LinkField, keep: string | null) {
    const key = `${label}|${field.rel}|${field.direction}|${Object.values(field.targets).join('|')}`;
    const group = this.unlinks.get(key) ?? { label, type: field.rel, direction: field.direction, targets: [...new Set(Object.values(field.targets))], rows: [] };
    group.rows.push({ id, keep });
    this.unlinks.set(key, group);
  }

  /** Adds one record: the properties it gives, then its links. `path` locates it for errors (`places[3]`). */
  record(declaration: RecordDeclaration<any>, record: Props, path: string) {
    const id = record.id as string;
    const props = writeGiven(declaration.fields, record);
    const derive = declaration.derive;
    if (derive && derive.from.some((name) => record[name] !== undefined)) Object.assign(props, derive.props(record as never));
    const kindToken = searchable.kindTokens[declaration.label as keyof typeof searchable.kindTokens];
    if (kindToken) props[StorageProperty.searchKind] = kindToken;
    if (!this.unset.has(declaration.label)) this.unset.set(declaration.label, unsetProperties(declaration.fields));
    this.node(declaration.label, id, props);
    for (const [name, field] of linkFields(declaration)) this.links(declaration, id, field, record[name], `${path}.${name}`);
    for (const [name, field] of Object.entries(declaration.fields as Fields)) {
      if (field.role === 'external') for (const externalId of (record[name] as string[] | null | undefined) ?? []) this.external(externalId, declaration.label, id);
    }
  }

  private links(declaration: RecordDeclaration<any>, id: string, field: LinkField, value: unknown, path: string) {
    if (value === undefined) return;
    const label = declaration.label;
    if (value === null || !field.many) this.unlink(label, id, field, (value as string | null) ?? null);
    if (value === null) return;
    for (const target of linkTargets(field, value, path)) {
      const ends = (direction: 'out' | 'in') =>
        direction === 'out' ? ([label, id, target.label, target.id] as const) : ([target.label, target.id, label, id] as const);
      const [from, fromId, to, toId] = ends(field.direction);
      this.rel(from, fromId, field.rel, to, toId, writeGiven(field.props, target.props), field.props);
      if (field.implies) {
        const [impliedFrom, impliedFromId, impliedTo, impliedToId] = ends(field.implies.direction);
        this.rel(impliedFrom, impliedFromId, field.implies.rel, impliedTo, impliedToId);
      }
    }
    if (field.acyclic) {
      const key = `${label}|${field.rel}`;
      const check = this.acyclic.get(key) ?? { label, type: field.rel, paths: new Map() };
      check.paths.set(id, path);
      this.acyclic.set(key, check);
    }
  }
}

export function plan(bundle: Bundle): Plan {
  const p = new Plan();
  for (const declaration of recordDeclarations) {
    const records = (bundle[declaration.kind] ?? []) as Props[];
    records.forEach((record, index) => p.record(declaration, record, `${declaration.kind}[${index}]`));
  }
  return p;
}

export interface WriteSummary {
  nodesCreated: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
}

/** Whether a write changed the graph at all (a write of what it already holds changes nothing). */
export const changedAnything = (summary: WriteSummary) =>
  summary.nodesCreated + summary.relationshipsCreated + summary.relationshipsDeleted + summary.propertiesSet > 0;

/** The Source node's properties (its dates kept as written, unlike the records' dates). */
export const sourceProps = (source: SourceRecord): Props => ({
  title: source.title,
  uri: source.uri ?? null,
  publishedAt: source.publishedAt ?? null,
  recordedAt: source.recordedAt,
  note: source.note ?? null,
});

/** The day every record of the source is stamped with at creation (`recordedAt`). */
export const recordedDay = (source: SourceRecord) => neo4jDate(periodOfValid(source.recordedAt).first);

const upsertSource = cypher(
  'upsert Source',
  `MERGE (s:${Label.Source} {id: $id})
   SET s += $props`,
);

const existingIds = (label: Label) =>
  cypher(`existing ${label} ids`, `UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN collect(n.id) AS found`);

/** Fails with every reference (to a record outside the bundle) that the graph does not hold either. */
async function checkReferences(tx: ManagedTransaction, file: string, references: ExternalReference[]): Promise<void> {
  const missing: ExternalReference[] = [];
  for (const kind of new Set(references.map((ref) => ref.to))) {
    const wanted = references.filter((ref) => ref.to === kind);
    const result = await tx.run(existingIds(declarationOfKind[kind].label).cypher, { ids: [...new Set(wanted.map((ref) => ref.id))] });
    const found = new Set(result.records[0]?.get('found') as string[]);
    missing.push(...wanted.filter((ref) => !found.has(ref.id)));
  }
  if (missing.length > 0) {
    throw new BundleError(
      file,
      missing.map((ref) => ({
        path: ref.path,
        message: `"${ref.id}" is neither one of the bundle's ${ref.to} nor in the graph`,
        missing: { kind: ref.to, id: ref.id },
      })),
    );
  }
}

/** Writes a plan inside a transaction; throws BundleError (and so rolls the transaction back) on a missing reference or a loop. */
async function applyPlan(tx: ManagedTransaction, p: Plan, source: SourceRecord, references: ExternalReference[], file: string): Promise<WriteSummary> {
  const summary: WriteSummary = { nodesCreated: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0 };
  const run = async (query: NamedQuery, params: Props) => {
    const counters = (await tx.run(query.cypher, params)).summary.counters.updates();
    summary.nodesCreated += counters.nodesCreated;
    summary.relationshipsCreated += counters.relationshipsCreated;
    summary.relationshipsDeleted += counters.relationshipsDeleted;
    summary.propertiesSet += counters.propertiesSet;
  };
  await checkReferences(tx, file, references);
  // Restating a known source's properties is not a change to report; a new source is.
  const sourceWrite = await tx.run(upsertSource.cypher, { id: source.id, props: sourceProps(source) });
  summary.nodesCreated += sourceWrite.summary.counters.updates().nodesCreated;
  const recordedAt = recordedDay(source);
  for (const [label, rows] of p.nodes) await run(upsertNodes(label), { rows, source: source.id, recordedAt });
  for (const group of p.unlinks.values()) await run(unlinkRels(group.label, group.type, group.direction, group.targets), { rows: group.rows });
  for (const group of p.rels.values()) {
    const withProps = group.rows.some((row) => Object.keys(row.props).length > 0);
    await run(upsertRels(group.from, group.type, group.to, withProps), { rows: group.rows });
  }
  // Statements whose madeAt or speaker this plan may have changed: their key follows (see speaker-key.ts).
  const statements = p.nodes.get(Label.Statement);
  if (statements) await run(refreshSpeakerKeys, { ids: statements.map((row) => row.id) });
  // Places whose point or kind, and events whose places, this plan may have changed: their match cells follow (see match-cell.ts).
  const places = p.nodes.get(Label.Place);
  if (places) await run(refreshPlaceCells, { ids: places.map((row) => row.id) });
  const events = p.nodes.get(Label.Event);
  if (events) await run(refreshPlaceDerived, { ids: events.map((row) => row.id) });
  const loops = [];
  for (const check of p.acyclic.values()) {
    const result = await tx.run(cyclic(check.label, check.type).cypher, { ids: [...check.paths.keys()] });
    for (const id of result.records[0]?.get('ids') as string[]) {
      loops.push({ path: check.paths.get(id)!, message: `would make a loop: "${id}" would be ${check.type} itself through the graph's links` });
    }
  }
  if (loops.length > 0) throw new BundleError(file, loops);
  return summary;
}

/**
 * Validates any input as a bundle and writes it: the one way into the graph for seeds, bundle
 * files, the API and importers. Throws BundleError, with every problem's path, before writing.
 */
export async function importBundle(db: Database, input: unknown, file = 'bundle'): Promise<WriteSummary> {
  const { problems, ...valid } = validateBundle(input);
  if (problems.length > 0) throw new BundleError(file, problems);
  return writeBundle(db, valid, file);
}

/** Writes a validated bundle in one transaction: it lands whole or not at all. */
export async function writeBundle(db: Database, { bundle, references }: ValidBundle, file = 'bundle'): Promise<WriteSummary> {
  const p = plan(bundle);
  return db.writeTransaction((tx) => applyPlan(tx, p, bundle.source, references, file));
}

const storedNode = (label: Label) => cypher(`stored ${label}`, `MATCH (n:${label} {id: $id}) RETURN n`);

/**
 * Writes one record as an update: the fields it gives change, those it leaves out stay as they
 * are, null clears one. A new record must give every required field; an existing one already
 * has them. Reading what is stored, validating and writing happen in one transaction.
 */
export async function upsertRecord(
  db: Database,
  kind: RecordKind,
  input: Props,
  source: SourceRecord,
  file = 'input',
): Promise<WriteSummary> {
  return upsertRecords(db, [{ kind, input }], source, file);
}

/**
 * Writes several records as updates (see upsertRecord) in one transaction, which may refer to one
 * another; `then` runs in the same transaction after them (an audit entry), so all of it lands or
 * none.
 */
export async function upsertRecords(
  db: Database,
  records: Array<{ kind: RecordKind; input: Props }>,
  source: SourceRecord,
  file = 'input',
  then?: (tx: ManagedTransaction) => Promise<unknown>,
): Promise<WriteSummary> {
  return db.writeTransaction(async (tx) => {
    const p = new Plan();
    const problems: BundleProblem[] = [];
    const references: ExternalReference[] = [];
    for (const { kind, input } of records) {
      const declaration: RecordDeclaration<any> = declarationOfKind[kind];
      const found = (await tx.run(storedNode(declaration.label).cypher, { id: input.id })).records[0];
      const stored = found ? plainProps(found.get('n')) : null;
      const record = stored ? { ...storedInput(declaration, stored), ...input } : input;
      // Required links were given when the record was created; an update need not repeat them.
      const relaxed = new Set(stored ? linkFields(declaration).map(([name]) => name) : []);
      const checked = validateRecord(declaration, record, file, relaxed);
      problems.push(...checked.problems);
      references.push(...checked.references);
      if (checked.problems.length === 0) p.record(declaration, record, file);
    }
    if (problems.length > 0) throw new BundleError(file, problems);
    const written = new Set(records.map(({ kind, input }) => `${kind} ${String(input.id)}`));
    const summary = await applyPlan(tx, p, source, references.filter((ref) => !written.has(`${ref.to} ${ref.id}`)), file);
    await then?.(tx);
    return summary;
  });
}
