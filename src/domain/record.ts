import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { registrableDomain, registrableDomains } from './domains.js';
import type { Label, Rel } from './graph.js';
import { periodOf } from './partial-date.js';
import { Vocabularies, type DatePrecision, type VocabularyName } from './vocabulary.js';

/**
 * The record declaration: each kind of record (an event, a place, ...) is declared once, in its
 * module, as a set of fields. A field knows how to validate its value (zod), how GraphQL spells
 * it, and how it is stored: as node properties, or as relationships to other records. The bundle
 * types, validation, the GraphQL inputs, the write plan, the row mapper and the registries are all
 * derived from these declarations (see src/modules/records.ts).
 *
 * Writing follows one rule everywhere (bundles, importers, the API): a field left out is left
 * alone; an explicit null clears it; a list of links adds to the links already there.
 */

export type Props = Record<string, unknown>;

/** A problem with one value of a record, at a path relative to the record (`stances[0].claim`). */
export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * Bounds every string: values above them are mistakes, and Neo4j refuses index entries over 8 kB
 * (a URL of 2,000 characters stays under it even in four-byte UTF-8). A title may be a URL: GDELT
 * gives no headlines.
 */
export const MaxLength = { key: 200, name: 300, title: 2048, url: 2000, text: 20_000, note: 5000 } as const;

interface FieldBase {
  description: string;
  required: boolean;
}

/** A value stored on the node itself. */
export interface PropertyField<Value = unknown, Read = unknown> extends FieldBase {
  role: 'property';
  schema: z.ZodType<Value>;
  /** How GraphQL spells it: a scalar name, a vocabulary (a GraphQL enum), or the point input. */
  graphql: { scalar: 'String' | 'Int' | 'Float' | 'Boolean' } | { vocabulary: VocabularyName } | { point: true };
  list: boolean;
  /**
   * Words people read and type (names, titles, text, notes, credits, a kind such as PHOTO): full-text
   * search indexes it. Formatted values (URLs, codes, dates, domains) are not words to search for.
   */
  searchable: boolean;
  /** Node properties for a value; null clears them. */
  write(name: string, value: Value | null): Props;
  /** The value back from stored properties (as `toPlain` gives them), in the form it was written. */
  read(name: string, stored: Props): Read;
  /** Other properties this field stores beside its own, read back under these names (a date's precision). */
  companions: (name: string) => string[];
  /** Every stored property `read` looks at: what a query must return for this field (an event's end reads its start's precision). */
  reads: (name: string) => string[];
  /** Phantom: what `read` returns, for the derived record types. */
  readonly _read?: Read;
}

/** The end of a link: a record label, named in input by a key such as `actor` or `outlet`. */
export type LinkTargets = Readonly<Record<string, Label>>;

/**
 * A value stored as relationships from (or to) the record. `shape` is how the input names the far
 * end: `key` (a string, or a list of them), or `object` (a mapping naming exactly one target, plus
 * properties kept on the relationship).
 */
export interface LinkField<Value = unknown> extends FieldBase {
  role: 'link';
  rel: Rel;
  /** `out`: (record)-[rel]->(target); `in`: (target)-[rel]->(record). */
  direction: 'out' | 'in';
  targets: LinkTargets;
  many: boolean;
  shape: 'key' | 'object';
  /** Properties of the relationship (object links only). */
  props: Readonly<Record<string, PropertyField>>;
  /** The input object's GraphQL name and description (object links only). */
  input?: { name: string; description: string };
  /** The output union of the targets, when there are several (`Cited`). */
  union?: { name: string; description: string };
  /** The link may not lead back to the record, directly or through longer loops. */
  acyclic: boolean;
  /** A second relationship each link implies (a statement's first article also reports it). */
  implies?: { rel: Rel; direction: 'out' | 'in' };
  schema: z.ZodType<Value>;
  /** Phantom: the input value type. */
  readonly _value?: Value;
}

/** Ids of the record in other datasets ("gdelt:599912345"), each kept as its own node. */
export interface ExternalIdsField extends FieldBase {
  role: 'external';
  schema: z.ZodType<string[]>;
}

