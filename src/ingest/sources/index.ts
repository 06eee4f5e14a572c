import type { Importer } from '../runner.js';
import { acledImporter } from './acled.js';
import { gdeltImporter } from './gdelt.js';

const byName = {
  gdelt: gdeltImporter,
  acled: acledImporter,
};

export type ImporterName = keyof typeof byName;

/**
 * Every dataset `claimgraph import NAME` reads, by NAME: adding an importer is one line above, and
 * the CLI, its usage and its help follow. (Each importer's rows are its own business: the runner
 * hands `map` only rows its own `rows` made.)
 */
export const importers: Readonly<Record<ImporterName, Importer<unknown>>> = byName;
