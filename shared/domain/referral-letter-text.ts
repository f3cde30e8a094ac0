import { DateTime } from 'luxon';
import en from '../i18n/en.json' with { type: 'json' };
import id from '../i18n/id.json' with { type: 'json' };
import type { Language } from '../settings';
import type { LetterFacts } from './referral-letter';

/**
 * The words of a letter to the referrer, from its facts and nothing else, in English or
 * Indonesian. The PDF lays these blocks out and the app's preview shows the same blocks,
 * so what the admin checks is what the referrer reads. Pure: runs in the services and in
 * the renderer alike.
 */
export interface LetterBlock {
  kind: 'heading' | 'text' | 'item';
  text: string;
}

const STRINGS = { en: en.referralLetter.letter, id: id.referralLetter.letter } as const;
const LOCALES: Record<Language, string> = { en: 'en-GB', id: 'id-ID' };

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A calendar date (`YYYY-MM-DD`) written out: "3 November 2026". */
export function letterDay(date: string, language: Language): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).setLocale(LOCALES[language]).toFormat('d MMMM yyyy');
}

/** A month (`YYYY-MM`) written out: "November 2026". */
export function letterMonth(month: string, language: Language): string {
  return DateTime.fromISO(`${month}-01`, { zone: 'UTC' }).setLocale(LOCALES[language]).toFormat('MMMM yyyy');
}

export function letterBlocks(facts: LetterFacts): LetterBlock[] {
  const language = facts.language;
  const s = STRINGS[language];
  const withCompliance = facts.consentLevel === 'attendance_and_compliance';
  const blocks: LetterBlock[] = [
    { kind: 'heading', text: facts.clinicName },
    { kind: 'text', text: letterDay(facts.writtenOn, language) },
    { kind: 'text', text: fill(s.to, { name: facts.referrerName }) },
    { kind: 'heading', text: fill(withCompliance ? s.subjectCompliance : s.subjectAttendance, { client: facts.clientName }) },
    { kind: 'text', text: fill(s.greeting, { name: facts.referrerName }) },
    {
      kind: 'text',
      text: fill(withCompliance ? s.consentCompliance : s.consent, { client: facts.clientName, given: letterDay(facts.consentDate, language), expiry: letterDay(facts.consentExpiry, language) }),
    },
    { kind: 'heading', text: s.attendanceHeading },
  ];
  const attendance = facts.attendance;
  const lines =
    attendance.dating === 'month'
      ? attendance.months.map((m) => fill(m.sessions === 1 ? s.monthLine_one : s.monthLine_other, { count: m.sessions, month: letterMonth(m.month, language) }))
      : attendance.days.map((day) => letterDay(day, language));
  if (lines.length === 0) blocks.push({ kind: 'text', text: s.noSessions });
  for (const line of lines) blocks.push({ kind: 'item', text: line });
  if (withCompliance) {
    const compliance = facts.compliance ?? null;
    blocks.push({ kind: 'heading', text: s.complianceHeading });
    blocks.push({
      kind: 'text',
      text: compliance === null ? s.complianceNotRecorded : fill(compliance.followed ? s.complianceYes : s.complianceNo, { date: letterDay(compliance.recordedOn, language) }),
    });
  }
  blocks.push({ kind: 'text', text: s.confidential }, { kind: 'text', text: s.closing }, { kind: 'text', text: facts.clinicName });
  return blocks;
}
