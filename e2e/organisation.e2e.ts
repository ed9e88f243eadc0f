import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

/** The overview the demo organisation's HR and managers work with: the training plan, its files, the team view. */
describe('training plan and team view of the demo organisation', () => {
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

  it('HR opens the training plan of a year and downloads it as PDF and XLSX', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, server.url, 'sofie.maes@debrug.example');
    await page.getByRole('navigation').getByRole('link', { name: 'Opleidingsplan', exact: true }).click();
    const heading = page.getByRole('heading', { name: /^Opleidingsplan \d{4}$/, level: 1 });
    await heading.waitFor();
    const year = ((await heading.textContent()) ?? '').replace(/\D/g, '');
    await page.getByRole('heading', { name: 'Wettelijk opleidingsplan (België)' }).waitFor();
    await page.getByRole('heading', { name: 'Per soort actie' }).waitFor();
    // The consultation timeline of the law: draft, advice by 15 March, final by 31 March.
    await page.getByText(`Uiterlijk 15/03/${year}`).waitFor();
    await page.getByText(`Uiterlijk 31/03/${year}`).waitFor();
    // Counts only: the demo's risk-group and gender rows, never a name.
    const riskGroups = page
      .getByRole('table')
      .filter({ has: page.getByRole('columnheader', { name: 'Groep' }) });
    await expect(
      riskGroups
        .first()
        .getByRole('row', { name: /^Risicogroep/ })
        .count(),
    ).resolves.toBe(1);
    await expectAccessible(page, 'training plan');

    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'PDF downloaden' }).click(),
    ]);
    const pdfPath = await pdf.path();
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain(`Opleidingsplan ${year}`);
    expect(text).toContain('vzw De Brug');
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Excel downloaden (XLSX)' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    // An XLSX file is a zip archive.
    expect(
      readFileSync(await xlsx.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');

    // Another year shows its own figures and title.
    await page.getByLabel('Jaar', { exact: true }).first().click();
    await page.getByRole('option', { name: String(Number(year) - 1) }).click();
    await page.getByRole('heading', { name: `Opleidingsplan ${Number(year) - 1}`, level: 1 }).waitFor();
    await expectAccessible(page, 'training plan of the year before');
    await context.close();
  });

  it('a manager opens the team view: people, learning needs, charts and an export', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, server.url, 'katrien.vandenbroeck@debrug.example');
    await page.getByRole('navigation').getByRole('link', { name: 'Mijn team', exact: true }).click();
    await page.getByRole('heading', { name: 'Mijn team', level: 1 }).waitFor();
    const people = page.getByRole('table', { name: 'Medewerkers met hun POP' });
    await people.getByRole('row', { name: /Lotte De Backer/ }).waitFor();
    await expect(people.getByRole('row', { name: /Lotte De Backer/ }).textContent()).resolves.toMatch(
      /Gezien, niet akkoord/i,
    );
    await expectAccessible(page, 'team view: people');

    await page.getByRole('tab', { name: 'Leernoden' }).click();
    await page.getByRole('heading', { name: 'Competenties per medewerker' }).waitFor();
    await page.getByRole('heading', { name: 'Leernoden per thema' }).waitFor();
    await expectAccessible(page, 'team view: learning needs');

    await page.getByRole('tab', { name: 'In cijfers' }).click();
    await page.getByRole('tabpanel', { name: 'In cijfers' }).locator('svg').first().waitFor();
    await expectAccessible(page, 'team view: charts');

    // The actions of the team as CSV, with the progress of the download.
    await page.getByRole('button', { name: 'Exporteren' }).click();
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Acties als CSV (Excel)' }).click(),
    ]);
    const rows = readFileSync(await csv.path(), 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(rows[0]).toContain('Medewerker');
    expect(rows.length).toBeGreaterThan(1);
    await page
      .getByText(/is gedownload/)
      .first()
      .waitFor();

    // From the people list to a person's plan.
    await page.getByRole('tab', { name: 'Medewerkers' }).click();
    await people.getByRole('link', { name: 'Open het POP van Lotte De Backer' }).click();
    await page.getByRole('heading', { name: /Lotte De Backer/, level: 1 }).waitFor();
    await expectAccessible(page, 'plan opened from the team view');
    await context.close();
  });
});
