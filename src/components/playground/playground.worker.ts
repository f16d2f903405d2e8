// The engine off the main thread for the playground: one model per change of
// the text or the request, and the scene the page draws from it.
import {
  buildModel,
  conversionOffers,
  type Diagnostic,
  type InputFile,
  type Model,
} from '../../engine/index.ts';
import { pageWordsIn } from '../../i18n/engine/tables.ts';
import type { Locale } from '../../i18n/locales.ts';
import { scene } from '../diagrams/scene.ts';
import { serve } from '../worker/serve.ts';
import { choicesOf } from './choices.ts';
import type { PlaygroundReply, PlaygroundRequest } from './protocol.ts';

export const playgroundFile = 'playground.yaml';

/**
 * The conversion offers of the last text and language: each costs two cluster
 * builds and a dozen traces, and a new request or node on the same text needs
 * them again unchanged.
 */
let offered: { key: string; offers: Diagnostic[] } | null = null;

function offersFor(model: Model, files: InputFile[], lang: Locale): Diagnostic[] {
  const key = `${lang}\n${files[0]?.text ?? ''}`;
  if (offered?.key !== key)
    offered = {
      key,
      offers: conversionOffers(model, files, playgroundFile, pageWordsIn[lang].say),
    };
  return offered.offers;
}

serve(({ text, request, node, lang }: PlaygroundRequest): PlaygroundReply => {
  const files = [{ file: playgroundFile, text }];
  const model = buildModel(files);
  const shown = scene(model, request, {
    node,
    maxRuleLines: 20_000,
    words: pageWordsIn[lang],
    lang,
  });
  if (!shown.topology || !shown.architecture) throw new Error('every view was asked for');
  return {
    ...shown,
    topology: shown.topology,
    architecture: shown.architecture,
    // Beside the engine's own, the offer to convert each Ingress to Gateway API (a quick fix).
    diagnostics: [
      ...model.diagnostics.filter((d) => d.file === playgroundFile),
      ...offersFor(model, files, lang),
    ],
    choices: choicesOf(model),
    filledTo: shown.to !== request.to.trim() ? shown.to : '',
  };
});
