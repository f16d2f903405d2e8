// One scene drawn view by view, the same for a chapter's figure (scenario.ts)
// and the playground (playground/results.ts): each page says where each view
// goes, how its request is named, and whether to time the drawing.
import './architecture.css';
import './route.css';
import './rules.css';
import './spread.css';
import './topology.css';
import type { UiMessages } from '../../i18n/index.ts';
import { drawArchitecture } from './architecture.ts';
import { drawRoute } from './route.ts';
import { drawRules } from './rules.ts';
import type { Scene, View } from './scene.ts';
import { drawSpread } from './spread.ts';
import { drawTopology } from './topology.ts';
import type { TopologyLayout } from './topology-layout.ts';

/** What the drawings need of a scene; the rules' node is in their layout. */
export type SceneViews = Pick<
  Scene,
  'topology' | 'route' | 'spread' | 'architecture' | 'onRoute'
> & {
  rules: Pick<NonNullable<Scene['rules']>, 'layout' | 'text' | 'nftables'> | null;
};

type Words = UiMessages['diagrams'];

/** "Cluster: 3 nodes, 9 Pods, 2 Services", the Pods a node holds beyond those drawn included. */
export function clusterLabel(layout: TopologyLayout, words: Words): string {
  const pods = layout.nodes.reduce((n, node) => n + node.pods.length + node.hidden, 0);
  return words.cluster(layout.nodes.length, pods, layout.services.length);
}

/**
 * Draws each view the scene has into where(view); a view with no element is
 * skipped, and rules with no layout empty theirs (the playground's rules box
 * stays while the node chosen has none).
 */
export function drawScene(
  where: (view: View) => HTMLElement | null,
  scene: SceneViews,
  words: Words,
  routeLabel: string,
  time: (view: View, draw: () => void) => void = (_, draw) => draw(),
): void {
  const { topology, route, rules, spread, architecture } = scene;
  const at = (view: View, draw: (el: HTMLElement) => void) => {
    const el = where(view);
    if (el) time(view, () => draw(el));
  };
  if (route) at('route', (el) => drawRoute(el, route, routeLabel));
  if (spread)
    at('spread', (el) => drawSpread(el, spread, words.spread(spread.total, spread.failed)));
  if (topology)
    at('topology', (el) =>
      drawTopology(
        el,
        topology,
        clusterLabel(topology, words),
        new Set(scene.onRoute),
        words.names,
      ),
    );
  at('rules', (el) => {
    if (rules)
      drawRules(el, rules.layout, rules.text, words.rules(rules.layout.node, rules.nftables));
    else el.replaceChildren();
  });
  if (architecture)
    at('architecture', (el) =>
      drawArchitecture(el, architecture, {
        ...words.architecture,
        explain: words.parts,
        names: words.names,
      }),
    );
}
