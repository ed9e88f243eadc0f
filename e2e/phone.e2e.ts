import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openPage } from './support/browser.js';
import { checkPhone, phone, settled } from './support/phone.js';
import { type RunningServer, startServer } from './support/server.js';

const password = 'Groeipad-Demo-2026';
const thomas = 'thomas.janssens@debrug.example';

async function expectFits(page: Page, label: string): Promise<void> {
  const check = await checkPhone(page);
  expect(check.outside, `${label}: elements past the right edge`).toEqual([]);
  expect(
    check.overflowPx,
    `${label}: the page scrolls sideways (${check.documentWidth} px wide)`,
  ).toBeLessThanOrEqual(0);
  expect(check.unreachable, `${label}: controls outside the screen or covered`).toEqual([]);
  expect(check.controls, `${label}: controls checked`).toBeGreaterThan(5);
}

/** The demo's Thomas Janssens has a POP in the conversation phase: he reads it and approves it on a small phone. */
describe('the plan on a phone (375x667)', () => {
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

  it('fits the screen, and its sections, approval and menu are within reach', async () => {
    const context = await browser.newContext({
      locale: 'nl-BE',
      timezoneId: 'Europe/Brussels',
      viewport: phone,
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await openPage(page, `${server.url}/login`);
    await page.getByLabel('E-mailadres').fill(thomas);
    await page.getByLabel(/^Wachtwoord/).fill(password);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('heading', { name: /^Dag /, level: 1 }).waitFor();
    await expectFits(page, 'home');

    await page.getByRole('link', { name: 'Open mijn POP' }).first().click();
    await page.getByRole('heading', { name: 'Mijn POP', level: 1 }).waitFor();
    await page.getByRole('tab', { name: 'POP-gesprek', selected: true }).waitFor();
    await page.getByRole('tabpanel').getByText(/./).first().waitFor();
    await expectFits(page, 'the conversation section');
    await expectAccessible(page, 'the plan on a phone');

    // Each section opens with a tap and fits too.
    for (const name of ['Doelen en afspraken', 'Voorbereiding']) {
      await page.getByRole('tab', { name }).tap();
      // The section's code loads with its first opening; the tab switches once it is there.
      await page.getByRole('tab', { name, selected: true }).waitFor();
      await page.getByRole('tabpanel').getByText(/./).first().waitFor();
      await expectFits(page, name);
    }

    // The approval asks for confirmation in a dialog that fits the screen; cancelling leaves the plan as it was.
    for (let round = 0; round < 2; round++) {
      await page.getByRole('button', { name: 'Goedkeuren', exact: true }).tap();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await settled(page);
      const box = await dialog.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= phone.width, 'the dialog fits the screen').toBe(true);
      if (round === 0) await expectAccessible(page, 'the approval dialog on a phone');
      await dialog.getByRole('button', { name: 'Annuleren' }).tap();
      await dialog.waitFor({ state: 'hidden' });
    }
    await expect(page.getByRole('button', { name: 'Goedkeuren', exact: true }).isVisible()).resolves.toBe(
      true,
    );

    // The menu opens from the header and leads back home.
    await page.getByRole('button', { name: 'Menu openen' }).tap();
    const navigation = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
    await navigation.getByRole('link').first().waitFor();
    await settled(page);
    const home = navigation.getByRole('link').first();
    const homeBox = await home.boundingBox();
    expect(homeBox && homeBox.x >= 0 && homeBox.x + homeBox.width <= phone.width, 'the menu fits').toBe(true);
    await home.tap();
    await page.getByRole('heading', { name: /^Dag /, level: 1 }).waitFor();
    await context.close();
  });
});
