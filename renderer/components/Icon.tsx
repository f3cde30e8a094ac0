/** The few line icons the app uses, drawn inline (the CSP allows no icon fonts from elsewhere). */
const PATHS = {
  home: 'M3.5 9.5L10 4l6.5 5.5 M5.5 8v8h9V8 M8.5 16v-4h3v4',
  search: 'M8.5 14a5.5 5.5 0 1 0 0-11 5.5 5.5 0 0 0 0 11z M12.5 12.5l4.5 4.5',
  referrals: 'M4 5h12v10H4z M4 5l6 5 6-5',
  calendar: 'M4 6h12v10H4z M4 9h12 M7 4v3 M13 4v3',
  clients: 'M7.5 9a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z M2.5 16c.6-2.9 2.6-4.5 5-4.5s4.4 1.6 5 4.5 M13 4.5a2.3 2.3 0 0 1 0 4.4 M14.5 11.8c1.6.5 2.6 1.9 3 4.2',
  reports: 'M4 16V9 M8.5 16V5 M13 16v-4 M17 16V7 M3 16.5h15',
  admin: 'M10 3l6 2.5v4c0 3.6-2.5 6.3-6 7.5-3.5-1.2-6-3.9-6-7.5v-4z M7.5 10l1.8 1.8 3.4-3.6',
  account: 'M10 10a3 3 0 1 0 0-6 3 3 0 0 0 0 6z M4 17c.8-3.2 3.1-5 6-5s5.2 1.8 6 5',
  lock: 'M6 9V6.5a4 4 0 0 1 8 0V9 M4.5 9h11v8h-11z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg className={['icon', className ?? ''].join(' ').trim()} viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}