export type Field = PropertyField<any, any> | LinkField<any> | ExternalIdsField;
export type Fields = Readonly<Record<string, Field>>;

// ---- field constructors ----

type Options<Required extends boolean> = { description: string; required?: Required };

const nonEmpty = (max: number) =>
  z
    .string({ error: 'must be a non-empty string' })
    .refine((value) => value.trim() !== '', { error: 'must be a non-empty string' })
    .refine((value) => value.length <= max, { error: `must be at most ${max.toLocaleString('en')} characters`, abort: true });

function patterned(max: number, pattern: RegExp, hint: string) {
  return nonEmpty(max).refine((value) => pattern.test(value), { error: (issue) => `"${String(issue.input)}" is not ${hint}` });
}

export const keySchema = patterned(MaxLength.key, /^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes');
const countrySchema = patterned(2, /^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as IQ');
const externalIdSchema = patterned(MaxLength.key, /^[a-z]+:\S+$/, 'a dataset-prefixed id such as gdelt:599912345');

/** A partial date, "2016", "2016-10" or "2016-10-21", as the source gave it. */
export const partialDateSchema = nonEmpty(10).refine((value) => periodOf(value) !== null, {
  error: (issue) => `"${String(issue.input)}" is not a date written YYYY, YYYY-MM or YYYY-MM-DD`,
});

const plain = (name: string, value: unknown): Props => ({ [name]: value ?? null });
const readPlain = (name: string, stored: Props) => stored[name] ?? null;

function property<Value, Read>(
  schema: z.ZodType<Value>,
  graphql: PropertyField['graphql'],
  options: Options<boolean> & { list?: boolean; searchable?: boolean },
  codec: Pick<PropertyField<Value, Read>, 'write' | 'read'> & { companions?: (name: string) => string[]; reads?: (name: string) => string[] },
): PropertyField<Value, Read> {
  return {
    role: 'property',
    schema,
    graphql,
    list: options.list ?? false,
    searchable: options.searchable ?? false,
    description: options.description,
    required: options.required ?? false,
    companions: codec.companions ?? (() => []),
    reads: codec.reads ?? ((name) => [name, ...(codec.companions?.(name) ?? [])]),
    write: codec.write,
    read: codec.read,
  };
}

type Nullable<Read, Required extends boolean> = Required extends true ? Read : Read | null;

/** Free text, bounded (`max` from MaxLength). */
export function text<const R extends boolean = false>(options: Options<R> & { max: number; pattern?: RegExp; hint?: string }): PropertyField<string, Nullable<string, R>> & { required: R } {
  const schema = options.pattern ? patterned(options.max, options.pattern, options.hint ?? 'valid') : nonEmpty(options.max);
  return property<string, Nullable<string, R>>(schema, { scalar: 'String' }, { ...options, searchable: !options.pattern }, {
    write: plain,
    read: readPlain as (name: string, stored: Props) => Nullable<string, R>,
  }) as PropertyField<string, Nullable<string, R>> & { required: R };
}

/** An ISO 3166-1 alpha-2 country code. */
export const country = (description: string) =>
  property<string, string | null>(countrySchema, { scalar: 'String' }, { description }, {
    write: plain,
    read: readPlain as (name: string, stored: Props) => string | null,
  });

/** A list of strings (aliases, domains), stored as a list property; empty when absent. */
export function texts(options: Options<false> & { max: number; pattern?: RegExp; hint?: string }) {
  const item = options.pattern ? patterned(options.max, options.pattern, options.hint ?? 'valid') : nonEmpty(options.max);
  return property<string[], string[]>(z.array(item, { error: 'must be a list' }).max(1000), { scalar: 'String' }, { ...options, list: true, searchable: !options.pattern }, {
    write: (name, value) => ({ [name]: value ?? [] }),
    read: (name, stored) => (stored[name] as string[] | undefined) ?? [],
  });
}

/**
 * Web domains an outlet publishes on, any host of them accepted (`www.rt.com`) and stored as its
 * registrable domain (`rt.com`, see domains.ts), each once: so lookups by domain meet whatever host
 * a source named.
 */
export function domains(options: Options<false>) {
  const item = patterned(253, /^[a-z0-9.-]+\.[a-z]{2,}$/, 'a domain such as rt.com').refine((value) => registrableDomain(value) !== null, {
    error: (issue) => `"${String(issue.input)}" is a public suffix, not a domain an outlet can own (such as rt.com)`,
  });
  return property<string[], string[]>(z.array(item, { error: 'must be a list' }).max(1000), { scalar: 'String' }, { ...options, list: true }, {
    write: (name, value) => ({ [name]: registrableDomains(value ?? []) }),
    read: (name, stored) => (stored[name] as string[] | undefined) ?? [],
  });
}

/** A whole number of at least `min`. */
export function int(options: Options<false> & { min: number; max?: number }) {
  const message = `must be a whole number of at least ${options.min}${options.max === undefined ? '' : ` and at most ${options.max}`}`;
  const schema = z.number({ error: message }).int({ error: message })
    .min(options.min, { error: message }).max(options.max ?? Number.MAX_SAFE_INTEGER, { error: options.max === undefined ? 'is too large' : message });
  return property<number, number | null>(schema, { scalar: 'Int' }, options, {
    write: (name, value) => ({ [name]: value == null ? null : neo4j.int(value) }),
    read: readPlain as (name: string, stored: Props) => number | null,
  });
}

/** A number in a range (a distance in kilometres). */
export function number(options: Options<false> & { min: number; max: number }) {
  const message = `must be a number from ${options.min} to ${options.max}`;
  const schema = z.number({ error: message }).refine((value) => Number.isFinite(value) && value >= options.min && value <= options.max, { error: message });
  return property<number, number | null>(schema, { scalar: 'Float' }, options, {
    write: plain,
    read: readPlain as (name: string, stored: Props) => number | null,
  });
}

/** True, false, or unknown (absent). */
export const boolean = (description: string) =>
  property<boolean, boolean | null>(z.boolean({ error: 'must be true or false' }), { scalar: 'Boolean' }, { description }, {
    write: plain,
    read: readPlain as (name: string, stored: Props) => boolean | null,
  });

/** A value of one of the domain's closed vocabularies (src/domain/vocabulary.ts). */
type VocabularyValue<N extends VocabularyName> = keyof (typeof Vocabularies)[N]['values'] & string;
export function vocabulary<N extends VocabularyName, const R extends boolean = false>(
  name: N,
  options: Options<R>,
): PropertyField<VocabularyValue<N>, Nullable<VocabularyValue<N>, R>> & { required: R } {
  const values = Object.keys(Vocabularies[name].values) as Array<VocabularyValue<N>>;
  const schema = z.string({ error: 'must be a non-empty string' }).refine((value) => (values as string[]).includes(value), {
    error: (issue) => `"${String(issue.input)}" is not one of ${values.join(', ')}`,
  }) as unknown as z.ZodType<(typeof values)[number]>;
  return property<(typeof values)[number], Nullable<(typeof values)[number], R>>(schema, { vocabulary: name }, { ...options, searchable: true }, {
    write: plain,
    read: readPlain as (name: string, stored: Props) => Nullable<(typeof values)[number], R>,
  }) as PropertyField<VocabularyValue<N>, Nullable<VocabularyValue<N>, R>> & { required: R };
}

/** Dates are stored as the first day of their period with its precision; shown as precisely as the source gave them. */
const lengthOf: Record<DatePrecision, number> = { YEAR: 4, MONTH: 7, DAY: 10 };
export function partialDate(isoDate: unknown, precision: unknown): string | null {
  if (typeof isoDate !== 'string') return null;
  return isoDate.slice(0, lengthOf[(precision as DatePrecision) ?? 'DAY'] ?? 10);
}

export function neo4jDate(iso: string): InstanceType<typeof neo4j.types.Date> {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new neo4j.types.Date(year, month, day);
}

/** Validated dates only reach the writers, so the period always exists. */
export const periodOfValid = (value: string) => periodOf(value)!;

/**
 * A partial date, stored as its first day and, in `precision` (default `<name>Precision`), how
 * precise it is. With `precision: { readFrom }` it stores no precision of its own and is shown
 * with another date's (an event's end, shown as precisely as its start).
 */
export function date<const R extends boolean = false>(
  options: Options<R> & { precision?: string | { readFrom: string } },
): PropertyField<string, Nullable<string, R>> & { required: R } {
  const own = typeof options.precision === 'object' ? null : (name: string) => (options.precision as string | undefined) ?? `${name}Precision`;
  const readPrecision = (name: string) => (own ? own(name) : (options.precision as { readFrom: string }).readFrom);
  return property<string, Nullable<string, R>>(partialDateSchema, { scalar: 'String' }, options, {
    write: (name, value) => ({
      [name]: value == null ? null : neo4jDate(periodOfValid(value).first),
      ...(own ? { [own(name)]: value == null ? null : periodOfValid(value).precision } : {}),
    }),
    read: (name, stored) => partialDate(stored[name], stored[readPrecision(name)]) as Nullable<string, R>,
    companions: (name) => (own ? [own(name)] : []),
    reads: (name) => [name, readPrecision(name)],
  }) as PropertyField<string, Nullable<string, R>> & { required: R };
}

/** A WGS 84 position, stored as a Neo4j point. */
export function point(description: string) {
  const schema = z.strictObject({
    latitude: z.number({ error: 'must be a number from -90 to 90' }).min(-90, { error: 'must be a number from -90 to 90' }).max(90, { error: 'must be a number from -90 to 90' }),
    longitude: z.number({ error: 'must be a number from -180 to 180' }).min(-180, { error: 'must be a number from -180 to 180' }).max(180, { error: 'must be a number from -180 to 180' }),
  }, { error: 'must be a mapping of latitude and longitude' });
  type LatLng = { latitude: number; longitude: number };
  return property<LatLng, LatLng | null>(schema, { point: true }, { description }, {
    write: (name, value) => ({ [name]: value == null ? null : new neo4j.types.Point(4326, value.longitude, value.latitude) }),
    read: readPlain as (name: string, stored: Props) => LatLng | null,
  });
}

// ---- links ----

type LinkOptions = {
  rel: Rel;
  description: string;
  direction?: 'out' | 'in';
  acyclic?: boolean;
  implies?: { rel: Rel; direction: 'out' | 'in' };
};

const keyList = z.array(keySchema, { error: 'must be a list' }).max(10_000);

/** A link to one record, named by its key. */
export function link<const R extends boolean = false>(to: Label, options: LinkOptions & { required?: R }): LinkField<string> & { required: R } {
  return linkField(keySchema, { target: to }, false, 'key', options) as LinkField<string> & { required: R };
}

/** Links to several records of one kind, named by their keys. */
export function links(to: Label, options: LinkOptions): LinkField<string[]> {
  return linkField(keyList, { target: to }, true, 'key', options);
}

type ObjectValue<T extends LinkTargets, P extends Record<string, PropertyField>> = { [K in keyof T]?: string } & {
  [K in keyof P]?: P[K] extends PropertyField<infer V> ? V | null : never;
};

/**
 * Links given as mappings: each names exactly one target by its kind (`{ actor: key }` or
 * `{ outlet: key }`) and carries the relationship's own properties.
 */
export function linkObjects<T extends LinkTargets, P extends Record<string, PropertyField>>(
  targets: T,
  props: P,
  options: LinkOptions & { input: { name: string; description: string }; union?: { name: string; description: string } },
): LinkField<Array<ObjectValue<T, P>>> {
  const names = Object.keys(targets);
  const item = z
    .record(z.string(), z.unknown(), { error: 'must be a mapping' })
    .superRefine((value, ctx) => {
      const named = names.filter((name) => value[name] !== undefined && value[name] !== null);
      if (named.length !== 1) ctx.addIssue({ code: 'custom', message: `must name exactly one of ${names.join(', ')}` });
      for (const name of names) {
        if (value[name] === undefined || value[name] === null) continue;
        const result = keySchema.safeParse(value[name]);
        if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [name] });
      }
      for (const [name, inner] of Object.entries(value)) {
        if (name in targets) continue;
        const field = props[name];
        if (!field) {
          ctx.addIssue({ code: 'custom', message: `is not a known field (expected one of ${[...names, ...Object.keys(props)].join(', ')})`, path: [name] });
          continue;
        }
        if (inner === undefined || inner === null) continue;
        const result = field.schema.safeParse(inner);
        if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [name, ...issue.path] as PropertyKey[] as (string | number)[] });
      }
      for (const [name, field] of Object.entries(props)) {
        if (field.required && (value[name] === undefined || value[name] === null)) ctx.addIssue({ code: 'custom', message: 'is required', path: [name] });
      }
    }) as unknown as z.ZodType<ObjectValue<T, P>>;
  return { ...linkField(z.array(item, { error: 'must be a list' }).max(10_000), targets, true, 'object', options), props, input: options.input, union: options.union };
}

