// The request builder: the form's fields read into a state and set from one,
// the sources and targets the model offers, and the node whose rules to show.
// A value a link or a file carried stays chosen even when the model lacks it.
import type { UiMessages } from '../../i18n/index.ts';
import { $ } from '../dom.ts';
import type { Choices } from './choices.ts';
import type { PlaygroundState } from './share.ts';

function option(value: string, text?: string): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  if (text !== undefined) o.textContent = text;
  return o;
}

export class RequestForm {
  readonly form: HTMLFormElement;
  readonly to: HTMLInputElement;
  readonly nodeSelect: HTMLSelectElement;
  private readonly from: HTMLSelectElement;
  private readonly method: HTMLSelectElement;
  private readonly count: HTMLInputElement;
  private readonly seed: HTMLInputElement;
  private readonly resolve: HTMLInputElement;
  private readonly targets: HTMLElement;
  /** The node asked for, kept while the model has no such node. */
  private wantedNode = '';
  private readonly t: UiMessages['playground'];

  constructor(root: HTMLElement, t: UiMessages['playground']) {
    this.t = t;
    this.form = $<HTMLFormElement>(root, '.rl-pg-request');
    const field = <T extends HTMLElement>(name: string) => $<T>(this.form, `[name="${name}"]`);
    this.from = field('from');
    this.to = field('to');
    this.method = field('method');
    this.count = field('count');
    this.seed = field('seed');
    this.resolve = field('resolve');
    this.nodeSelect = $<HTMLSelectElement>(root, '.rl-pg-node');
    this.targets = $(root, '#rl-pg-targets');
    this.nodeSelect.addEventListener('change', () => {
      this.wantedNode = this.nodeSelect.value;
    });
  }

  set(s: PlaygroundState): void {
    this.setSources([...new Set([s.from, ...[...this.from.options].map((o) => o.value)])], s.from);
    this.to.value = s.to;
    this.method.value = s.method;
    this.count.value = String(s.count);
    this.seed.value = String(s.seed);
    this.resolve.value = s.resolve;
    this.wantedNode = s.node;
  }

  /** The state with this YAML and the form's request, each number clamped to what the engine takes. */
  read(yaml: string): PlaygroundState {
    return {
      yaml,
      from: this.from.value.trim() || 'external',
      to: this.to.value.trim(),
      method: this.method.value,
      count: Math.min(1000, Math.max(1, Math.floor(Number(this.count.value)) || 1)),
      seed: Math.min(2 ** 31 - 1, Math.max(0, Math.floor(Number(this.seed.value)) || 0)),
      node: this.nodeSelect.value || this.wantedNode,
      resolve: this.resolve.value.trim(),
    };
  }

  /** What the model offers, after each answer; `shown` is the node whose rules are drawn. */
  offer(choices: Choices, shown: string): void {
    this.setSources(choices.sources, this.from.value);
    this.targets.replaceChildren(...choices.targets.map((v) => option(v)));
    this.showNodes(choices, shown);
  }

  private setSources(values: string[], chosen: string): void {
    const all = values.includes(chosen) ? values : [chosen, ...values];
    if ([...this.from.options].map((o) => o.value).join('\n') !== all.join('\n'))
      this.from.replaceChildren(...all.map((v) => option(v, v)));
    this.from.value = chosen;
  }

  private showNodes(c: Choices, shown: string): void {
    const names = ['', ...c.nodes.map((n) => n.name)];
    const have = [...this.nodeSelect.options].map((o) => o.value);
    if (have.join(' ') !== names.join(' '))
      this.nodeSelect.replaceChildren(
        ...names.map((name) => option(name, name || this.t.autoNode)),
      );
    this.nodeSelect.value = names.includes(this.wantedNode) ? this.wantedNode : '';
    this.nodeSelect.dataset.shown = shown;
  }
}
