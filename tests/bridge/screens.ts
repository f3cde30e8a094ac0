import type { Page } from '@playwright/test';

export type Screenshot = (page: Page, step: string, options?: { viewport?: boolean }) => Promise<void>;

/**
 * A screenshot function saving artifacts/screens/<capability>-<step>.png (artifacts/ is
 * git-ignored). Whole page by default; `viewport` for modal dialogs, whose backdrop covers
 * the window only.
 */
export function screenshotsFor(capability: string): Screenshot {
  return async (page, step, options = {}) => {
    await page.evaluate(async () => {
      await document.fonts.ready;
      window.scrollTo(0, 0);
    });
    await page.screenshot({ path: `artifacts/screens/${capability}-${step}.png`, fullPage: !options.viewport });
  };
}

/** The secure foundation's screens: artifacts/screens/foundation-<step>.png. */
export const screenshot = screenshotsFor('foundation');
