import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildIcsCalendar, ICS_MAX_LINE_OCTETS, plainText, type IcsEvent } from './ics';

const STAMP = Date.UTC(2026, 10, 28, 2, 0);
const octets = (line: string) => new TextEncoder().encode(line).length;

function event(id: number, fields: Partial<IcsEvent> = {}): IcsEvent {
  const startMs = Date.UTC(2026, 11, 1, 2, 0) + id * 3_600_000;
  return {
    uid: `session-${id}@tenang.local`,
    startMs,
    endMs: startMs + 50 * 60_000,
    title: `Counselling · TN-2026-${String(id).padStart(6, '0')}`,
    location: 'Ruang Melati',
    description: 'In person\nScheduled',
    status: 'CONFIRMED',
    ...fields,
  };
}

/** The lines of the file as a calendar app reads them: CRLF ends, continuation lines joined. */
function unfoldedLines(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter((l) => l !== '');
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Each VEVENT's properties by name (parameters dropped), its TEXT values unescaped. */
function parseEvents(ics: string): Array<Record<string, string>> {
  const events: Array<Record<string, string>> = [];
  let current: Record<string, string> | null = null;
  for (const line of unfoldedLines(ics)) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).split(';')[0]!;
      current[name] = unescapeText(line.slice(colon + 1));
    }
  }
  return events;
}

const count = (text: string, line: string) => text.split('\r\n').filter((l) => l === line).length;

