// Draws a chapter's figure from the layouts the site computed at build time
// (ScenarioDiagram.astro): each view in its own element, in the order asked.
import { type Locale, loadUi } from '../../i18n/index.ts';
import { drawScene, type SceneViews } from './draw.ts';

export interface ScenarioData extends SceneViews {
  lang: Locale;
  views: string[];
  /** Built with the request's source, which the figure's caption does not name. */
  routeLabel: string;
}

export async function drawScenario(figure: HTMLElement, data: ScenarioData): Promise<void> {
  const words = (await loadUi(data.lang)).diagrams;
  drawScene(
    (name) => figure.querySelector<HTMLElement>(`[data-view="${name}"]`),
    data,
    words,
    data.routeLabel,
  );
}
