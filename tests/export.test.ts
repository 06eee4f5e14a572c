import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../src/db/database.js';
import { isStorageProperty } from '../src/domain/graph.js';
import { ExportError, parseExportArgs, runExport, type ExportProgress } from '../src/export/export.js';
import { gid, testApi, testNeo4jEnv } from './helpers/api.js';

const api = testApi();
afterAll(() => api.close());

const daquqStrike = 'daquq-airstrike-2016-10-21';
/** The seed graph: every record and every relationship between records. */
const SEED_NODES = 75;
const SEED_EDGES = 166;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'claimgraph-export-'));
});

async function exportTo(args: string[]) {
  const reports: ExportProgress[] = [];
  const summary = await runExport(api.db, parseExportArgs(args), (report) => reports.push(report));
  return { summary, reports };
}

const jsonLines = (text: string) => text.trim().split('\n').map((line) => JSON.parse(line));

/**
 * A small XML well-formedness check: every tag closes in order, attribute values are quoted,
 * and & only starts one of XML's five entities or a character reference.
 */
function checkXml(xml: string): void {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  const body = xml.slice(xml.indexOf('?>') + 2);
  const open: string[] = [];
  for (const [tag] of body.matchAll(/<[^>]*>/g)) {
    const name = /^<\/?([A-Za-z_][\w.:-]*)/.exec(tag)?.[1];
    expect(name, tag).toBeDefined();
    expect(tag, tag).toMatch(/^<\/?[\w.:-]+(\s+[\w.:-]+="[^"<]*")*\s*\/?>$/);
    if (tag.startsWith('</')) expect(open.pop()).toBe(name);
    else if (!tag.endsWith('/>')) open.push(name!);
  }
  expect(open).toEqual([]);
  expect(body.replace(/<[^>]*>/g, '')).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#\d+);)|[<>]/);
}

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#13;/g, '\r')
    .replace(/&amp;/g, '&');

describe('claimgraph export', () => {
  it('refuses bad arguments with one sentence naming the fix', () => {
    for (const [args, message] of [
      [['--all'], /Pass --format as one of graphml, cytoscape, jsonl, csv/],
      [['--all', '--format', 'xml'], /Pass --format as one of/],
      [['--format', 'jsonl'], /Pass exactly one of --event KEY/],
      [['--all', '--event', daquqStrike, '--format', 'jsonl'], /Pass exactly one of/],
      [['--all', '--kinds', 'Event', '--format', 'jsonl'], /Pass exactly one of/],
      [['--event', daquqStrike, '--depth=-1', '--format', 'jsonl'], /--depth must be a whole number from 0 to 3, got "-1"/],
      [['--event', daquqStrike, '--depth', '-1', '--format', 'jsonl'], /To specify an option argument starting with a dash use '--depth=-XYZ'/],
      [['--event', daquqStrike, '--depth', '4', '--format', 'jsonl'], /--depth must be a whole number from 0 to 3/],
      [['--all', '--depth', '2', '--format', 'jsonl'], /--depth applies to --event only/],
      [['--kinds', 'Event,Planet', '--format', 'jsonl'], /"Planet" is not a kind of record; use some of Event, Place/],
      [['--all', '--format', 'csv'], /pass --out DIR/],
      [['--all', '--format', 'jsonl', '--verbose'], /Unknown option '--verbose'/],
    ] as const) {
      expect(() => parseExportArgs([...args]), args.join(' ')).toThrow(ExportError);
      expect(() => parseExportArgs([...args]), args.join(' ')).toThrow(message);
    }
    expect(parseExportArgs(['--kinds', 'event, media_item', '--format', 'jsonl']).kinds).toEqual(['Event', 'MediaItem']);
  });

  it('an unknown event is an ExportError naming the fix', async () => {
    await expect(exportTo(['--event', 'no-such-event', '--format', 'jsonl', '--out', path.join(dir, 'none.jsonl')])).rejects.toThrow(
      /No event has the key "no-such-event": pass --event the key of an event in the graph/,
    );
  });

  it('GraphML of the whole graph: well-formed XML, declared keys, directed edges between exported nodes', async () => {
    const file = path.join(dir, 'all.graphml');
    const { summary, reports } = await exportTo(['--all', '--format', 'graphml', '--out', file]);
    expect(summary).toMatchObject({ nodes: SEED_NODES, edges: SEED_EDGES, files: [file], truncated: false });
    expect(reports.at(-1)).toMatchObject({ done: SEED_NODES + SEED_EDGES, total: SEED_NODES + SEED_EDGES, finished: true });
    const xml = await readFile(file, 'utf8');
    checkXml(xml);
    expect(xml).toContain('<graph id="claimgraph" edgedefault="directed">');
    const keys = new Map([...xml.matchAll(/<key id="([^"]+)" for="(node|edge)" attr.name="([^"]+)" attr.type="([^"]+)"\/>/g)].map((m) => [m[1], m]));
    expect([...keys.values()].map((m) => `${m[2]} ${m[3]} ${m[4]}`)).toEqual(
      expect.arrayContaining(['node kind string', 'node label string', 'node key string', 'node casualtiesMin long', 'edge type string', 'edge distanceKm double', 'edge via string']),
    );
    for (const [, key] of xml.matchAll(/<data key="([^"]+)">/g)) expect(keys.has(key!), key).toBe(true);
    // What the database derives for its own use (match cells, speaker keys, kind tokens) is no attribute.
    expect([...keys.values()].map((m) => m[3]).filter((name) => isStorageProperty(name!))).toEqual([]);
    const nodeIds = new Set([...xml.matchAll(/<node id="([^"]+)">/g)].map((m) => m[1]));
    const edges = [...xml.matchAll(/<edge id="[^"]+" source="([^"]+)" target="([^"]+)">(.*)<\/edge>/g)];
    expect(nodeIds.size).toBe(SEED_NODES);
    expect(edges).toHaveLength(SEED_EDGES);
    for (const [, source, target] of edges) expect(nodeIds.has(source) && nodeIds.has(target)).toBe(true);
    // The NEAR note, quotes and all, survives escaping.
    const near = edges.find(([, source, target]) => source === gid('Place', 'daquq') && target === gid('Place', 'kirkuk'))!;
    const noteKey = [...keys.values()].find((m) => m[2] === 'edge' && m[3] === 'note')![1];
    const note = new RegExp(`<data key="${noteKey}">([^<]*)</data>`).exec(near[3]!)![1]!;
    expect(note).toContain('&quot;Daquq, located 30 kilometers');
    expect(unescapeXml(note)).toBe(
      'From Konashenkov\'s quote "Daquq, located 30 kilometers to the south of Kirkuk" (RT\'s headline also says "30km from Kirkuk").',
    );
  });

  it('Cytoscape.js JSON of the Daquq strike’s neighbourhood holds the outlets three relationships away', async () => {
    const file = path.join(dir, 'daquq.json');
    const { summary } = await exportTo(['--event', daquqStrike, '--depth', '3', '--format', 'cytoscape', '--out', file]);
    const { elements } = JSON.parse(await readFile(file, 'utf8'));
    expect(elements.nodes).toHaveLength(summary.nodes);
    expect(elements.edges).toHaveLength(summary.edges);
    expect(elements.nodes[0].data).toMatchObject({
      id: gid('Event', daquqStrike),
      kind: 'Event',
      label: 'Airstrike on Daquq, Kirkuk Governorate',
      key: daquqStrike,
      subkind: 'AIRSTRIKE',
      startDate: '2016-10-21',
    });
    const ids = new Set(elements.nodes.map((n: any) => n.data.id));
    for (const { data } of elements.edges) {
      expect(data).toEqual(expect.objectContaining({ id: expect.any(String), type: expect.any(String) }));
      expect(ids.has(data.source) && ids.has(data.target)).toBe(true);
    }
    // WNU (its editor's comment about the strike), Reuters (cited by the WNU post carrying it), RT,
    // Sputnik and Human Rights Watch (run by actors the comments mention). The outlets that carried
    // only denials of a claim about the strike are four relationships away.
    const outlets = elements.nodes.filter((n: any) => n.data.kind === 'Outlet').map((n: any) => n.data.label);
    expect(outlets.sort()).toEqual(['Human Rights Watch', 'RT', 'Reuters', 'Sputnik', 'War News Updates']);

    const { summary: nearer } = await exportTo(['--event', daquqStrike, '--depth', '2', '--format', 'cytoscape', '--out', file]);
    const two = JSON.parse(await readFile(file, 'utf8')).elements;
    expect(two.nodes).toHaveLength(nearer.nodes);
    // Within two relationships, only Reuters: it distributed the photo that does not show the strike (NOT_DEPICTS).
    expect(two.nodes.filter((n: any) => n.data.kind === 'Outlet').map((n: any) => n.data.label)).toEqual(['Reuters']);
  });

  it('JSON Lines of some kinds: one element per line, the same read in pages of 7 as in one', async () => {
    const [paged, whole] = [path.join(dir, 'paged.jsonl'), path.join(dir, 'whole.jsonl')];
    const args = ['--kinds', 'Statement,Actor,Article', '--format', 'jsonl'];
    const summary = await runExport(api.db, { ...parseExportArgs([...args, '--out', paged]), pageSize: 7 }, () => {});
    await exportTo([...args, '--out', whole]);
    const lines = jsonLines(await readFile(paged, 'utf8'));
    expect(lines).toEqual(jsonLines(await readFile(whole, 'utf8')));
    expect(lines).toHaveLength(summary.nodes + summary.edges);
    expect(new Set(lines.map((line) => line.data.id)).size).toBe(lines.length);
    const nodes = lines.filter((line) => line.group === 'nodes');
    expect(new Set(nodes.map((line) => line.data.kind))).toEqual(new Set(['Statement', 'Actor', 'Article']));
    // Every edge joins two exported records, none reaches a claim or an outlet.
    const ids = new Set(nodes.map((line) => line.data.id));
    const edges = lines.filter((line) => line.group === 'edges');
    expect(edges.length).toBeGreaterThan(7);
    for (const { data } of edges) expect(ids.has(data.source) && ids.has(data.target)).toBe(true);
    expect(edges.map((line) => line.data.type)).toContain('MADE');
  });

  describe('CSV', () => {
    const tricky = 'He said: "no strike, no mosque".\nThen, "nothing more".';
    const addStatement = cypher('test: statement with a tricky text', "CREATE (:Statement {id: 'export-test-tricky', text: $text, kind: 'COMMENT'})");
    const removeStatement = cypher('test: remove the tricky statement', "MATCH (s:Statement {id: 'export-test-tricky'}) DETACH DELETE s");
    beforeAll(() => api.db.write(addStatement, { text: tricky }));
    afterAll(() => api.db.write(removeStatement));

    it('nodes.csv and edges.csv with every property a column, quoted per RFC 4180', async () => {
      const out = path.join(dir, 'csv');
      const { summary } = await exportTo(['--all', '--format', 'csv', '--out', out]);
      expect(summary).toMatchObject({ nodes: SEED_NODES + 1, edges: SEED_EDGES });
      const nodesText = await readFile(path.join(out, 'nodes.csv'), 'utf8');
      const nodes: string[][] = parseCsv(nodesText);
      const edges: string[][] = parseCsv(await readFile(path.join(out, 'edges.csv'), 'utf8'));
      expect(nodes[0]!.slice(0, 4)).toEqual(['id', 'kind', 'label', 'key']);
      expect(nodes[0]).toEqual(expect.arrayContaining(['text', 'subkind', 'location', 'sources']));
      expect(edges[0]!.slice(0, 4)).toEqual(['id', 'type', 'source', 'target']);
      expect(edges[0]).toEqual(expect.arrayContaining(['via', 'value', 'distanceKm']));
      expect(nodes).toHaveLength(SEED_NODES + 2);
      expect(edges).toHaveLength(SEED_EDGES + 1);
      for (const row of nodes) expect(row).toHaveLength(nodes[0]!.length);
      for (const row of edges) expect(row).toHaveLength(edges[0]!.length);
      // The comma, the quotes and the line break come back intact.
      const column = (name: string) => nodes[0]!.indexOf(name);
      const row = nodes.find((r) => r[column('key')] === 'export-test-tricky')!;
      expect(row[column('text')]).toBe(tricky);
      expect(nodesText).toContain('"He said: ""no strike, no mosque"".\nThen, ""nothing more""."');
      expect(nodesText.split('\r\n')[0]).toBe(nodes[0]!.join(','));
      // Lists and points are JSON in their cell.
      const daquq = nodes.find((r) => r[column('key')] === 'daquq')!;
      expect(JSON.parse(daquq[column('location')]!)).toEqual({ latitude: 35.1387, longitude: 44.4469 });
    });
  });

  it('the command writes to standard output with a progress bar on stderr', async () => {
    const cli = (args: string[], { stopReading = false } = {}) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['bin/claimgraph.mjs', 'export', ...args], {
          env: { ...process.env, ...testNeo4jEnv() },
        });
        let [stdout, stderr] = ['', ''];
        child.stdout.on('data', (chunk) => {
          stdout += chunk;
          if (stopReading) child.stdout.destroy();
        });
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    const result = await cli(['--event', daquqStrike, '--depth', '1', '--format', 'jsonl']);
    expect(result.code).toBe(0);
    const lines = jsonLines(result.stdout);
    expect(lines[0].data.id).toBe(gid('Event', daquqStrike));
    expect(result.stderr).toMatch(new RegExp(`export jsonl \\[#{24}\\] ${lines.length}/${lines.length} rows, [\\d,]+ rows/s`));
    expect(result.stderr).toMatch(/wrote \d+ nodes and \d+ edges as jsonl to standard output/);

    // Like `| head`: the reader goes away after the first chunk, and the export stops without a trace.
    const cut = await cli(['--all', '--format', 'jsonl'], { stopReading: true });
    expect(cut.code).toBe(0);
    expect(cut.stderr).toContain('standard output was closed, so the export stopped');
    expect(cut.stderr).not.toContain('EPIPE');

    const bad = await cli(['--event', daquqStrike, '--depth', 'deep', '--format', 'jsonl']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('[claimgraph] --depth must be a whole number from 0 to 3, got "deep".\n');
  });
});
