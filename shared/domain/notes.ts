/**
 * Case-note vocabulary (issue 5): the templates and their sections, risk flags, and the
 * canonical text a signature's SHA-256 is taken over. Pure: the service, the schema's
 * CHECKs and the note editor all read these.
 */

export const NOTE_TEMPLATES = ['soap', 'dap', 'birp', 'free_text', 'intake_assessment', 'closing_summary'] as const;
export type NoteTemplate = (typeof NOTE_TEMPLATES)[number];

/** Each template's sections, in the order the editor shows them. */
export const TEMPLATE_SECTIONS: Record<NoteTemplate, readonly string[]> = {
  soap: ['subjective', 'objective', 'assessment', 'plan'],
  dap: ['data', 'assessment', 'plan'],
  birp: ['behaviour', 'intervention', 'response', 'plan'],
  free_text: ['text'],
  intake_assessment: ['presenting_problem', 'history', 'work_situation', 'risk_screen', 'strengths', 'plan'],
  closing_summary: ['outcome', 'closure_reason', 'onward_referrals'],
};

/** What a note is about: one session, or the case as a whole (a phone contact, a supervisor consultation). */
export const NOTE_SUBJECTS = ['session', 'case'] as const;
export type NoteSubject = (typeof NOTE_SUBJECTS)[number];

export const RISK_KINDS = ['suicide_self_harm', 'risk_to_others', 'safeguarding'] as const;
export type RiskKind = (typeof RISK_KINDS)[number];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** A note's content: the text of each section of its template. */
export type NoteContent = Record<string, string>;

/** Whether `content` has exactly the template's sections, each a string. */
export function fitsTemplate(template: NoteTemplate, content: unknown): content is NoteContent {
  if (typeof content !== 'object' || content === null || Array.isArray(content)) return false;
  const keys = Object.keys(content);
  const sections = TEMPLATE_SECTIONS[template];
  return keys.length === sections.length && sections.every((s) => typeof (content as Record<string, unknown>)[s] === 'string');
}

/**
 * The exact text a signature covers: the template, then each section in the template's
 * order with its text, as JSON. The same content always gives the same text, whatever
 * order its keys were stored in, so a stored hash can be checked again years later.
 */
export function canonicalNoteText(template: NoteTemplate, content: NoteContent): string {
  return JSON.stringify([template, ...TEMPLATE_SECTIONS[template].map((section) => [section, (content[section] ?? '').normalize('NFC')])]);
}

/** The longest a section of a note may be (characters): long enough for any session, short enough that one note cannot swamp the vault. */
export const NOTE_TEXT_MAX = 20_000;
export const ADDENDUM_TEXT_MAX = 5_000;

/** Whether any section has text: an empty note is never signed. */
export function hasAnyText(content: NoteContent): boolean {
  return Object.values(content).some((text) => text.trim().length > 0);
}

/** The content a template starts with: every section, empty. */
export function emptyContent(template: NoteTemplate): NoteContent {
  return Object.fromEntries(TEMPLATE_SECTIONS[template].map((s) => [s, '']));
}

/** Risk flags are ordered by how urgent they are: the highest level first. */
export function riskLevelRank(level: RiskLevel): number {
  return RISK_LEVELS.indexOf(level);
}

/** The exact text an addendum's signature covers: which note it corrects, and what it says. */
export function canonicalAddendumText(noteId: number, text: string): string {
  return JSON.stringify(['addendum', noteId, text.normalize('NFC')]);
}

/**
 * What a person typed in the search box, as an FTS5 query: each word a quoted prefix term
 * (so "cem" finds "cemas" and operators typed by accident stay words), all required.
 * Null when nothing searchable is left.
 */
export function noteSearchQuery(typed: string): string | null {
  const words = typed.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}
