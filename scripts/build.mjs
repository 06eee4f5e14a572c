#!/usr/bin/env node
// `npm run build`: compiles src/ to JavaScript in dist/ with tsc (tsconfig.build.json), and copies
// beside it the data files the code reads next to itself (the YAML registries), so production runs
// plain `node` without tsx's loader, source maps or on-the-fly transpiling.
// `--out DIR` builds elsewhere (the test of the build); `--no-check` skips type checking (emit only).
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { out: { type: 'string' }, 'no-check': { type: 'boolean', default: false } } });
const out = path.resolve(values.out ?? path.join(root, 'dist'));
const src = path.join(root, 'src');

rmSync(out, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json'), '--outDir', out, ...(values['no-check'] ? ['--noCheck'] : [])], {
  stdio: 'inherit',
});
cpSync(src, out, { recursive: true, filter: (file) => !file.endsWith('.ts') });
