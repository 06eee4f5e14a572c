import type { Bundle } from './bundle-types.js';
import { periodOf } from '../domain/partial-date.js';
import {
  ActorKinds,
  AttributionRoles,
  CompassPoints,
  EventKinds,
  MediaKinds,
  OutletKinds,
  PlaceKinds,
  QuoteKinds,
  StanceValues,
  StatementKinds,
  Venues,
} from '../domain/vocabulary.js';

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

export type RecordKind = 'places' | 'actors' | 'outlets' | 'articles' | 'events' | 'claims' | 'statements' | 'media';

type Field =
  | { type: 'string'; required?: boolean; pattern?: RegExp; hint?: string }
  | { type: 'int'; min?: number }
  | { type: 'number'; min: number; max: number }
  | { type: 'boolean' }
  | { type: 'date'; required?: boolean }
  | { type: 'enum'; values: Readonly<Record<string, string>>; required?: boolean }
  | { type: 'ref'; to: RecordKind; required?: boolean }
  | { type: 'list'; of: Field }
  | { type: 'object'; fields: Shape; required?: boolean }
  /** An object naming exactly one target, by kind: `{ actor: id }` or `{ outlet: id }`, plus `fields`. */
  | { type: 'target'; targets: Partial<Record<string, RecordKind>>; fields: Shape };

type Shape = Record<string, Field>;

const key: Field = { type: 'string', required: true, pattern: /^[a-z0-9][a-z0-9-]*$/, hint: 'lowercase letters, digits and dashes' };
const text: Field = { type: 'string' };
const requiredText: Field = { type: 'string', required: true };
const country: Field = { type: 'string', pattern: /^[A-Z]{2}$/, hint: 'an ISO 3166-1 alpha-2 code such as IQ' };
const externalId: Field = { type: 'string', required: true, pattern: /^[a-z]+:\S+$/, hint: 'a dataset-prefixed id such as gdelt:599912345' };
const refs = (to: RecordKind): Field => ({ type: 'list', of: { type: 'ref', to, required: true } });

