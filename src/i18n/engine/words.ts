// The engine's hop and outcome sentences from one locale's table: the
// engine hands out message ids with parameters (src/engine/messages.ts); a
// table turns them into words. Apart from ./index.ts's loaders so that code
// holding every table at once (./tables.ts, the workers) imports no dynamic
// import of a table it already has.
import {
  type Hop,
  type Message,
  type MessageTable,
  type Outcome,
  renderer,
  type TraceResult,
} from '../../engine/index.ts';
import { plain, splitVerbatim } from './verbatim.ts';

/** A piece of a sentence: words in the page's language, or text a program printed. */
export type Part = string | { verbatim: string };

/**
 * Parameters that are kube-proxy's own text (an iptables rule with its
 * comments): a page shows them as code, in English, as the node prints them.
 */
const verbatimParams = ['rule'];

export interface EngineWords {
  /** What happened at a hop. */
  hop(hop: Hop): string;
  /** The same sentence, with the parts a program printed apart from the words. */
  hopParts(hop: Hop): Part[];
  /** How the request ended, as a word ("delivered", "タイムアウト"). */
  outcome(outcome: Outcome): string;
  /** Why the request ended as it did. */
  reason(result: Pick<TraceResult, 'reasonMessage'>): string;
  /** Any of the engine's messages: a warning's explanation. */
  say(message: Message): string;
}

/**
 * Where the words are read: the CLI's point at its flags (--resolve), a
 * page's at its own controls, with the same sentences otherwise.
 */
export type Surface = 'cli' | 'page';

function forSurface(table: MessageTable, surface: Surface): MessageTable {
  return surface === 'cli'
    ? table
    : { ...table, 'dns.resolve-hint': table['dns.resolve-hint-page'] };
}

export function engineWords(table: MessageTable, surface: Surface = 'cli'): EngineWords {
  const render = renderer(forSurface(table, surface));
  return {
    hop: (hop) => plain(render(hop.message)),
    hopParts: (hop) => {
      // Each verbatim value goes through the table as a marker, found again after.
      const params: Record<string, unknown> = { ...hop.message.params };
      const kept: string[] = [];
      for (const name of verbatimParams) {
        const value = params[name];
        if (typeof value !== 'string') continue;
        params[name] = `\ue000${kept.length}\ue000`;
        kept.push(value);
      }
      return splitVerbatim(render({ ...hop.message, params } as Message))
        .flatMap((text, i): Part[] =>
          i % 2 === 1
            ? [{ verbatim: text }]
            : text
                .split(/\ue000(\d+)\ue000/)
                .map((t, k): Part => (k % 2 === 1 ? { verbatim: kept[Number(t)] ?? '' } : t)),
        )
        .filter((part) => part !== '');
    },
    outcome: (outcome) => render({ id: `outcome.${outcome}`, params: {} } as Message),
    reason: (result) => plain(render(result.reasonMessage)),
    say: (m) => plain(render(m)),
  };
}
