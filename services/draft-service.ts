import { DraftEntity } from '../db/entities';
import { isoAt, type Clock } from './clock';
import type { OpenSession } from './session';

/** Drafts belong to the user who typed them; nobody else reads them. */
export async function getDraft(session: OpenSession, formKey: string): Promise<{ payload: Record<string, unknown> | null; savedAt: string | null }> {
  const row = await session.dataSource.getRepository(DraftEntity).findOneBy({ userId: session.user.id, formKey });
  return row ? { payload: JSON.parse(row.payload) as Record<string, unknown>, savedAt: row.savedAt } : { payload: null, savedAt: null };
}

export async function saveDraft(session: OpenSession, clock: Clock, formKey: string, payload: Record<string, unknown>): Promise<{ savedAt: string }> {
  const savedAt = isoAt(clock);
  await session.dataSource.getRepository(DraftEntity).save({ userId: session.user.id, formKey, payload: JSON.stringify(payload), savedAt });
  return { savedAt };
}

export async function discardDraft(session: OpenSession, formKey: string): Promise<boolean> {
  const result = await session.dataSource.getRepository(DraftEntity).delete({ userId: session.user.id, formKey });
  return (result.affected ?? 0) > 0;
}
