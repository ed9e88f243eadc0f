import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export async function newPage(
  browser: Browser,
  options: { locale?: string; mobile?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: options.locale ?? 'nl-BE',
    timezoneId: 'Europe/Brussels',
    viewport: options.mobile ? { width: 390, height: 844 } : { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

/** Runs axe on the page as it is now: no serious or critical violation may remain. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // A toast ("... bewaard") fades out on its own timer, which can start while axe reads the page and leave its text
  // at partial opacity: close the toasts, as a reader would, and check the page once they have gone (their colours
  // are the theme's, see theme.ts).
  const toasts = page.locator('.mantine-Notification-root');
  for (let tries = 0; tries < 10 && (await toasts.count()) > 0; tries += 1) {
    // A toast may close by itself between the count and the click: the wait below is what must hold.
    await toasts
      .first()
      .getByRole('button')
      .click({ timeout: 2_000 })
      .catch(() => undefined);
  }
  await toasts.first().waitFor({ state: 'detached', timeout: 20_000 });
  // A dialog fading in has its text at partial opacity: check the page as it settles.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = blocking.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
  expect(summary, `axe on ${label}`).toEqual([]);
}

/**
 * Waits until the app has taken over a page the server rendered (decisions/0011): until then the page is inert, and
 * a test that fills a field before the app runs would type where no one listens. A page the server did not render
 * is never inert.
 */
export async function whenInteractive(page: Page): Promise<void> {
  await page.locator('#root:not([inert])').waitFor({ state: 'attached' });
}

/** Opens an address as a person would, and waits until the page answers. */
export async function openPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await whenInteractive(page);
}

/** Reloads the page as a person would, and waits until it answers. */
export async function reloadPage(page: Page): Promise<void> {
  await page.reload();
  await whenInteractive(page);
}

/**
 * Waits until a text that saves itself says so ("Bewaard om 14:02") within `scope`. When it does not, the error says
 * what the page's status lines said instead (saving, not saved, offline, the reason of a failure).
 */
export async function waitUntilSaved(scope: Page | Locator): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope;
  try {
    await scope
      .getByText(/^Bewaard om \d{2}:\d{2}$/)
      .first()
      .waitFor();
  } catch (error) {
    const lines = await page
      .getByRole('status')
      .allTextContents()
      .catch(() => []);
    throw new Error(`no status line says "Bewaard om": they say ${JSON.stringify(lines)}`, { cause: error });
  }
}
