import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  launchBrowser,
  newPage,
  openPage,
  reloadPage,
  waitUntilSaved,
} from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

const password = 'Groeipad-Demo-2026';
const katrien = { email: 'katrien.vandenbroeck@debrug.example', name: 'Katrien Van den Broeck' };
const jerome = { email: 'jerome.lambrecht@debrug.example', name: 'Jérôme Lambrecht' };
const hanne = { email: 'hanne.jacobs@debrug.example', name: 'Hanne Jacobs' };
const thomas = { email: 'thomas.janssens@debrug.example', name: 'Thomas Janssens' };

const months = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

async function signIn(page: Page, url: string, email: string): Promise<void> {
  await openPage(page, `${url}/login`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel(/^Wachtwoord/).fill(password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByRole('heading', { name: /^Dag /, level: 1 }).waitFor();
}

/** Picks a day in the calendar of a date field, as a user does: open it, page to the month, click the day. */
async function pickDate(page: Page, scope: Page | Locator, label: string, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  await scope.getByLabel(label, { exact: true }).click();
  const calendar = page.getByRole('dialog', { name: label });
  const shown = (await calendar.getByRole('button', { name: 'Kies een maand' }).textContent()) ?? '';
  const [shownMonth = '', shownYear = ''] = shown.trim().split(' ');
  let steps = (year - Number(shownYear)) * 12 + (month - 1 - months.indexOf(shownMonth));
  expect(Number.isNaN(steps), `calendar shows "${shown}"`).toBe(false);
  for (; steps !== 0; steps += steps > 0 ? -1 : 1)
    await calendar.getByRole('button', { name: steps > 0 ? 'Volgende maand' : 'Vorige maand' }).click();
  await calendar.getByRole('button', { name: `${day} ${months[month - 1]} ${year}`, exact: true }).click();
  await calendar.waitFor({ state: 'hidden' });
}

/** Chooses an option of a Mantine select by its label. */
async function choose(page: Page, scope: Page | Locator, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Fires a plan event from the plan's header and confirms it in its dialog. */
async function fire(page: Page, button: string, dialogTitle: string): Promise<void> {
  await page.getByRole('region', { name: 'Stand van zaken' }).getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog', { name: dialogTitle });
  await dialog.getByRole('button', { name: button }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Axe once the page is still: a dialog that is still fading in has text of too little contrast. */
async function accessible(page: Page, label: string): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY,
      ),
  );
  await expectAccessible(page, label);
}

const header = (page: Page) => page.getByRole('region', { name: 'Stand van zaken' });
const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });
/** The plan page opened (or moved on to) this section. */
const selectedTab = (page: Page, name: string) =>
  page.getByRole('tab', { name, exact: true, selected: true }).waitFor();

/**
 * The whole POP cycle as its two parties live it, each signed in in their own browser on the demo organisation:
 * voorbereiding (private until shared) -> POP-gesprek along the guide, with the sample POP form's row of seed 004 ->
 * both approve (version 1) -> uitvoering and an opvolgingsmoment that bijstuurt (version 2, and what changed) ->
 * evaluatie by both -> the next cycle with the unfinished goal. And two people saving the same goal at once.
 */
