import type { z } from 'zod';
import type { Label } from '../domain/graph.js';
import { keySchema, type Field, type Fields, type LinkField, type RecordDeclaration } from '../domain/record.js';
import { declarationOfKind, kindOfLabel, recordDeclarations, recordKinds, type RecordKind } from '../modules/records.js';
import { sourceFields, type Bundle } from './bundle-types.js';

/** One problem in a bundle, at a path such as `statements[3].stances[0].claim`. */
export interface BundleProblem {
  path: string;
  message: string;
  /** Set when the problem is a reference to a record that exists neither in the bundle nor in the graph. */
  missing?: { kind: RecordKind; id: string };
}

/** A reference to a record the bundle does not hold, which must already be in the graph. */
export interface ExternalReference {
  path: string;
  to: RecordKind;
  id: string;
}

/** A bundle whose shape is valid, with the references it makes to records already in the graph. */
export interface ValidBundle {
  bundle: Bundle;
  references: ExternalReference[];
}

export class BundleError extends Error {
  override name = 'BundleError';
  constructor(
    readonly file: string,
    readonly problems: BundleProblem[],
  ) {
    super(
      `${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  ${p.path}: ${p.message}`).join('\n'),
    );
  }
}

const isMapping = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** zod's issues as problems under `path` (`events[0].location` + `latitude`). */
function issuesAt(path: string, error: z.ZodError): BundleProblem[] {
  return error.issues.map((issue) => ({
    path: path + issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join(''),
    message: issue.message,
  }));
}

/**
 * Checks one record against its fields: every unknown field, missing required field and bad value
 * is a problem at its path. `relaxed` names required fields that may be left out (an update of a
 * record that already has them).
 */
export function checkFields(value: unknown, fields: Fields, path: string, relaxed: ReadonlySet<string> = new Set()): BundleProblem[] {
  if (!isMapping(value)) return [{ path, message: 'must be a mapping' }];
  const problems: BundleProblem[] = [];
  const known = ['id', ...Object.keys(fields)];
  for (const name of Object.keys(value)) {
    if (!known.includes(name)) problems.push({ path: `${path}.${name}`, message: `is not a known field (expected one of ${known.join(', ')})` });
  }
  const entries: Array<[string, Pick<Field, 'required' | 'schema'>]> = [['id', { required: true, schema: keySchema }], ...Object.entries(fields)];
  for (const [name, field] of entries) {
    const given = value[name];
    if (given === undefined || given === null) {
      // null clears an optional field; a required one cannot be cleared.
      if (field.required && (given === null || !relaxed.has(name))) problems.push({ path: `${path}.${name}`, message: 'is required' });
      continue;
    }
    const result = field.schema.safeParse(given);
    if (!result.success) problems.push(...issuesAt(`${path}.${name}`, result.error));
  }
  return problems;
}

/** Every record a link field names, with the path of each name. */
export function linkTargets(
  field: LinkField,
  value: unknown,
  path: string,
): Array<{ path: string; label: Label; kind: RecordKind; id: string; props: Record<string, unknown> }> {
  if (value === undefined || value === null) return [];
  const items = field.many ? (value as unknown[]) : [value];
  const single = Object.values(field.targets)[0]!;
  return items.map((item, index) => {
    const at = field.many ? `${path}[${index}]` : path;
    if (field.shape === 'key') return { path: at, label: single, kind: kindOfLabel(single)!, id: item as string, props: {} };
    const mapping = item as Record<string, unknown>;
    const name = Object.keys(field.targets).find((target) => mapping[target] != null)!;
    const props = Object.fromEntries(Object.entries(mapping).filter(([key]) => !(key in field.targets)));
    const label = field.targets[name]!;
    return { path: `${at}.${name}`, label, kind: kindOfLabel(label)!, id: mapping[name] as string, props };
  });
}

/** Problems of one record beyond its fields' own: links to itself, and the declaration's rules across fields. */
function checkRecord(declaration: RecordDeclaration<any>, record: Record<string, unknown>, path: string): BundleProblem[] {
  const problems: BundleProblem[] = [];
  for (const [name, field] of Object.entries(declaration.fields as Fields)) {
    if (field.role !== 'link' || !field.acyclic) continue;
    for (const target of linkTargets(field, record[name], `${path}.${name}`)) {
      if (target.kind === declaration.kind && target.id === record.id) problems.push({ path: target.path, message: `"${target.id}" is the ${declaration.typename.toLowerCase()} itself` });
    }
  }
  for (const problem of declaration.check?.(record as never) ?? []) problems.push({ path: `${path}.${problem.path}`, message: problem.message });
  return problems;
}

/**
 * Checks one record of a kind: its fields, then (when they are valid) the rules across them.
 * Returns the problems and the references the record makes, each with its path.
 */
export function validateRecord(
  declaration: RecordDeclaration<any>,
  record: unknown,
  path: string,
  relaxed?: ReadonlySet<string>,
): { problems: BundleProblem[]; references: ExternalReference[] } {
  const problems = checkFields(record, declaration.fields, path, relaxed);
  if (problems.length > 0) return { problems, references: [] };
  const mapping = record as Record<string, unknown>;
  const references = Object.entries(declaration.fields as Fields).flatMap(([name, field]) =>
    field.role === 'link' ? linkTargets(field, mapping[name], `${path}.${name}`).map(({ path: at, kind, id }) => ({ path: at, to: kind, id })) : [],
  );
  return { problems: checkRecord(declaration, mapping, path), references };
}

/**
 * Checks a parsed bundle against the record declarations and resolves the references it can:
 * those to its own records. The rest must name records already in the graph; the write checks
 * them inside its transaction. Returns all the problems found (not just the first), each with its path.
 */
export function validateBundle(input: unknown): ValidBundle & { problems: BundleProblem[] } {
  if (!isMapping(input)) {
    return { bundle: input as Bundle, references: [], problems: [{ path: '$', message: 'a bundle must be a mapping of source, places, actors, ...' }] };
  }
  const problems: BundleProblem[] = [];
  const pending: ExternalReference[] = [];
  for (const name of Object.keys(input)) {
    if (name !== 'source' && !(recordKinds as string[]).includes(name)) {
      problems.push({ path: name, message: `is not a known section (expected source, ${recordKinds.join(', ')})` });
    }
  }
  if (input.source === undefined) problems.push({ path: 'source', message: 'is required' });
  else problems.push(...checkFields(input.source, sourceFields, 'source'));

  const ids = new Map<RecordKind, Set<string>>();
  for (const declaration of recordDeclarations) {
    const kind = declaration.kind;
    const seen = new Set<string>();
    ids.set(kind, seen);
    const records = input[kind];
    if (records === undefined) continue;
    if (!Array.isArray(records)) {
      problems.push({ path: kind, message: 'must be a list' });
      continue;
    }
    records.forEach((record: unknown, index) => {
      const checked = validateRecord(declarationOfKind[kind], record, `${kind}[${index}]`);
      problems.push(...checked.problems);
      pending.push(...checked.references);
      const id = isMapping(record) ? record.id : undefined;
      if (typeof id === 'string') {
        if (seen.has(id)) problems.push({ path: `${kind}[${index}].id`, message: `"${id}" is used twice in ${kind}` });
        seen.add(id);
      }
    });
  }
  const references = pending.filter((ref) => !ids.get(ref.to)?.has(ref.id));
  return { bundle: input as Bundle, references, problems };
}
