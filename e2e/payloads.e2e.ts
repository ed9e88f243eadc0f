import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededPayloads, seedPayloadOrganisation } from '../test/support/payload-seed.js';
import { payloads } from '../test/support/payloads.js';
import { expectAccessible, launchBrowser, openPage } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

/** What injected markup from the corpus would leave in the page. */
// The page state a server-rendered page carries (decisions/0011) is the app's own data block, never executed.
const injected =
  'script:not([src]):not([type="application/json"]#groeipad-state), [onerror], [onload], #pwned, img[src="x"], a[href^="javascript:" i]';

/**
 * Runs in every page before the app: `window.__pwned`, which every script payload of the corpus sets, reports to the
 * test the moment it is written, and so does any element of injected markup added to the document.
 */
function installCanary(selector: string): void {
  const report = (what: string) => (window as unknown as { __alarm(what: string): void }).__alarm(what);
  let value: unknown;
  Object.defineProperty(window, '__pwned', {
    configurable: false,
    get: () => value,
    set: (next) => {
      value = next;
      report('window.__pwned was set');
    },
  });
  new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes)
        if (node instanceof Element && (node.matches(selector) || node.querySelector(selector)))
          report(`markup was injected: ${node.outerHTML.slice(0, 120)}`);
  }).observe(document, { childList: true, subtree: true });
}

interface Session {
  context: BrowserContext;
  page: Page;
  /** Everything the canary, a dialog or a script error reported. */
  alarms: string[];
}

/**
 * A browser of its own, with the page's Content-Security-Policy switched off: the CSP forbids inline scripts, so
 * with it on a payload that slipped into the page as markup could not run, and the canary would prove nothing about
 * the rendering. Here only the rendering stands between the payloads and the page.
 */
async function session(browser: Browser): Promise<Session> {
  const context = await browser.newContext({
    locale: 'nl-BE',
    timezoneId: 'Europe/Brussels',
    viewport: { width: 1280, height: 900 },
    bypassCSP: true,
  });
  const alarms: string[] = [];
  await context.exposeBinding('__alarm', ({ page }, what: string) => {
    alarms.push(`${what} (${page.url()})`);
  });
  await context.addInitScript(installCanary, injected);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('dialog', (dialog) => {
    alarms.push(`a ${dialog.type()} dialog opened: ${dialog.message()} (${page.url()})`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => alarms.push(`script error: ${error.message} (${page.url()})`));
  return { context, page, alarms };
}

async function signIn(s: Session, url: string, login: { email: string; password: string }): Promise<void> {
  await openPage(s.page, `${url}/login`);
  await s.page.getByLabel('E-mailadres').fill(login.email);
  await s.page.getByLabel(/^Wachtwoord/).fill(login.password);
  await s.page.getByRole('button', { name: 'Aanmelden' }).click();
  await s.page.getByRole('heading', { name: /^Dag /, level: 1 }).waitFor();
}

/** The page has loaded its data: no request in flight, nothing still loading. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('.mantine-Skeleton-root').first().waitFor({ state: 'detached' });
}

/** Nothing ran, nothing was injected, no dialog opened. */
async function expectInert(s: Session, what: string): Promise<void> {
  await settled(s.page);
  const state = await s.page.evaluate(
    (selector) => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      injected: [...document.querySelectorAll(selector)].map((e) => e.outerHTML.slice(0, 120)),
    }),
    injected,
  );
  expect(state, what).toEqual({ pwned: undefined, injected: [] });
  expect(s.alarms, what).toEqual([]);
}

/** The payload is on the page as visible text, exactly as it was typed (no entity decoded, no markup applied). */
async function shownAsText(page: Page, value: string, what: string): Promise<void> {
  const visible = page.getByText(value).filter({ visible: true }).first();
  await visible.waitFor({ timeout: 5_000 }).catch(() => {
    throw new Error(`${what}: ${JSON.stringify(value)} is not shown as text`);
  });
}

/** Opens every section of the plan page in turn and checks each. */
async function everyTab(s: Session, url: string, planId: string, who: string): Promise<string[]> {
  await openPage(s.page, `${url}/plans/${planId}`);
  const tabs = s.page.getByRole('tablist', { name: 'Onderdelen van het POP' }).getByRole('tab');
  await tabs.first().waitFor();
  const names = (await tabs.allTextContents()).map((n) => n.trim());
  for (const name of names) {
    await tabs.filter({ hasText: name }).click();
    await s.page.getByRole('tab', { name, selected: true }).waitFor();
    await expectInert(s, `${who}: the plan's tab ${name}`);
  }
  return names;
}

