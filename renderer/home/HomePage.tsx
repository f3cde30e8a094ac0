import '../styles/notes.css';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import type { ChannelOutput } from '../../shared/contract/channels';
import type { ErrorCode } from '../../shared/errors';
import { call, errorCodeOf } from '../api/client';
import { localeFor, todayIn } from '../format/dates';
import { FormAlert } from '../forms/FormAlert';
import { NoteDialog } from '../notes/NoteDialog';
import { BreakGlassList, NoteSubject } from '../notes/note-parts';
import { RiskLevelBadge } from '../risk/RiskLevelBadge';
import { useSession } from '../session/SessionContext';
import { useFormatters } from '../session/useFormatters';
import { ClientDetailPage } from '../clients/ClientDetailPage';
import { HomeMeasureAlerts } from '../measures/alerts/HomeMeasureAlerts';
import { OverdueMeasuresCard } from './OverdueMeasuresCard';

type Home = ChannelOutput<'home.get'>;

/** Morning, afternoon or evening in the clinic's time zone. */
function partOfDay(zone: string): 'morning' | 'afternoon' | 'evening' {
  const hour = DateTime.now().setZone(zone).hour;
  return hour < 12 ? 'morning' : hour < 18 ? 'afternoon' : 'evening';
}

function Greeting() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { zone, language } = useFormatters();
  const today = DateTime.now().setZone(zone).setLocale(localeFor(language)).toFormat('cccc d LLLL yyyy');
  return (
    <header className="home-greeting">
      <h1 className="page-title home-greeting__title">{t(`home.greeting.${partOfDay(zone)}`, { name: session.user.displayName })}</h1>
      <p className="home-greeting__date">{today}</p>
    </header>
  );
}

function Count({ n, tone }: { n: number; tone?: 'danger' | 'warning' }) {
  return n > 0 ? <span className={tone ? `home-card__count home-card__count--${tone}` : 'home-card__count'}>{n}</span> : null;
}

interface HomeCardProps {
  /** The card's translation keys live under `home.<name>`: title, lead, empty. */
  name: 'reviews' | 'breakGlass' | 'exports' | 'resets';
  testId: string;
  count: number;
  tone: 'danger' | 'warning';
  children: ReactNode;
}

/** One of Home's cards: a title with how many items wait, a line on what it lists, and the list or a calm "nothing here". */
function HomeCard({ name, testId, count, tone, children }: HomeCardProps) {
  const { t } = useTranslation();
  const titleId = `home-${name}-title`;
  return (
    <section className="card home-card" aria-labelledby={titleId} data-testid={testId}>
      <h2 id={titleId} className="card-heading home-card__heading">
        {t(`home.${name}.title`)}
        <Count n={count} tone={tone} />
      </h2>
      <p className="card-text">{t(`home.${name}.lead`)}</p>
      {count === 0 ? <p className="empty-state home-empty">{t(`home.${name}.empty`)}</p> : children}
    </section>
  );
}

/** Opens the note behind a Home item, named with its client's code for screen readers. */
function OpenNoteButton({ noteId, clientCode, onOpen }: { noteId: number; clientCode: string; onOpen: (noteId: number) => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button button--ghost button--small" onClick={() => onOpen(noteId)}>
      {t('home.reviews.open')}
      <span className="visually-hidden"> {clientCode}</span>
    </button>
  );
}

/**
 * The counsellor's day: drafts to sign (oldest first), risk reviews that have come due, who
 * broke the glass on their notes, full exports that held them, and new passphrases others gave them.
 */
