// The locale system: which locales exist (locales.ts) and the words of our
// components per locale (ui/). Starlight's own strings stay in
// src/content/i18n; the engine's messages get their renderers beside ui/.
export { defaultLocale, isLocale, type Locale, locales, toLocale } from './locales.ts';
export { loadUi, type UiMessages } from './ui/index.ts';
