import { expect, type Page } from '@playwright/test';
import { ADMIN } from './clinic';

/** The setup wizard as a person fills it in, up to the recovery key; returns the key as shown. */
export async function throughTheWizard(page: Page): Promise<string> {
  await page.goto('/');
  await page.getByLabel('Clinic name').fill('Klinik Konseling Harapan');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Full name').fill(ADMIN.displayName);
  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel('Passphrase', { exact: true }).fill(ADMIN.passphrase);
  await page.getByLabel('Type the passphrase again').fill(ADMIN.passphrase);
  await page.getByRole('button', { name: 'Create the vault' }).click();
  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible();
  const groups = await page.locator('.recovery-key__group').allTextContents();
  return groups.map((group) => group.replace('-', '').trim()).join('-');
}
