import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/SessionContext';
import { AdminPage } from '../admin/AdminPage';
import { MyAccountPage } from '../account/MyAccountPage';
import { SignInNoticesBar, type SignInNotices } from './SignInNotices';
import { ReferralsSection } from '../referrals/ReferralsSection';
import { ClientsSection } from '../clients/ClientsSection';
import { CalendarPage } from '../calendar/CalendarPage';
import { HomePage } from '../home/HomePage';
import { NoteSearchPage } from '../note-search/NoteSearchPage';
import { ReportsSection } from '../reports/ReportsSection';
import { SideNav } from './SideNav';
import { TopBar } from './TopBar';
import { homePageFor, mayOpen, type PageId } from './pages';

interface AppShellProps {
  page: PageId;
  onNavigate: (page: PageId) => void;
  notices: SignInNotices;
}

/** Navigation on the left, the clinic and the signed-in person on top, the page below. */
export function AppShell({ page: requested, onNavigate, notices }: AppShellProps) {
  const { t } = useTranslation();
  const { session } = useSession();
  const page = mayOpen(requested, session.user.role) ? requested : homePageFor(session.user.role);
  const main = useRef<HTMLElement>(null);
  // Choosing a section in the navigation opens it afresh, even the one already open
  // (Clients goes back from a client's record to the list).
  const [visit, setVisit] = useState(0);
  const navigateFromMenu = (next: PageId) => {
    setVisit((n) => n + 1);
    onNavigate(next);
  };

  // A new page: move focus to its content so keyboard and screen-reader users follow.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [page]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main-content">
        {t('shell.skipToContent')}
      </a>
      <SideNav page={page} onNavigate={navigateFromMenu} />
      <div className="shell__body">
        <TopBar onNavigate={onNavigate} page={page} />
        <main id="main-content" className="shell__main" ref={main} tabIndex={-1}>
          <SignInNoticesBar notices={notices} />
          {page === 'account' ? (
            <MyAccountPage />
          ) : page.startsWith('admin/') ? (
            <AdminPage page={page} onNavigate={onNavigate} />
          ) : page === 'referrals' || page.startsWith('referrals/') ? (
            <ReferralsSection page={page} onNavigate={onNavigate} />
          ) : page === 'clients' ? (
            <ClientsSection key={visit} />
          ) : page === 'calendar' ? (
            <CalendarPage key={visit} />
          ) : page === 'home' ? (
            <HomePage key={visit} />
          ) : page === 'notes/search' ? (
            <NoteSearchPage key={visit} />
          ) : (
            <ReportsSection key={visit} page={page} onNavigate={onNavigate} />
          )}
        </main>
      </div>
    </div>
  );
}
