import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listeningApi } from './helpers/server.js';

/** Debian's chromium (.ci/run installs it); playwright-core drives it and downloads no browser. */
const CHROMIUM = '/usr/bin/chromium';
const installed = existsSync(CHROMIUM);
if (!installed) console.error(`[tests] ${CHROMIUM} is not installed (apt-get install chromium): the playground test will be skipped`);

let api: Awaited<ReturnType<typeof listeningApi>>;
let browser: Browser;

beforeAll(async () => {
  if (!installed) return;
  api = await listeningApi();
  // Running as root (CI containers) needs --no-sandbox; the page is our own, on loopback.
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe.skipIf(!installed)('the playground (GraphiQL) in a real browser', () => {
  it('loads with nothing from the internet, opens on the walk, and Run shows the walk’s data', async () => {
    const page = await browser.newPage();
    // Every request that would leave this machine is noted and refused, as it would fail offline.
    const outside: string[] = [];
    await page.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => {
        outside.push(route.request().url());
        return route.abort('internetdisconnected');
      },
    );
    await page.goto(api.url);
    // Monaco draws the editors, with non-breaking spaces: wait until a pane shows a text, then read it.
    const shows = (selector: string, text: string) =>
      page.waitForFunction(
        ([selector, text]) => document.querySelector(selector!)?.textContent?.replaceAll('\u00a0', ' ').includes(text!),
        [selector, text],
      );
    const textOf = async (selector: string) => (await page.locator(selector).innerText()).replaceAll('\u00a0', ' ');

    await shows('.graphiql-query-editor', 'query Walk($event: ID! = ');
    expect(await textOf('.graphiql-query-editor')).toContain('coverage {');

    await page.locator('.graphiql-execute-button').click();
    await shows('.graphiql-response', '"title": "Airstrike on Daquq, Kirkuk Governorate"');
    const shown = await textOf('.graphiql-response');
    expect(shown).toContain('"name": "Human Rights Watch"');
    expect(shown).not.toContain('"errors"');
    expect(outside).toEqual([]);
    await page.close();
  });
});
