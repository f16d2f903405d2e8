// The engine's hop and outcome sentences in a page's locale. The engine hands
// out message ids with parameters (src/engine/messages.ts); each locale's table
// turns them into words. A table is its own module, loaded when a page first
// shows a trace, so a page downloads only its own locale's.
import { type Hop, type MessageTable, renderer, type TraceResult } from '../../engine/index.ts';
import type { Locale } from '../locales.ts';

/** One complete table per locale of ../locales.ts: the compiler asks for every id. */
export const engineTables: Record<Locale, () => Promise<MessageTable>> = {
  ja: () => import('./ja.ts').then((m) => m.ja),
  en: () => import('./en.ts').then((m) => m.en),
};

export interface EngineWords {
  /** What happened at a hop. */
  hop(hop: Hop): string;
  /** Why the request ended as it did. */
  reason(result: Pick<TraceResult, 'reasonMessage'>): string;
}

export function engineWords(table: MessageTable): EngineWords {
  const render = renderer(table);
  return {
    hop: (hop) => render(hop.message),
    reason: (result) => render(result.reasonMessage),
  };
}

const loaded = new Map<Locale, Promise<EngineWords>>();

export function loadEngineWords(locale: Locale): Promise<EngineWords> {
  let words = loaded.get(locale);
  if (!words) {
    words = engineTables[locale]().then(engineWords);
    loaded.set(locale, words);
  }
  return words;
}
