// Every locale's engine table at once, for code that says traces in any
// language in one process: the grader (the CLI's --lang, the page's worker).
// Pages that show one locale load theirs on demand through ./index.ts.
import type { MessageTable } from '../../engine/index.ts';
import type { Locale } from '../locales.ts';
import { en } from './en.ts';
import { ja } from './ja.ts';
import { type EngineWords, engineWords } from './words.ts';

export const engineTable: Record<Locale, MessageTable> = { ja, en };

/** Each locale's words, made once: the grader and the playground say every trace with them. */
export const engineWordsIn: Record<Locale, EngineWords> = {
  ja: engineWords(ja),
  en: engineWords(en),
};

/** The same for a page's worker: hints name the page's controls (the playground's). */
export const pageWordsIn: Record<Locale, EngineWords> = {
  ja: engineWords(ja, 'page'),
  en: engineWords(en, 'page'),
};
