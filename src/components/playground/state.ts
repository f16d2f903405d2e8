// The playground's state, apart from the page that shows it: the YAML and the
// request, where a first state comes from (a link, the last visit, a
// scenario) and the file it is saved as. How it is kept in this browser
// (revisions, other tabs, earlier versions) is ../storage/'s.
import type { PlaygroundScenario } from '../../course/read.ts';
import { checkState, decodeState, fragmentKey, type PlaygroundState } from './share.ts';

export type { PlaygroundState } from './share.ts';

/** A scenario as the page receives it; the chapter only orders the list at build time. */
export type Scenario = Omit<PlaygroundScenario, 'chapter'>;

const fileHeader = '# routelab-playground: ';

export const emptyState: PlaygroundState = {
  yaml: '',
  from: 'external',
  to: '',
  method: 'GET',
  count: 1,
  seed: 1,
  node: '',
  resolve: '',
};

export function fromScenario(s: Scenario): PlaygroundState {
  return {
    ...emptyState,
    yaml: s.yaml,
    from: s.request.from,
    to: s.request.to,
    count: s.request.count,
  };
}

/** What a link's fragment holds: a shared state, a scenario, or nothing (null). */
export type Linked =
  | { kind: 'state'; state: PlaygroundState }
  | { kind: 'broken'; why: string }
  | { kind: 'scenario'; state: PlaygroundState }
  | null;

export async function fromHash(hash: string, scenarios: Scenario[]): Promise<Linked> {
  if (hash.startsWith(`#${fragmentKey}=`)) {
    try {
      return { kind: 'state', state: await decodeState(hash) };
    } catch (error) {
      return { kind: 'broken', why: error instanceof Error ? error.message : String(error) };
    }
  }
  const wanted = scenarios.find((s) => `#scenario=${s.id}` === hash);
  return wanted ? { kind: 'scenario', state: fromScenario(wanted) } : null;
}

/** The file the playground saves: the YAML, with the request in a first comment line. */
export function stateFile(state: PlaygroundState): string {
  const { yaml, ...request } = state;
  const body = yaml.startsWith(fileHeader) ? yaml.slice(yaml.indexOf('\n') + 1) : yaml;
  return `${fileHeader}${JSON.stringify(request)}\n${body}`;
}

/** A saved file back into a state; without the header line, only the YAML. */
export function readStateFile(text: string, current: PlaygroundState): PlaygroundState {
  if (!text.startsWith(fileHeader)) return { ...current, yaml: text };
  const end = text.indexOf('\n');
  const line = text.slice(fileHeader.length, end < 0 ? undefined : end);
  const yaml = end < 0 ? '' : text.slice(end + 1);
  try {
    return checkState({ v: 1, ...current, ...JSON.parse(line), yaml });
  } catch {
    return { ...current, yaml };
  }
}
