/** Locale-aware formatting helpers shared by the elements (display only; no domain rule). */
import { CimError } from '@creator-im/sdk';

/** What to tell the creator about a failed action: a CimError's message, or the error as text. */
export function errorMessage(error: unknown): string {
  return error instanceof CimError ? error.message : String(error);
}

/** "14:05" today, "Mon" this week, "11/3" before. */
export function formatTime(iso: string, now = Date.now(), locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const age = now - date.getTime();
  if (age < 24 * 3600_000 && new Date(now).getDate() === date.getDate()) {
    return date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  }
  if (age < 7 * 24 * 3600_000) return date.toLocaleDateString(locale, { weekday: 'short' });
  return date.toLocaleDateString(locale, { month: 'numeric', day: 'numeric' });
}

/** "$12.50". */
export function formatPrice(price: { amount: number; currency: string }, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: price.currency }).format(price.amount);
  } catch {
    return `${price.amount} ${price.currency}`;
  }
}

/** "15%". */
export function formatPercent(rate: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** Only http(s) URLs may become links or image sources; anything else (javascript:, data:) is dropped. */
export function safeUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    // Relative URLs (the mock's same-origin `/media/...` pictures) resolve against the page.
    const parsed = new URL(url, globalThis.document?.baseURI ?? 'https://invalid.invalid');
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** Initials for an avatar placeholder. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return (words.length > 1 ? words[0]![0]! + words[1]![0]! : (words[0] ?? '?').slice(0, 2)).toUpperCase();
}
