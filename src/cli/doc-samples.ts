import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The samples in the documentation, read from fenced code blocks marked in their info strings, so
 * that a test can run each against a freshly seeded database and a command can rewrite the outputs
 * when the behaviour changes on purpose:
 *
 *     ```graphql sample=walk [LIMIT_COST=1]
 *                                       the operation (every ```graphql block must be a sample), and
 *                                       settings of the server that answers it; copy-of=FILE:NAME says
 *                                       it must be the same operation as that sample
 *     ```json variables=walk            optional: its variables
 *     ```json headers=walk              optional: its request headers (a Bearer key is made valid)
 *     ```json output=walk [trimmed] [status=200]
 *                                       optional: the response body (and HTTP status) it gives
 *     ```console runnable               commands after `$ `, each followed by lines of its output
 *
 * How a shown output is compared with the real one is `differences` below; docs/queries.md says it
 * in words for readers.
 */

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

/** The Markdown files whose samples are run: the README, CONTRIBUTING and everything in docs/. */
export async function documentationFiles(root = ROOT): Promise<string[]> {
  const docs = (await readdir(path.join(root, 'docs'))).filter((name) => name.endsWith('.md')).sort();
  return ['README.md', 'CONTRIBUTING.md', ...docs.map((name) => `docs/${name}`)];
}

export interface Fence {
  /** The language, the first word of the info string. */
  lang: string;
  /** The rest of the info string: `name=value` pairs and bare flags (`trimmed`, `runnable`). */
  attributes: Record<string, string | true>;
  body: string;
  /** Where the body starts and ends in the file's text (the end is the closing fence's line). */
  start: number;
  end: number;
  /** The opening fence's line number, from 1. */
  line: number;
  /** The spaces before the fence (up to 3, as in a list item), taken off the body's lines. */
  indent: string;
}

/** Every fenced code block of a Markdown text (``` or ~~~ fences, indented by up to 3 spaces). */
export function fences(markdown: string): Fence[] {
  const found: Fence[] = [];
  const lines = markdown.split('\n');
  let offset = 0;
  let open: { marker: string; info: string; start: number; line: number; indent: string } | undefined;
  lines.forEach((text, index) => {
    const lineStart = offset;
    offset += text.length + 1;
    if (!open) {
      const opening = /^( {0,3})(`{3,}|~{3,})\s*(.*)$/.exec(text);
      // As CommonMark has it, a backtick fence's info string holds no backtick (else it is inline code).
      if (opening && !(opening[2]!.startsWith('`') && opening[3]!.includes('`'))) {
        open = { marker: opening[2]!, info: opening[3]!.trim(), start: offset, line: index + 1, indent: opening[1]! };
      }
      return;
    }
    if (text.trim().startsWith(open.marker) && text.trim().replace(/[`~]/g, '') === '') {
      const [lang = '', ...words] = open.info.split(/\s+/).filter(Boolean);
      const attributes = Object.fromEntries(
        words.map((word) => {
          const equals = word.indexOf('=');
          return equals < 0 ? [word, true as const] : [word.slice(0, equals), word.slice(equals + 1)];
        }),
      );
      const body = markdown
        .slice(open.start, lineStart)
        .split('\n')
        .map((bodyLine) => (bodyLine.startsWith(open!.indent) ? bodyLine.slice(open!.indent.length) : bodyLine.trimStart()))
        .join('\n');
      found.push({ lang, attributes, body, start: open.start, end: lineStart, line: open.line, indent: open.indent });
      open = undefined;
    }
  });
  return found;
}

export interface Sample {
  file: string;
  name: string;
  line: number;
  query: string;
  /** Server settings the sample needs, as environment variables (`LIMIT_COST=1`). */
  env: Record<string, string>;
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
  output?: Fence;
}

