import type { Page } from 'playwright-core';

/** A small phone (iPhone SE): the narrowest screen the plan page is made for. */
export const phone = { width: 375, height: 667 };

export interface PhoneCheck {
  /** The document's scroll width; wider than the screen means the page scrolls sideways. */
  documentWidth: number;
  overflowPx: number;
  /** Elements that reach past the right edge outside a container that clips or scrolls them: the cause of an overflow. */
  outside: string[];
  /** Visible buttons, links and tabs of the header and the page that were checked. */
  controls: number;
  /** Those that lie (partly) outside the screen or do not take a click (covered, disabled, moving). */
  unreachable: string[];
}

/** Waits for the transitions under way (a section folding open, a menu sliding in) to end. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

/**
 * Checks the page as it is now on a phone-size viewport: the document is no wider than the screen, and every visible
 * control of the header and the page (buttons, links, tabs) lies inside the screen and would take a click there.
 */
export async function checkPhone(page: Page): Promise<PhoneCheck> {
  await settled(page);
  const layout = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const outside: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0 || rect.right <= width + 1) continue;
      // Inside a container that clips or scrolls sideways (a wide table), it does not widen the page.
      let clipped = false;
      for (let p = el.parentElement; p && p !== document.body && !clipped; p = p.parentElement)
        clipped = getComputedStyle(p).overflowX !== 'visible';
      if (clipped) continue;
      const text = (el.textContent ?? '').trim().slice(0, 40);
      const className = String(el.getAttribute('class') ?? '').split(' ')[0];
      outside.push(
        `${el.tagName.toLowerCase()}.${className} "${text}" (${Math.round(rect.left)}..${Math.round(rect.right)})`,
      );
    }
    const documentWidth = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
    return { documentWidth, overflowPx: documentWidth - width, outside: outside.slice(0, 10) };
  });
  const viewport = page.viewportSize();
  // The controls as they are now; one that a re-render removes meanwhile is no longer a control of the page.
  const controls = await page
    .locator(
      'header button:visible, header a:visible, main button:visible, main a:visible, main [role="tab"]:visible',
    )
    .elementHandles();
  const count = controls.length;
  const unreachable: string[] = [];
  for (const control of controls) {
    const described = await control
      .evaluate((node) => {
        const el = node as Element;
        return `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
      })
      .catch(() => null);
    if (described === null) continue;
    try {
      // The checks a click makes (visible, stable, not covered by another element), without clicking; a control
      // that is disabled for now (nothing to save yet) only has to be on the screen.
      if (await control.isEnabled()) await control.click({ trial: true, timeout: 5_000 });
      else await control.scrollIntoViewIfNeeded({ timeout: 5_000 });
      const box = await control.boundingBox();
      if (!box || !viewport || box.x < -1 || box.x + box.width > viewport.width + 1)
        unreachable.push(
          `${described} outside the screen (${box ? `${Math.round(box.x)}..${Math.round(box.x + box.width)}` : 'no box'})`,
        );
    } catch (error) {
      if (!(await control.evaluate((el) => el.isConnected).catch(() => false))) continue;
      unreachable.push(`${described}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  return { ...layout, controls: count, unreachable };
}
