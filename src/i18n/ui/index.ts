// Our components' words for a locale: that locale's table over the default
// locale's, so a message a translation lacks is shown in the default locale
// rather than missing. Each table is its own module, loaded when asked for:
// a page downloads the words of its own locale (and the default's), not all.
import { type PartialTable, withFallback } from '../fallback.ts';
import type { Locale } from '../locales.ts';
import type { UiMessages } from './ja.ts';

export type { UiMessages } from './ja.ts';

/** The complete table: the default locale's (./ja.ts), which defines the keys. */
const complete = () => import('./ja.ts').then((m): UiMessages => m.ja);

/** One table per locale of ../locales.ts. */
export const uiTables: Record<Locale, () => Promise<PartialTable<UiMessages>>> = {
  ja: complete,
  en: () => import('./en.ts').then((m) => m.en),
};

const loaded = new Map<Locale, Promise<UiMessages>>();

export function loadUi(locale: Locale): Promise<UiMessages> {
  let table = loaded.get(locale);
  if (!table) {
    table = Promise.all([complete(), uiTables[locale]()]).then(([full, own]) =>
      withFallback(full, own),
    );
    loaded.set(locale, table);
  }
  return table;
}
