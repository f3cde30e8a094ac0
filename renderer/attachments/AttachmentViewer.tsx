import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../shared/contract/note-schemas';
import type { ErrorCode } from '../../shared/errors';
import { call, errorCodeOf } from '../api/client';
import { Dialog } from '../components/Dialog';
import { FormAlert } from '../forms/FormAlert';
import { useFormatters } from '../session/useFormatters';
import { TYPE_KEY, formatSize, showsInApp } from './attachment-files';
import { openAttachmentExternally } from './open-external';

interface AttachmentViewerProps {
  attachment: Attachment;
  onClose: () => void;
}

/**
 * One attachment. A PNG or JPEG is fetched (the opening is audited) and shown here as a
 * data: URL: the app's CSP allows images from data: and nothing from blob:, frames or
 * objects, so a PDF or Word document is not drawn inside the app; for those the dialog says
 * so and offers the default program instead (a temporary copy the desktop app removes when
 * the vault locks). The image's copy in memory is dropped when the dialog closes.
 */
export function AttachmentViewer({ attachment, onClose }: AttachmentViewerProps) {
  const { t } = useTranslation();
  const { language, dateTime } = useFormatters();
  const inApp = showsInApp(attachment.mediaType);
  const [source, setSource] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<ErrorCode | null>(null);
  const [external, setExternal] = useState<'idle' | 'opening' | 'opened' | 'unavailable'>('idle');
  const [externalError, setExternalError] = useState<ErrorCode | null>(null);
  const typeText = t(`attachments.type.${TYPE_KEY[attachment.mediaType]}`);

  useEffect(() => {
    if (!inApp) return;
    let live = true;
    call('attachments.get', { id: attachment.id })
      .then((opened) => {
        if (live && showsInApp(opened.mediaType)) setSource(`data:${opened.mediaType};base64,${opened.dataBase64}`);
      })
      .catch((error: unknown) => live && setLoadError(errorCodeOf(error)));
    return () => {
      live = false;
      setSource(null);
    };
  }, [attachment.id, inApp]);

  const openOutside = async () => {
    setExternal('opening');
    setExternalError(null);
    const result = await openAttachmentExternally(attachment.id);
    if (result.outcome === 'failed') {
      setExternal('idle');
      setExternalError(result.code);
    } else setExternal(result.outcome);
  };

  return (
    <Dialog title={attachment.title} onClose={onClose}>
      <div className="attachment-viewer" data-testid="attachment-viewer">
        <p className="attachment-viewer__facts">
          {t(`attachments.kind.${attachment.kind}`)} · {typeText} · {formatSize(attachment.sizeBytes, language)} · {t('attachments.list.addedBy', { date: dateTime(attachment.addedAt), name: attachment.addedByName })}
        </p>
        <FormAlert code={loadError} />
        {inApp ? (
          <div className="attachment-viewer__stage">
            {source ? (
              <img className="attachment-viewer__image" src={source} alt={t('attachments.viewer.imageAlt', { title: attachment.title })} data-testid="attachment-image" />
            ) : (
              !loadError && <p className="muted">{t('common.loading')}</p>
            )}
          </div>
        ) : (
          <div className="attachment-viewer__outside" data-testid="attachment-outside">
            <p>{t('attachments.viewer.notInApp', { type: typeText })}</p>
            <button type="button" className="button button--secondary" disabled={external === 'opening'} onClick={() => void openOutside()}>
              {t('attachments.viewer.openExternal')}
            </button>
            {external === 'opened' && (
              <p className="alert alert--success attachment-viewer__note" role="status" data-testid="attachment-external-note">
                {t('attachments.viewer.openedOutside')}
              </p>
            )}
            <FormAlert code={externalError} />
            {external === 'unavailable' && (
              <p className="alert alert--info attachment-viewer__note" role="status" data-testid="attachment-external-note">
                {t('attachments.viewer.externalUnavailable')}
              </p>
            )}
          </div>
        )}
        <div className="form-actions">
          <button type="button" className="button button--primary" onClick={onClose}>
            {t('attachments.viewer.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