describe('the POP cycle in the browser, with both parties', () => {
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

  it('goes from preparation to the next cycle: prepare, agree, carry out, adjust, evaluate, carry over', async () => {
    const manager = jerome;
    const employee = hanne;
    const firstName = 'Hanne';
    const m = await newPage(browser);
    const e = await newPage(browser);
    const mp = m.page;
    const ep = e.page;
    const errors: string[] = [];
    for (const page of [mp, ep]) page.on('pageerror', (error) => errors.push(error.message));
    const shoot = async (name: string) => {
      await mp.screenshot({ path: `/tmp/cycle-${name}-manager.png`, fullPage: true });
      await ep.screenshot({ path: `/tmp/cycle-${name}-employee.png`, fullPage: true });
    };
    try {
      // Hanne asked for a POP herself; it waits in the preparation, neither side shared yet (demo-plans.ts).
      await signIn(mp, server.url, manager.email);
      await mp.getByRole('navigation').getByRole('link', { name: 'Mijn team', exact: true }).first().click();
      await mp.getByRole('heading', { name: 'Mijn team', level: 1 }).waitFor();
      await accessible(mp, 'the team of the manager');
      await mp.getByRole('link', { name: `Open het POP van ${employee.name}` }).click();
      await mp.getByRole('heading', { name: `POP van ${employee.name}`, level: 1 }).waitFor();
      await header(mp).getByText('nog niet gedeeld').nth(1).waitFor();
      // Dates are chosen in the plan's own year (next year when the demo starts from October on).
      const period =
        (await header(mp)
          .getByText(/^\d{2}\/\d{2}\/\d{4} – \d{2}\/\d{2}\/\d{4}$/)
          .textContent()) ?? '';
      const planYear = Number(period.slice(6, 10));
      expect(planYear).toBeGreaterThan(2000);
      const planUrl = mp.url();
      expect(planUrl).toMatch(/\/plans\/[0-9a-f-]{36}$/);
      await selectedTab(mp, 'Voorbereiding');

      // 1. Voorbereiding. The employee answers (saved while typing) and adds a talking point.
      await signIn(ep, server.url, employee.email);
      await ep.getByRole('link', { name: 'Open mijn POP' }).click();
      await ep.getByRole('heading', { name: 'Mijn POP', level: 1 }).waitFor();
      expect(ep.url()).toBe(planUrl);
      const strengths = 'Ik stel ouders gerust en hou het overzicht in drukke diensten.';
      const growth = 'Rustig blijven als een gesprek met familie escaleert.';
      await ep.getByRole('textbox', { name: 'Welke zijn mijn sterke punten?' }).fill(strengths);
      await ep.getByRole('textbox', { name: /^Wat zijn mijn groei- of ontwikkelpunten\?/ }).fill(growth);
      await waitUntilSaved(ep);
      await ep.getByRole('textbox', { name: 'Nieuw gesprekspunt' }).fill('Conflicten bij bezoek van familie');
      await ep.getByRole('button', { name: 'Gesprekspunt toevoegen' }).click();
      await ep
        .getByRole('region', { name: 'Mijn gesprekspunten' })
        .getByText('Conflicten bij bezoek van familie')
        .waitFor();
      await accessible(ep, 'preparation of the employee');
      // The answers were saved on the server, not only kept on this device.
      await ep.evaluate(() => window.localStorage.clear());
      await openPage(ep, planUrl);
      await expect(
        ep.getByRole('textbox', { name: 'Welke zijn mijn sterke punten?' }).inputValue(),
      ).resolves.toBe(strengths);

      // The manager cannot read them yet.
      await openPage(mp, planUrl);
      const employeesPreparation = mp.getByRole('region', { name: `Voorbereiding van ${employee.name}` });
      await employeesPreparation
        .getByText(`${employee.name} heeft de voorbereiding nog niet gedeeld.`)
        .waitFor();
      await expect(mp.getByText(strengths).count()).resolves.toBe(0);
      await accessible(mp, 'preparation of the manager, nothing shared');

      // The employee shares.
      await ep.getByRole('button', { name: 'Deel mijn voorbereiding' }).click();
      const share = ep.getByRole('dialog', { name: 'Voorbereiding delen?' });
      await accessible(ep, 'share the preparation');
      await share.getByRole('button', { name: 'Deel mijn voorbereiding' }).click();
      await share.waitFor({ state: 'hidden' });
      await ep
        .getByRole('region', { name: 'Mijn voorbereiding' })
        .getByText('Gedeeld', { exact: true })
        .waitFor();

      // Now the manager reads her answers and talking point, and prepares and shares too.
      await openPage(mp, planUrl);
      await employeesPreparation.getByText(strengths).waitFor();
      await employeesPreparation.getByText('Conflicten bij bezoek van familie').waitFor();
      const managerAnswer = 'De leefgroep krijgt meer bezoek van families; de-escaleren wordt belangrijker.';
      await mp
        .getByRole('textbox', {
          name: 'Welke ontwikkelingen in de organisatie zijn van belang voor deze medewerker?',
        })
        .fill(managerAnswer);
      await waitUntilSaved(mp);
      await mp
        .getByRole('textbox', { name: 'Nieuw gesprekspunt' })
        .fill('Aanspreekpunt voor nieuwe collega’s');
      await mp.getByRole('button', { name: 'Gesprekspunt toevoegen' }).click();
      await mp
        .getByRole('region', { name: 'Mijn gesprekspunten' })
        .getByText('Aanspreekpunt voor nieuwe collega’s')
        .waitFor();
      await accessible(mp, 'preparation of the manager, the employee shared');
      // Saved, but not shared yet: the employee does not read it.
      await openPage(ep, planUrl);
      await ep
        .getByRole('region', { name: `Voorbereiding van ${manager.name}` })
        .getByText(`${manager.name} heeft de voorbereiding nog niet gedeeld.`)
        .waitFor();
      await expect(ep.getByText(managerAnswer).count()).resolves.toBe(0);
      await mp.getByRole('button', { name: 'Deel mijn voorbereiding' }).click();
      await mp
        .getByRole('dialog', { name: 'Voorbereiding delen?' })
        .getByRole('button', { name: 'Deel mijn voorbereiding' })
        .click();
      await mp.getByRole('dialog', { name: 'Voorbereiding delen?' }).waitFor({ state: 'hidden' });

      await openPage(ep, planUrl);
      await ep
        .getByRole('region', { name: `Voorbereiding van ${manager.name}` })
        .getByText(managerAnswer)
        .waitFor();

      // 2. POP-gesprek along the guide.
      await fire(mp, 'Gesprek starten', 'POP-gesprek starten?');
      await selectedTab(mp, 'POP-gesprek');
      await mp.getByRole('button', { name: 'Toon de antwoorden' }).first().click();
      await mp.getByRole('region', { name: 'Beide voorbereidingen' }).getByText(strengths).waitFor();
      await mp
        .getByRole('textbox', { name: 'Notities bij Start van het gesprek' })
        .fill(`${firstName} wil vooral handvatten voor moeilijke gesprekken met familie.`);
      await waitUntilSaved(mp);
      await accessible(mp, 'the conversation guide');
      // Shown again after another section, the notes still say when they were saved.
      await mp.getByRole('tab', { name: 'Doelen en afspraken' }).click();
      await selectedTab(mp, 'Doelen en afspraken');
      await mp.getByRole('tab', { name: 'POP-gesprek' }).click();
      await selectedTab(mp, 'POP-gesprek');
      await waitUntilSaved(mp);
      await mp.getByRole('button', { name: 'Naar de doelen en afspraken' }).click();
      await selectedTab(mp, 'Doelen en afspraken');

      // Two goals, three actions; the first row is the example of the sample POP form (seed 004).
      const addGoal = async (goal: {
        title: string;
        description: string;
        measure: string;
        target: string;
      }) => {
        await mp.getByRole('button', { name: 'Doel toevoegen' }).click();
        const drawer = mp.getByRole('dialog', { name: 'Nieuw ontwikkeldoel' });
        await drawer.getByRole('textbox', { name: 'Doel', exact: true }).fill(goal.title);
        await drawer.getByRole('textbox', { name: 'Omschrijving', exact: true }).fill(goal.description);
        await drawer.getByRole('textbox', { name: 'Hoe meten we het?' }).fill(goal.measure);
        await pickDate(mp, drawer, 'Streefdatum', goal.target);
        return drawer;
      };
      const conflictGoal = 'Beter leren omgaan met conflicten';
      const responsibilityGoal = 'Meer verantwoordelijkheid opnemen';
      let drawer = await addGoal({
        title: conflictGoal,
        description: 'Rustig blijven en de-escaleren in gesprekken met bewoners en hun familie.',
        measure: 'Evaluatie bij het volgend POP-gesprek, aan de hand van concrete situaties.',
        target: `${planYear}-03-31`,
      });
      await choose(mp, drawer, 'Prioriteit', 'Hoog');
      await accessible(mp, 'new goal');
      await drawer.getByRole('button', { name: 'Doel toevoegen' }).click();
      await drawer.waitFor({ state: 'hidden' });
      await mp.getByRole('article', { name: `Doel 1: ${conflictGoal}` }).waitFor();

      const addAction = async (
        goal: string,
        action: { type: string; description: string; timing: string; quarter?: string },
        fields: Record<string, string>,
      ) => {
        await mp.getByRole('button', { name: `Actie toevoegen bij "${goal}"` }).click();
        const form = mp.getByRole('dialog', { name: 'Nieuwe actie' });
        await choose(mp, form, 'Soort actie', action.type);
        await form.getByRole('textbox', { name: 'Omschrijving', exact: true }).fill(action.description);
        await form.getByRole('radio', { name: action.timing, exact: true }).check();
        if (action.quarter) await form.getByRole('textbox', { name: 'Kwartaal' }).fill(action.quarter);
        for (const [label, value] of Object.entries(fields))
          await form.getByRole('textbox', { name: label, exact: true }).fill(value);
        return form;
      };
      drawer = await addAction(
        conflictGoal,
        {
          type: 'Training',
          description: 'Training ‘conflicthantering’ volgen',
          timing: 'Kwartaal',
          quarter: `Q1 ${planYear}`,
        },
        { Tijd: 'Tijd vrijmaken voor deelname', Opvolging: 'Evaluatie bij volgend POP-gesprek' },
      );
      await accessible(mp, 'new action');
      await drawer.getByRole('button', { name: 'Actie toevoegen' }).click();
      await drawer.waitFor({ state: 'hidden' });

      drawer = await addGoal({
        title: responsibilityGoal,
        description: 'Aanspreekpunt worden voor nieuwe collega’s in de leefgroep.',
        measure: `${firstName} begeleidt zelfstandig het onthaal van de volgende nieuwe collega.`,
        target: `${planYear}-09-30`,
      });
      await drawer.getByRole('button', { name: 'Doel toevoegen' }).click();
      await drawer.waitFor({ state: 'hidden' });
      drawer = await addAction(
        responsibilityGoal,
        { type: 'Interne coaching', description: 'Interne coaching door collega', timing: 'Doorlopend' },
        { Coach: 'Aanstelling coach', Opvolging: 'Korte evaluatie na 3 maanden' },
      );
      await drawer.getByRole('button', { name: 'Actie toevoegen' }).click();
      await drawer.waitFor({ state: 'hidden' });
      drawer = await addAction(
        responsibilityGoal,
        {
          type: 'Leren op de werkvloer (on-the-job)',
          description: 'Samen met een ervaren collega het onthaal van een stagiair begeleiden',
          timing: 'Kwartaal',
          quarter: `Q2 ${planYear}`,
        },
        { Opvolging: 'Bespreking bij het opvolgingsmoment' },
      );
      await drawer.getByRole('button', { name: 'Actie toevoegen' }).click();
      await drawer.waitFor({ state: 'hidden' });

      // Praktische afspraken: facilities, evaluation date and two follow-up moments.
      const agreements = mp.getByRole('region', { name: 'Praktische afspraken' });
      await agreements
        .getByRole('textbox', { name: 'Faciliteiten' })
        .fill('Vormingsbudget van Woonbegeleiding; training en coaching binnen de werkuren.');
      await pickDate(mp, agreements, 'Evaluatiedatum', `${planYear}-12-01`);
      await agreements.getByRole('button', { name: 'Afspraken bewaren' }).click();
      await mp.getByText('De praktische afspraken zijn bewaard.').waitFor();
      for (const date of [`${planYear}-04-15`, `${planYear}-09-15`]) {
        await pickDate(mp, agreements, 'Nieuw opvolgingsmoment', date);
        await agreements.getByRole('button', { name: 'Toevoegen', exact: true }).click();
        const [y, mo, d] = date.split('-');
        await agreements
          .getByRole('button', { name: `Opvolgingsmoment van ${d}/${mo}/${y} verwijderen` })
          .waitFor();
      }
      await accessible(mp, 'goals and agreements in the conversation');

      // The POP form holds the seed's row exactly.
      await mp.getByText('POP-formulier', { exact: true }).click();
      const conflictRow = mp.getByRole('row', { name: new RegExp(conflictGoal) });
      await expect(conflictRow.textContent()).resolves.toMatch(
        new RegExp(
          `Training[\\s\\S]*conflicthantering[\\s\\S]*Q1 ${planYear}[\\s\\S]*Tijd: Tijd vrijmaken voor deelname[\\s\\S]*Evaluatie bij volgend POP-gesprek`,
        ),
      );
      await expect(
        mp
          .getByRole('table', { name: /POP-formulier/ })
          .getByRole('row')
          .count(),
      ).resolves.toBe(4);
      await accessible(mp, 'the POP form');

      // 3. Both approve, each in their own session: version 1.
      await fire(mp, 'Goedkeuren', 'POP goedkeuren?');
      await header(mp)
        .getByText(/goedgekeurd op/)
        .waitFor();
      await openPage(ep, planUrl);
      await selectedTab(ep, 'POP-gesprek');
      await tab(ep, 'Doelen en afspraken').click();
      await ep.getByRole('article', { name: `Doel 2: ${responsibilityGoal}` }).waitFor();
      await accessible(ep, 'goals seen by the employee before approving');
      await fire(ep, 'Goedkeuren', 'POP goedkeuren?');
      await header(ep).getByText('Goedgekeurd (uitvoering)').first().waitFor();
      await header(ep).getByText('Versie 1', { exact: true }).waitFor();

      // 4. Uitvoering: the employee updates an action.
      await selectedTab(ep, 'Uitvoering');
      const training = ep.getByRole('article', { name: 'Training ‘conflicthantering’ volgen' });
      await choose(ep, training, 'Status', 'Bezig');
      await training.getByRole('button', { name: 'Voortgang bewaren' }).click();
      await ep.getByText('De voortgang is bewaard.').waitFor();
      await training.getByText('Bezig', { exact: true }).first().waitFor();
      await accessible(ep, 'execution');

      // The manager holds the first follow-up: one goal on track, the other adjusted ("bijgestuurd").
      await openPage(mp, planUrl);
      await tab(mp, 'Opvolging').click();
      const followUp = mp.getByRole('region', { name: `Opvolgingsmoment van 15/04/${planYear}` });
      const first = followUp.getByRole('group', { name: `Doel 1: ${conflictGoal}` });
      const second = followUp.getByRole('group', { name: `Doel 2: ${responsibilityGoal}` });
      await choose(mp, first, 'Stand van het doel', 'Op schema');
      await first
        .getByRole('textbox', { name: 'Hoe staat het met de uitvoering?' })
        .fill('De training is gestart.');
      await choose(mp, second, 'Stand van het doel', 'Bijgestuurd');
      await second
        .getByRole('textbox', { name: 'Hoe staat het met de uitvoering?' })
        .fill('Er start pas in het najaar een nieuwe collega.');
      await second
        .getByRole('textbox', { name: /^Voldoet de ontwikkelingsactiviteit/ })
        .fill('Meter worden voor een stagiair in de tussentijd.');
      await followUp.getByRole('checkbox', { name: 'Dit opvolgingsmoment vond plaats' }).check();
      await followUp.getByText(/Bij het bewaren wordt een wijziging geopend/).waitFor();
      await accessible(mp, 'a follow-up being held');
      await followUp.getByRole('button', { name: 'Opvolging bewaren' }).click();
      await mp.getByText(`Het opvolgingsmoment van 15/04/${planYear} is bewaard.`).waitFor();
      // Bijsturen opens a revision: the page moves on to the goals, to change them.
      await header(mp).getByText('Er loopt een wijziging').waitFor();
      await selectedTab(mp, 'Doelen en afspraken');
      await tab(mp, 'Opvolging').click();
      await followUp.getByText('gehouden', { exact: true }).waitFor();
      await expect
        .poll(() => followUp.textContent())
        .toMatch(
          new RegExp(`${conflictGoal}\\s*Op schema[\\s\\S]*${responsibilityGoal}\\s*Bijgestuurd`, 'i'),
        );

      // The adjustment changes the goal in the open revision.
      await mp.getByRole('button', { name: 'Naar de doelen en afspraken' }).click();
      await mp.getByRole('button', { name: `Doel "${responsibilityGoal}" bewerken` }).click();
      drawer = mp.getByRole('dialog', { name: 'Ontwikkeldoel bewerken' });
      const revised = 'Meter zijn voor nieuwe collega’s en stagiairs tijdens hun eerste maand.';
      await drawer.getByRole('textbox', { name: 'Omschrijving', exact: true }).fill(revised);
      await drawer.getByRole('button', { name: 'Bewaren' }).click();
      await drawer.waitFor({ state: 'hidden' });
      await mp
        .getByRole('article', { name: `Doel 2: ${responsibilityGoal}` })
        .getByText(revised)
        .waitFor();
      await accessible(mp, 'goals in an open revision');
      await fire(mp, 'Goedkeuren', 'POP goedkeuren?');
      await openPage(ep, planUrl);
      await header(ep).getByText('Er loopt een wijziging').waitFor();
      await accessible(ep, 'the employee sees the open revision');
      await fire(ep, 'Goedkeuren', 'POP goedkeuren?');
      await header(ep).getByText('Versie 2', { exact: true }).waitFor();

      // The versions view shows what changed between v1 and v2.
      await tab(ep, 'Versies').click();
      await ep
        .getByRole('table', { name: 'Goedgekeurde versies met hun goedkeuringen' })
        .getByRole('row', { name: /Versie 2/ })
        .waitFor();
      const diff = ep.getByRole('region', { name: 'Wat is er veranderd?' });
      await diff.getByRole('button', { name: 'Vergelijken' }).click();
      await diff.getByText('Van versie 1 naar versie 2').waitFor();
      await diff.getByText(`Doel gewijzigd: ${responsibilityGoal}`).waitFor();
      await diff
        .getByText(`Omschrijving: Aanspreekpunt worden voor nieuwe collega’s in de leefgroep. → ${revised}`)
        .waitFor();
      await expect(diff.getByText(`Doel gewijzigd: ${conflictGoal}`).count()).resolves.toBe(0);
      await accessible(ep, 'versions with their differences');

      // 5. Evaluatie.
      await openPage(mp, planUrl);
      await fire(mp, 'Evaluatie starten', 'Evaluatie starten?');
      await selectedTab(mp, 'Evaluatie');
      const result = async (page: Page, goal: string, value: string) => {
        const group = page
          .getByRole('region', { name: 'Zijn de doelen bereikt?' })
          .getByRole('group', { name: goal });
        await group.getByRole('radio', { name: value, exact: true }).check();
        await group.getByRole('button', { name: 'Resultaat bewaren' }).click();
      };
      await result(mp, `Doel 1: ${conflictGoal}`, 'Bereikt');
      await mp.getByText(`Het resultaat van "${conflictGoal}" is bewaard.`).waitFor();
      await result(mp, `Doel 2: ${responsibilityGoal}`, 'Deels bereikt');
      await mp.getByText(`Het resultaat van "${responsibilityGoal}" is bewaard.`).waitFor();
      const evaluate = async (page: Page, answers: [string, string, string]) => {
        const mine = page.getByRole('region', { name: 'Mijn evaluatie' });
        await mine.getByRole('textbox', { name: 'Zijn de ontwikkeldoelen bereikt?' }).fill(answers[0]);
        await mine
          .getByRole('textbox', { name: 'Welk effect hebben de leerinspanningen gehad op het functioneren?' })
          .fill(answers[1]);
        await mine
          .getByRole('textbox', { name: 'Welk effect heeft het traject gehad op de loopbaanperspectieven?' })
          .fill(answers[2]);
        await waitUntilSaved(mine);
        await mine.getByRole('button', { name: 'Evaluatie indienen' }).click();
        const confirm = page.getByRole('dialog', { name: 'Evaluatie indienen?' });
        await confirm.getByRole('button', { name: 'Evaluatie indienen' }).click();
        await confirm.waitFor({ state: 'hidden' });
        await mine.getByText('Ingediend', { exact: true }).waitFor();
      };
      await accessible(mp, 'evaluation of the manager');
      await evaluate(mp, [
        'Het eerste doel is bereikt, het tweede deels.',
        `${firstName} blijft rustig bij moeilijke gesprekken met familie.`,
        'Ze is klaar om een rol als meter op te nemen.',
      ]);
      await openPage(ep, planUrl);
      await selectedTab(ep, 'Evaluatie');
      await ep
        .getByRole('region', { name: 'Zijn de doelen bereikt?' })
        .getByRole('radiogroup', { name: `Doel 2: ${responsibilityGoal}` })
        .getByRole('radio', { name: 'Deels bereikt', checked: true })
        .waitFor();
      await accessible(ep, 'evaluation of the employee');
      await evaluate(ep, [
        'Conflicten: ja. Meterschap: deels, er kwam nog geen nieuwe collega.',
        'Ik blijf kalmer en praat gesprekken beter af.',
        'Ik wil verder groeien in het begeleiden van collega’s.',
      ]);
      await ep
        .getByRole('region', { name: /^Evaluatie Leidinggevende/ })
        .getByText(`${firstName} blijft rustig`)
        .waitFor();
      const close = ep.getByRole('region', { name: 'POP afsluiten' });
      await close
        .getByText('Jullie dienden allebei de evaluatie in. Het POP kan afgesloten worden.')
        .waitFor();
      await close.getByRole('button', { name: 'POP afsluiten' }).click();
      const closing = ep.getByRole('dialog', { name: 'POP afsluiten?' });
      await closing.getByRole('button', { name: 'POP afsluiten' }).click();
      await closing.waitFor({ state: 'hidden' });
      await selectedTab(ep, 'Overzicht');
      await ep.getByText(/^Dit POP werd afgesloten op/).waitFor();
      await accessible(ep, 'summary of the closed plan');

      // 6. The next cycle takes the unfinished goal along.
      await openPage(mp, planUrl);
      await mp.getByRole('button', { name: 'Start de volgende cyclus' }).click();
      const carry = mp.getByRole('dialog', { name: 'Volgende cyclus starten' });
      // Only what was not reached can be taken along.
      await carry.getByRole('checkbox', { name: `${responsibilityGoal} (Deels bereikt)` }).check();
      await expect(carry.getByRole('checkbox', { name: new RegExp(conflictGoal) }).count()).resolves.toBe(0);
      await accessible(mp, 'carry over');
      await carry.getByRole('button', { name: 'Start met 1 doel' }).click();
      await mp.waitForURL((url) => url.toString() !== planUrl && /\/plans\//.test(url.toString()));
      await mp.getByRole('heading', { name: `POP van ${employee.name}`, level: 1 }).waitFor();
      await selectedTab(mp, 'Voorbereiding');
      await tab(mp, 'Doelen en afspraken').click();
      const carried = mp.getByRole('article', { name: `Doel 1: ${responsibilityGoal}` });
      await carried.getByText('Meegenomen uit het vorige POP').waitFor();
      await carried.getByText(revised).waitFor();
      await expect(mp.getByRole('article').count()).resolves.toBe(1);
      await accessible(mp, 'the next plan');
      await header(mp).getByRole('link', { name: '← Vorig POP' }).click();
      await mp.waitForURL(planUrl);
      await header(mp).getByRole('link', { name: 'Volgend POP →' }).waitFor();
      expect(errors).toEqual([]);
    } catch (error) {
      await shoot('failure');
      throw error;
    } finally {
      await m.context.close();
      await e.context.close();
    }
  }, 240_000);

  it('keeps the text of the second of two people who edit the same goal at once, and says why it was not saved', async () => {
    const m = await newPage(browser);
    const e = await newPage(browser);
    const mp = m.page;
    const ep = e.page;
    try {
      // Thomas's POP is in the conversation: both open the first goal to edit it.
      await signIn(mp, server.url, katrien.email);
      await mp.getByRole('navigation').getByRole('link', { name: 'Mijn team', exact: true }).first().click();
      await mp.getByRole('link', { name: `Open het POP van ${thomas.name}` }).click();
      await mp.getByRole('heading', { name: `POP van ${thomas.name}`, level: 1 }).waitFor();
      await signIn(ep, server.url, thomas.email);
      await ep.getByRole('link', { name: 'Open mijn POP' }).click();
      await ep.getByRole('heading', { name: 'Mijn POP', level: 1 }).waitFor();
      const goal = 'Beter leren omgaan met conflicten';
      const editors = [];
      for (const page of [mp, ep]) {
        await tab(page, 'Doelen en afspraken').click();
        await page.getByRole('button', { name: `Doel "${goal}" bewerken` }).click();
        editors.push(page.getByRole('dialog', { name: 'Ontwikkeldoel bewerken' }));
      }
      const [first, second] = editors as [Locator, Locator];

      const katriensText = 'Rustig blijven bij bezoek van familie, ook als het gesprek moeilijk wordt.';
      await first.getByRole('textbox', { name: 'Omschrijving', exact: true }).fill(katriensText);
      await first.getByRole('button', { name: 'Bewaren' }).click();
      await first.waitFor({ state: 'hidden' });
      await mp.getByText(`Doel "${goal}" is bewaard.`).waitFor();

      // Thomas saves later from what he loaded: refused, said in Dutch, and his text stays where he typed it.
      const thomasText =
        'De-escaleren met de technieken uit de training, en achteraf kort nabespreken met Katrien.';
      const description = second.getByRole('textbox', { name: 'Omschrijving', exact: true });
      await description.fill(thomasText);
      await second.getByRole('button', { name: 'Bewaren' }).click();
      const conflict = second.getByRole('alert').filter({ hasText: 'Iemand anders was je voor' });
      await conflict
        .getByText(
          'Iemand anders heeft dit intussen gewijzigd. Je tekst is niet verloren: vernieuw de gegevens en bewaar opnieuw.',
        )
        .waitFor();
      await expect(description.inputValue()).resolves.toBe(thomasText);
      await accessible(ep, 'a goal saved by someone else in the meantime');

      // He fetches the latest version: he sees what Katrien saved, keeps his own text and saves it on purpose.
      await conflict.getByRole('button', { name: 'Laatste versie ophalen' }).click();
      const reloaded = second.getByRole('status').filter({ hasText: 'Laatste versie opgehaald' });
      await reloaded.getByText(`Omschrijving: ${katriensText}`).waitFor();
      await expect(description.inputValue()).resolves.toBe(thomasText);
      await accessible(ep, 'the latest version of the goal fetched');
      await second.getByRole('button', { name: 'Bewaren' }).click();
      await second.waitFor({ state: 'hidden' });
      await ep
        .getByRole('article', { name: `Doel 1: ${goal}` })
        .getByText(thomasText)
        .waitFor();

      await reloadPage(mp);
      await mp
        .getByRole('article', { name: `Doel 1: ${goal}` })
        .getByText(thomasText)
        .waitFor();
    } catch (error) {
      await mp.screenshot({ path: '/tmp/cycle-conflict-manager.png', fullPage: true });
      await ep.screenshot({ path: '/tmp/cycle-conflict-employee.png', fullPage: true });
      throw error;
    } finally {
      await m.context.close();
      await e.context.close();
    }
  });
});
