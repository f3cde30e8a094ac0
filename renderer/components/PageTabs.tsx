import type { PageId } from '../shell/pages';

export interface PageTab {
  page: PageId;
  label: string;
}

/** A row of tabs that are pages of the app (a lock returns to the tab that was open). */
export function PageTabs({ tabs, page, label, onNavigate }: { tabs: readonly PageTab[]; page: PageId; label: string; onNavigate: (page: PageId) => void }) {
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map((tab) => (
        <a
          key={tab.page}
          href={`#${tab.page}`}
          className={tab.page === page ? 'tabs__tab tabs__tab--active' : 'tabs__tab'}
          aria-current={tab.page === page ? 'page' : undefined}
          onClick={(event) => {
            event.preventDefault();
            onNavigate(tab.page);
          }}
        >
          {tab.label}
        </a>
      ))}
    </nav>
  );
}