function linkField<V>(schema: z.ZodType<V>, targets: LinkTargets, many: boolean, shape: 'key' | 'object', options: LinkOptions & { required?: boolean }): LinkField<V> {
  return {
    role: 'link',
    rel: options.rel,
    direction: options.direction ?? 'out',
    targets,
    many,
    shape,
    props: {},
    acyclic: options.acyclic ?? false,
    implies: options.implies,
    schema,
    description: options.description,
    required: options.required ?? false,
  };
}

/** Ids of the record in other datasets, each kept as an ExternalRecord node that IDENTIFIES it. */
export const externalIds = (description: string): ExternalIdsField => ({
  role: 'external',
  schema: z.array(externalIdSchema, { error: 'must be a list' }).max(1000),
  description,
  required: false,
});

/** How each record was read from its source, especially where the source is ambiguous. */
export const note = () => text({ max: MaxLength.note, description: 'How the record was read from its source.' });

// ---- the declaration ----

export interface RecordDeclaration<F extends Fields = Fields, Kind extends string = string, Typename extends string = string, L extends Label = Label> {
  /** The bundle section (`events`), also the kind named in NotFoundError. */
  kind: Kind;
  label: L;
  /** The GraphQL object type. */
  typename: Typename;
  /** The record's value in the NodeKind enum and what it means. */
  nodeKind: { value: string; description: string };
  /** The GraphQL input of its upsert mutation. */
  input: { name: string; description: string };
  fields: F;
  /**
   * Set when the natural key may be left out of the upsert mutation: how it is then found or made
   * from another field (an outlet's domain, an article's URL).
   */
  keyOptional?: string;
  /** Properties computed from several fields; written whenever one of `from` is. */
  derive?: { from: ReadonlyArray<keyof F & string>; props(record: InputOf<F>): Props };
  /** Rules across fields (a period that ends before it starts), each problem at its path. */
  check?(record: InputOf<F>): FieldProblem[];
}

