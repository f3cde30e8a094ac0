import { DateTime } from 'luxon';
import { test, expect } from '../bridge/fixtures';
import { ADMIN, COUNSELLOR, dispatchOk, setUpClinic } from '../bridge/clinic';
import { screenshot } from '../bridge/screens';
import { untranslatedOnPage } from '../bridge/visible-text';
import type { Page } from '@playwright/test';

async function expectAllIndonesian(page: Page): Promise<void> {
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
}

async function openAdminTab(page: Page, tab: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Utama' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('navigation', { name: 'Bagian admin' }).getByRole('link', { name: tab }).click();
}

test('the language switch changes every string of the setup wizard at once, and is remembered', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welcome to Tenang' })).toBeVisible();
  // In English, plenty of English-only strings are on screen (so the check below can fail).
  expect((await untranslatedOnPage(page)).length).toBeGreaterThan(5);

  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await expect(page.getByRole('heading', { name: 'Selamat datang di Tenang' })).toBeVisible();
  await expectAllIndonesian(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await expect(page.getByRole('button', { name: 'Bahasa Indonesia' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('Bahasa bawaan')).toHaveValue('en');

  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.locator('#setup-clinic-name-error')).toHaveText('Nama klinik wajib diisi.');
  await screenshot(page, 'id-setup-clinic');
  await page.getByLabel('Nama klinik').fill('Klinik Konseling Harapan');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.getByLabel('Frasa sandi', { exact: true }).fill('pendek');
  await page.getByRole('button', { name: 'Buat brankas' }).click();
  await expect(page.locator('#setup-new-passphrase-error')).toHaveText('Frasa sandi harus terdiri dari minimal 12 karakter.');
  await expect(page.locator('#setup-username-error')).toHaveText(/^Nama pengguna harus 3 sampai 32 karakter/);
  await expectAllIndonesian(page);
  await screenshot(page, 'id-setup-admin');

  // The choice survives a restart of the window.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Selamat datang di Tenang' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Tenang' })).toBeVisible();
});

test('in Bahasa Indonesia every screen of the app is translated, dates included', async ({ page, app }) => {
  await setUpClinic(app, { counsellor: true });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Referrals', level: 1 })).toBeVisible();
  expect((await untranslatedOnPage(page)).length).toBeGreaterThan(5);

  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await expect(page.getByRole('heading', { name: 'Rujukan', level: 1 })).toBeVisible();
  await expect(page.getByTestId('signed-in-role')).toHaveText('Admin klinik');
  await expectAllIndonesian(page);
  await screenshot(page, 'id-shell-referrals');

  for (const [section, heading] of [
    ['Kalender', 'Kalender'],
    ['Klien', 'Klien'],
    ['Laporan', 'Laporan'],
  ] as const) {
    await page.getByRole('navigation', { name: 'Utama' }).getByRole('link', { name: section }).click();
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await expectAllIndonesian(page);
  }

  await openAdminTab(page, 'Pengguna');
  await expect(page.getByRole('heading', { name: 'Orang yang menggunakan Tenang' })).toBeVisible();
  await expect(page.getByTestId('users-table')).toContainText('Konselor');
  await expectAllIndonesian(page);
  await screenshot(page, 'id-admin-users');

  await openAdminTab(page, 'Pengaturan');
  await expect(page.getByLabel('Nama klinik')).toHaveValue('Klinik Konseling Harapan');
  await expectAllIndonesian(page);
  await screenshot(page, 'id-admin-settings');

  await openAdminTab(page, 'Log audit');
  await expect(page.getByTestId('audit-verify')).toContainText('Terverifikasi: semua');
  const newest = (await dispatchOk(app, 'audit.list', { limit: 1 })).entries[0]!;
  const rows = page.getByTestId('audit-table').locator('tbody tr');
  await expect(rows.first()).toContainText(
    DateTime.fromISO(newest.at).setZone('Asia/Jakarta').setLocale('id-ID').toLocaleString(DateTime.DATETIME_MED_WITH_SECONDS),
  );
  await expect(rows.first()).toContainText('Pengguna ditambahkan');
  await expectAllIndonesian(page);
  await screenshot(page, 'id-admin-audit');

  await page.getByRole('link', { name: new RegExp(ADMIN.displayName) }).click();
  await expect(page.getByRole('heading', { name: 'Akun saya', level: 1 })).toBeVisible();
  await expectAllIndonesian(page);
  await screenshot(page, 'id-account');

  // Locked and unlocking, still in Indonesian, errors included.
  await page.getByRole('button', { name: 'Kunci' }).click();
  await expect(page.getByRole('heading', { name: 'Buka Tenang' })).toBeVisible();
  await expect(page.getByTestId('lock-note')).toHaveText('Tenang terkunci. Silakan masuk kembali untuk melanjutkan.');
  await page.getByLabel('Siapa yang masuk?').selectOption(COUNSELLOR.username);
  await page.getByLabel('Frasa sandi', { exact: true }).fill('bukan frasa sandi yang benar');
  await page.getByRole('button', { name: 'Buka' }).click();
  await expect(page.locator('#unlock-passphrase-error')).toHaveText('Frasa sandi itu tidak benar. Periksa kembali dan coba lagi.');
  await expectAllIndonesian(page);
  await screenshot(page, 'id-unlock');
});

test("after sign-in the clinic's default language applies, unless the person chose one", async ({ page, app }) => {
  await setUpClinic(app, { language: 'id', locked: true });
  await page.goto('/');
  // Before sign-in: the browser's language (this browser is en-GB).
  await expect(page.getByRole('heading', { name: 'Unlock Tenang' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(ADMIN.passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  // After: the clinic's default, Bahasa Indonesia.
  await expect(page.getByRole('heading', { name: 'Rujukan', level: 1 })).toBeVisible();

  // The person picks English; it stays English through a lock and a sign-in.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Referrals', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill(ADMIN.passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Referrals', level: 1 })).toBeVisible();
});
