import type { Role } from '../../shared/roles';

/** Every place in the signed-in app. Admin pages carry their tab so a lock returns to it. */
export const PAGES = ['referrals', 'referrals/waitlist', 'referrals/new', 'referrals/import', 'calendar', 'clients', 'reports', 'admin/users', 'admin/agencies', 'admin/scheduling', 'admin/settings', 'admin/audit', 'account'] as const;
export type PageId = (typeof PAGES)[number];

export const HOME_PAGE: PageId = 'referrals';

export type NavSection = 'referrals' | 'calendar' | 'clients' | 'reports' | 'admin';

export const NAV_SECTIONS: readonly { section: NavSection; page: PageId; roles: readonly Role[] | 'all' }[] = [
  { section: 'referrals', page: 'referrals', roles: 'all' },
  { section: 'calendar', page: 'calendar', roles: 'all' },
  { section: 'clients', page: 'clients', roles: 'all' },
  { section: 'reports', page: 'reports', roles: 'all' },
  { section: 'admin', page: 'admin/users', roles: ['admin'] },
];

export function sectionOf(page: PageId): NavSection | null {
  if (page.startsWith('admin/')) return 'admin';
  if (page.startsWith('referrals/')) return 'referrals';
  return page === 'account' ? null : (page as NavSection);
}

/** Pages only admins may open (the services refuse their channels to others anyway). */
const ADMIN_PAGES: ReadonlySet<PageId> = new Set(['referrals/waitlist', 'referrals/new', 'referrals/import']);

export function mayOpen(page: PageId, role: Role): boolean {
  return role === 'admin' || !(page.startsWith('admin/') || ADMIN_PAGES.has(page));
}
