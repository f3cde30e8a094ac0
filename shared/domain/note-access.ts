/**
 * Whose notes a counsellor may read (issue 11, part 3). One rule, written once here as a
 * pure function; `services/caseload.ts` holds its SQL form for lists and search and loads
 * what this function needs for a single note. Admins are not under this rule: they keep no
 * caseload and read clinical content only through break-glass.
 *
 * The rule:
 *  - A counsellor reads the notes of the cases they hold or held, and their own notes anywhere.
 *  - While they hold an open case for a client, they also read that client's earlier notes
 *    from closed cases (continuity of care; the first opening is audited).
 *  - They never read notes from another counsellor's case that is open, or that opened after
 *    their own case closed.
 *
 * What the words mean here:
 *  - "Hold or held": the case's counsellor (`client_case.counsellor_id`). No channel ever
 *    changes it: a case is not handed over; a transfer closes it (reason "transferred") and
 *    a new referral opens a new case. So "held" needs no history.
 *  - "Open" and "closed": whether the case has a closing date now, at the time of reading
 *    (a closing date is never in the future: the service refuses one).
 *  - Continuity is granted only WHILE the viewer holds an open case for the client, and it
 *    reaches every closed case of that client, whenever it ran: "earlier notes" are the
 *    notes of cases that are over. It ends when the viewer's case closes.
 *  - "Opened after their own case closed" is then already excluded: a viewer whose cases for
 *    the client are all closed reads nothing of another counsellor's cases, later or earlier.
 *    A viewer who held a closed case and now holds an open one reads through the open one:
 *    a case that ran between the two is the client's history they are now treating.
 *  - A draft is its author's alone, whatever the case (the rule speaks of notes; a draft is
 *    not yet one).
 *
 * The decision table (V the viewer, n a note on case K of client X):
 *
 *  | n's status | n's author | K                       | V's cases for X          | V reads n | ground       |
 *  |------------|------------|-------------------------|--------------------------|-----------|--------------|
 *  | draft      | V          | any                     | any                      | yes       | own note     |
 *  | draft      | not V      | any                     | any                      | no        |              |
 *  | signed     | V          | any                     | any                      | yes       | own note     |
 *  | signed     | not V      | V's (open or closed)    | any                      | yes       | own case     |
 *  | signed     | not V      | another's, open         | any                      | no        |              |
 *  | signed     | not V      | another's, closed       | at least one open        | yes       | continuity   |
 *  | signed     | not V      | another's, closed       | none open (or no case)   | no        |              |
 */

export type NoteReadGround = 'own_note' | 'own_case' | 'continuity';

/** A case as the rule sees it. */
export interface CaseForAccess {
  counsellorId: number;
  closedDate: string | null;
}

/** A note as the rule sees it, with its case. */
export interface NoteForAccess {
  authorUserId: number;
  status: 'draft' | 'signed';
  noteCase: CaseForAccess;
}

/** Whether the viewer holds an open case among their cases for the client. */
export function holdsOpenCase(viewerCasesOfClient: readonly CaseForAccess[]): boolean {
  return viewerCasesOfClient.some((kase) => kase.closedDate === null);
}

/**
 * Whether counsellor `viewerId` may read the records of case `kase` written by others (its
 * signed notes, its documents), given the viewer's own cases for the same client, and why.
 */
export function caseReadGround(viewerId: number, kase: CaseForAccess, viewerCasesOfClient: readonly CaseForAccess[]): 'own_case' | 'continuity' | null {
  if (kase.counsellorId === viewerId) return 'own_case';
  if (kase.closedDate === null) return null; // another counsellor's open case: never
  return holdsOpenCase(viewerCasesOfClient) ? 'continuity' : null;
}

/**
 * Why counsellor `viewerId` may read note `note`, or null when they may not (then the note
 * is "not found", like a missing one). `viewerCasesOfClient` are the viewer's cases for the
 * note's client (open and closed).
 */
export function noteReadGround(viewerId: number, note: NoteForAccess, viewerCasesOfClient: readonly CaseForAccess[]): NoteReadGround | null {
  if (note.authorUserId === viewerId) return 'own_note';
  if (note.status === 'draft') return null;
  return caseReadGround(viewerId, note.noteCase, viewerCasesOfClient);
}

/** The predicate: may counsellor `viewerId` read this note? */
export function mayReadNote(viewerId: number, note: NoteForAccess, viewerCasesOfClient: readonly CaseForAccess[]): boolean {
  return noteReadGround(viewerId, note, viewerCasesOfClient) !== null;
}

/**
 * Whether the viewer may add an addendum to this note: a signed note of their own, or of a
 * case they hold or held. A note read through continuity of care is read, never corrected:
 * an addendum there would show the case's counsellor words written after their case closed.
 */
export function mayAddAddendumTo(viewerId: number, note: NoteForAccess, viewerCasesOfClient: readonly CaseForAccess[]): boolean {
  const ground = noteReadGround(viewerId, note, viewerCasesOfClient);
  return note.status === 'signed' && (ground === 'own_note' || ground === 'own_case');
}

/**
 * A document attached to a case follows the case's notes: the viewer reads it when they
 * added it, or may read the case's records. (A document on the client, with no case,
 * follows the client record's rule instead.)
 */
export function mayReadCaseDocument(viewerId: number, document: { addedByUserId: number; documentCase: CaseForAccess }, viewerCasesOfClient: readonly CaseForAccess[]): boolean {
  return document.addedByUserId === viewerId || caseReadGround(viewerId, document.documentCase, viewerCasesOfClient) !== null;
}