/** The GraphQL samples of one file with their variables, headers and outputs, by name. */
export function samplesIn(file: string, markdown: string): { samples: Sample[]; problems: string[] } {
  const blocks = fences(markdown);
  const problems: string[] = [];
  const samples = new Map<string, Sample>();
  for (const block of blocks.filter((fence) => fence.lang === 'graphql')) {
    const name = block.attributes.sample;
    if (typeof name !== 'string') {
      problems.push(`${file}:${block.line}: a graphql block without sample=NAME (every GraphQL block is run by tests/docs-samples.test.ts)`);
      continue;
    }
    if (samples.has(name)) problems.push(`${file}:${block.line}: sample=${name} is named twice`);
    const env = Object.fromEntries(Object.entries(block.attributes).filter((entry): entry is [string, string] => /^[A-Z][A-Z0-9_]*$/.test(entry[0]) && typeof entry[1] === 'string'));
    samples.set(name, { file, name, line: block.line, query: block.body, env });
  }
  for (const block of blocks.filter((fence) => fence.lang === 'json')) {
    for (const part of ['variables', 'headers', 'output'] as const) {
      const name = block.attributes[part];
      if (typeof name !== 'string') continue;
      const sample = samples.get(name);
      if (!sample) {
        problems.push(`${file}:${block.line}: ${part}=${name} names no graphql sample in this file`);
        continue;
      }
      if (part === 'output') sample.output = block;
      else sample[part] = JSON.parse(block.body) as never;
    }
  }
  return { samples: [...samples.values()], problems };
}

