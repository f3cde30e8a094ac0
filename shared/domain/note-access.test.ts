import { describe, expect, it } from 'vitest';
import { caseReadGround, mayAddAddendumTo, mayReadCaseDocument, mayReadNote, noteReadGround, type CaseForAccess, type NoteForAccess } from './note-access';

const V = 1; // the viewer
const A = 2; // another counsellor
const OPEN = null;

const kase = (counsellorId: number, closedDate: string | null = OPEN): CaseForAccess => ({ counsellorId, closedDate });
const note = (authorUserId: number, status: 'draft' | 'signed', noteCase: CaseForAccess): NoteForAccess => ({ authorUserId, status, noteCase });

describe('whose notes a counsellor reads: the decision table', () => {
  const viewersOpenCase = kase(V);
  const viewersClosedCase = kase(V, '2026-03-31');

  // One row per line of the table in note-access.ts: [what, note, the viewer's cases for the client, ground].
  const table: Array<[string, NoteForAccess, CaseForAccess[], ReturnType<typeof noteReadGround>]> = [
    ['their own draft', note(V, 'draft', viewersOpenCase), [viewersOpenCase], 'own_note'],
    ['another’s draft, even on the viewer’s own case', note(A, 'draft', viewersOpenCase), [viewersOpenCase], null],
    ['another’s draft on a closed case, viewer holding an open one', note(A, 'draft', kase(A, '2026-01-31')), [viewersOpenCase], null],
    ['their own signed note on another’s open case', note(V, 'signed', kase(A)), [], 'own_note'],
    ['a signed note of their open case', note(A, 'signed', viewersOpenCase), [viewersOpenCase], 'own_case'],
    ['a signed note of the case they held, now closed', note(A, 'signed', viewersClosedCase), [viewersClosedCase], 'own_case'],
    ['another counsellor’s open case, viewer holding an open case too', note(A, 'signed', kase(A)), [viewersOpenCase], null],
    ['another counsellor’s open case, viewer’s case closed', note(A, 'signed', kase(A)), [viewersClosedCase], null],
    ['another counsellor’s closed case, viewer holding an open case', note(A, 'signed', kase(A, '2026-01-31')), [viewersOpenCase], 'continuity'],
    ['another’s closed case, viewer holding a closed and an open case', note(A, 'signed', kase(A, '2026-06-30')), [viewersClosedCase, viewersOpenCase], 'continuity'],
    ['another’s closed case, viewer’s cases all closed', note(A, 'signed', kase(A, '2026-06-30')), [viewersClosedCase], null],
    ['another’s closed case that opened after the viewer’s closed', note(A, 'signed', kase(A, '2026-09-30')), [viewersClosedCase], null],
    ['another’s closed case, viewer with no case for the client', note(A, 'signed', kase(A, '2026-01-31')), [], null],
  ];

  it.each(table)('%s', (_what, n, viewerCases, ground) => {
    expect(noteReadGround(V, n, viewerCases)).toBe(ground);
    expect(mayReadNote(V, n, viewerCases)).toBe(ground !== null);
  });

  it('lets the viewer correct only notes of their own or of their own cases, never one read through continuity', () => {
    expect(mayAddAddendumTo(V, note(V, 'signed', viewersOpenCase), [viewersOpenCase])).toBe(true);
    expect(mayAddAddendumTo(V, note(A, 'signed', viewersClosedCase), [viewersClosedCase])).toBe(true);
    expect(mayAddAddendumTo(V, note(A, 'signed', kase(A, '2026-01-31')), [viewersOpenCase])).toBe(false);
    expect(mayAddAddendumTo(V, note(V, 'draft', viewersOpenCase), [viewersOpenCase])).toBe(false); // a draft is still edited
  });

  it('reads a case’s documents by the same rule, and always the ones the viewer added', () => {
    expect(caseReadGround(V, kase(A, '2026-01-31'), [viewersOpenCase])).toBe('continuity');
    expect(mayReadCaseDocument(V, { addedByUserId: A, documentCase: kase(A, '2026-01-31') }, [viewersOpenCase])).toBe(true);
    expect(mayReadCaseDocument(V, { addedByUserId: A, documentCase: kase(A) }, [viewersOpenCase])).toBe(false);
    expect(mayReadCaseDocument(V, { addedByUserId: A, documentCase: kase(A, '2026-01-31') }, [viewersClosedCase])).toBe(false);
    expect(mayReadCaseDocument(V, { addedByUserId: V, documentCase: kase(A) }, [])).toBe(true);
  });
});
