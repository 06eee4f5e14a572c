import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../src/cli/doc-samples.js';
import { modelDiagram, README, readmeWithDiagram } from '../src/cli/model-diagram.js';
import { loadConfig } from '../src/config.js';
import type { Field } from '../src/domain/record.js';
import { recordDeclarations } from '../src/modules/records.js';
import { testNeo4jConfig } from './helpers/test-database.js';

describe('the README’s model diagram', () => {
  it('is the one the record declarations draw (npx claimgraph docs --write regenerates it)', async () => {
    const readme = await readmeWithDiagram();
    expect(readme).not.toBeNull();
    expect(readme!.current).toBe(readme!.updated);
  });

  it('draws every record kind and every declared link', () => {
    const diagram = modelDiagram();
    for (const declaration of recordDeclarations) expect(diagram).toContain(`  ${declaration.label}["<b>${declaration.label}</b><br/>`);
    expect(diagram).toContain('Event -->|"OCCURRED_IN"| Place');
    expect(diagram).toContain('Statement -->|"STANCE (value, note)"| Claim');
    expect(diagram).toContain('Actor -->|"MADE"| Statement');
    expect(diagram).toContain('Statement -->|"MENTIONS"| Actor & Place & Event & Outlet');
    expect(diagram).toContain('Event -->|"MATCHES (status, score, reasons)"| Event');
    // Every declared link is drawn, each source, type and target once.
    const declared = recordDeclarations.flatMap((declaration) => Object.values(declaration.fields as Record<string, Field>)
      .flatMap((field) => field.role !== 'link' ? [] : [...new Set(Object.values(field.targets))]
        .map((target) => (field.direction === 'out' ? [declaration.label, field.rel, target] : [target, field.rel, declaration.label]).join(' '))));
    const drawn = [...diagram.matchAll(/ {2}(\w+) -->\|"(\w+)[^"]*"\| (.+)/g)]
      .flatMap(([, from, rel, targets]) => targets!.split(' & ').map((target) => `${from} ${rel} ${target}`));
    expect(new Set(drawn).size).toBe(drawn.length);
    expect(new Set(drawn)).toEqual(new Set([...declared, ...recordDeclarations.flatMap((declaration) =>
      Object.values(declaration.fields as Record<string, Field>).some((field) => field.role === 'external') ? [`ExternalRecord IDENTIFIES ${declaration.label}`] : []),
    'Event MATCHES Event', 'Event SAME_INCIDENT Event']));
  });
});

describe('the README as a guide', () => {
  it('reads in a newcomer’s order and stays short (the reference lives in docs/)', async () => {
    const readme = await readFile(README, 'utf8');
    const sections = [...readme.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(sections).toEqual(['Quick start', 'The data model', 'The walk', 'Loading your own data', 'A short query cookbook', 'Writing', 'Where the rest is']);
    expect(readme.split('\n').length).toBeLessThanOrEqual(300);
  });
});

describe('what the README and docs/operations.md promise about ports, folders and variables', () => {
  const words = (text: string) => text.replace(/\s+/g, ' ');

  it('names the defaults the code has: the API’s port, the local Neo4j’s and the tests’ own', async () => {
    const readme = words(await readFile(README, 'utf8'));
    const development = loadConfig({});
    const tests = testNeo4jConfig({});
    for (const promise of [
      `on port ${development.port} (\`PORT\`)`,
      `listens on 127.0.0.1:${development.neo4j.localPort} (\`NEO4J_LOCAL_PORT\``,
      `keeps its store in \`${development.neo4j.localDataDir}\` (\`NEO4J_LOCAL_DATA\``,
      `starts its own Neo4j (port ${tests.localPort}, \`${tests.localDataDir}\``,
    ]) {
      expect(readme).toContain(promise);
    }
  });

  it('documents every variable the configuration reads, for the server, the CLI and the tests', async () => {
    const source = await readFile(path.join(ROOT, 'src/config.ts'), 'utf8');
    const neo4jSettings = [...source.matchAll(/name\('([A-Z_]+)'\)/g)].map((match) => match[1]!);
    const variables = [
      ...[...source.matchAll(/env(?:\.|, ')([A-Z][A-Z0-9_]*)/g)].map((match) => match[1]!),
      ...neo4jSettings.flatMap((setting) => [`NEO4J_${setting}`, `TEST_NEO4J_${setting}`]),
    ];
    expect(variables).toContain('NEO4J_URI');
    expect(variables).toContain('RATE_LIMIT_BURST');
    const operations = await readFile(path.join(ROOT, 'docs/operations.md'), 'utf8');
    const table = operations.slice(operations.indexOf('## Configuration'));
    expect([...new Set(variables)].filter((variable) => !table.includes(`\`${variable}\``))).toEqual([]);
  });
});
