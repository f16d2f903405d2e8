// The results of one answer of the engine: the outcome in words, and every
// diagram of the scene, each view timed (npm run bench reads the measures).
import type { EngineWords } from '../../i18n/engine/index.ts';
import '../diagrams/architecture.css';
import '../diagrams/route.css';
import '../diagrams/rules.css';
import '../diagrams/spread.css';
import '../diagrams/topology.css';
import type { UiMessages } from '../../i18n/index.ts';
import { drawArchitecture } from '../diagrams/architecture.ts';
import { drawRoute } from '../diagrams/route.ts';
import { drawRules } from '../diagrams/rules.ts';
import { drawSpread } from '../diagrams/spread.ts';
import { drawTopology } from '../diagrams/topology.ts';
import { $ } from '../dom.ts';
import { fillHopsTable } from './hops-table.ts';
import type { PlaygroundReply } from './protocol.ts';

const timed = (view: string, draw: () => void) => {
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
      ? t.outcome(result.outcome, result.status, engine.reason(result))
      : t.noRequest;
}

/** The request's own views: its route, its hops as a table, where many requests went. */
function showRequest(
  root: HTMLElement,
  reply: PlaygroundReply,
  words: UiMessages,
  engine: EngineWords,
) {
  const result = reply.trace;
  const route = $(root, '.rl-pg-route');
  route.hidden = !reply.route;
  if (reply.route && result) {
    const layout = reply.route;
    const label = words.playground.routeLabel(
      result.request.method,
      result.request.to,
      result.outcome,
    );
    timed('route', () => drawRoute($(route, '.rl-route'), layout, label));
  }
  timed('hops', () =>
    fillHopsTable(
      $<HTMLTableElement>(root, '.rl-pg-hops'),
      words.playground.hopColumns,
      result,
      engine,
    ),
  );
  const spread = $(root, '.rl-spread');
  spread.hidden = !reply.spread;
  if (reply.spread) {
    const layout = reply.spread;
    timed('spread', () =>
      drawSpread(spread, layout, words.diagrams.spread(layout.total, layout.failed)),
    );
  }
}

/** The cluster's views: its topology, a node's kube-proxy rules, its architecture. */
function showCluster(root: HTMLElement, reply: PlaygroundReply, words: UiMessages) {
  const { topology } = reply;
  const pods = topology.nodes.reduce((n, node) => n + node.pods.length + node.hidden, 0);
  const label = words.diagrams.cluster(topology.nodes.length, pods, topology.services.length);
  timed('topology', () =>
    drawTopology($(root, '.rl-topology'), topology, label, new Set(reply.onRoute)),
  );
  const rules = $(root, '.rl-rules');
  const shown = reply.rules;
  timed('rules', () => {
    if (shown) drawRules(rules, shown.layout, shown.text, words.diagrams.rules(shown.node));
    else rules.replaceChildren();
  });
  timed('architecture', () =>
    drawArchitecture($(root, '.rl-architecture'), reply.architecture, {
      ...words.diagrams.architecture,
      explain: words.diagrams.parts,
    }),
  );
}

export function showResults(
  root: HTMLElement,
  reply: PlaygroundReply,
  words: UiMessages,
  engine: EngineWords,
): void {
  // Measured from here to the last diagram, and view by view.
  const drawStart = performance.now();
  showOutcome(root, reply, words.playground, engine);
  showRequest(root, reply, words, engine);
  showCluster(root, reply, words);
  performance.measure('routelab:draw', { start: drawStart });
  // And to the frame that shows it: style, layout and paint included.
  requestAnimationFrame(() =>
    setTimeout(() => performance.measure('routelab:frame', { start: drawStart })),
  );
}
