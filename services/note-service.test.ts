import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { ADMIN, COUNSELLOR, addCounsellor, signIn } from '../tests/helpers/vault-fixture';
import { assignedReferral, bookingClinic, call, counselling, type BookingClinic } from '../tests/helpers/booking-fixture';
import { canonicalAddendumText, canonicalNoteText } from '../shared/domain/notes';
import type { Note, NoteSummary, RiskFlag } from '../shared/contract';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const OTHER = { username: 'citra', displayName: 'Citra Dewi', passphrase: 'hujan rintik di atas genteng tua' };
const SOAP = { subjective: 'Klien merasa cemas menjelang rotasi shift malam.', objective: 'Tampak lelah, kontak mata baik.', assessment: 'Stres kerja sedang.', plan: 'Latihan napas 4-7-8; sesi berikutnya minggu depan.' };

async function clinic(): Promise<BookingClinic & { sessionId: number }> {
  const c = await bookingClinic();
  cleanups.push(c.cleanup);
  const booked = await call<{ sessions: Array<{ id: number }> }>(c.app, 'sessions.book', counselling(c));
  await signIn(c.app, COUNSELLOR);
  return { ...c, sessionId: booked.sessions[0]!.id };
}

async function failure(c: BookingClinic, channel: string, input: unknown): Promise<{ code: string; issues?: Array<{ path: string; code: string }> }> {
  const result = await c.app.dispatch(channel, input);
  if (result.ok) throw new Error(`${channel} should have failed`);
  return result.error;
}

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

async function signedSoapNote(c: BookingClinic & { sessionId: number }): Promise<Note> {
  const note = await call<Note>(c.app, 'notes.create', { caseId: c.caseId, sessionId: c.sessionId, template: 'soap' });
  return call<Note>(c.app, 'notes.sign', { id: note.id, content: SOAP });
}