/**
 * The shared corpus of hostile text (test/support/payloads.ts: XSS, SQL, CRLF, formulas, odd Unicode), stored through
 * the API in the names of people and in every text field of a POP (preparation answers, talking points, notes,
 * goals, actions, comments, follow-up notes), renders inert in the web app: the employee and the manager open every
 * page and every section of the plan, HR the people; no script runs, no markup is injected, no dialog opens, and the
 * payloads are shown as the text they are.
 */
describe('hostile text in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let seeded: SeededPayloads;

  beforeAll(async () => {
    // The reminder jobs run every two seconds: the manager is told of the planned conversation in time.
    server = await startServer({ JOBS_INTERVAL_SECONDS: '2' }, ['--demo']);
    browser = await launchBrowser();
    seeded = await seedPayloadOrganisation(server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('runs nothing and shows every payload as text, for the employee, the manager and HR', async () => {
    const employeeName = `${payloads[0]!.value} ${payloads[0]!.value}`;

    // The canary works: markup injected into the page trips it at once.
    const probe = await session(browser);
    await openPage(probe.page, `${server.url}/login`);
    await probe.page.evaluate(() =>
      document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="window.__pwned=1">'),
    );
    await expect.poll(() => probe.alarms.join('\n')).toMatch(/window\.__pwned was set/);
    expect(probe.alarms.join('\n')).toMatch(/markup was injected/);
    await probe.context.close();

    // The manager: home, every section of the POP, the team, the notifications.
    const m = await session(browser);
    await signIn(m, server.url, seeded.logins.manager);
    await expectInert(m, 'manager: home');
    const managerTabs = await everyTab(m, server.url, seeded.planId, 'manager');
    expect(managerTabs).toEqual(
      expect.arrayContaining(['Voorbereiding', 'Doelen en afspraken', 'Opvolging', 'Inzage en wijzigingen']),
    );
    await shownAsText(m.page, `${employeeName} (als medewerker)`, 'the audit tab: the employee as actor');
    await shownAsText(m.page, `Titel: ${payloads[8]!.value}`, 'the audit tab: a goal title');
    // The POP page shows the payloads as the text they are: the employee's name in the title, every goal.
    await m.page.getByRole('tab', { name: 'Doelen en afspraken' }).click();
    await expect(m.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      `POP van ${employeeName}`,
    );
    for (const p of seeded.payloads) await shownAsText(m.page, p.value, `the goals: ${p.name}`);
    await expectAccessible(m.page, 'the POP full of payloads');
    await openPage(m.page, `${server.url}/team`);
    await m.page.getByRole('heading', { name: 'Mijn team', level: 1 }).waitFor();
    await expectInert(m, 'manager: the team');
    for (const p of payloads) await shownAsText(m.page, p.value, `the team: ${p.name}`);
    await openPage(m.page, `${server.url}/notifications`);
    await m.page.getByRole('heading', { name: 'Meldingen', level: 1 }).waitFor();
    await expectInert(m, 'manager: the notifications');
    await shownAsText(m.page, `POP-gesprek met ${employeeName} gepland`, 'the notifications');
    await m.context.close();

    // The employee: home, every section of the POP, the notifications.
    const e = await session(browser);
    await signIn(e, server.url, seeded.logins.employee);
    await expectInert(e, 'employee: home');
    await shownAsText(e.page, `Dag ${payloads[0]!.value}`, 'the home of the employee');
    await everyTab(e, server.url, seeded.planId, 'employee');
    await e.page.getByRole('tab', { name: 'Voorbereiding' }).click();
    for (const p of seeded.payloads) await shownAsText(e.page, p.value, `the preparation: ${p.name}`);
    await openPage(e.page, `${server.url}/notifications`);
    await e.page.getByRole('heading', { name: 'Meldingen', level: 1 }).waitFor();
    await expectInert(e, 'employee: the notifications');
    await e.context.close();

    // HR: the people and one of them, the outbox with the invitation, the organisation's audit log.
    const hr = await session(browser);
    await signIn(hr, server.url, seeded.logins.admin);
    const paths = [
      '/people?q=payload',
      `/people/${seeded.personIds[1]}`,
      '/settings/outbox',
      '/settings/audit',
    ];
    for (const path of paths) {
      await openPage(hr.page, `${server.url}${path}`);
      await hr.page.getByRole('heading', { level: 1 }).first().waitFor();
      await expectInert(hr, `HR: ${path}`);
      // Every payload person, on one page of the list: found by the address they share.
      if (path === paths[0])
        for (const p of payloads) await shownAsText(hr.page, p.value, `the people: ${p.name}`);
    }
    await hr.context.close();
  });
});