function CounsellorHome({ onOpenClient }: { onOpenClient: (clientId: number) => void }) {
  const { t } = useTranslation();
  const { zone, language, dateTime, calendarDate } = useFormatters();
  const [home, setHome] = useState<Home | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const today = todayIn(zone);

  const load = useCallback(async () => {
    try {
      setHome(await call('home.get', {}));
      setError(null);
    } catch (failure) {
      setError(errorCodeOf(failure));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const ago = (iso: string) => {
    const at = DateTime.fromISO(iso);
    return DateTime.now().diff(at, 'minutes').minutes < 1 ? t('home.justNow') : (at.setLocale(localeFor(language)).toRelative() ?? '');
  };

  return (
    <>
      <FormAlert code={error} />
      {!home && !error && <p className="muted">{t('common.loading')}</p>}
      {home && (
        <div className="home-grid">
          {/* A questionnaire answer that needs the counsellor now comes before anything else. */}
          <HomeMeasureAlerts alerts={home.measureAlerts} onOpenClient={onOpenClient} />
          <section className="card home-card home-card--wide" aria-labelledby="home-sign-title" data-testid="home-notes-to-sign">
            <h2 id="home-sign-title" className="card-heading home-card__heading">
              {t('home.toSign.title')}
              <Count n={home.notesToSign.length} />
            </h2>
            <p className="card-text">{t('home.toSign.lead')}</p>
            {home.notesToSign.length === 0 ? (
              <p className="empty-state home-empty">{t('home.toSign.empty')}</p>
            ) : (
              <div className="table-wrap">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('home.columns.client')}</th>
                      <th scope="col">{t('home.columns.note')}</th>
                      <th scope="col">{t('home.columns.session')}</th>
                      <th scope="col">{t('home.columns.started')}</th>
                      <th scope="col">
                        <span className="visually-hidden">{t('home.columns.actions')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {home.notesToSign.map((note) => (
                      <tr key={note.id} data-note-id={note.id} data-testid="home-note-to-sign">
                        <td>
                          <div className="cell-primary monospace">{note.clientCode}</div>
                          {note.clientName && <div className="cell-secondary">{note.clientName}</div>}
                        </td>
                        <td>{t(`notes.templates.${note.template}`)}</td>
                        <td className="nowrap">
                          <NoteSubject note={note} />
                        </td>
                        <td className="nowrap" title={dateTime(note.createdAt)}>
                          {ago(note.createdAt)}
                        </td>
                        <td className="table__actions">
                          <button type="button" className="button button--secondary button--small" onClick={() => setOpen(note.id)}>
                            {t('home.toSign.open')}
                            <span className="visually-hidden"> {note.clientCode}</span>
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <HomeCard name="reviews" testId="home-reviews-due" count={home.reviewsDue.length} tone="danger">
            <ul className="home-list">
              {home.reviewsDue.map((flag) => (
                <li key={flag.id} className="home-list__item" data-testid="home-review">
                  <div className="home-list__main">
                    <p className="home-list__title">
                      <RiskLevelBadge level={flag.level} />
                      <span>{t(`risk.kind.${flag.kind}`)}</span>
                    </p>
                    <p className="home-list__meta">
                      <span className="monospace">{flag.clientCode}</span>
                      {flag.clientName && <> · {flag.clientName}</>}
                    </p>
                    <p className={flag.reviewDate < today ? 'home-list__due home-list__due--late' : 'home-list__due'}>
                      {flag.reviewDate < today
                        ? t('home.reviews.overdue', { date: calendarDate(flag.reviewDate) })
                        : t('home.reviews.dueToday', { date: calendarDate(flag.reviewDate) })}
                    </p>
                  </div>
                  {/* The note behind the flag opens only for whom may read it (another counsellor's open case: not). */}
                  {flag.raisedNoteId !== null && <OpenNoteButton noteId={flag.raisedNoteId} clientCode={flag.clientCode} onOpen={setOpen} />}
                </li>
              ))}
            </ul>
          </HomeCard>

          <OverdueMeasuresCard overdue={home.measuresOverdue} onOpenClient={onOpenClient} />

          <HomeCard name="breakGlass" testId="home-break-glass" count={home.breakGlass.length} tone="warning">
            <BreakGlassList openings={home.breakGlass} showClient />
          </HomeCard>

          <FullExportsCard exports={home.fullExports} />
          <PassphraseResetsCard resets={home.passphraseResets} />
        </div>
      )}
      {open !== null && (
        <NoteDialog
          noteId={open}
          onClose={() => {
            setOpen(null);
            void load();
          }}
          onChanged={() => void load()}
        />
      )}
    </>
  );
}

/** Full exports of the vault that held notes the counsellor wrote: who, when, why, and whether the file was encrypted. */
function FullExportsCard({ exports }: { exports: Home['fullExports'] }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  return (
    <HomeCard name="exports" testId="home-full-exports" count={exports.length} tone="warning">
      <ul className="home-list">
        {exports.map((item) => (
          <li key={item.id} className="home-list__item home-list__item--stacked" data-testid="home-full-export">
            <p className="home-list__title">{t('home.exports.item', { name: item.byName, when: dateTime(item.at) })}</p>
            <p className="home-list__meta">
              <span className={`badge ${item.encrypted ? 'badge--success' : 'badge--danger'}`}>{t(item.encrypted ? 'home.exports.encrypted' : 'home.exports.plaintext')}</span>{' '}
              {t('notes.breakGlass.reasonLabel')} <q>{item.reason}</q>
            </p>
          </li>
        ))}
      </ul>
    </HomeCard>
  );
}

/** New passphrases someone else gave this account, each with the sign-ins since: an admin signing in as the counsellor shows here. */
function PassphraseResetsCard({ resets }: { resets: Home['passphraseResets'] }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  return (
    <HomeCard name="resets" testId="home-passphrase-resets" count={resets.length} tone="warning">
      <ul className="home-list">
        {resets.map((reset) => (
          <li key={reset.at} className="home-list__item home-list__item--stacked" data-testid="home-passphrase-reset">
            <p className="home-list__title">{t('home.resets.item', { name: reset.byName, when: dateTime(reset.at) })}</p>
            <p className="home-list__meta">
              {reset.signInsSince.length === 0
                ? t('home.resets.noSignIns')
                : t('home.resets.signInsSince', { count: reset.signInsSince.length, times: reset.signInsSince.map((at) => dateTime(at)).join(', ') })}
            </p>
          </li>
        ))}
      </ul>
    </HomeCard>
  );
}

/** A counsellor's landing page after sign-in (admins, who write no notes, land on Referrals). */
export function HomePage() {
  const { t } = useTranslation();
  // A client's record opens here, from an alert or an overdue measure; Back returns to Home (reloaded).
  const [openClient, setOpenClient] = useState<number | null>(null);
  if (openClient !== null) return <ClientDetailPage clientId={openClient} backLabel={t('home.backToHome')} onBack={() => setOpenClient(null)} />;
  return (
    <div className="home" data-testid="home-page">
      <Greeting />
      <CounsellorHome onOpenClient={setOpenClient} />
    </div>
  );
}