describe('writing and signing a note', () => {
  it('keeps a draft as it is typed, signs it with a SHA-256 of its canonical text, and opens the same note for the session again', async () => {
    const c = await clinic();
    const note = await call<Note>(c.app, 'notes.create', { caseId: c.caseId, sessionId: c.sessionId, template: 'soap' });
    expect(note).toMatchObject({ status: 'draft', template: 'soap', content: { subjective: '', objective: '', assessment: '', plan: '' }, mayEdit: true, clientName: 'Siti Rahayu' });
    await call(c.app, 'notes.save', { id: note.id, content: { ...SOAP, plan: '' } });
    const again = await call<Note>(c.app, 'notes.create', { caseId: c.caseId, sessionId: c.sessionId, template: 'dap' });
    expect(again).toMatchObject({ id: note.id, template: 'soap', content: { subjective: SOAP.subjective } });

    const signed = await call<Note>(c.app, 'notes.sign', { id: note.id, content: SOAP });
    expect(signed).toMatchObject({ status: 'signed', signedByName: COUNSELLOR.displayName, hashVerified: true, mayEdit: false, mayAddAddendum: true });
    expect(signed.contentSha256).toBe(sha(canonicalNoteText('soap', SOAP)));
    const { sessions } = await call<{ sessions: Array<{ id: number; noteId: number | null; noteStatus: string | null }> }>(c.app, 'sessions.list', { fromMs: Date.parse('2026-11-29T00:00:00Z'), toMs: Date.parse('2026-12-02T00:00:00Z') });
    expect(sessions.find((s) => s.id === c.sessionId)).toMatchObject({ noteId: note.id, noteStatus: 'signed' });
  });

  it('refuses an empty signature, sections of another template, and a session of another case', async () => {
    const c = await clinic();
    const note = await call<Note>(c.app, 'notes.create', { caseId: c.caseId, sessionId: null, template: 'free_text' });
    expect((await failure(c, 'notes.sign', { id: note.id, content: { text: '   ' } })).issues?.[0]).toMatchObject({ path: 'content', code: 'note_empty' });
    expect((await failure(c, 'notes.save', { id: note.id, content: { subjective: 'x' } })).issues?.[0]).toMatchObject({ code: 'sections_mismatch' });
    await signIn(c.app, ADMIN);
    const second = await assignedReferral(c.app, c.agencyId, c.counsellorId, { givenName: 'Wayan', familyName: 'Sudarta' });
    await signIn(c.app, COUNSELLOR);
    expect((await failure(c, 'notes.create', { caseId: second.caseId, sessionId: c.sessionId, template: 'soap' })).issues?.[0]).toMatchObject({ path: 'sessionId', code: 'session_not_of_case' });
  });

  it('never changes a signed note: the service refuses with NOTE_SIGNED, raw SQL is refused by the triggers, and corrections are signed addenda', async () => {
    const c = await clinic();
    const signed = await signedSoapNote(c);
    expect((await failure(c, 'notes.save', { id: signed.id, content: { ...SOAP, plan: 'changed' } })).code).toBe('NOTE_SIGNED');
    expect((await failure(c, 'notes.sign', { id: signed.id, content: SOAP })).code).toBe('NOTE_SIGNED');

    const addendum = await call<{ id: number; text: string; hashVerified: boolean; contentSha256: string }>(c.app, 'notes.addAddendum', { noteId: signed.id, text: 'Koreksi: rotasi shift pagi, bukan malam.' });
    expect(addendum).toMatchObject({ hashVerified: true, contentSha256: sha(canonicalAddendumText(signed.id, 'Koreksi: rotasi shift pagi, bukan malam.')) });
    const draft = await call<Note>(c.app, 'notes.create', { caseId: c.caseId, sessionId: null, template: 'free_text' });
    expect((await failure(c, 'notes.addAddendum', { noteId: draft.id, text: 'too early' })).issues?.[0]).toMatchObject({ code: 'addendum_needs_signed_note' });

    await signIn(c.app, ADMIN);
    await c.app.runAdminTask('test.raw_sql', async (session) => {
      const q = (sql: string) => session.dataSource.query(sql, [signed.id]);
      await expect(q(`UPDATE note SET content = '{"subjective":"x","objective":"","assessment":"","plan":""}' WHERE id = ?`)).rejects.toThrow(/signed note cannot change/);
      await expect(q('DELETE FROM note WHERE id = ?')).rejects.toThrow(/cannot be deleted/);
      await expect(q('UPDATE note_addendum SET text = text WHERE note_id = ?')).rejects.toThrow(/append-only/);
    });
    await signIn(c.app, COUNSELLOR);
    const reread = await call<Note>(c.app, 'notes.get', { id: signed.id });
    expect(reread).toMatchObject({ content: SOAP, hashVerified: true, addenda: [{ text: 'Koreksi: rotasi shift pagi, bukan malam.', hashVerified: true, signedByName: COUNSELLOR.displayName }] });
  });
});

describe('checking signatures', () => {
  it('vault verify recomputes every signature and names a note changed behind the triggers’ back', async () => {
    const c = await clinic();
    const signed = await signedSoapNote(c);
    await call(c.app, 'notes.addAddendum', { noteId: signed.id, text: 'Tambahan.' });
    await signIn(c.app, ADMIN);
    expect((await call<{ signatures: unknown }>(c.app, 'vault.verify', {})).signatures).toEqual({ notes: 1, addenda: 1, mismatchedNoteIds: [] });
    await c.app.runAdminTask('test.tamper', async (session) => {
      await session.dataSource.query('DROP TRIGGER note_signed_no_update');
      await session.dataSource.query(`UPDATE note SET content = json_set(content, '$.plan', 'Tidak perlu sesi lanjutan.') WHERE id = ?`, [signed.id]);
    });
    expect((await call<{ signatures: unknown }>(c.app, 'vault.verify', {})).signatures).toEqual({ notes: 1, addenda: 1, mismatchedNoteIds: [signed.id] });
    await signIn(c.app, COUNSELLOR);
    expect((await call<Note>(c.app, 'notes.get', { id: signed.id })).hashVerified).toBe(false);
  });
});