describe('buildIcsCalendar', () => {
  it('writes one VEVENT per event in a VCALENDAR, in UTC, with stable UIDs and CRLF line ends', () => {
    const ics = buildIcsCalendar({ name: 'Tenang · Budi Santoso', stampMs: STAMP, events: [event(1), event(2, { status: 'CANCELLED' })] });
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(count(ics, 'BEGIN:VEVENT')).toBe(2);
    expect(count(ics, 'END:VEVENT')).toBe(2);
    expect(ics).toContain('PRODID:-//Tenang//Calendar export//EN\r\n');
    expect(ics).toContain('X-WR-CALNAME:Tenang · Budi Santoso\r\n');

    const [first, second] = parseEvents(ics);
    expect(first).toMatchObject({
      UID: 'session-1@tenang.local',
      DTSTART: '20261201T030000Z',
      DTEND: '20261201T035000Z',
      DTSTAMP: '20261128T020000Z',
      SUMMARY: 'Counselling · TN-2026-000001',
      LOCATION: 'Ruang Melati',
      DESCRIPTION: 'In person\nScheduled',
      STATUS: 'CONFIRMED',
      CLASS: 'PRIVATE',
      TRANSP: 'OPAQUE',
    });
    expect(second).toMatchObject({ UID: 'session-2@tenang.local', STATUS: 'CANCELLED', TRANSP: 'TRANSPARENT' });
    expect(first!.URL).toBeUndefined();
    // Same input, same text: the UID does not change from one export to the next.
    expect(buildIcsCalendar({ name: 'Tenang · Budi Santoso', stampMs: STAMP, events: [event(1), event(2, { status: 'CANCELLED' })] })).toBe(ics);
  });

  it('is a valid empty calendar when there are no events', () => {
    const ics = buildIcsCalendar({ name: 'Empty', stampMs: STAMP, events: [] });
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
    expect(ics).not.toContain('BEGIN:VEVENT');
  });

  it('escapes commas, semicolons, backslashes and line breaks, in the calendar name too', () => {
    const ics = buildIcsCalendar({
      name: 'Santoso, Budi; clinic',
      stampMs: STAMP,
      events: [event(1, { title: 'a,b;c\\d\ne', location: 'Ruang 1, lantai 2', description: 'line one\r\nline two\rline three' })],
    });
    expect(ics).toContain('X-WR-CALNAME:Santoso\\, Budi\\; clinic\r\n');
    expect(unfoldedLines(ics)).toContain('SUMMARY:a\\,b\\;c\\\\d\\ne');
    expect(unfoldedLines(ics)).toContain('LOCATION:Ruang 1\\, lantai 2');
    expect(parseEvents(ics)[0]).toMatchObject({ DESCRIPTION: 'line one\nline two\nline three' });
  });

  it('folds long lines at 75 octets, never inside a UTF-8 character, and they unfold to the original', () => {
    const title = `Konseling · ${'ruang bersama — lantai dua · '.repeat(8)}`;
    const ics = buildIcsCalendar({ name: 'Tenang', stampMs: STAMP, events: [event(1, { title, location: 'Ruang Anggrek — sayap timur, gedung utama klinik konseling harapan jiwa' })] });
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(ICS_MAX_LINE_OCTETS);
    // More than one continuation line: the title alone is several hundred octets.
    expect(ics.split('\r\n').filter((l) => l.startsWith(' ')).length).toBeGreaterThan(3);
    expect(ics).not.toContain('\uFFFD');
    expect(parseEvents(ics)[0]!.SUMMARY).toBe(title);
  });

  it('gives a video link as the URL, normalised, and drops one that is not an http(s) address rather than fail the file', () => {
    const ics = buildIcsCalendar({
      name: 'Tenang',
      stampMs: STAMP,
      events: [event(1, { url: 'HTTPS://Meet.Example.com/Room-42?pwd=x' }), event(2, { url: 'javascript:alert(1)' }), event(3, { url: 'not a link' })],
    });
    const [video, script, garbage] = parseEvents(ics);
    expect(video!.URL).toBe('https://meet.example.com/Room-42?pwd=x');
    expect(script!.URL).toBeUndefined();
    expect(garbage!.URL).toBeUndefined();
  });

  it('writes SEQUENCE when given, so calendar apps take a later export as an update', () => {
    const [ev] = parseEvents(buildIcsCalendar({ name: 'Tenang', stampMs: STAMP, events: [event(1, { sequence: 3 })] }));
    expect(ev!.SEQUENCE).toBe('3');
  });

  it('keeps its structure whatever the text holds (property)', () => {
    // Text rich in what could break a line-based format: separators, escapes, line breaks, control characters, non-ASCII.
    const nasty = fc.string({
      unit: fc.oneof(
        fc.constantFrom(',', ';', ':', '\\', '\n', '\r', '\r\n', '\t', '\u0000', '\u001b', '\u007f', 'BEGIN:VEVENT', 'END:VCALENDAR', '·', 'é', '—', '😀', '\uD800'),
        fc.string({ minLength: 1, maxLength: 1 }),
      ),
      maxLength: 120,
    });
    fc.assert(
      fc.property(fc.array(fc.record({ title: nasty, location: nasty, description: nasty, cancelled: fc.boolean() }), { maxLength: 6 }), nasty, (texts, name) => {
        const events = texts.map((t, i) => event(i, { title: t.title, location: t.location, description: t.description, status: t.cancelled ? 'CANCELLED' : 'CONFIRMED' }));
        const ics = buildIcsCalendar({ name, stampMs: STAMP, events });
        const physical = ics.split('\r\n');
        expect(physical.at(-1)).toBe('');
        expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
        for (const line of physical) expect(octets(line)).toBeLessThanOrEqual(ICS_MAX_LINE_OCTETS);
        expect(count(ics, 'BEGIN:VCALENDAR')).toBe(1);
        expect(count(ics, 'END:VCALENDAR')).toBe(1);
        expect(count(ics, 'BEGIN:VEVENT')).toBe(events.length);
        expect(count(ics, 'END:VEVENT')).toBe(events.length);
        const parsed = parseEvents(ics);
        expect(parsed).toHaveLength(events.length);
        parsed.forEach((p, i) => {
          // What a calendar app reads back is the text given, bar control characters.
          expect(p.SUMMARY ?? '').toBe(plainText(texts[i]!.title));
          expect(p.LOCATION ?? '').toBe(plainText(texts[i]!.location));
          expect(p.DESCRIPTION ?? '').toBe(plainText(texts[i]!.description));
          expect(p.UID).toBe(`session-${i}@tenang.local`);
        });
      }),
      { numRuns: 200 },
    );
  });
});
