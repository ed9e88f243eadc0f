import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newPage, openPage } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

const password = 'Groeipad-Demo-2026';

async function signIn(page: Page, url: string, email: string): Promise<void> {
  await openPage(page, `${url}/login`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel(/^Wachtwoord/).fill(password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByRole('heading', { name: /^Dag /, level: 1 }).waitFor();
}

/** The demo's POP in the conversation phase holds the two rows of the sample POP form of the conversation guide. */
describe('a POP in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({}, ['--demo']);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows the manager the plan as the sample POP form, with the seed's rows", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, server.url, 'katrien.vandenbroeck@debrug.example');
    await expectAccessible(page, 'home of the manager');
    await page.getByRole('navigation').getByRole('link', { name: 'Mijn team', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Mijn team', level: 1 }).waitFor();
    await expectAccessible(page, 'team with plans');
    await page
      .getByRole('link', { name: /Thomas Janssens/ })
      .first()
      .click();
    await page.waitForURL(/\/(plans|people)\//);
    if (!/\/plans\//.test(page.url())) await page.getByRole('link', { name: /POP/ }).first().click();
    await page.getByRole('tab', { name: 'Doelen en afspraken' }).click();
    await page.getByText('POP-formulier', { exact: true }).click();
    const conflict = page.getByRole('row', { name: /Beter leren omgaan met conflicten/ });
    await expect(conflict.textContent()).resolves.toMatch(
      /conflicthantering[\s\S]*Q1 \d{4}[\s\S]*Tijd vrijmaken voor deelname[\s\S]*Evaluatie bij volgend POP-gesprek/,
    );
    const coaching = page.getByRole('row', { name: /Meer verantwoordelijkheid opnemen/ });
    await expect(coaching.textContent()).resolves.toMatch(
      /Interne coaching[\s\S]*Doorlopend[\s\S]*Aanstelling coach[\s\S]*Korte evaluatie na 3 maanden/,
    );
    await expectAccessible(page, 'the POP form');
    await context.close();
  });

  it('shows the employee their own plan on a phone', async () => {
    const { context, page } = await newPage(browser, { mobile: true });
    await signIn(page, server.url, 'zoe.peeters@debrug.example');
    await expectAccessible(page, 'home of the employee (phone)');
    await context.close();
  });
});
