// How `npm start` and the `claimgraph` command run a program of src/: in production
// (NODE_ENV=production) the compiled JavaScript of `npm run build` in dist/, with plain Node; elsewhere
// the TypeScript itself through tsx's loader, so an edit needs no build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The newest modification time of the files under a folder. */
function newest(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((latest, entry) => Math.max(latest, statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs), 0);
}

/** Refuses, in one sentence, a build that is missing or older than the source (a pull without a build). */
function builtProgram(name) {
  const built = path.join(root, 'dist', `${name}.js`);
  const problem = !existsSync(built)
    ? 'there is no build in dist/'
    : statSync(built).mtimeMs < newest(path.join(root, 'src'))
      ? 'the build in dist/ is older than src/'
      : undefined;
  if (problem) {
    console.error(`[claimgraph] NODE_ENV is production but ${problem}: run \`npm run build\` first.`);
    process.exit(1);
  }
  return built;
}

/** Runs src/<name>.ts, or its build dist/<name>.js in production. */
export async function launch(name) {
  if (process.env.NODE_ENV === 'production') {
    await import(pathToFileURL(builtProgram(name)).href);
    return;
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(root, 'src', `${name}.ts`)).href);
}
