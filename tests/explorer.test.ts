import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from 'cytoscape';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher, Database } from '../src/db/database.js';
import { createServer } from '../src/yoga.js';
import { apiKeysOf, gid, testConfig } from './helpers/api.js';
import { listeningApi, observedLive } from './helpers/server.js';

/** Debian's chromium (.ci/run installs it); playwright-core drives it and downloads no browser. */
const CHROMIUM = '/usr/bin/chromium';
const installed = existsSync(CHROMIUM);
if (!installed) console.error(`[tests] ${CHROMIUM} is not installed (apt-get install chromium): the explorer tests will be skipped`);

const DAQUQ = 'daquq-airstrike-2016-10-21';
const editorKey = 'explorer-editor-secret';
const apiKeys = apiKeysOf('explorer-editor', 'editor', editorKey);
const LIVE_STATEMENT = 'zz-explorer-live-statement';

const live = observedLive();
let api: Awaited<ReturnType<typeof listeningApi>>;
let browser: Browser;

beforeAll(async () => {
  if (!installed) return;
  // The page under test is the one the sources make now, not a build left over from earlier.
  execFileSync('npm', ['run', '--silent', 'build:explorer'], { stdio: 'inherit' });
  api = await listeningApi({ apiKeys, live });
  // Running as root (CI containers) needs --no-sandbox; the page is our own, on loopback.
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});

afterAll(async () => {
  await api?.db.write(cypher('test: remove the explorer’s live write', 'MATCH (n) WHERE n.id = $id DETACH DELETE n'), { id: LIVE_STATEMENT });
  await browser?.close();
  await api?.close();
});

/** A page on which every request that would leave this machine is noted and refused, as offline. */
async function offlinePage(): Promise<{ page: Page; outside: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const outside: string[] = [];
  // A script error fails the test where it happens, with its message, instead of a wait timing out.
  page.on('pageerror', (error) => console.error(`[explorer page] ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && console.error(`[explorer console] ${message.text()}`));
  await page.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => {
      outside.push(route.request().url());
      return route.abort('internetdisconnected');
    },
  );
  return { page, outside };
}

/** The walk as the API answers it, to hold the drawing to. */
async function walk(): Promise<Array<{ outlet: { id: string; name: string }; stances: string[] }>> {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ event(id: "${gid('Event', DAQUQ)}") { coverage { outlet { id name } stances } } }` }),
  });
  const body = (await response.json()) as { data: { event: { coverage: Array<{ outlet: { id: string; name: string }; stances: string[] }> } } };
  return body.data.event.coverage;
}

/** What the page exposes for inspection: its drawn graph (see explorer/src/event.ts). */
interface ExplorerWindow {
  claimgraphExplorer?: { graph?: { cy: Core } };
}

const STANCE_COLOURS: Record<string, string> = { ASSERTS: '#D55E00', DENIES: '#0072B2', DISPUTES: '#CC79A7', CALLS_TO_VERIFY: '#009E73' };

/** A whole walk through the page, each step waiting on the one before: a budget, not a timed assertion. */
const WALK_TIMEOUT_MS = 180_000;