describe('who may read a note', () => {
  it('hides a note from another counsellor (audited), keeps drafts to their author, and lists notes without content', async () => {
    const c = await clinic();
    const signed = await signedSoapNote(c);
    const draft = await call<Note>(c.app, 'notes.create', { caseId: c.caseId, sessionId: null, template: 'free_text' });
    const { notes } = await call<{ notes: NoteSummary[] }>(c.app, 'notes.list', { clientId: c.clientId });
    expect(notes.map((n) => n.id).sort()).toEqual([signed.id, draft.id].sort());
    expect(notes[0]).not.toHaveProperty('content');

    await signIn(c.app, ADMIN);
    await addCounsellor(c.app, OTHER);
    const admins = await call<{ notes: NoteSummary[] }>(c.app, 'notes.list', { clientId: c.clientId });
    expect(admins.notes.map((n) => n.id)).toEqual([signed.id]); // metadata of signed notes; another's draft is not listed
    await signIn(c.app, OTHER);
    expect((await failure(c, 'notes.get', { id: signed.id })).code).toBe('NOT_FOUND');
    expect((await failure(c, 'notes.list', { clientId: c.clientId })).code).toBe('NOT_FOUND');
    expect((await failure(c, 'notes.addAddendum', { noteId: signed.id, text: 'x' })).code).toBe('NOT_FOUND');
    expect((await failure(c, 'notes.save', { id: draft.id, content: { text: 'x' } })).code).toBe('NOT_FOUND');
    expect((await failure(c, 'notes.create', { caseId: c.caseId, sessionId: null, template: 'free_text' })).code).toBe('NOT_FOUND');
    await signIn(c.app, ADMIN);
    const { entries } = await call<{ entries: Array<{ action: string; recordType: string; actorUsername: string }> }>(c.app, 'audit.list', { limit: 50 });
    expect(entries.filter((e) => e.action === 'access.denied' && e.actorUsername === OTHER.username).length).toBeGreaterThanOrEqual(4);
  });

  it('lets an admin open a note only through break-glass with a category and a reason, which the counsellor then sees on the note and at home', async () => {
    const c = await clinic();
    const signed = await signedSoapNote(c);
    await signIn(c.app, ADMIN);
    expect((await failure(c, 'notes.get', { id: signed.id })).code).toBe('BREAK_GLASS_REQUIRED');
    // A reason says something (15 characters, spaces aside), and comes with its category; each refusal names the field.
    const tooShort = await failure(c, 'notes.get', { id: signed.id, breakGlassCategory: 'supervision', breakGlassReason: '   checking    ' });
    expect(tooShort).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'breakGlassReason', code: 'too_small' }] });
    const noCategory = await failure(c, 'notes.get', { id: signed.id, breakGlassReason: 'Counsellor on leave; client called in crisis' });
    expect(noCategory).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'breakGlassCategory', code: 'required' }] });
    const badCategory = await failure(c, 'notes.get', { id: signed.id, breakGlassCategory: 'curiosity', breakGlassReason: 'Counsellor on leave; client called in crisis' });
    expect(badCategory).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'breakGlassCategory' }] });
    const opened = await call<Note>(c.app, 'notes.get', { id: signed.id, breakGlassCategory: 'client_at_risk', breakGlassReason: 'Counsellor on leave; client called in crisis' });
    expect(opened).toMatchObject({ content: SOAP, mayEdit: false, mayAddAddendum: false, breakGlass: [] });
    expect((await failure(c, 'notes.search', { query: 'cemas' })).code).toBe('FORBIDDEN'); // an admin searches nothing clinical

    await signIn(c.app, COUNSELLOR);
    const seen = await call<Note>(c.app, 'notes.get', { id: signed.id });
    expect(seen.breakGlass).toEqual([expect.objectContaining({ userName: ADMIN.displayName, category: 'client_at_risk', reason: 'Counsellor on leave; client called in crisis' })]);
    const home = await call<{ breakGlass: Array<{ noteId: number; userName: string }> }>(c.app, 'home.get', {});
    expect(home.breakGlass).toEqual([expect.objectContaining({ noteId: signed.id, userName: ADMIN.displayName, category: 'client_at_risk' })]);
    await signIn(c.app, ADMIN);
    const { entries } = await call<{ entries: Array<{ action: string; detail: Record<string, unknown> }> }>(c.app, 'audit.list', { action: 'note.break_glass' });
    expect(entries.map((e) => e.detail)).toEqual([expect.objectContaining({ category: 'client_at_risk' })]);
  });

  it('shows a counsellor their notes to sign, oldest first', async () => {
    const c = await clinic();
    const first = await call<Note>(c.app, 'notes.create', { caseId: c.caseId, sessionId: null, template: 'free_text' });
    c.clock.advance(60_000);
    const second = await call<Note>(c.app, 'notes.create', { caseId: c.caseId, sessionId: c.sessionId, template: 'birp' });
    const signed = await call<Note>(c.app, 'notes.create', { caseId: c.caseId, sessionId: null, template: 'dap' });
    await call(c.app, 'notes.sign', { id: signed.id, content: { data: 'x', assessment: '', plan: '' } });
    const home = await call<{ notesToSign: NoteSummary[] }>(c.app, 'home.get', {});
    expect(home.notesToSign.map((n) => n.id)).toEqual([first.id, second.id]);
  });
});

