import { EntitySchema } from 'typeorm';
import type { AttachmentKind, AttachmentType } from '../../shared/domain/attachments';

/** A document kept inside the vault. `data` is selected only when the file is opened, never for a list. */
export interface AttachmentRow {
  id: number;
  clientId: number;
  caseId: number | null;
  kind: AttachmentKind;
  mediaType: AttachmentType;
  title: string;
  sizeBytes: number;
  sha256: string;
  data: Buffer;
  addedAt: string;
  addedByUserId: number;
}

export const AttachmentEntity = new EntitySchema<AttachmentRow>({
  name: 'Attachment',
  tableName: 'attachment',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    clientId: { type: 'integer', name: 'client_id' },
    caseId: { type: 'integer', name: 'case_id', nullable: true },
    kind: { type: 'varchar' },
    mediaType: { type: 'varchar', name: 'media_type' },
    title: { type: 'varchar' },
    sizeBytes: { type: 'integer', name: 'size_bytes' },
    sha256: { type: 'varchar' },
    data: { type: 'blob', select: false },
    addedAt: { type: 'varchar', name: 'added_at' },
    addedByUserId: { type: 'integer', name: 'added_by_user_id' },
  },
});
