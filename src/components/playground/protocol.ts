// What the playground page asks its engine worker, and what it answers: the
// scene (trace and every diagram's layout) and what the page's controls offer.
import type { Diagnostic } from '../../engine/index.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { Scene } from '../diagrams/scene.ts';
import type { Choices } from './choices.ts';
import type { PlaygroundState } from './share.ts';

export interface PlaygroundRequest {
  text: string;
  request: {
    from: string;
    to: string;
    method: string;
    count: number;
    seed: number;
    resolve: string;
  };
  /** The node whose rules to show; "" for the first the route met. */
  node: string;
  /** The page's language, in which the route's hops are said. */
  lang: Locale;
}

/** The question for a state: its YAML sent once, as the text, not again in the request. */
export function question(state: PlaygroundState, lang: Locale): PlaygroundRequest {
  const { yaml, node, ...request } = state;
  return { text: yaml, request, node, lang };
}

export interface PlaygroundReply extends Scene {
  diagnostics: Diagnostic[];
  choices: Choices;
  topology: NonNullable<Scene['topology']>;
  architecture: NonNullable<Scene['architecture']>;
  /** The target with a scenario's placeholders ({lbIP:my-service}) filled in; "" when none. */
  filledTo: string;
}