/** Fields whose values are the time or random id of a run: shown as "…" and never compared. */
const VOLATILE = new Set(['requestId', 'recordedAt', 'at', 'decidedAt', 'proposedAt']);
/** Numbers compared within a relative tolerance: search scores (Lucene's, which move with the index's history) and costs. */
export const TOLERANCE: Record<string, number> = { score: 0.1, measured: 0.1, cost: 0.1 };
export const ELIDED = '…';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (value: unknown): value is Record<string, Json> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a field of an object holds a value that differs on every run (an audit entry's id too). */
const volatile = (key: string, parent: Record<string, Json>) => VOLATILE.has(key) || (key === 'id' && 'action' in parent);

/**
 * Where a shown output differs from the real one: every shown value must be the real one ("…"
 * matches anything, and volatile fields are never compared); numbers under `score`, `measured` or
 * `cost` may differ by TOLERANCE. A trimmed output may leave out object fields and the tail of
 * any list; a full one must have the same fields and lists of the same length.
 */
export function differences(shown: unknown, actual: unknown, trimmed: boolean, at = '', key = ''): string[] {
  if (shown === ELIDED) return [];
  if (typeof shown === 'number' && typeof actual === 'number' && key in TOLERANCE) {
    return Math.abs(shown - actual) <= TOLERANCE[key]! * Math.abs(actual) ? [] : [`${at}: shown ${shown}, real ${actual} (more than ${TOLERANCE[key]! * 100}% apart)`];
  }
  if (Array.isArray(shown)) {
    if (!Array.isArray(actual)) return [`${at}: shown a list, real ${JSON.stringify(actual)}`];
    const length = trimmed ? shown.length <= actual.length : shown.length === actual.length;
    const found = length ? [] : [`${at}: shown ${shown.length} items, real ${actual.length}`];
    return [...found, ...shown.flatMap((item, index) => (index < actual.length ? differences(item, actual[index], trimmed, `${at}[${index}]`, key) : []))];
  }
  if (isObject(shown)) {
    if (!isObject(actual)) return [`${at}: shown an object, real ${JSON.stringify(actual)}`];
    const found: string[] = [];
    for (const [field, value] of Object.entries(shown)) {
      if (!(field in actual)) found.push(`${at}.${field}: shown, but not in the real output`);
      else if (!volatile(field, shown)) found.push(...differences(value, actual[field], trimmed, `${at}.${field}`, field));
    }
    if (!trimmed) for (const field of Object.keys(actual)) if (!(field in shown)) found.push(`${at}.${field}: in the real output, not shown`);
    return found;
  }
  return JSON.stringify(shown) === JSON.stringify(actual) ? [] : [`${at || 'output'}: shown ${JSON.stringify(shown)}, real ${JSON.stringify(actual)}`];
}

/**
 * The real output as the documentation shows it: volatile fields as "…", and, for a trimmed
 * output, only the fields and list items the current one shows (so trimming survives a rewrite;
 * an empty `{}` or `[]` in it is filled with the whole value).
 */
export function shownAs(actual: unknown, shown: unknown, trimmed: boolean): Json {
  if (shown === ELIDED) return ELIDED;
  // An empty object or list in a trimmed output stands for the whole value: a skeleton to fill.
  if (trimmed && ((Array.isArray(shown) && shown.length === 0) || (isObject(shown) && Object.keys(shown).length === 0))) return shownAs(actual, undefined, false);
  if (Array.isArray(actual)) {
    const items = trimmed && Array.isArray(shown) ? actual.slice(0, shown.length) : actual;
    return items.map((item, index) => shownAs(item, Array.isArray(shown) ? shown[index] : undefined, trimmed && Array.isArray(shown) && index < shown.length));
  }
  if (isObject(actual)) {
    const keep = trimmed && isObject(shown) ? Object.keys(actual).filter((field) => field in shown) : Object.keys(actual);
    return Object.fromEntries(
      keep.map((field) => [field, volatile(field, actual) ? ELIDED : shownAs(actual[field], isObject(shown) ? shown[field] : undefined, trimmed && isObject(shown) && field in shown)]),
    );
  }
  return actual as Json;
}

/** JSON on one line, spaced as people write it: `{"a": [1, 2]}`. */
function flatJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flatJson).join(', ')}]`;
  if (isObject(value)) return `{${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${flatJson(item)}`).join(', ')}}`;
  return JSON.stringify(value);
}

/**
 * JSON as the documentation prints it: a value on one line where it fits in `width`, one item per
 * line where not, and an object of a single field opened on its parent's line (`{"data": {"event":
 * {`), so the wrappers of a GraphQL response cost no lines or indentation.
 */
export function formatJson(value: unknown, width = 110): string {
  const format = (item: unknown, indent: string, column: number): string => {
    const flat = flatJson(item);
    if (column + flat.length <= width) return flat;
    const inner = `${indent}  `;
    if (Array.isArray(item)) return `[\n${item.map((element) => inner + format(element, inner, inner.length)).join(',\n')}\n${indent}]`;
    if (!isObject(item)) return flat;
    const entries = Object.entries(item);
    if (entries.length === 1) {
      const [key, child] = entries[0]!;
      return `{${JSON.stringify(key)}: ${format(child, indent, column + key.length + 5)}}`;
    }
    const fields = entries.map(([key, child]) => `${inner}${JSON.stringify(key)}: ${format(child, inner, inner.length + key.length + 4)}`);
    return `{\n${fields.join(',\n')}\n${indent}}`;
  };
  return format(value, '', 0);
}

/** A file's text with some fences' bodies replaced (replacements by fence start). */
export function replaceFences(markdown: string, replacements: Array<{ fence: Fence; body: string; info?: string }>): string {
  let text = markdown;
  for (const { fence, body, info } of [...replacements].sort((a, b) => b.fence.start - a.fence.start)) {
    const indented = body.replace(/\n?$/, '').split('\n').map((line) => fence.indent + line).join('\n');
    text = text.slice(0, fence.start) + indented + '\n' + text.slice(fence.end);
    if (info !== undefined) {
      const openingEnd = fence.start - 1;
      const openingStart = text.lastIndexOf('\n', openingEnd - 1) + 1;
      const marker = /^ {0,3}(`{3,}|~{3,})/.exec(text.slice(openingStart))![0]!;
      text = text.slice(0, openingStart) + marker + info + text.slice(openingEnd);
    }
  }
  return text;
}

export interface ConsoleStep {
  command: string;
  /** The output lines shown after it; a line "..." stands for any number of lines, "…" inside a line for any text. */
  expected: string[];
}

/** The commands of a ```console runnable``` block, each with the output it shows. */
export function consoleSteps(body: string): ConsoleStep[] {
  const steps: ConsoleStep[] = [];
  for (const line of body.replace(/\n$/, '').split('\n')) {
    if (line.startsWith('$ ')) steps.push({ command: line.slice(2), expected: [] });
    else steps.at(-1)?.expected.push(line);
  }
  return steps;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether the shown lines appear in the real output, in order: a shown line "..." skips any
 * lines, and "…" within a line matches any text (a time, a rate, a random key).
 */
export function outputMatches(expected: string[], actual: string): string | undefined {
  const lines = actual.replace(/\r/g, '\n').split('\n').map((line) => line.trimEnd());
  let at = 0;
  let skipping = false;
  for (const shown of expected) {
    if (shown.trim() === '...') {
      skipping = true;
      continue;
    }
    const pattern = new RegExp(`^${shown.trimEnd().split(ELIDED).map(escapeRegExp).join('.*')}$`);
    const index = lines.findIndex((line, position) => position >= at && pattern.test(line));
    if (index < 0 || (!skipping && index !== at)) return `expected "${shown}" ${skipping ? 'later in' : 'next in'} the output:\n${lines.slice(at).join('\n')}`;
    at = index + 1;
    skipping = false;
  }
  return undefined;
}

export async function readDoc(file: string, root = ROOT) {
  return readFile(path.join(root, file), 'utf8');
}
