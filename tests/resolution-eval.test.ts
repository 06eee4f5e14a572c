import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../src/db/database.js';
import { readPredictions, scoreResolution, type Scores } from '../eval/resolution-score.js';
import { importLabelledSet, loadLabelledSet, type LabelledSet } from '../eval/resolution-set.js';
import { testApi } from './helpers/api.js';

/**
 * The hard invariants of resolution on the labelled set of eval/resolution/ (issue 14): whatever
 * its precision and recall, no hard negative is ever merged and no statement lands on two
 * incidents. The numbers themselves are `npm run eval:resolution`'s (docs/resolution.md).
 */

const api = testApi();
const removeImported = cypher(
  'test: remove imported records',
  "MATCH (n) WHERE n.id STARTS WITH 'gdelt' OR n.id STARTS WITH 'acled' OR n:ExternalRecord DETACH DELETE n",
);

let set: LabelledSet;
let scores: Scores;
let rejected: number;
let workDir: string;

beforeAll(async () => {
  await api.db.write(removeImported);
  set = loadLabelledSet();
  workDir = await mkdtemp(path.join(tmpdir(), 'claimgraph-resolution-eval-'));
  const imports = await importLabelledSet(api.db, set, workDir);
  rejected = imports.gdelt.rejected + imports.acled.rejected;
  scores = scoreResolution(set, await readPredictions(api.db, set));
}, 120_000);

afterAll(async () => {
  await api.db.write(removeImported);
  await api.close();
  await rm(workDir, { recursive: true, force: true });
});

describe('resolution on the labelled set', () => {
  it('imports every row: the set is in the formats the importers read', () => {
    expect(rejected).toBe(0);
    expect(scores.events.missing).toEqual([]);
  });

  it('never puts a hard-negative pair in one incident, nor links one CONFIRMED', () => {
    const merged = scores.pairs
      .filter((pair) => pair.hardNegative && pair.truth === 'different' && (pair.predicted || pair.confirmedLink))
      .map((pair) => `${pair.a} ~ ${pair.b} (${pair.hardNegative}): ${pair.how.join('; ')}`);
    expect(merged).toEqual([]);
  });

  it('attaches each statement row to at most one incident', () => {
    const spread = scores.statements
      .filter((statement) => statement.incidentCount > 1)
      .map((statement) => `${statement.id} (about ${statement.expected}): ${statement.incidents.join(', ')}`);
    expect(spread).toEqual([]);
  });

  it('never attaches a statement to a hard negative of its incident', () => {
    const misplaced = scores.statements
      .filter((statement) => statement.onHardNegatives.length > 0)
      .map((statement) => `${statement.id} (about ${statement.expected}): ${statement.onHardNegatives.join(', ')}`);
    expect(misplaced).toEqual([]);
  });
});
