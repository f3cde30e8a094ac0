import { useTranslation } from 'react-i18next';
import { useFormatters } from '../session/useFormatters';
import type { FormDraft } from './useFormDraft';

/** A quiet line saying whether the form's draft is kept ("Draft saved 14:05"). */
export function DraftStatusNote({ draft }: { draft: FormDraft }) {
  const { t } = useTranslation();
  const { time } = useFormatters();
  const at = draft.savedAt ? time(draft.savedAt) : '';
  const text =
    draft.status === 'saving'
      ? t('drafts.saving')
      : draft.status === 'saved'
        ? t('drafts.saved', { time: at })
        : draft.status === 'restored'
          ? t('drafts.restored', { time: at })
          : draft.status === 'failed'
            ? t('drafts.failed')
            : '';
  return (
    <p className={`draft-status draft-status--${draft.status}`} aria-live="polite" data-testid="draft-status">
      {text}
    </p>
  );
}