const shapes: Record<RecordKind, Shape> = {
  places: {
    id: key,
    name: requiredText,
    kind: { type: 'enum', values: PlaceKinds, required: true },
    countryCode: country,
    location: {
      type: 'object',
      fields: {
        latitude: { type: 'number', min: -90, max: 90 },
        longitude: { type: 'number', min: -180, max: 180 },
      },
    },
    within: { type: 'ref', to: 'places' },
    near: {
      type: 'list',
      of: {
        type: 'object',
        required: true,
        fields: {
          place: { type: 'ref', to: 'places', required: true },
          distanceKm: { type: 'number', min: 0, max: 20_000 },
          direction: { type: 'enum', values: CompassPoints },
          note: text,
        },
      },
    },
    note: text,
  },
  actors: {
    id: key,
    name: requiredText,
    kind: { type: 'enum', values: ActorKinds, required: true },
    aliases: { type: 'list', of: requiredText },
    countryCode: country,
    roles: { type: 'list', of: { type: 'target', targets: { actor: 'actors', outlet: 'outlets' }, fields: { title: requiredText, note: text } } },
    operates: refs('outlets'),
    note: text,
  },
  outlets: {
    id: key,
    name: requiredText,
    kind: { type: 'enum', values: OutletKinds, required: true },
    domains: { type: 'list', of: { type: 'string', required: true, pattern: /^[a-z0-9.-]+\.[a-z]{2,}$/, hint: 'a domain such as rt.com' } },
    country,
    stateAffiliation: country,
    note: text,
  },
  articles: {
    id: key,
    outlet: { type: 'ref', to: 'outlets', required: true },
    title: requiredText,
    url: { type: 'string', pattern: /^https?:\/\/\S+$/, hint: 'an http(s) URL' },
    publishedAt: { type: 'date' },
    language: { type: 'string', pattern: /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, hint: 'a BCP 47 tag such as en or ar-IQ' },
    cites: { type: 'list', of: { type: 'target', targets: { article: 'articles', outlet: 'outlets', actor: 'actors' }, fields: { via: text, note: text } } },
    reports: refs('statements'),
    note: text,
  },
  events: {
    id: key,
    kind: { type: 'enum', values: EventKinds, required: true },
    title: requiredText,
    summary: text,
    startDate: { type: 'date', required: true },
    endDate: { type: 'date' },
    places: refs('places'),
    partOf: { type: 'ref', to: 'events' },
    externalIds: { type: 'list', of: externalId },
    note: text,
  },
  claims: {
    id: key,
    proposition: requiredText,
    event: { type: 'ref', to: 'events', required: true },
    casualtiesMin: { type: 'int', min: 0 },
    casualtiesMax: { type: 'int', min: 0 },
    casualtiesText: text,
    attributesTo: {
      type: 'list',
      of: {
        type: 'object',
        required: true,
        fields: { actor: { type: 'ref', to: 'actors', required: true }, role: { type: 'enum', values: AttributionRoles, required: true } },
      },
    },
    note: text,
  },
  statements: {
    id: key,
    kind: { type: 'enum', values: StatementKinds, required: true },
    text: requiredText,
    quote: { type: 'enum', values: QuoteKinds, required: true },
    venue: { type: 'enum', values: Venues },
    madeAt: { type: 'date' },
    speaker: { type: 'ref', to: 'actors' },
    onBehalfOf: { type: 'ref', to: 'actors' },
    addressedTo: refs('actors'),
    firstAppearedIn: { type: 'ref', to: 'articles' },
    reportedIn: refs('articles'),
    respondsTo: refs('statements'),
    stances: {
      type: 'list',
      of: {
        type: 'object',
        required: true,
        fields: {
          claim: { type: 'ref', to: 'claims', required: true },
          value: { type: 'enum', values: StanceValues, required: true },
          note: text,
        },
      },
    },
    about: refs('events'),
    cites: {
      type: 'list',
      of: { type: 'target', targets: { statement: 'statements', actor: 'actors', article: 'articles', outlet: 'outlets' }, fields: { via: text } },
    },
    mentions: { type: 'list', of: { type: 'target', targets: { actor: 'actors', place: 'places', event: 'events', outlet: 'outlets' }, fields: {} } },
    externalIds: { type: 'list', of: externalId },
    note: text,
  },
  media: {
    id: key,
    kind: { type: 'enum', values: MediaKinds, required: true },
    caption: text,
    credit: text,
    creditedTo: refs('actors'),
    distributedBy: { type: 'ref', to: 'outlets' },
    embeddedIn: refs('articles'),
    depicts: {
      type: 'list',
      of: { type: 'target', targets: { event: 'events', place: 'places' }, fields: { verified: { type: 'boolean' }, note: text } },
    },
    note: text,
  },
};

const sourceShape: Shape = {
  id: key,
  title: requiredText,
  uri: text,
  publishedAt: { type: 'date' },
  recordedAt: { type: 'date', required: true },
  note: text,
};

const recordKinds = Object.keys(shapes) as RecordKind[];

/**
 * Checks a parsed bundle against the record shapes and resolves the references it can: those to
 * its own records. The rest must name records already in the graph; the write checks them inside
 * its transaction. Returns all the problems found (not just the first), each with its path.
 */
