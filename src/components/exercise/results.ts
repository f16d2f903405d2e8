// The grade on the page: each check's mark and message, the summary, and the
// route of one request check (the first failing one, else the one the
// learner chose) with its hops and the cluster it crossed. While that check
// fails, the route the solution gives is drawn beside it, goal and current
// side by side as Learn Git Branching shows its trees.
import type { TraceResult } from '../../engine/index.ts';
import type { EngineWords, Part } from '../../i18n/engine/index.ts';
import '../diagrams/route.css';
import '../diagrams/topology.css';
import type { CheckResult, Grade } from '../../course/exercises/grade.ts';
import type { Exercise } from '../../course/exercises/schema.ts';
import type { Locale, UiMessages } from '../../i18n/index.ts';
import { drawRoute } from '../diagrams/route.ts';
import { layoutRoute } from '../diagrams/route-layout.ts';
import { drawTopology } from '../diagrams/topology.ts';
import { routeMarks, type TopologyLayout } from '../diagrams/topology-layout.ts';
import { $, appendParts } from '../dom.ts';
import { showMessage } from './message.ts';

export class GradeView {
  private lastGrade: Grade | null = null;
  private lastTopology: TopologyLayout | null = null;
  private goal: Record<string, TraceResult> = {};
  private shownCheck = '';
  private readonly root: HTMLElement;
  private readonly exercise: Exercise;
  private readonly locale: Locale;
  private readonly t: UiMessages['exercise'];
  private readonly engine: EngineWords;
  private readonly names: UiMessages['diagrams']['names'];

  constructor(
    root: HTMLElement,
    exercise: Exercise,
    locale: Locale,
    t: UiMessages['exercise'],
    engine: EngineWords,
    names: UiMessages['diagrams']['names'],
  ) {
    this.names = names;
    this.engine = engine;
    this.root = root;
    this.exercise = exercise;
    this.locale = locale;
    this.t = t;
  }

  show(grade: Grade, topology: TopologyLayout, goal: Record<string, TraceResult> = {}): void {
    this.goal = goal;
    this.lastGrade = grade;
    this.lastTopology = topology;
    for (const result of grade.checks) this.showCheck(result);
    $(this.root, '.rl-summary').textContent = grade.passed
      ? this.t.allPassed
      : this.t.passedOf(grade.score, grade.maxScore);
    // The one-line verdict pinned on phones names the first check to fix.
    const firstFailed = grade.checks.find((c) => !c.passed);
    const failedCheck = this.exercise.checks.find((c) => c.id === firstFailed?.id);
    $(this.root, '.rl-verdict-first').textContent = failedCheck
      ? failedCheck.title[this.locale]
      : '';
    // The route drawn: the first failing request's, else the one the learner chose.
    const withTrace = grade.checks.filter((c) => c.trace);
    const failed = withTrace.find((c) => !c.passed);
    const chosen = withTrace.find((c) => c.id === this.shownCheck);
    this.showRoute(failed ?? chosen ?? withTrace[0]);
  }

  /** The route of the check the learner chose; false when it has none to show. */
  choose(checkId: string): boolean {
    const result = this.lastGrade?.checks.find((c) => c.id === checkId);
    if (!result?.trace) return false;
    this.showRoute(result);
    return true;
  }

  private showRoute(result: CheckResult | undefined) {
    this.shownCheck = result?.id ?? '';
    this.showTrace(result);
    if (this.lastTopology) this.showTopology(this.lastTopology, result);
    for (const button of this.root.querySelectorAll<HTMLButtonElement>('[data-route-check]'))
      button.setAttribute('aria-pressed', String(button.dataset.routeCheck === this.shownCheck));
  }

  private title(id: string): string | undefined {
    return this.exercise.checks.find((c) => c.id === id)?.title[this.locale];
  }

  private showCheck(result: CheckResult) {
    const li = this.root.querySelector<HTMLElement>(`li[data-check-id="${CSS.escape(result.id)}"]`);
    if (!li) return;
    li.dataset.state = result.passed ? 'pass' : 'fail';
    $(li, '.rl-mark').textContent = result.passed ? '✓' : '✗';
    $(li, '.rl-sr-state').textContent = result.passed ? ' ✓' : ' ✗';
    const title = this.title(result.id) ?? '';
    // The message repeats the title; the list already shows it.
    const message = result.message.startsWith(`${title}: `)
      ? result.message.slice(title.length + 2)
      : result.passed
        ? ''
        : result.message;
    showMessage($(li, '.rl-message'), result.passed ? '' : message, result.verbatim);
    const button = li.querySelector<HTMLButtonElement>('[data-route-check]');
    if (button) button.hidden = !result.trace;
  }

  private showTopology(layout: TopologyLayout, result: CheckResult | undefined) {
    const shown = result?.trace;
    const onRoute = new Set(shown ? routeMarks(shown) : []);
    const pods = layout.nodes.reduce((n, node) => n + node.pods.length + node.hidden, 0);
    $(this.root, '.rl-cluster').hidden = false;
    drawTopology(
      $(this.root, '.rl-topology'),
      layout,
      this.t.clusterLabel(layout.nodes.length, pods, layout.services.length),
      onRoute,
      this.names,
    );
  }

  private showTrace(result: CheckResult | undefined) {
    const section = $(this.root, '.rl-trace');
    const list = $(section, 'ol');
    list.replaceChildren();
    if (!result?.trace) {
      section.hidden = true;
      return;
    }
    const { request, hops } = result.trace;
    $(section, '.rl-trace-check').textContent = this.t.routeOf(this.title(result.id) ?? result.id);
    // Shown before drawing: the drawing takes its form from the column's width.
    section.hidden = false;
    // The goal first, so that the learner's route is drawn into the width left beside it.
    const goal = result.passed ? undefined : this.goal[result.id];
    const goalFigure = $(section, '.rl-goal');
    goalFigure.hidden = !goal;
    $(section, '.rl-yours-caption').hidden = !goal;
    if (goal)
      drawRoute(
        $(goalFigure, '.rl-goal-route'),
        layoutRoute(goal, this.engine),
        `${this.t.goalTitle}: ${goal.request.method} ${goal.request.to} — ${this.engine.outcome(goal.outcome)}`,
      );
    drawRoute(
      $(section, '.rl-route'),
      layoutRoute(result.trace, this.engine),
      `${goal ? this.t.yoursTitle : this.t.traceTitle}: ${request.method} ${request.to} — ${this.engine.outcome(result.trace.outcome)}`,
    );
    const line = (...parts: Part[]) => {
      const li = document.createElement('li');
      appendParts(li, parts);
      list.append(li);
    };
    line(`${request.method} ${request.to} (${request.from})`);
    for (const hop of hops) {
      const packet = hop.packet ? `  [${hop.packet.src} → ${hop.packet.dst}]` : '';
      line(`${hop.kind} @ ${hop.at}: `, ...this.engine.hopParts(hop), packet);
    }
    line(this.engine.reason(result.trace));
    section.hidden = false;
  }
}
