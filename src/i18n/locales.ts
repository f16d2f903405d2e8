// The course's locales, in one place. The default locale's pages sit at the
// site's root and its message tables define every key; a page's `lang` that
// is not listed here renders in the default locale.
export const locales = ['ja', 'en'] as const;

export type Locale = (typeof locales)[number];

export const defaultLocale: Locale = 'ja';

export function isLocale(lang: unknown): lang is Locale {
  return (locales as readonly unknown[]).includes(lang);
}

/** A page's or element's `lang` as a locale of ours; anything else is the default. */
export function toLocale(lang: string | null | undefined): Locale {
  return isLocale(lang) ? lang : defaultLocale;
}
