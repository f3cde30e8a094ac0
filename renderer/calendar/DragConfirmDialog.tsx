import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '../../shared/contract/channels';
import type { ScheduleProblem } from '../../shared/contract/session-schemas';
import type { ErrorCode } from '../../shared/errors';
import { errorCodeOf } from '../api/client';
import { Dialog } from '../components/Dialog';
import { FormAlert } from '../forms/FormAlert';
import { ConfirmBookingStep } from './ConfirmBookingStep';
import { rescheduleSession } from './reschedule';

export interface PendingDrag {
  request: ChannelInput<'sessions.reschedule'>;
  overrides: ScheduleProblem[];
  /** Puts the session back where it was in the calendar. */
  revert: () => void;
  title: string;
}

interface DragConfirmDialogProps {
  pending: PendingDrag;
  onDone: () => void;
  onConflict: (problems: ScheduleProblem[]) => void;
  onCancel: () => void;
}

/** A session dragged outside working hours, onto leave or a holiday: confirm with a reason, or put it back. */
export function DragConfirmDialog({ pending, onDone, onConflict, onCancel }: DragConfirmDialogProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const cancel = () => {
    pending.revert();
    onCancel();
  };
  return (
    <Dialog title={pending.title} onClose={cancel}>
      <FormAlert code={formError} />
      <ConfirmBookingStep
        confirmation={{ overrides: pending.overrides, allowance: null }}
        series={false}
        move
        idPrefix="drag"
        busy={busy}
        submitLabel={t('calendar.reschedule.submitAnyway')}
        backLabel={t('calendar.drag.putBack')}
        onBack={cancel}
        onConfirm={async ({ overrideReason }) => {
          setBusy(true);
          setFormError(null);
          try {
            const outcome = await rescheduleSession({ ...pending.request, overrideReason });
            if (outcome.kind === 'moved') onDone();
            else {
              pending.revert();
              onConflict(outcome.kind === 'conflict' ? outcome.problems : outcome.confirmation.overrides);
            }
          } catch (error) {
            setFormError(errorCodeOf(error));
          } finally {
            setBusy(false);
          }
        }}
      />
    </Dialog>
  );
}
