import '../styles/risk-search.css';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../shared/contract/note-schemas';
import type { Case } from '../../shared/contract/referral-schemas';
import type { ErrorCode } from '../../shared/errors';
import { call, errorCodeOf } from '../api/client';
import { Notice } from '../components/Notice';
import { FormAlert } from '../forms/FormAlert';
import { useSession } from '../session/SessionContext';
import { useFormatters } from '../session/useFormatters';
import { AttachDocumentDialog } from './AttachDocumentDialog';
import { AttachmentViewer } from './AttachmentViewer';
import { TYPE_KEY, formatSize } from './attachment-files';

interface AttachmentsSectionProps {
  clientId: number;
  cases: Case[];
}

/** The client's documents (consent forms, letters, scans), kept encrypted inside the vault; newest first. */
export function AttachmentsSection({ clientId, cases }: AttachmentsSectionProps) {
  const { t } = useTranslation();
  const { language, date } = useFormatters();
  const { session } = useSession();
  // A counsellor attaches only to cases of their own: a document on a colleague's case would
  // reach that colleague, who may no longer read what is written for this client now.
  const attachable = session.user.role === 'counsellor' ? cases.filter((c) => c.counsellorId === session.user.id) : cases;
  const [attachments, setAttachments] = useState<Attachment[] | null>(null);
  const [loadError, setLoadError] = useState<ErrorCode | null>(null);
  const [adding, setAdding] = useState(false);
  const [viewing, setViewing] = useState<Attachment | null>(null);
  const [added, setAdded] = useState<Attachment | null>(null);

  const load = useCallback(async () => {
    try {
      setAttachments((await call('attachments.list', { clientId })).attachments);
      setLoadError(null);
    } catch (error) {
      setLoadError(errorCodeOf(error));
    }
  }, [clientId]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="card attachments" aria-labelledby="client-attachments-title" data-testid="attachments">
      <div className="card-heading-row">
        <h2 id="client-attachments-title" className="card-heading">
          {t('attachments.title')}
        </h2>
        <button type="button" className="button button--secondary button--small" onClick={() => setAdding(true)}>
          {t('attachments.attach')}
        </button>
      </div>
      <p className="card-text">{t('attachments.lead')}</p>
      <FormAlert code={loadError} />
      {added && (
        <Notice tone="success" testId="attachment-notice">
          {t('attachments.added', { title: added.title })}
        </Notice>
      )}
      {attachments === null ? (
        !loadError && <p className="muted">{t('common.loading')}</p>
      ) : attachments.length === 0 ? (
        <p className="empty-state" data-testid="attachments-empty">
          {t('attachments.empty')}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="attachments-table">
            <thead>
              <tr>
                <th scope="col">{t('attachments.list.document')}</th>
                <th scope="col">{t('attachments.list.kind')}</th>
                <th scope="col">{t('attachments.list.type')}</th>
                <th scope="col" className="attachments__size">
                  {t('attachments.list.size')}
                </th>
                <th scope="col">{t('attachments.list.added')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('attachments.list.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {attachments.map((attachment) => (
                <tr key={attachment.id} data-attachment-id={attachment.id}>
                  <td>
                    <span className="attachments__title">
                      <span className={`file-badge file-badge--${TYPE_KEY[attachment.mediaType]}`} aria-hidden="true">
                        {TYPE_KEY[attachment.mediaType].toUpperCase()}
                      </span>
                      <span className="cell-primary">{attachment.title}</span>
                    </span>
                  </td>
                  <td>{t(`attachments.kind.${attachment.kind}`)}</td>
                  <td>{t(`attachments.type.${TYPE_KEY[attachment.mediaType]}`)}</td>
                  <td className="nowrap attachments__size">{formatSize(attachment.sizeBytes, language)}</td>
                  <td>
                    <div className="cell-primary nowrap">{date(attachment.addedAt)}</div>
                    <div className="cell-secondary">{attachment.addedByName}</div>
                  </td>
                  <td className="table__actions">
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      aria-label={t('attachments.list.openLabel', { title: attachment.title })}
                      onClick={() => setViewing(attachment)}
                    >
                      {t('attachments.list.open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {adding && (
        <AttachDocumentDialog
          clientId={clientId}
          cases={attachable}
          onClose={() => setAdding(false)}
          onAttached={(attachment) => {
            setAdding(false);
            setAdded(attachment);
            void load();
          }}
        />
      )}
      {viewing && <AttachmentViewer attachment={viewing} onClose={() => setViewing(null)} />}
    </section>
  );
}
