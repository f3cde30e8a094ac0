import '../styles/letters.css';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Compliance } from '../../shared/contract/letter-schemas';
import type { Case, Referral } from '../../shared/contract/referral-schemas';
import type { ErrorCode } from '../../shared/errors';
import { call, errorCodeOf } from '../api/client';
import { FormAlert } from '../forms/FormAlert';
import { mayWriteMeasures, readableCases } from '../measures/measure-text';
import { useSession } from '../session/SessionContext';
import { useFormatters } from '../session/useFormatters';

/**
 * "Are the recommendations being followed?" on the client's record (issue 13), for each
 * case whose formal referral the client let the clinic report compliance on. The case's
 * counsellor answers yes or no (the newest answer counts and is what a letter may say);
 * others who may read the case see the answer, with who gave it and when.
 */
export function ComplianceCard({ cases, referrals }: { cases: Case[]; referrals: Referral[] }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const consented = new Set(referrals.filter((r) => r.consentLevel === 'attendance_and_compliance' && r.caseId !== null).map((r) => r.caseId));
  const shown = readableCases(cases, session.user).filter((c) => consented.has(c.id));
  if (shown.length === 0) return null;
  return (
    <section className="card" aria-labelledby="client-compliance-title" data-testid="client-compliance">
      <h2 id="client-compliance-title" className="card-heading">
        {t('referralLetter.compliance.title')}
      </h2>
      <p className="card-text">{t('referralLetter.compliance.lead')}</p>
      {shown.map((clientCase) => (
        <CaseCompliance key={clientCase.id} clientCase={clientCase} labelled={shown.length > 1} mayAnswer={mayWriteMeasures(clientCase, session.user)} />
      ))}
    </section>
  );
}

function CaseCompliance({ clientCase, labelled, mayAnswer }: { clientCase: Case; labelled: boolean; mayAnswer: boolean }) {
  const { t } = useTranslation();
  const { dateTime, calendarDate } = useFormatters();
  const [compliance, setCompliance] = useState<Compliance | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [saving, setSaving] = useState(false);

  const load = useCallback(async () => {
    try {
      setCompliance(await call('cases.compliance', { caseId: clientCase.id }));
    } catch (failure) {
      setError(errorCodeOf(failure));
    }
  }, [clientCase.id]);
  useEffect(() => {
    void load();
  }, [load]);

  const answer = async (followed: boolean) => {
    setSaving(true);
    setError(null);
    try {
      setCompliance(await call('cases.recordCompliance', { caseId: clientCase.id, followed }));
    } catch (failure) {
      setError(errorCodeOf(failure));
    } finally {
      setSaving(false);
    }
  };

  const latest = compliance?.latest ?? null;
  return (
    <div className="compliance-case" data-testid={`compliance-case-${clientCase.id}`}>
      {labelled && <p className="muted">{t('referralLetter.compliance.case', { date: calendarDate(clientCase.openedDate) })}</p>}
      <p className="compliance-case__question">{t('referralLetter.compliance.question')}</p>
      <FormAlert code={error} />
      {compliance && (
        <p className="compliance-case__answer" data-testid="compliance-answer">
          {latest
            ? t('referralLetter.compliance.recorded', { answer: latest.followed ? t('referralLetter.compliance.yes') : t('referralLetter.compliance.no'), name: latest.recordedBy, when: dateTime(latest.recordedAt) })
            : <span className="muted">{t('referralLetter.compliance.notRecorded')}</span>}
        </p>
      )}
      {mayAnswer && (
        <div className="compliance-case__actions">
          <button type="button" className="button button--secondary button--small" disabled={saving} onClick={() => void answer(true)}>
            {t('referralLetter.compliance.recordYes')}
          </button>
          <button type="button" className="button button--secondary button--small" disabled={saving} onClick={() => void answer(false)}>
            {t('referralLetter.compliance.recordNo')}
          </button>
        </div>
      )}
    </div>
  );
}
