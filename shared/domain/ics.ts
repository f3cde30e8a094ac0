import { createEvent, createEvents, type EventAttributes } from 'ics';

/**
 * The iCalendar (RFC 5545) text of a calendar export (issue 4, "Exports"), built with the
 * `ics` package. Pure: it knows nothing of sessions or clients; the export service
 * decides what each event may say (client codes, never names).
 */

/** One event as the export hands it over: times are UTC instants in milliseconds. */
export interface IcsEvent {
  /** Stable across exports, so a calendar app updates the event instead of adding a copy. */
  uid: string;
  startMs: number;
  endMs: number;
  title: string;
  location: string;
  description: string;
  /** CANCELLED makes calendar apps that already hold the event remove or strike it. */
  status: 'CONFIRMED' | 'CANCELLED';
  url?: string;
  /** Grows with each change of the event: some apps (Outlook) ignore an update whose SEQUENCE did not grow. */
  sequence?: number;
}

export interface IcsCalendar {
  /** Shown by calendar apps as the calendar's name (X-WR-CALNAME). */
  name: string;
  /** When the file was made (DTSTAMP of every event); passed in so the text is reproducible. */
  stampMs: number;
  events: readonly IcsEvent[];
}

export const ICS_PRODUCT_ID = '-//Tenang//Calendar export//EN';

/** RFC 5545 3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
export const ICS_MAX_LINE_OCTETS = 75;

/** The `.ics` text: VCALENDAR with one VEVENT per event, times in UTC, CRLF line ends. */
export function buildIcsCalendar(calendar: IcsCalendar): string {
  const acceptedUrls = new Map<string, boolean>();
  const events = calendar.events.map((event) => eventAttributes(event, calendar.stampMs, acceptedUrls));
  const built = createEvents(events, { productId: ICS_PRODUCT_ID, method: 'PUBLISH', calName: escapeText(plainText(calendar.name)) });
  // The library's error carries the rejected event, titles included: never pass it on.
  if (built.error || built.value === null) throw new Error('The calendar file could not be built.');
  return refoldByOctets(built.value);
}

function eventAttributes(event: IcsEvent, stampMs: number, acceptedUrls: Map<string, boolean>): EventAttributes {
  const url = event.url === undefined ? undefined : usableUrl(event.url, acceptedUrls);
  return {
    uid: event.uid,
    start: event.startMs,
    startInputType: 'utc',
    startOutputType: 'utc',
    end: event.endMs,
    endInputType: 'utc',
    endOutputType: 'utc',
    title: plainText(event.title),
    location: plainText(event.location),
    description: plainText(event.description),
    status: event.status,
    // A counselling appointment is private even in a calendar shared with colleagues:
    // apps that honour CLASS show others only that the time is busy.
    classification: 'PRIVATE',
    busyStatus: event.status === 'CANCELLED' ? 'FREE' : 'BUSY',
    transp: event.status === 'CANCELLED' ? 'TRANSPARENT' : 'OPAQUE',
    ...(url ? { url } : {}),
    ...(event.sequence !== undefined ? { sequence: event.sequence } : {}),
    // Not in the package's types, but read by it: the DTSTAMP, otherwise the current time.
    ...({ timestamp: stampMs } as object),
  };
}

/**
 * The URL as the package accepts it, or none. Its own pattern is stricter than a URL
 * parser (no upper case in the scheme, for one): a link it refuses would fail the whole
 * file, so such an event goes without its URL rather than the export without its events.
 */
function usableUrl(link: string, accepted: Map<string, boolean>): string | undefined {
  let normalised: string;
  try {
    const parsed = new URL(link.trim());
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    normalised = parsed.href;
  } catch {
    return undefined;
  }
  let ok = accepted.get(normalised);
  if (ok === undefined) {
    ok = createEvent({ start: Date.UTC(2000, 0, 1), startInputType: 'utc', duration: { minutes: 1 }, url: normalised }).error === null;
    accepted.set(normalised, ok);
  }
  return ok ? normalised : undefined;
}

/**
 * Text the package can escape safely. It escapes `\`, `;`, `,` and LF or CRLF, but would
 * write a lone CR or another control character raw, and either breaks the file's lines.
 * Lone surrogates (not encodable in UTF-8) become U+FFFD.
 */
export function plainText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ' ')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** RFC 5545 TEXT escaping, for the calendar name, which the package writes unescaped. */
function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/;/g, '\\;').replace(/,/g, '\\,');
}

/**
 * The package folds lines at 75 characters, which is more than 75 octets as soon as a
 * line holds non-ASCII text (an Indonesian room name, "·"). Unfold its lines and fold
 * again at 75 octets, never inside a UTF-8 sequence; continuation lines start with a space.
 */
function refoldByOctets(text: string): string {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  return lines.map((line) => (line === '' ? line : foldLine(line))).join('\r\n');
}

function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = ICS_MAX_LINE_OCTETS;
  for (const char of line) {
    const size = utf8Octets(char);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      // The leading space of a continuation line counts towards its 75 octets.
      limit = ICS_MAX_LINE_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function utf8Octets(char: string): number {
  const codePoint = char.codePointAt(0)!;
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}
