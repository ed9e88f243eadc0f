import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newPage, openPage } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

/** `npm run demo`: the demo organisation, its printed logins and the banner that says it is a demo. */
describe('demo', () => {
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

  it('prints the logins and shows the demo banner to every role', async () => {
    const logins = [...server.output().matchAll(/^\s+(\S.*?)\s{2,}(\S+@\S+)\s+(\S+)\s*$/gm)].map((m) => ({
      role: m[1],
      email: m[2] as string,
      password: m[3] as string,
    }));
    expect(logins.length).toBeGreaterThanOrEqual(4);
    for (const login of logins) {
      const { context, page } = await newPage(browser);
      await openPage(page, `${server.url}/login`);
      await page.getByLabel('E-mailadres').fill(login.email);
      await page.getByLabel(/^Wachtwoord/).fill(login.password);
      await page.getByRole('button', { name: 'Aanmelden' }).click();
      await page.getByRole('heading', { name: /^Dag /, level: 1 }).waitFor();
      await page.getByText('Demo-omgeving').first().waitFor();
      await expectAccessible(page, `demo home as ${login.role}`);
      await context.close();
    }
  });

  it('a manager sees their team', async () => {
    const manager = [...server.output().matchAll(/^\s+(leidinggevende\S*)\s{2,}(\S+@\S+)\s+(\S+)\s*$/gim)][0];
    expect(manager).toBeDefined();
    const { context, page } = await newPage(browser);
    await openPage(page, `${server.url}/login`);
    await page.getByLabel('E-mailadres').fill(manager?.[2] as string);
    await page.getByLabel(/^Wachtwoord/).fill(manager?.[3] as string);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Mijn team', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Mijn team', level: 1 }).waitFor();
    // The team of the demo manager: a header row and their people.
    await page.getByRole('row').nth(3).waitFor();
    await expectAccessible(page, 'my team');
    await context.close();
  });
});
