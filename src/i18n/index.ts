// The locale system: which locales exist (locales.ts) and the words of our
// components per locale (ui/). Starlight's own strings stay in
// src/content/i18n; the engine's hop and outcome sentences are in engine/
// (imported from there, so a page without traces does not reach the engine).

export { defaultLocale, isLocale, type Locale, locales, toLocale } from './locales.ts';
export { loadUi, type UiMessages } from './ui/index.ts';
