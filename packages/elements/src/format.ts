/** Locale-aware formatting helpers shared by the elements (display only; no domain rule). */
import { CimError } from '@creator-im/sdk';

/**
 * What to tell the creator about a failed action: a CimError's message, or the error as text. It
 * may quote the server: cut to 500 characters, bidi controls removed.
 */
export function errorMessage(error: unknown): string {
  return clip(error instanceof CimError ? error.message : String(error), 500);
}

// Building an Intl formatter costs tens of ms the first time: one instance per kind, locale and options.
const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cachedFormat<F extends Intl.DateTimeFormat | Intl.NumberFormat, O>(kind: string, locale: string | undefined, options: O, make: () => F): F {
  const key = `${kind}|${locale ?? ''}|${JSON.stringify(options)}`;
  let format = formats.get(key) as F | undefined;
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}
function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cachedFormat('date', locale, options, () => new Intl.DateTimeFormat(locale, options));
}

const DAY = 24 * 3600_000;

/** Calendar days between two instants in the creator's time zone (0 = same day, 1 = yesterday). */
export function daysBetween(earlier: Date, later: Date): number {
  const a = Date.UTC(earlier.getFullYear(), earlier.getMonth(), earlier.getDate());
  const b = Date.UTC(later.getFullYear(), later.getMonth(), later.getDate());
  return Math.round((b - a) / DAY);
}

/** A key that is equal for two instants on the same local calendar day. */
export function dayKey(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

/** "14:05" today, "Mon" within the last week, "Nov 3" this year, "Nov 3, 2025" before (list rows). */
export function formatTime(iso: string, now = Date.now(), locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const days = daysBetween(date, new Date(now));
  if (days <= 0) return formatClock(iso, locale);
  if (days < 7) return dateFormat(locale, { weekday: 'short' }).format(date);
  if (new Date(now).getFullYear() === date.getFullYear()) return dateFormat(locale, { month: 'short', day: 'numeric' }).format(date);
  return dateFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' }).format(date);
}

/**
 * Builds the list rows' date formats ahead of time (the first one also initialises ICU, tens of ms):
 * called while the first page is on the network, so the first row does not pay for it.
 */
export function warmFormats(locale?: string, now = Date.now()): void {
  for (const days of [0, 3, 40, 400]) formatTime(new Date(now - days * DAY).toISOString(), now, locale);
}

/** The time of day, "14:05" (message meta). */
export function formatClock(iso: string, locale?: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dateFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(date);
}

/**
 * A day separator's label: `today` / `yesterday` (the caller words them), else the weekday and date
 * ("Monday, November 3"), with the year when it is not the current one.
 */
export function formatDay(iso: string, now = Date.now(), locale?: string): 'today' | 'yesterday' | string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const days = daysBetween(date, new Date(now));
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  const sameYear = new Date(now).getFullYear() === date.getFullYear();
  return dateFormat(locale, sameYear ? { weekday: 'long', month: 'long', day: 'numeric' } : { year: 'numeric', month: 'long', day: 'numeric' }).format(date);
}

/** The full date and time, for a message's tooltip and screen readers. */
export function formatDateTime(iso: string, locale?: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cachedFormat('number', locale, options, () => new Intl.NumberFormat(locale, options));
}

/** "$12.50". */
export function formatPrice(price: { amount: number; currency: string }, locale?: string): string {
  try {
    return numberFormat(locale, { style: 'currency', currency: price.currency }).format(price.amount);
  } catch {
    return `${price.amount} ${price.currency}`;
  }
}

/** "15%". */
export function formatPercent(rate: number, locale?: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** An unread badge's text: the count, "99+" above 99 (screen readers get the exact count beside it). */
export const badgeCount = (count: number): string => (count > 99 ? '99+' : String(count));

/** Only http(s) URLs may become links or image sources; anything else (javascript:, data:) is dropped. */
export function safeUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    // The SDK resolves media URLs against the API; a relative one here would wrongly be the page's.
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** Initials for an avatar placeholder. */
export function initials(name: string): string {
  const words = clip(name, 200).trim().split(/\s+/).filter(Boolean);
  return (words.length > 1 ? [...words[0]!][0]! + [...words[1]!][0]! : [...(words[0] ?? '?')].slice(0, 2).join('')).toUpperCase();
}

/** Longest name or title shown (a 999k-character name must not freeze layout): the rest becomes "…". */
export const MAX_LABEL = 300;
/** Longest message body shown (the SDK accepts 10,000 characters; older or server data may be longer). */
export const MAX_BODY = 20_000;

// Embedding, override and isolate controls: a name carrying U+202E could show "exe.png" for "gnp.exe".
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** Server text without bidi controls (for text whose indices must stay put, cleaned piece by piece). */
export const withoutBidiControls = (text: string): string => text.replace(BIDI_CONTROLS, '');

/**
 * Server text as displayed: bidi controls removed (each string is isolated by `dir="auto"` or
 * `<bdi>` instead), cut to at most `max` characters (never inside a surrogate pair) with "…".
 */
export function clip(text: string, max = MAX_LABEL): string {
  const long = text.length > max;
  text = (long ? text.slice(0, max) : text).replace(BIDI_CONTROLS, '');
  if (!long) return text;
  let end = Math.min(text.length, max - 1);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
