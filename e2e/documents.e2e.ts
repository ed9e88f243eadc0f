import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newPage, openPage, reloadPage } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

const password = 'Groeipad-Demo-2026';

async function signIn(page: Page, url: string, email: string): Promise<void> {
  await openPage(page, `${url}/login`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel(/^Wachtwoord/).fill(password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByRole('heading', { name: /^Dag /, level: 1 }).waitFor();
}

/** Fires a plan event from the plan's header and confirms it in its dialog. */
async function fire(page: Page, button: string, dialogTitle: string): Promise<void> {
  await page
    .getByRole('region', { name: 'Stand van zaken' })
    .getByRole('button', { name: button, exact: true })
    .click();
  const dialog = page.getByRole('dialog', { name: dialogTitle });
  await dialog.getByRole('button', { name: button }).click();
  await dialog.waitFor({ state: 'hidden' });
}

const unread = async (page: Page) =>
  Number(await page.getByTestId('notification-bell').getAttribute('data-unread'));

/**
 * Thomas Janssens of the demo is in his POP-gesprek; Katrien, his manager, approved it. She takes her approval back
 * and gives it again: Thomas's bell counts it. He approves too, and takes the approved POP and his follow-up moment
 * with him: the PDF for his personnel file, the .ics for his calendar.
 */
describe('documents and the bell', () => {
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

  it('the bell counts the manager’s approval; the employee downloads the approved POP as PDF and an event as .ics', async () => {
    const manager = await newPage(browser);
    const km = manager.page;
    await signIn(km, server.url, 'katrien.vandenbroeck@debrug.example');
    await km.getByRole('navigation').getByRole('link', { name: 'Mijn team', exact: true }).click();
    await km.getByRole('link', { name: 'Open het POP van Thomas Janssens' }).click();
    await km.getByRole('heading', { name: /Thomas Janssens/, level: 1 }).waitFor();
    // Taking an approval back needs no confirmation.
    const status = km.getByRole('region', { name: 'Stand van zaken' });
    await status.getByRole('button', { name: 'Goedkeuring intrekken' }).click();
    await status.getByRole('button', { name: 'Goedkeuren', exact: true }).waitFor();

    const employee = await newPage(browser);
    const tp = employee.page;
    await signIn(tp, server.url, 'thomas.janssens@debrug.example');
    const bell = tp.getByTestId('notification-bell');
    await bell.waitFor();
    const before = await unread(tp);

    await fire(km, 'Goedkeuren', 'POP goedkeuren?');
    // The bell asks again when the window gets focus (and every minute): a reload is the same question.
    await reloadPage(tp);
    await expect.poll(() => unread(tp), { timeout: 15_000 }).toBe(before + 1);
    await expect(bell.getAttribute('aria-label')).resolves.toMatch(/ongelezen/);
    await bell.click();
    await tp.getByRole('heading', { name: 'Meldingen', level: 1 }).waitFor();
    const approval = tp
      .getByRole('link', { name: /^Goedkeuring gevraagd: Katrien Van den Broeck keurde/ })
      .first();
    await approval.waitFor();
    await expectAccessible(tp, 'notifications with the approval waiting');

    // The notification leads to the plan; reading it lowers the count. Thomas approves too: version 1 is frozen.
    await approval.click();
    await tp.getByRole('region', { name: 'Stand van zaken' }).waitFor();
    await expect.poll(() => unread(tp)).toBe(before);
    await fire(tp, 'Goedkeuren', 'POP goedkeuren?');
    const [pdf] = await Promise.all([
      tp.waitForEvent('download'),
      tp.getByRole('button', { name: /^PDF downloaden: goedgekeurde versie 1/ }).click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    const pdfPath = await pdf.path();
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    // In reading order, one space for every run of white space: a cell's text wraps within its column.
    const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of [
      'vzw De Brug',
      'Thomas Janssens',
      'Katrien Van den Broeck',
      'Meer verantwoordelijkheid opnemen',
      'Interne coaching door collega',
      'Korte evaluatie na 3 maanden',
    ])
      expect(text).toContain(expected);
    await expectAccessible(tp, 'approved plan with its PDF');

    // The follow-up moment as a calendar event, read by a real iCalendar parser.
    await tp.getByRole('tab', { name: /Opvolging/ }).click();
    const [ics] = await Promise.all([
      tp.waitForEvent('download'),
      tp
        .getByRole('link', { name: /^Opvolgingsmoment van .* toevoegen aan je agenda/ })
        .first()
        .click(),
    ]);
    expect(ics.suggestedFilename()).toMatch(/\.ics$/);
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(await ics.path(), 'utf8')));
    const event = calendar.getFirstSubcomponent('vevent');
    expect(event).not.toBeNull();
    const vevent = new ICAL.Event(event as ICAL.Component);
    expect(vevent.uid).toMatch(/^follow-up-[0-9a-f-]{36}@/);
    expect(vevent.summary).toMatch(/Opvolg/);
    expect(vevent.startDate.toJSDate().getTime()).toBeGreaterThan(Date.now());
    await expectAccessible(tp, 'follow-up tab');

    await manager.context.close();
    await employee.context.close();
  });
});