export function validateBundle(input: unknown): ValidBundle & { problems: BundleProblem[] } {
  const problems: BundleProblem[] = [];
  const report = (path: string, message: string): void => {
    problems.push({ path, message });
  };
  const pendingRefs: ExternalReference[] = [];

  const check = (value: unknown, field: Field, path: string): void => {
    if (value === undefined || value === null) {
      if ('required' in field && field.required) report(path, 'is required');
      return;
    }
    switch (field.type) {
      case 'string':
      case 'date':
      case 'enum':
      case 'ref': {
        if (typeof value !== 'string' || value.trim() === '') return report(path, 'must be a non-empty string');
        if (field.type === 'string' && field.pattern && !field.pattern.test(value)) {
          return report(path, `"${value}" is not ${field.hint}`);
        }
        if (field.type === 'date' && !periodOf(value)) {
          return report(path, `"${value}" is not a date written YYYY, YYYY-MM or YYYY-MM-DD`);
        }
        if (field.type === 'enum' && !(value in field.values)) {
          return report(path, `"${value}" is not one of ${Object.keys(field.values).join(', ')}`);
        }
        if (field.type === 'ref') pendingRefs.push({ path, to: field.to, id: value });
        return;
      }
      case 'int':
        if (!Number.isInteger(value) || (value as number) < (field.min ?? -Infinity)) {
          return report(path, `must be a whole number${field.min !== undefined ? ` of at least ${field.min}` : ''}`);
        }
        return;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value) || value < field.min || value > field.max) {
          return report(path, `must be a number from ${field.min} to ${field.max}`);
        }
        return;
      case 'boolean':
        if (typeof value !== 'boolean') report(path, 'must be true or false');
        return;
      case 'list':
        if (!Array.isArray(value)) return report(path, 'must be a list');
        value.forEach((item, index) => check(item, field.of, `${path}[${index}]`));
        return;
      case 'object':
        return checkObject(value, field.fields, path);
      case 'target': {
        if (typeof value !== 'object' || Array.isArray(value)) return report(path, 'must be a mapping');
        const named = Object.keys(field.targets).filter((name) => name in value);
        if (named.length !== 1) {
          return report(path, `must name exactly one of ${Object.keys(field.targets).join(', ')}`);
        }
        const [target] = named as [string];
        check((value as Record<string, unknown>)[target], { type: 'ref', to: field.targets[target]!, required: true }, `${path}.${target}`);
        const rest = Object.fromEntries(Object.entries(value).filter(([name]) => name !== target));
        return checkObject(rest, field.fields, path);
      }
    }
  };

  const checkObject = (value: unknown, shape: Shape, path: string): void => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return report(path, 'must be a mapping');
    for (const name of Object.keys(value)) {
      if (!(name in shape)) report(`${path}.${name}`, `is not a known field (expected one of ${Object.keys(shape).join(', ')})`);
    }
    for (const [name, field] of Object.entries(shape)) check((value as Record<string, unknown>)[name], field, `${path}.${name}`);
  };

  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      bundle: input as Bundle,
      references: [],
      problems: [{ path: '$', message: 'a bundle must be a mapping of source, places, actors, ...' }],
    };
  }
  const root = input as Record<string, unknown>;
  for (const name of Object.keys(root)) {
    if (name !== 'source' && !recordKinds.includes(name as RecordKind)) {
      report(name, `is not a known section (expected source, ${recordKinds.join(', ')})`);
    }
  }
  if (root.source === undefined) report('source', 'is required');
  else checkObject(root.source, sourceShape, 'source');

  const ids = new Map<RecordKind, Set<string>>();
  for (const kind of recordKinds) {
    const records = root[kind];
    const seen = new Set<string>();
    ids.set(kind, seen);
    if (records === undefined) continue;
    if (!Array.isArray(records)) {
      report(kind, 'must be a list');
      continue;
    }
    records.forEach((record, index) => {
      checkObject(record, shapes[kind], `${kind}[${index}]`);
      const id = (record as { id?: unknown } | null)?.id;
      if (typeof id === 'string') {
        if (seen.has(id)) report(`${kind}[${index}].id`, `"${id}" is used twice in ${kind}`);
        seen.add(id);
      }
    });
  }
  const references = pendingRefs.filter((ref) => !ids.get(ref.to)?.has(ref.id));
  checkClaimRanges(root.claims, report);
  return { bundle: input as Bundle, references, problems };
}

function checkClaimRanges(claims: unknown, report: (path: string, message: string) => void): void {
  if (!Array.isArray(claims)) return;
  claims.forEach((claim: { casualtiesMin?: unknown; casualtiesMax?: unknown }, index) => {
    if (typeof claim?.casualtiesMin === 'number' && typeof claim.casualtiesMax === 'number' && claim.casualtiesMin > claim.casualtiesMax) {
      report(`claims[${index}].casualtiesMax`, 'is below casualtiesMin');
    }
  });
}
