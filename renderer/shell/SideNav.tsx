import { useTranslation } from 'react-i18next';
import { BrandMark } from '../components/BrandMark';
import { Icon } from '../components/Icon';
import { useSession } from '../session/SessionContext';
import { NAV_SECTIONS, sectionOf, type PageId } from './pages';

/** The sections of the app. Admin is offered to admins only (the server refuses others anyway). */
export function SideNav({ page, onNavigate }: { page: PageId; onNavigate: (page: PageId) => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const current = sectionOf(page);
  const visible = NAV_SECTIONS.filter((item) => item.roles === 'all' || item.roles.includes(session.user.role));
  return (
    <aside className="sidenav">
      <div className="sidenav__inner">
        <div className="sidenav__brand">
          <BrandMark compact />
        </div>
        <nav aria-label={t('shell.navLabel')}>
          <ul className="sidenav__list">
            {visible.map((item) => (
              <li key={item.section}>
                <a
                  href={`#${item.page}`}
                  className={item.section === current ? 'sidenav__link sidenav__link--active' : 'sidenav__link'}
                  aria-current={item.section === current ? 'page' : undefined}
                  onClick={(event) => {
                    event.preventDefault();
                    onNavigate(item.page);
                  }}
                >
                  <Icon name={item.section} />
                  <span>{t(`nav.${item.section}`)}</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </aside>
  );
}
