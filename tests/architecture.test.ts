import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

// Type-only imports count too: a circle of types still means neither file can be read alone.
const importPattern = /^\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm;

/** Each file under src/ (relative to src/) → the files under src/ it imports; packages left out. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(src)) {
    const imports: string[] = [];
    for (const match of readFileSync(file, 'utf8').matchAll(importPattern)) {
      const specifier = match[1] ?? match[2]!;
      if (!specifier.startsWith('.')) continue;
      imports.push(relative(src, resolve(dirname(file), specifier)).replace(/\.js$/, '.ts'));
    }
    graph.set(relative(src, file), imports);
  }
  return graph;
}

/** One circle through each group of files that import one another, written a → b → … → a. */
function cycles(graph: Map<string, string[]>): string[] {
  const found: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next].join(' → '));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return found;
}

const moduleOf = (file: string) => file.match(/^modules\/([^/]+)\//)?.[1];

describe('the import graph of src/', () => {
  const graph = importGraph();

  it('has no cycles', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('has no schema file importing another module’s schema file (refs are declared in .ref.ts files)', () => {
    const crossings = [...graph].flatMap(([file, imports]) =>
      file.endsWith('.schema.ts')
        ? imports.filter((target) => target.endsWith('.schema.ts') && moduleOf(target) !== moduleOf(file)).map((target) => `${file} → ${target}`)
        : [],
    );
    expect(crossings).toEqual([]);
  });

  it('has refs that import no schema file, so a ref can be imported before anything is implemented', () => {
    const crossings = [...graph].flatMap(([file, imports]) =>
      file.endsWith('.ref.ts') ? imports.filter((target) => target.endsWith('.schema.ts')).map((target) => `${file} → ${target}`) : [],
    );
    expect(crossings).toEqual([]);
  });

  it('keeps src/domain/ on the ground floor: it imports nothing outside itself but packages', () => {
    const upward = [...graph].flatMap(([file, imports]) =>
      file.startsWith('domain/') ? imports.filter((target) => !target.startsWith('domain/')).map((target) => `${file} → ${target}`) : [],
    );
    expect(upward).toEqual([]);
  });
});