describe('risk flags', () => {
  it('raises a flag with a signed note, replaces it when raised again, shows it on the session and when its review is due, and clears it with a note', async () => {
    const c = await clinic();
    const raise = (level: string, reviewDate: string) =>
      call<RiskFlag>(c.app, 'risks.raise', { clientId: c.clientId, caseId: c.caseId, kind: 'suicide_self_harm', level, reviewDate, note: 'Passive ideation disclosed; safety plan agreed.' });
    expect((await failure(c, 'risks.raise', { clientId: c.clientId, caseId: c.caseId, kind: 'safeguarding', level: 'low', reviewDate: '2026-11-27', note: 'x' })).issues?.[0]).toMatchObject({ path: 'reviewDate', code: 'review_date_past' });
    expect((await failure(c, 'risks.raise', { clientId: c.clientId, caseId: c.caseId, kind: 'safeguarding', level: 'low', reviewDate: '2026-12-01', note: ' ' })).code).toBe('VALIDATION');
    const medium = await raise('medium', '2026-11-28');
    const raisedNote = await call<Note>(c.app, 'notes.get', { id: medium.raisedNoteId });
    expect(raisedNote).toMatchObject({ status: 'signed', template: 'free_text', hashVerified: true, content: { text: 'Passive ideation disclosed; safety plan agreed.' } });
    const high = await raise('high', '2026-12-05');
    const { flags } = await call<{ flags: RiskFlag[] }>(c.app, 'risks.list', { clientId: c.clientId, includeCleared: true });
    expect(flags.map((f) => [f.id, f.level, f.clearedAt !== null])).toEqual([
      [high.id, 'high', false],
      [medium.id, 'medium', true],
    ]);
    const { sessions } = await call<{ sessions: Array<{ id: number; riskLevel: string | null }> }>(c.app, 'sessions.list', { fromMs: Date.parse('2026-11-29T00:00:00Z'), toMs: Date.parse('2026-12-02T00:00:00Z') });
    expect(sessions[0]!.riskLevel).toBe('high');

    expect((await call<{ reviewsDue: RiskFlag[] }>(c.app, 'home.get', {})).reviewsDue).toEqual([]);
    c.clock.advance(8 * 86_400_000);
    expect((await call<{ reviewsDue: RiskFlag[] }>(c.app, 'home.get', {})).reviewsDue.map((f) => f.id)).toEqual([high.id]);

    const cleared = await call<RiskFlag>(c.app, 'risks.clear', { id: high.id, caseId: c.caseId, note: 'Safety plan reviewed; no current ideation.' });
    expect(cleared).toMatchObject({ clearedByName: COUNSELLOR.displayName });
    expect((await call<{ flags: RiskFlag[] }>(c.app, 'risks.list', { clientId: c.clientId })).flags).toEqual([]);
    expect((await failure(c, 'risks.clear', { id: high.id, caseId: c.caseId, note: 'again' })).issues?.[0]).toMatchObject({ code: 'flag_already_cleared' });

    await signIn(c.app, ADMIN);
    await addCounsellor(c.app, OTHER);
    await signIn(c.app, OTHER);
    expect((await failure(c, 'risks.list', { clientId: c.clientId })).code).toBe('NOT_FOUND');
  });
});