export function defineRecord<const F extends Fields, const Kind extends string, const Typename extends string, const L extends Label>(
  declaration: RecordDeclaration<F, Kind, Typename, L> & {
    // The fields alone decide F: the callbacks are typed by it, not read to infer it.
    derive?: { from: ReadonlyArray<NoInfer<keyof F & string>>; props: (record: NoInfer<InputOf<F>>) => Props };
    check?: (record: NoInfer<InputOf<F>>) => FieldProblem[];
  },
): RecordDeclaration<F, Kind, Typename, L> {
  return declaration;
}

type ValueOf<F> = F extends PropertyField<infer V, any> ? V : F extends LinkField<infer V> ? V : F extends ExternalIdsField ? string[] : never;
type RequiredKeys<F extends Fields> = { [K in keyof F]: F[K]['required'] extends true ? K : never }[keyof F];
type OptionalKeys<F extends Fields> = Exclude<keyof F, RequiredKeys<F>>;

/** A record as a bundle or an upsert gives it: `id` plus its fields (optional ones may be null, to clear them). */
export type InputOf<F extends Fields> = { id: string } & { [K in RequiredKeys<F>]: ValueOf<F[K]> } & {
  [K in OptionalKeys<F>]?: ValueOf<F[K]> | null;
};
export type RecordInput<D extends RecordDeclaration<any>> = InputOf<D['fields']>;

