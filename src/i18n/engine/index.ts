// The engine's hop and outcome sentences in a page's locale. The engine hands
// out message ids with parameters (src/engine/messages.ts); each locale's table
// turns them into words (./words.ts). A table is its own module, loaded when a
// page first shows a trace, so a page downloads only its own locale's.
import type { MessageTable } from '../../engine/index.ts';
import type { Locale } from '../locales.ts';
import { type EngineWords, engineWords } from './words.ts';

export type { EngineWords, Part } from './words.ts';

/** One complete table per locale of ../locales.ts: the compiler asks for every id. */
export const engineTables: Record<Locale, () => Promise<MessageTable>> = {
  ja: () => import('./ja.ts').then((m) => m.ja),
  en: () => import('./en.ts').then((m) => m.en),
};

const loaded = new Map<Locale, Promise<EngineWords>>();

export function loadEngineWords(locale: Locale): Promise<EngineWords> {
  let words = loaded.get(locale);
  if (!words) {
    // Pages load these: a hint names the page's controls, not the CLI's flags.
    words = engineTables[locale]().then((table) => engineWords(table, 'page'));
    loaded.set(locale, words);
  }
  return words;
}
