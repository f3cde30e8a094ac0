import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../shared/contract/referral-schemas';
import { ReferralDetailDialog } from '../detail/ReferralDetailDialog';
import { AssignReferralDialog } from './AssignReferralDialog';
import { MoveReferralDialog } from './MoveReferralDialog';
import type { ActionOutcome, ReferralAction } from './referral-actions';

interface ReferralActionDialogProps {
  action: ReferralAction;
  onClose: () => void;
  onDone: (outcome: ActionOutcome) => void;
}

/** The dialog for what was asked of a referral: its details, a move, or an assignment. */
export function ReferralActionDialog({ action, onClose, onDone }: ReferralActionDialogProps) {
  const { t } = useTranslation();
  const moved = (referral: Referral) => onDone({ kind: 'moved', referral });
  switch (action.kind) {
    case 'details':
      return (
        <ReferralDetailDialog
          referralId={action.referral.id}
          title={t('referrals.details.title', { code: action.referral.clientCode })}
          onClose={onClose}
        />
      );
    case 'move':
      return <MoveReferralDialog referral={action.referral} to={action.to} onClose={onClose} onMoved={moved} />;
    case 'assign':
      return <AssignReferralDialog referral={action.referral} onClose={onClose} onAssigned={(referral) => onDone({ kind: 'assigned', referral })} />;
  }
}
