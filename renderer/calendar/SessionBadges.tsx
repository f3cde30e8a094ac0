import { useTranslation } from 'react-i18next';
import type { Modality, SessionStatus } from '../../shared/domain/sessions';

const STATUS_TONE: Record<SessionStatus, string> = {
  scheduled: 'badge--info',
  attended: 'badge--success',
  did_not_attend: 'badge--danger',
  late_cancellation: 'badge--warning',
  cancelled_by_client: 'badge--muted',
  cancelled_by_clinic: 'badge--muted',
};

/** Scheduled, Attended, Did not attend…: the word in a tinted pill (the colour only repeats the word). */
export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${STATUS_TONE[status]}`} data-session-status={status}>
      {t(`calendar.vocab.status.${status}`)}
    </span>
  );
}

const MODALITY_PATHS: Record<Modality, string> = {
  // A door: in person, in a room.
  in_person: 'M5 17V4h10v13 M3 17h14 M12 10.5v1',
  // A handset.
  phone: 'M6 3.5l2.5 3-1.6 1.6a9 9 0 0 0 5 5l1.6-1.6 3 2.5-1.8 2.2C9.7 16 4 10.3 3.8 5.3z',
  // A camera.
  video: 'M3 6h10v8H3z M13 9l4-2.5v7L13 11',
};

/** A small line icon for the modality; the word is always said beside it or to assistive technology. */
export function ModalityIcon({ modality }: { modality: Modality }) {
  return (
    <svg className="icon modality-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path d={MODALITY_PATHS[modality]} />
    </svg>
  );
}
