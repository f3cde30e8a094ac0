import '../../styles/scheduling.css';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Availability } from '../../../shared/contract/availability-schemas';
import type { UserSummary } from '../../../shared/contract/schemas';
import type { ErrorCode } from '../../../shared/errors';
import { call, errorCodeOf } from '../../api/client';
import { ZoneClockHint } from '../../components/ZoneClockHint';
import { FormAlert } from '../../forms/FormAlert';
import { useSession } from '../../session/SessionContext';
import { LeaveSection } from './LeaveSection';
import { WeeklyHoursForm } from './WeeklyHoursForm';

interface Person {
  id: number;
  displayName: string;
}

/**
 * See and change a counsellor's weekly hours and leave: any active counsellor for an admin
 * (picked from a list), or, with `self`, the signed-in counsellor's own (My account).
 */
export function CounsellorHoursSection({ self = false }: { self?: boolean }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const zone = session.settings.timeZone;
  const [counsellors, setCounsellors] = useState<Person[] | null>(null);
  const [userId, setUserId] = useState<number | null>(null);
  const [availability, setAvailability] = useState<Availability | null>(null);
  const [loadError, setLoadError] = useState<ErrorCode | null>(null);

  useEffect(() => {
    if (self) {
      setCounsellors([{ id: session.user.id, displayName: session.user.displayName }]);
      setUserId(session.user.id);
      return;
    }
    let cancelled = false;
    call('users.list', {})
      .then(({ users }) => {
        if (cancelled) return;
        const active = users.filter((user: UserSummary) => user.role === 'counsellor' && user.active).sort((a, b) => a.displayName.localeCompare(b.displayName));
        setCounsellors(active);
        setUserId((current) => current ?? active[0]?.id ?? null);
      })
      .catch((error: unknown) => {
        if (!cancelled) setLoadError(errorCodeOf(error));
      });
    return () => {
      cancelled = true;
    };
  }, [self, session.user.id, session.user.displayName]);

  const load = useCallback(async () => {
    if (userId === null) return;
    try {
      setAvailability(await call('availability.get', { userId }));
      setLoadError(null);
    } catch (error) {
      setLoadError(errorCodeOf(error));
    }
  }, [userId]);

  useEffect(() => {
    setAvailability(null);
    void load();
  }, [load]);

  const counsellor = counsellors?.find((user) => user.id === userId) ?? null;

  return (
    <section className="card" aria-labelledby="hours-title" data-testid="counsellor-hours">
      <h2 id="hours-title" className="card-heading">
        {t('admin.scheduling.hours.title')}
      </h2>
      <p className="card-text">{t('admin.scheduling.hours.lead')}</p>
      <p className="alert alert--info scheduling-zone" data-testid="hours-zone">
        {t('admin.scheduling.hours.zoneHint', { zone })} <ZoneClockHint zone={zone} />
      </p>
      <FormAlert code={loadError} />
      {counsellors === null && !loadError ? (
        <p className="muted">{t('common.loading')}</p>
      ) : self ? null : counsellors && counsellors.length === 0 ? (
        <p className="empty-state">{t('admin.scheduling.hours.noCounsellors')}</p>
      ) : (
        <div className="field scheduling-counsellor">
          <label htmlFor="hours-counsellor" className="field__label">
            {t('admin.scheduling.hours.counsellor')}
          </label>
          <select id="hours-counsellor" value={userId ?? ''} onChange={(event) => setUserId(Number(event.target.value))}>
            {(counsellors ?? []).map((user) => (
              <option key={user.id} value={user.id}>
                {user.displayName}
              </option>
            ))}
          </select>
        </div>
      )}
      {counsellor && availability?.userId === counsellor.id && (
        <>
          <h3 className="scheduling-subheading">{t('admin.scheduling.hours.weekTitle', { name: counsellor.displayName })}</h3>
          <WeeklyHoursForm key={counsellor.id} availability={availability} counsellorName={counsellor.displayName} onSaved={setAvailability} />
          <LeaveSection key={`leave-${counsellor.id}`} userId={counsellor.id} counsellorName={counsellor.displayName} leave={availability.leave} onChanged={load} />
        </>
      )}
    </section>
  );
}
