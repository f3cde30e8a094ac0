import { expect, type Page } from '@playwright/test';

/** Signs in through the unlock screen as a person would, and waits for the shell to greet them. */
export async function signIn(page: Page, who: { displayName: string; username: string; passphrase: string }): Promise<void> {
  await page.getByLabel('Who is signing in?').selectOption(who.username);
  await page.getByLabel('Passphrase', { exact: true }).fill(who.passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByTestId('signed-in-name')).toHaveText(who.displayName);
}
