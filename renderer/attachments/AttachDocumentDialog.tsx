import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { attachmentAddSchema, type Attachment } from '../../shared/contract/note-schemas';
import type { Case } from '../../shared/contract/referral-schemas';
import { ATTACHMENT_KINDS, ATTACHMENT_MAX_BYTES } from '../../shared/domain/attachments';
import type { ErrorCode } from '../../shared/errors';
import { call } from '../api/client';
import { Dialog } from '../components/Dialog';
import { applyApiError } from '../forms/apply-api-error';
import { FormAlert } from '../forms/FormAlert';
import { FormField } from '../forms/FormField';
import { zodErrorMap } from '../forms/issue-messages';
import { useFormatters } from '../session/useFormatters';
import { caseLabel } from '../risk/risk-form';
import { fileToBase64, titleFromFileName } from './attachment-files';

/** What the browser's file input accepts; the service decides by the content, whatever the name. */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.docx,application/pdf,image/png,image/jpeg,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The contract's fields, with the chosen file in place of its bytes: checked for size here before anything is sent. */
const attachFormSchema = z.object({
  file: z
    .custom<FileList | undefined>()
    .superRefine((files, ctx) => {
      const file = files?.[0];
      if (!file) ctx.addIssue({ code: 'custom', message: 'required' });
      else if (file.size === 0) ctx.addIssue({ code: 'custom', message: 'file_empty' });
      else if (file.size > ATTACHMENT_MAX_BYTES) ctx.addIssue({ code: 'custom', message: 'attachment_too_large' });
    })
    .transform((files) => files![0]!),
  kind: attachmentAddSchema.shape.kind,
  title: attachmentAddSchema.shape.title,
  /** '' for a document about the client, not one case. */
  caseId: z.string().transform((id) => (id === '' ? null : Number(id))),
});
type AttachFormValues = z.input<typeof attachFormSchema>;
type AttachFormOutput = z.output<typeof attachFormSchema>;
const ATTACH_FIELDS = ['file', 'kind', 'title', 'caseId'] as const;

interface AttachDocumentDialogProps {
  clientId: number;
  cases: Case[];
  onClose: () => void;
  onAttached: (attachment: Attachment) => void;
}

/** Attaches a consent form, letter or scan to the client (or one of their cases), kept encrypted in the vault. */
export function AttachDocumentDialog({ clientId, cases, onClose, onAttached }: AttachDocumentDialogProps) {
  const { t } = useTranslation();
  const { calendarDate } = useFormatters();
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const form = useForm<AttachFormValues, unknown, AttachFormOutput>({
    resolver: zodResolver(attachFormSchema, { error: zodErrorMap }),
    defaultValues: { title: '', caseId: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const fileInput = useRef<HTMLInputElement | null>(null);
  const chosen = form.watch('file')?.[0];
  const { ref: fileRef, ...fileField } = form.register('file', {
    onChange: (event: { target: HTMLInputElement }) => {
      const file = event.target.files?.[0];
      // The title follows the file until the person types their own.
      if (file && !form.getFieldState('title').isDirty) form.setValue('title', titleFromFileName(file.name), { shouldValidate: form.formState.isSubmitted });
    },
  });

  const submit = form.handleSubmit(async ({ file, ...values }) => {
    setFormError(null);
    let dataBase64: string;
    try {
      dataBase64 = await fileToBase64(file);
    } catch {
      form.setError('file', { type: 'client', message: 'file_unreadable' }, { shouldFocus: true });
      return;
    }
    try {
      onAttached(await call('attachments.add', { ...values, clientId, dataBase64 }));
    } catch (error) {
      setFormError(applyApiError(error, form.setError, ATTACH_FIELDS));
    }
  });

  return (
    <Dialog title={t('attachments.add.title')} onClose={onClose}>
      <div className="attach-form">
        <p className="dialog__text">{t('attachments.add.lead')}</p>
        <FormAlert code={formError} />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <FormField id="attach-file" label={t('attachments.add.file')} error={errors.file} hint={t('attachments.add.fileHint')}>
            {(a11y) => (
              // The browser's own file button speaks the system's language, not the app's: it is
              // hidden (still focusable and labelled) behind a button and file name drawn here.
              <div className="file-picker" onClick={() => fileInput.current?.click()}>
                <input
                  {...a11y}
                  {...fileField}
                  ref={(element) => {
                    fileRef(element);
                    fileInput.current = element;
                  }}
                  type="file"
                  accept={ACCEPT}
                  className="visually-hidden file-picker__input"
                  onClick={(event) => event.stopPropagation()}
                />
                <span className="file-picker__button" aria-hidden="true">
                  {t('attachments.add.chooseFile')}
                </span>
                <span className={chosen ? 'file-picker__name' : 'file-picker__name file-picker__name--none'} aria-hidden="true" data-testid="attach-file-name">
                  {chosen ? chosen.name : t('attachments.add.noFile')}
                </span>
              </div>
            )}
          </FormField>
          <div className="form-grid">
            <FormField id="attach-kind" label={t('attachments.add.kind')} error={errors.kind}>
              {(a11y) => (
                <select {...a11y} defaultValue="" {...form.register('kind')}>
                  <option value="" disabled>
                    {t('attachments.add.chooseKind')}
                  </option>
                  {ATTACHMENT_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`attachments.kind.${kind}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField id="attach-title" label={t('attachments.add.documentTitle')} error={errors.title}>
              {(a11y) => <input {...a11y} type="text" maxLength={200} autoComplete="off" {...form.register('title')} />}
            </FormField>
          </div>
          {cases.length > 0 && (
            <FormField id="attach-case" label={t('attachments.add.case')} error={errors.caseId}>
              {(a11y) => (
                <select {...a11y} {...form.register('caseId')}>
                  <option value="">{t('attachments.add.noCase')}</option>
                  {cases.map((clientCase) => (
                    <option key={clientCase.id} value={String(clientCase.id)}>
                      {caseLabel(t, clientCase, calendarDate)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          )}
          <div className="form-actions">
            <button type="button" className="button button--ghost" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={isSubmitting} aria-busy={isSubmitting}>
              {isSubmitting ? t('attachments.add.uploading') : t('attachments.add.submit')}
            </button>
          </div>
        </form>
      </div>
    </Dialog>
  );
}
