import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstrumentView, MeasureAlert } from '../../../shared/contract/measure-schemas';
import type { RiskFlag } from '../../../shared/contract/note-schemas';
import type { Case } from '../../../shared/contract/referral-schemas';
import type { ErrorCode } from '../../../shared/errors';
import { call, errorCodeOf } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { FormAlert } from '../../forms/FormAlert';
import { RaiseRiskFlagDialog } from '../../risk/RaiseRiskFlagDialog';
import { ownOpenCases } from '../../risk/risk-form';
import { useSession } from '../../session/SessionContext';
import { FollowUpDialog } from './FollowUpDialog';

export type FollowUpAction = 'raise' | 'note';

interface AlertFollowUpProps {
  alert: MeasureAlert;
  action: FollowUpAction;
  instruments: ReadonlyMap<string, InstrumentView> | null;
  onCancel: () => void;
  /** The alert was followed up (a self-harm flag raised on its case, or the decision recorded). */
  onDone: () => void;
}

/**
 * One of the two ways to follow an alert up. A flag follows the alert up only when raised
 * on the alert's own case as a suicide or self-harm risk, so the flag dialog offers that
 * case alone and starts at that kind.
 */
export function AlertFollowUp({ alert, action, instruments, onCancel, onDone }: AlertFollowUpProps) {
  if (action === 'note') return <FollowUpDialog alert={alert} instruments={instruments} onClose={onCancel} onRecorded={onDone} />;
  return <RaiseFlagForAlert alert={alert} onCancel={onCancel} onDone={onDone} />;
}

function RaiseFlagForAlert({ alert, onCancel, onDone }: { alert: MeasureAlert; onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [loaded, setLoaded] = useState<{ cases: Case[]; active: RiskFlag[] } | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);

  useEffect(() => {
    let current = true;
    Promise.all([call('clients.get', { id: alert.clientId }), call('risks.list', { clientId: alert.clientId, includeCleared: false })])
      .then(([record, risks]) => {
        if (!current) return;
        const cases = ownOpenCases(record.cases, session.user.id).filter((clientCase) => clientCase.id === alert.caseId);
        if (cases.length === 0) setError('NOT_FOUND');
        else setLoaded({ cases, active: risks.flags.filter((flag) => flag.clearedAt === null) });
      })
      .catch((failure: unknown) => current && setError(errorCodeOf(failure)));
    return () => {
      current = false;
    };
  }, [alert.clientId, alert.caseId, session.user.id]);

  if (loaded) return <RaiseRiskFlagDialog clientId={alert.clientId} cases={loaded.cases} active={loaded.active} initialKind="suicide_self_harm" onClose={onCancel} onRaised={onDone} />;
  return (
    <Dialog title={t('risk.raise.title')} onClose={onCancel}>
      <FormAlert code={error} />
      {!error && <p className="muted">{t('common.loading')}</p>}
      <div className="form-actions">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