describe.skipIf(!installed)('the explorer in a real browser', () => {
  it('finds Daquq, draws its coverage by stance, shows claims, provenance, map and timeline, with nothing from outside', async () => {
    const { page, outside } = await offlinePage();
    const origin = new URL(api.url).origin;

    // The root leads to the explorer and to the playground.
    await page.goto(`${origin}/`);
    expect(await page.locator('a[href="/graphql"]').count()).toBe(1);
    await page.locator('a[href="/explore"]').click();
    await page.waitForURL(`${origin}/explore`);

    // Find: one search box over every kind, hits with their kinds and highlights.
    await page.keyboard.press('/');
    await page.keyboard.type('Daquq');
    await page.keyboard.press('Enter');
    const eventHit = page.locator('.result[data-kind="Event"] a', { hasText: 'Airstrike on Daquq' });
    await eventHit.first().waitFor();
    expect(await page.locator('.result[data-kind="Event"] .highlight mark').first().innerText()).toMatch(/daquq/i);
    expect(await page.locator('.result .kind').allInnerTexts()).toContain('PLACE');
    await eventHit.first().click();
    await page.waitForURL(`${origin}/explore/event/${DAQUQ}`);

    // Graph: every outlet of the walk drawn, coloured by the stances it carried.
    const coverage = await walk();
    expect(coverage.length).toBeGreaterThanOrEqual(7);
    await page.waitForFunction((count) => ((globalThis as unknown as ExplorerWindow).claimgraphExplorer?.graph?.cy.nodes('[kind = "OUTLET"]').length ?? 0) >= count, coverage.length);
    const drawn = await page.evaluate(() =>
      (globalThis as unknown as ExplorerWindow).claimgraphExplorer!.graph!.cy.nodes('[kind = "OUTLET"]').map((n) => ({
        id: n.id(),
        stances: (n.data('stances') as string[]) ?? [],
        colours: [1, 2, 3, 4].filter((i) => parseFloat(n.style(`pie-${i}-background-size`)) > 0).map((i) => n.style(`pie-${i}-background-color`) as string),
      })),
    );
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(',')})`;
    for (const { outlet, stances } of coverage) {
      const node = drawn.find((d) => d.id === outlet.id);
      expect(node, outlet.name).toBeDefined();
      expect(node!.stances.toSorted()).toEqual(stances.toSorted());
      expect(node!.colours.map((c) => c.replaceAll(' ', '')).toSorted()).toEqual(stances.map((s) => rgb(STANCE_COLOURS[s]!)).toSorted());
    }
    expect(coverage.flatMap((c) => c.stances)).toEqual(expect.arrayContaining(['ASSERTS', 'DENIES']));
    expect(await page.locator('.legend').innerText()).toContain('denies');

    // RT's statement, clicked on the canvas: its chain leads to the Russian Ministry of Defence.
    const konashenkov = gid('Statement', 'konashenkov-eyewitness-quote');
    // The layout animates small graphs: a node is clicked where it comes to rest.
    await page.waitForFunction(() => (globalThis as unknown as ExplorerWindow).claimgraphExplorer!.graph!.cy.nodes().toArray().every((n) => !(n as unknown as { animated(): boolean }).animated()));
    const at = await page.evaluate((id) => {
      const cy = (globalThis as unknown as ExplorerWindow).claimgraphExplorer!.graph!.cy;
      const node = cy.getElementById(id);
      // Close enough that no neighbour's label or body lies over the point clicked, whatever the layout.
      cy.zoom(3);
      cy.center(node);
      const box = cy.container()!.getBoundingClientRect();
      return { x: box.left + node.renderedPosition().x, y: box.top + node.renderedPosition().y };
    }, konashenkov);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.locator('#panel').innerText(), { timeout: 30_000 }).toContain('Konashenkov');
    const provenance = page.locator('#panel .provenance');
    await provenance.waitFor();
    const chains = await provenance.innerText();
    expect(chains).toContain('RT:');
    expect(chains).toContain('Russian Ministry of Defence');
    expect(chains).toMatch(/War News Updates[\s\S]*RT[\s\S]*Russian Ministry of Defence/);

    // The claim panel: asserters against deniers, with outlets and dates at their precision.
    await page.locator('.claims button').first().click();
    await page.locator('#panel .claim-panel').waitFor();
    const asserters = page.locator('#panel .asserters .statement');
    const deniers = page.locator('#panel .deniers .statement');
    expect(await asserters.count()).toBeGreaterThan(0);
    expect(await deniers.count()).toBeGreaterThan(0);
    expect(await page.locator('#panel .claim-panel').innerText()).toMatch(/Carried by/);
    expect(await page.locator('#panel .claim-panel time').allInnerTexts()).toContain('October 2016');
    // Each statement's provenance opens in place.
    await page.locator('#panel .asserters details.provenance summary').first().click();
    await page.locator('#panel .asserters details.provenance .chain').first().waitFor();

    // The map: the event's place, events found within the radius drawn, the place hierarchy on click.
    await page.locator('.tabs a', { hasText: 'Map' }).click();
    await page.waitForURL(`${origin}/explore/event/${DAQUQ}/map`);
    await page.locator('.map-status', { hasText: 'within 50 km' }).waitFor();
    expect(await page.locator('.map-canvas path.leaflet-interactive').count()).toBeGreaterThan(0);
    await page.locator('.map-results button', { hasText: 'Daquq' }).first().click();
    await page.locator('.hierarchy', { hasText: 'Iraq' }).waitFor();
    expect(await page.locator('.hierarchy li').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^Daquq/), expect.stringMatching(/^Iraq/)]));

    // The timeline: month-precision statements as spans, filtered by stance.
    await page.locator('.tabs a', { hasText: 'Timeline' }).click();
    await page.locator('.vis-item.tl-span').first().waitFor();
    const denials = page.locator('.vis-item.tl-denies');
    expect(await denials.count()).toBeGreaterThan(0);
    await page.locator('.timeline-filters input[value="DENIES"]').uncheck();
    await page.waitForFunction(() => document.querySelectorAll('.vis-item.tl-denies').length === 0);
    expect(await page.locator('.vis-item.tl-asserts').count()).toBeGreaterThan(0);

    expect(outside).toEqual([]);
    await page.close();
  }, WALK_TIMEOUT_MS);

  it('expands a node, exports the view as PNG and GraphML, and searches the map’s view as a box', async () => {
    const { page, outside } = await offlinePage();
    const origin = new URL(api.url).origin;
    const drawnIds = () => page.evaluate(() => (globalThis as unknown as ExplorerWindow).claimgraphExplorer!.graph!.cy.nodes().map((n) => n.id()));
    await page.goto(`${origin}/explore/event/${DAQUQ}`);
    await page.waitForFunction(() => ((globalThis as unknown as ExplorerWindow).claimgraphExplorer?.graph?.cy.nodes('[kind = "OUTLET"]').length ?? 0) > 0);
    const before = await drawnIds();

    // By keyboard: the graph takes focus on its event, arrows move between nodes (announced in
    // words), Enter opens the panel, Escape gives focus back to the graph, E expands.
    const status = page.locator('.graph-canvas + [aria-live]');
    const selected = () => page.evaluate(() => (globalThis as unknown as ExplorerWindow).claimgraphExplorer!.graph!.cy.nodes(':selected').map((n) => n.id()));
    await page.locator('.graph-canvas').focus();
    await status.filter({ hasText: /^event: / }).waitFor();
    expect(await selected()).toEqual([gid('Event', DAQUQ)]);
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) {
      await page.keyboard.press(key);
      if ((await selected())[0] !== gid('Event', DAQUQ)) break;
    }
    const moved = await selected();
    expect(moved).toHaveLength(1);
    expect(moved[0]).not.toBe(gid('Event', DAQUQ));
    expect(await status.innerText()).not.toMatch(/^event: /);
    await page.keyboard.press('Enter');
    await page.locator('#panel:not([hidden])').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('#panel[hidden]').waitFor({ state: 'attached' });
    expect(await page.evaluate(() => document.activeElement?.classList.contains('graph-canvas'))).toBe(true);
    await page.keyboard.press('Home');
    expect(await selected()).toEqual([gid('Event', DAQUQ)]);
    await page.keyboard.press('e');
    await page.waitForFunction((count) => (globalThis as unknown as ExplorerWindow).claimgraphExplorer!.graph!.cy.nodes().length > count, before.length);

    // RT selected (as a tap on the canvas does), then expanded from the panel: its other records join the drawing.
    const rt = gid('Outlet', 'rt');
    await page.evaluate((id) => (globalThis as unknown as ExplorerWindow).claimgraphExplorer!.graph!.cy.getElementById(id).emit('tap'), rt);
    await page.locator('#panel button', { hasText: 'Expand neighbourhood' }).click();
    await page.locator('#panel [aria-live]', { hasText: 'elements added' }).waitFor();
    const after = await drawnIds();
    expect(after.length).toBeGreaterThan(before.length);
    expect(after).toEqual(expect.arrayContaining(before));

    // GraphML: every drawn node and edge, by record ID, in a document an XML parser reads.
    const [graphml] = await Promise.all([page.waitForEvent('download'), page.locator('button', { hasText: 'Export GraphML' }).click()]);
    expect(graphml.suggestedFilename()).toBe(`${DAQUQ}.graphml`);
    const xml = await readFile((await graphml.path())!, 'utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, nodes: [...doc.querySelectorAll('node')].map((n) => n.id), edges: doc.querySelectorAll('edge').length };
    }, xml);
    expect(parsed.error).toBeNull();
    expect(parsed.nodes.toSorted()).toEqual(after.toSorted());
    const edges = await page.evaluate(() => (globalThis as unknown as ExplorerWindow).claimgraphExplorer!.graph!.cy.edges().length);
    expect(parsed.edges).toBe(edges);

    // PNG: an image of the whole view.
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('button', { hasText: 'Export PNG' }).click()]);
    expect(png.suggestedFilename()).toBe(`${DAQUQ}.png`);
    const image = await readFile((await png.path())!);
    expect(image.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(image.readUInt32BE(16)).toBeGreaterThan(100);
    expect(image.readUInt32BE(20)).toBeGreaterThan(100);

    // The map's view searched as a box: the Daquq strike lies in it.
    await page.locator('.tabs a', { hasText: 'Map' }).click();
    await page.locator('.map-status', { hasText: 'within 50 km' }).waitFor();
    await page.locator('button', { hasText: 'Search this view' }).click();
    await page.locator('.map-status', { hasText: 'in this view' }).waitFor();
    expect(await page.locator('.map-canvas path.leaflet-interactive').count()).toBeGreaterThan(0);
    expect(await page.locator('.map-results').innerText()).toContain('Daquq');
    expect(outside).toEqual([]);
    await page.close();
  }, WALK_TIMEOUT_MS);

  it('opens deep links directly: an event’s timeline and a claim', async () => {
    const { page, outside } = await offlinePage();
    const origin = new URL(api.url).origin;
    await page.goto(`${origin}/explore/event/${DAQUQ}/timeline`);
    await page.locator('.vis-item').first().waitFor();
    expect(await page.locator('h1').innerText()).toContain('Daquq');
    const claimKey = await page.locator('.claims button').first().getAttribute('data-claim');
    await page.goto(`${origin}/explore/claim/${claimKey}`);
    await page.locator('.claim-panel .sides').waitFor();
    await page.goto(`${origin}/explore/no-such-page`);
    await page.locator('h1', { hasText: 'Not found' }).waitFor();
    expect(outside).toEqual([]);
    await page.close();
  });

  it('shows a statement written while the page is open', async () => {
    const { page } = await offlinePage();
    const origin = new URL(api.url).origin;
    const listening = live.listening('statement-added');
    await page.goto(`${origin}/explore/event/${DAQUQ}`);
    await listening;
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${editorKey}` },
      body: JSON.stringify({
        query: 'mutation ($input: StatementInput!) { upsertStatement(input: $input) { __typename } }',
        variables: { input: { key: LIVE_STATEMENT, kind: 'COMMENT', quote: 'PARAPHRASE', text: 'A statement written during the explorer test.', about: [DAQUQ] } },
      }),
    });
    expect(await response.json()).toEqual({ data: { upsertStatement: { __typename: 'Statement' } } });
    await page.locator('.live-feed li', { hasText: 'A statement written during the explorer test.' }).waitFor();
    await page.waitForFunction((id) => (globalThis as unknown as ExplorerWindow).claimgraphExplorer?.graph?.cy.getElementById(id).nonempty(), gid('Statement', LIVE_STATEMENT));
    await page.close();
  });

  it('names a database outage as such', async () => {
    // The same API over a Neo4j that is not there: nothing listens on the port it names.
    const config = testConfig();
    const deadPort = await new Promise<number>((resolve) => {
      const probe = createHttpServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const db = new Database(`bolt://127.0.0.1:${deadPort}`, config.neo4j);
    const http = createHttpServer(createServer(db, { config }));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    try {
      const { page, outside } = await offlinePage();
      await page.goto(`http://127.0.0.1:${(http.address() as AddressInfo).port}/explore?q=Daquq`);
      const alert = page.locator('.state-outage[role="alert"]');
      await alert.waitFor();
      expect(await alert.innerText()).toContain('Database unavailable');
      expect(outside).toEqual([]);
      await page.close();
    } finally {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
      await db.close();
    }
  });
});
