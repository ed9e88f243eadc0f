import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, whenInteractive } from './support/browser.js';
import { phone } from './support/phone.js';
import { type RunningServer, startServer } from './support/server.js';

const password = 'Groeipad-Demo-2026';
const thomas = 'thomas.janssens@debrug.example';
const katrien = 'katrien.vandenbroeck@debrug.example';

/** A context signed in through the API, as the sign-in page does. */
async function signedIn(
  browser: Browser,
  url: string,
  email: string,
  mobile: boolean,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    locale: 'nl-BE',
    timezoneId: 'Europe/Brussels',
    ...(mobile
      ? { viewport: phone, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }
      : { viewport: { width: 1280, height: 900 } }),
  });
  const response = await context.request.post(`${url}/api/auth/login`, {
    data: { email, password },
    headers: { origin: url },
  });
  expect(response.status()).toBe(200);
  return context;
}

/** Every error the page reports: React's hydration errors among them. */
function errorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/** Opens a page from its address and waits until the app has taken over the HTML the server sent. */
async function openRendered(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('#root:not([inert])').waitFor({ state: 'attached' });
}

/**
 * Pages of a signed-in person arrive rendered by the server (decisions/0011): readable before the app's code has
 * run, inert until the app has hydrated them, and then exactly the app, without a hydration error.
 */
describe('pages rendered by the server', () => {
  let server: RunningServer;
  let browser: Browser;
  let planId: string;

  beforeAll(async () => {
    server = await startServer({}, ['--demo']);
    browser = await launchBrowser();
    const context = await signedIn(browser, server.url, thomas, false);
    const mine = await (await context.request.get(`${server.url}/api/plans`)).json();
    planId = mine.items[0].id;
    await context.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const mobile of [false, true]) {
    it(`sends Thomas's plan readable in its HTML and hydrates it on a ${mobile ? 'phone' : 'wide screen'}`, async () => {
      const context = await signedIn(browser, server.url, thomas, mobile);
      const html = await (await context.request.get(`${server.url}/plans/${planId}`)).text();
      expect(html).toContain('<div id="root" inert>');
      expect(html).toContain('Mijn POP');
      expect(html).toContain('Voorbereiding');

      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const errors = errorsOf(page);
      const requested: string[] = [];
      page.on('request', (request) => requested.push(new URL(request.url()).pathname));
      await openRendered(page, `${server.url}/plans/${planId}`);
      await page.getByRole('heading', { name: 'Mijn POP', level: 1 }).waitFor();
      // The styles came in the page: no stylesheet is fetched, not even again by the app's module loader. Every
      // script of the app and the page was named by the page, so the browser fetched them together, each once.
      const template = /<template id="groeipad-preloads">(.*?)<\/template>/s.exec(html)?.[1] ?? '';
      const preloaded = [...template.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map(
        (match) => match[1],
      );
      const scripts = requested.filter((path) => path.endsWith('.js'));
      expect(requested.filter((path) => path.endsWith('.css'))).toEqual([]);
      expect(preloaded.length).toBeGreaterThan(10);
      expect(new Set(scripts).size).toBe(scripts.length);
      const entry = await page.$eval(
        'script[type="module"]',
        (script) => new URL((script as HTMLScriptElement).src).pathname,
      );
      expect(scripts.filter((path) => path !== entry && !preloaded.includes(path))).toEqual([]);
      const conversation = page.getByRole('tab', { name: 'POP-gesprek', selected: true });
      await conversation.waitFor();
      // On a phone the two preparations are folded away; on a wide screen they are shown, from the first paint on.
      await page
        .getByRole('button', {
          name: mobile ? 'Toon de voorbereidingen' : 'Verberg de voorbereidingen',
          expanded: !mobile,
        })
        .waitFor();

      // The page answers: a section opens, the folded preparations unfold.
      await page.getByRole('tab', { name: 'Doelen en afspraken' }).click();
      await page.getByRole('tab', { name: 'Doelen en afspraken', selected: true }).waitFor();
      await page.getByRole('tab', { name: 'POP-gesprek' }).click();
      await conversation.waitFor();
      if (mobile) {
        await page.getByRole('button', { name: 'Toon de voorbereidingen' }).click();
        await page.getByRole('button', { name: 'Verberg de voorbereidingen', expanded: true }).waitFor();
      }
      await expectAccessible(page, `the server-rendered plan page (${mobile ? 'phone' : 'wide'})`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('says so when a page’s code cannot be fetched, keeps the navigation usable, and loads the page on a reload', async () => {
    const context = await signedIn(browser, server.url, thomas, false);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    // The plan page's own chunk cannot be fetched: the network dropped, or a newer Groeipad no longer has it.
    const planChunk = /\/assets\/plan-page-[^/]+\.js$/;
    await page.route(planChunk, (route) => route.abort('failed'));
    const failed = page.getByRole('heading', { name: 'Deze pagina kon niet geladen worden', level: 1 });
    const reload = page.getByRole('button', { name: 'Pagina opnieuw laden' });

    // A page the server rendered: not left inert, the frame and its navigation answer.
    await openRendered(page, `${server.url}/plans/${planId}`);
    await failed.waitFor();
    await reload.waitFor();
    await expectAccessible(page, 'a page whose code could not be fetched');
    await page.getByRole('link', { name: 'Mijn POP' }).click();
    await page.waitForURL(`${server.url}/`);
    await failed.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1 }).first().waitFor();

    // Back to the plan within the app: the same page says so again; with the network back, a reload shows the plan.
    await page.goBack();
    await failed.waitFor();
    await page.unroute(planChunk);
    await reload.click();
    await whenInteractive(page);
    await page.getByRole('tab', { name: 'POP-gesprek', selected: true }).waitFor();
    await context.close();
  });

  it("renders Katrien's home and team pages, and her first change asks for the session's token itself", async () => {
    const context = await signedIn(browser, server.url, katrien, false);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors = errorsOf(page);
    for (const path of ['/', '/team']) {
      await openRendered(page, `${server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
    }
    // A change right after a rendered page: the token was not in the page, the app fetches it before sending.
    await openRendered(page, `${server.url}/profile`);
    await page.getByRole('button', { name: /\(EN\)/ }).click();
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    await page.getByRole('button', { name: /\(NL\)/ }).click();
    await page.locator('html[lang="nl-BE"]').waitFor({ state: 'attached' });
    expect(errors).toEqual([]);
    await context.close();
  });
});
