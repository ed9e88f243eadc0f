import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtp, type TestSmtp } from '../test/support/smtp.js';
import { expectAccessible, launchBrowser, newPage, openPage } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

/**
 * The first hour of a new organisation, in a real browser against the built production server:
 * set-up -> first beheerder -> a team and a person -> a CSV import -> the invited person signs in.
 */
describe('foundation journey', () => {
  let server: RunningServer;
  let smtp: TestSmtp;
  let browser: Browser;

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startServer({ SMTP_URL: smtp.url });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  it('sets up the organisation, adds people and lets an invited person in', async () => {
    const { context, page } = await newPage(browser);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // First start: every page leads to the set-up page.
    await openPage(page, `${server.url}/people`);
    await page.waitForURL('**/setup');
    await page.getByLabel('Naam van de organisatie').waitFor();
    await expectAccessible(page, 'set-up');
    await page.getByLabel('Naam van de organisatie').fill('vzw De Linde');
    await page.getByLabel('Voornaam').fill('Els');
    await page.getByLabel('Familienaam').fill('Maes');
    await page.getByLabel('E-mailadres').fill('els.maes@delinde.be');
    await page.getByLabel(/^Wachtwoord/).fill('password');
    await page.getByLabel('Herhaal het wachtwoord').fill('password');
    await page.getByRole('button', { name: 'Groeipad instellen en aanmelden' }).click();
    // A common password is refused by the server, shown next to the field, and nothing else is lost.
    await page.getByText('Dit wachtwoord is te gekend. Kies een ander.').waitFor();
    await expectAccessible(page, 'set-up with an error');
    expect(await page.getByLabel('Naam van de organisatie').inputValue()).toBe('vzw De Linde');
    await page.getByLabel(/^Wachtwoord/).fill('Linde-boom-2026-groei');
    await page.getByLabel('Herhaal het wachtwoord').fill('Linde-boom-2026-groei');
    await page.getByRole('button', { name: 'Groeipad instellen en aanmelden' }).click();
    await page.waitForURL(`${server.url}/`);
    await page.getByRole('heading', { name: 'Dag Els', level: 1 }).waitFor();
    await expectAccessible(page, 'home of the beheerder');

    // A team.
    await page.getByRole('link', { name: 'Afdelingen', exact: true }).click();
    await page.getByRole('heading', { name: 'Afdelingen', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Afdeling toevoegen' }).first().click();
    await page.getByRole('dialog').getByLabel(/^Naam/).fill('Woonondersteuning');
    await expectAccessible(page, 'new team');
    await page.getByRole('dialog').getByRole('button', { name: 'Afdeling toevoegen' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /Woonondersteuning/ }).waitFor();
    await expectAccessible(page, 'teams');

    // A person in that team, invited at once.
    await page.getByRole('link', { name: 'Medewerkers', exact: true }).click();
    await page.getByRole('link', { name: 'Medewerker toevoegen' }).click();
    await page.getByRole('heading', { name: 'Medewerker toevoegen', level: 1 }).waitFor();
    await page.getByLabel(/^Voornaam/).fill('Anaïs');
    await page.getByLabel(/^Familienaam/).fill('Peeters');
    await page.getByLabel(/^E-mailadres/).fill('anais.peeters@delinde.be');
    await page.getByLabel('Afdeling', { exact: true }).first().click();
    await page.getByRole('option', { name: 'Woonondersteuning' }).click();
    await page
      .getByLabel(/^Leidinggevende/)
      .first()
      .click();
    await page.getByRole('option', { name: 'Els Maes' }).click();
    await page.getByLabel(/Tewerkstellingsbreuk/).fill('0,8');
    await page.getByLabel('Stuur meteen een uitnodiging per e-mail').check();
    await expectAccessible(page, 'new person');
    await page.getByRole('button', { name: 'Medewerker toevoegen' }).last().click();
    await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Anaïs Peeters', level: 1 }).waitFor();
    await expectAccessible(page, 'person');
    await smtp.waitFor(1);

    // A CSV export of the social secretariat: semicolons, BOM, Dutch headers, Belgian dates and decimals.
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Medewerkers importeren', level: 1 }).waitFor();
    const csv =
      '\uFEFFvoornaam;achternaam;e-mail;afdeling;leidinggevende;startdatum;tewerkstellingsbreuk\r\n' +
      'Jérôme;Claes;jerome.claes@delinde.be;Woonondersteuning;els.maes@delinde.be;01/09/2021;0,8\r\n' +
      'Zoë;Wouters;zoe.wouters@delinde.be;Keuken;;15/03/2019;1\r\n' +
      'Fout;Persoon;geen-email;;;32/13/2020;2\r\n';
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'medewerkers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText('Regels', { exact: true }).waitFor();
    await expectAccessible(page, 'import preview with errors');
    await expect(page.getByRole('button', { name: /medewerkers? importeren/ }).isDisabled()).resolves.toBe(
      true,
    );
    const good = csv.split('\r\n').slice(0, 3).join('\r\n');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'medewerkers.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByLabel('Stuur uitnodigingen naar de nieuwe medewerkers').check();
    await page.getByRole('button', { name: /2 medewerkers importeren/ }).click();
    await page.getByText('Import klaar').waitFor({ timeout: 20_000 });
    await expectAccessible(page, 'import done');

    await page.getByRole('link', { name: 'Medewerkers', exact: true }).click();
    await page.getByText('jerome.claes@delinde.be').waitFor();
    await page.getByText('zoe.wouters@delinde.be').waitFor();
    await expectAccessible(page, 'people');

    // The invited person follows the link in their email.
    const mails = await smtp.waitFor(3);
    const invitation = mails.find((m) => m.to.includes('zoe.wouters@delinde.be'));
    expect(invitation?.subject).toBe('Uitnodiging voor Groeipad van vzw De Linde');
    const link = /https?:\/\/\S+\/welcome\/[A-Za-z0-9_-]+/.exec(invitation?.text ?? '')?.[0];
    expect(link).toBeDefined();
    await context.close();

    const invited = await newPage(browser, { mobile: true });
    await openPage(invited.page, link as string);
    await invited.page.getByRole('heading', { name: 'Welkom bij vzw De Linde, Zoë' }).waitFor();
    await expectAccessible(invited.page, 'welcome (phone)');
    await invited.page.getByLabel(/^Nieuw wachtwoord/).fill('Mijn-eigen-pad-2027');
    await invited.page.getByLabel('Herhaal het wachtwoord').fill('Mijn-eigen-pad-2027');
    await invited.page.getByRole('button', { name: 'Wachtwoord bewaren en starten' }).click();
    await invited.page.getByRole('heading', { name: 'Dag Zoë', level: 1 }).waitFor();
    await expectAccessible(invited.page, 'home of the invited employee (phone)');
    // An employee has no organisation screens.
    await openPage(invited.page, `${server.url}/people`);
    await invited.page.getByRole('heading', { name: 'Geen toegang', level: 1 }).waitFor();
    await invited.context.close();

    // And signs in again later with the chosen password.
    const later = await newPage(browser);
    await openPage(later.page, `${server.url}/login`);
    await later.page.getByLabel('E-mailadres').fill('zoe.wouters@delinde.be');
    await later.page.getByLabel(/^Wachtwoord/).fill('Mijn-eigen-pad-2027');
    await later.page.getByRole('button', { name: 'Aanmelden' }).click();
    await later.page.getByRole('heading', { name: 'Dag Zoë', level: 1 }).waitFor();
    await later.context.close();

    expect(errors).toEqual([]);
  });
});
