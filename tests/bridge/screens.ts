import type { Page } from '@playwright/test';

/**
 * Saves a screenshot as artifacts/screens/foundation-<step>.png (artifacts/ is git-ignored).
 * Whole page by default; `viewport` for modal dialogs, whose backdrop covers the window only.
 */
export async function screenshot(page: Page, step: string, options: { viewport?: boolean } = {}): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    window.scrollTo(0, 0);
  });
  await page.screenshot({ path: `artifacts/screens/foundation-${step}.png`, fullPage: !options.viewport });
}
