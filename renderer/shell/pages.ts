import type { Role } from '../../shared/roles';

/** Every place in the signed-in app. Admin pages carry their tab so a lock returns to it. */
export const PAGES = ['home', 'notes/search', 'referrals', 'referrals/waitlist', 'referrals/new', 'referrals/import', 'calendar', 'clients', 'reports', 'reports/register', 'admin/users', 'admin/agencies', 'admin/scheduling', 'admin/settings', 'admin/measures', 'admin/audit', 'admin/export', 'account'] as const;
export type PageId = (typeof PAGES)[number];

/**
 * Where a person lands after signing in: a counsellor on Home (notes to sign, risk reviews
 * due); an admin, who writes no notes, on Referrals, where their day's work is.
 */
export function homePageFor(role: Role): PageId {
  return role === 'counsellor' ? 'home' : 'referrals';
}

export type NavSection = 'home' | 'referrals' | 'calendar' | 'clients' | 'search' | 'reports' | 'admin';

export const NAV_SECTIONS: readonly { section: NavSection; page: PageId; roles: readonly Role[] | 'all' }[] = [
  { section: 'home', page: 'home', roles: ['counsellor'] },
  { section: 'referrals', page: 'referrals', roles: 'all' },
  { section: 'calendar', page: 'calendar', roles: 'all' },
  { section: 'clients', page: 'clients', roles: 'all' },
  // Searching notes is clinical work: admins search nothing clinical.
  { section: 'search', page: 'notes/search', roles: ['counsellor'] },
  // Agency reports carry the clinic's data out of the building: admins make them.
  { section: 'reports', page: 'reports', roles: ['admin'] },
  { section: 'admin', page: 'admin/users', roles: ['admin'] },
];

export function sectionOf(page: PageId): NavSection | null {
  if (page.startsWith('admin/')) return 'admin';
  if (page.startsWith('referrals/')) return 'referrals';
  if (page.startsWith('reports')) return 'reports';
  if (page === 'notes/search') return 'search';
  return page === 'account' ? null : (page as NavSection);
}

/** Pages only admins may open (the services refuse their channels to others anyway). */
const ADMIN_PAGES: ReadonlySet<PageId> = new Set(['referrals/waitlist', 'referrals/new', 'referrals/import', 'reports', 'reports/register']);

export function mayOpen(page: PageId, role: Role): boolean {
  if (page === 'notes/search' || page === 'home') return role === 'counsellor';
  return role === 'admin' || !(page.startsWith('admin/') || ADMIN_PAGES.has(page));
}
