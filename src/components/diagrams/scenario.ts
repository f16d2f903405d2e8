// Draws a chapter's figure from the layouts the site computed at build time
// (ScenarioDiagram.astro): each view in its own element, in the order asked.
import './architecture.css';
import './route.css';
import './rules.css';
import './spread.css';
import './topology.css';
import { type Locale, loadUi } from '../../i18n/index.ts';
import { drawArchitecture } from './architecture.ts';
import type { ArchitectureLayout } from './architecture-layout.ts';
import { drawRoute } from './route.ts';
import type { RouteLayout } from './route-layout.ts';
import { drawRules } from './rules.ts';
import type { RulesLayout } from './rules-layout.ts';
import { drawSpread } from './spread.ts';
import type { SpreadLayout } from './spread-layout.ts';
import { drawTopology } from './topology.ts';
import type { TopologyLayout } from './topology-layout.ts';

export interface ScenarioData {
  lang: Locale;
  views: string[];
  topology: TopologyLayout | null;
  route: RouteLayout | null;
  rules: { layout: RulesLayout; text: string } | null;
  spread: SpreadLayout | null;
  architecture: ArchitectureLayout | null;
  onRoute: string[];
  labels: { cluster: string; route: string };
}

export async function drawScenario(figure: HTMLElement, data: ScenarioData): Promise<void> {
  const words = (await loadUi(data.lang)).diagrams;
  const view = (name: string) => figure.querySelector<HTMLElement>(`[data-view="${name}"]`);
  const topology = view('topology');
  if (topology && data.topology)
    drawTopology(topology, data.topology, data.labels.cluster, new Set(data.onRoute));
  const route = view('route');
  if (route && data.route) drawRoute(route, data.route, data.labels.route);
  const rules = view('rules');
  if (rules && data.rules)
    drawRules(rules, data.rules.layout, data.rules.text, words.rules(data.rules.layout.node));
  const spread = view('spread');
  if (spread && data.spread)
    drawSpread(spread, data.spread, words.spread(data.spread.total, data.spread.failed));
  const architecture = view('architecture');
  if (architecture && data.architecture)
    drawArchitecture(architecture, data.architecture, {
      ...words.architecture,
      explain: words.parts,
    });
}
