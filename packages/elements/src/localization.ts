/**
 * Locales of the elements: English (the guide's words, built in) and Arabic (right-to-left),
 * loaded on demand. Hosts that already configure @lit/localize themselves can pass these
 * templates to their own `loadLocale` instead of calling {@link setLocale}.
 */
import { configureLocalization } from '@lit/localize';

/** Locales the elements ship. */
export const LOCALES = ['en', 'ar'] as const;
/** One of {@link LOCALES}. */
export type Locale = (typeof LOCALES)[number];

let runtime: ReturnType<typeof configureLocalization> | undefined;

/**
 * Switches every Creator IM element to `locale` (they re-render). Sets nothing on the page:
 * the host sets `dir="rtl"` on `<html>` or on `<creator-inbox>` for Arabic.
 */
export async function setLocale(locale: Locale): Promise<void> {
  if (!LOCALES.includes(locale)) throw new TypeError(`Unknown locale "${String(locale)}"; use one of ${LOCALES.join(', ')}.`);
  runtime ??= configureLocalization({
    sourceLocale: 'en',
    targetLocales: ['ar'],
    loadLocale: () => import('./locales/ar.js'),
  });
  // Set before the elements re-render for the new locale (they do while setLocale runs), so the
  // dates and numbers they format then are already in it; put back if the locale fails to load.
  const previous = active;
  active = locale;
  try {
    await runtime.setLocale(locale);
  } catch (error) {
    active = previous;
    throw error;
  }
}

let active: Locale = 'en';

/**
 * The locale dates and numbers are formatted in: the browser's own for English (so a creator in
 * London sees 24-hour times), the UI locale otherwise.
 */
export const formatLocale = (): string | undefined => (active === 'en' ? undefined : active);

/** The writing direction of a locale. */
export const directionOf = (locale: Locale): 'rtl' | 'ltr' => (locale === 'ar' ? 'rtl' : 'ltr');