type PropertyKeys<F extends Fields> = { [K in keyof F]: F[K] extends PropertyField ? K : never }[keyof F];
type ReadOf<F> = F extends PropertyField<any, infer Read> ? Read : never;

/** What every stored record carries beside its fields: its key, its provenance. */
export interface BaseRecord {
  id: string;
  note: string | null;
  /** Ids of the Source records it came from. */
  sources: string[];
  recordedAt: string | null;
}

/** A stored record as the API reads it: its typename, key, provenance, and every property field. */
export type StoredRecord<D extends RecordDeclaration<any>, Extra = unknown> = { __typename: D['typename'] } & BaseRecord & {
  [K in PropertyKeys<D['fields']>]: ReadOf<D['fields'][K]>;
} & Extra;

/** The stored properties `baseRecord` reads. */
export const baseProperties = ['id', 'note', 'sources', 'recordedAt'] as const;

export function baseRecord(p: Props): BaseRecord {
  return {
    id: p.id as string,
    note: (p.note as string | undefined) ?? null,
    sources: (p.sources as string[] | undefined) ?? [],
    recordedAt: (p.recordedAt as string | undefined) ?? null,
  };
}

export const propertyFields = (declaration: RecordDeclaration<any>): Array<[string, PropertyField]> =>
  Object.entries(declaration.fields as Fields).filter((entry): entry is [string, PropertyField] => entry[1].role === 'property');

