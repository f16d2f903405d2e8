// The results of one answer of the engine: the outcome in words, and every
// diagram of the scene, each view timed (npm run bench reads the measures).
import type { EngineWords } from '../../i18n/engine/index.ts';
import type { UiMessages } from '../../i18n/index.ts';
import { drawScene } from '../diagrams/draw.ts';
import type { View } from '../diagrams/scene.ts';
import { $ } from '../dom.ts';
import { fillHopsTable } from './hops-table.ts';
import type { PlaygroundReply } from './protocol.ts';

/** Every measure one answer records; only the latest answer's are kept. */
export const measureNames = [
  'routelab:draw',
  'routelab:frame',
  // Listed, not taken from scene.ts's views: that module would bring the engine
  // into the page's bundle, which only the worker needs.
  ...['architecture', 'topology', 'route', 'rules', 'spread', 'hops'].map(
    (view) => `routelab:draw:${view}`,
  ),
];

/**
 * Drops the previous answer's measures: a playground left open for an hour
 * answers thousands of times, and the browser keeps every measure until told.
 */
export function clearMeasures(): void {
  for (const name of measureNames) performance.clearMeasures(name);
}

export const timed = (view: View | 'hops', draw: () => void) => {
  const start = performance.now();
  draw();
  performance.measure(`routelab:draw:${view}`, { start });
};

function showOutcome(
  root: HTMLElement,
  reply: PlaygroundReply,
  t: UiMessages['playground'],
  engine: EngineWords,
) {
  const result = reply.trace;
  const outcome = $(root, '.rl-pg-outcome');
  outcome.dataset.outcome = result?.outcome ?? '';
  outcome.textContent = reply.traceError
    ? t.notSent(reply.traceError)
    : result
      ? t.outcome(engine.outcome(result.outcome), result.status, engine.reason(result))
      : t.noRequest;
}

/** Every diagram of the scene, and the request's hops as a table. */
function showViews(
  root: HTMLElement,
  reply: PlaygroundReply,
  words: UiMessages,
  engine: EngineWords,
) {
  const result = reply.trace;
  const routeBox = $(root, '.rl-pg-route');
  routeBox.hidden = !reply.route;
  const spread = $(root, '.rl-spread');
  spread.hidden = !reply.spread;
  timed('hops', () =>
    fillHopsTable(
      $<HTMLTableElement>(root, '.rl-pg-hops'),
      words.playground.hopColumns,
      result,
      engine,
    ),
  );
  const where: Record<View, () => HTMLElement | null> = {
    // A route with no request to name is not drawn.
    route: () => (result ? $(routeBox, '.rl-route') : null),
    spread: () => spread,
    topology: () => $(root, '.rl-topology'),
    rules: () => $(root, '.rl-rules'),
    architecture: () => $(root, '.rl-architecture'),
  };
  const routeLabel = result
    ? words.playground.routeLabel(
        result.request.method,
        result.request.to,
        engine.outcome(result.outcome),
      )
    : '';
  drawScene((view) => where[view](), reply, words.diagrams, routeLabel, timed);
}

export function showResults(
  root: HTMLElement,
  reply: PlaygroundReply,
  words: UiMessages,
  engine: EngineWords,
): void {
  clearMeasures();
  // Measured from here to the last diagram, and view by view.
  const drawStart = performance.now();
  showOutcome(root, reply, words.playground, engine);
  showViews(root, reply, words, engine);
  performance.measure('routelab:draw', { start: drawStart });
  // And to the frame that shows it: style, layout and paint included.
  requestAnimationFrame(() =>
    setTimeout(() => performance.measure('routelab:frame', { start: drawStart })),
  );
}