export const linkFields = (declaration: RecordDeclaration<any>): Array<[string, LinkField]> =>
  Object.entries(declaration.fields as Fields).filter((entry): entry is [string, LinkField] => entry[1].role === 'link');

/**
 * The row mapper: a node's properties (already plain, see db/values.ts) as the record the API
 * serves. `extra` names companion properties to keep (a date's precision).
 */
export function recordReader<D extends RecordDeclaration<any>, Extra = unknown>(declaration: D): (p: Props) => StoredRecord<D, Extra> {
  const fields = propertyFields(declaration).map(([name, field]) => [name, field, field.companions(name)] as const);
  return (p) => {
    const record: Props = { __typename: declaration.typename, ...baseRecord(p) };
    for (const [name, field, companions] of fields) {
      record[name] = field.read(name, p);
      for (const companion of companions) record[companion] = p[companion] ?? null;
    }
    return record as StoredRecord<D, Extra>;
  };
}

/** The properties the fields a record (or a link) gives store: a field left out writes nothing, null clears. */
export function writeGiven(fields: Readonly<Record<string, Field>>, given: Props): Props {
  const props: Props = {};
  for (const [name, field] of Object.entries(fields)) {
    if (field.role === 'property' && given[name] !== undefined) Object.assign(props, field.write(name, given[name] ?? null));
  }
  return props;
}

/** Every property a record's fields may store (a date with its precision, say), each as null. */
export function unsetProperties(fields: Readonly<Record<string, Field>>): Props {
  const props: Props = {};
  for (const [name, field] of Object.entries(fields)) if (field.role === 'property') for (const key of Object.keys(field.write(name, null))) props[key] = null;
  return props;
}

/** The record's stored property fields back in input form, to fill what a partial update leaves out. */
export function storedInput(declaration: RecordDeclaration<any>, p: Props): Props {
  const input: Props = { id: p.id };
  for (const [name, field] of propertyFields(declaration)) {
    const value = field.read(name, p);
    if (value !== null && !(Array.isArray(value) && value.length === 0 && p[name] === undefined)) input[name] = value;
  }
  return input;
}
