// The fault switches, drawn from the model's own nodes, Pods and namespaces: a
// checkbox per node for kube-proxy and Ready, one per Pod for Ready, one per
// namespace for a default deny, the load-balancer provider, whether the CNI
// enforces NetworkPolicy, and how (or whether) the ingress controller is
// exposed. Each change is handed back as a Fault for cluster-doc.ts to write
// into the YAML. The switches are rebuilt only when the nodes, Pods or
// namespaces change, so focus stays put.

import type { UiMessages } from '../../i18n/index.ts';
import type { Choices } from './choices.ts';
import type { Fault } from './cluster-doc.ts';

function checkbox(
  label: string,
  checked: boolean,
  fault: (on: boolean) => Fault,
  onFault: (f: Fault) => void,
) {
  const wrap = document.createElement('label');
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.checked = checked;
  input.addEventListener('change', () => onFault(fault(input.checked)));
  wrap.append(input, ` ${label}`);
  return { wrap, input };
}

export class FaultsPanel {
  private key = '';
  private readonly inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();

  private readonly root: HTMLElement;
  private readonly t: UiMessages['playground'];
  private readonly onFault: (fault: Fault) => void;

  constructor(root: HTMLElement, t: UiMessages['playground'], onFault: (fault: Fault) => void) {
    this.root = root;
    this.t = t;
    this.onFault = onFault;
  }

  show(choices: Choices): void {
    const key = JSON.stringify([
      choices.nodes.map((n) => n.name),
      choices.pods.map((p) => p.name),
      choices.namespaces.map((n) => n.name),
      choices.gatewayClasses.map((c) => c.name),
    ]);
    if (key !== this.key) this.build(choices, key);
    for (const n of choices.nodes) {
      this.set(`kubeProxy/${n.name}`, n.kubeProxy === 'Running');
      this.set(`ready/${n.name}`, n.ready);
    }
    for (const p of choices.pods) this.set(`pod/${p.name}`, p.ready);
    for (const n of choices.namespaces) this.set(`deny/${n.name}`, n.defaultDeny);
    this.set('lb', choices.cluster.loadBalancer === 'cloud');
    this.set('netpol', choices.cluster.networkPolicy === 'enforced');
    this.set('gateway', choices.cluster.gatewayController);
    for (const c of choices.gatewayClasses) this.set(`class/${c.name}`, c.ours);
    const ingress = this.inputs.get('ingress');
    if (ingress) ingress.value = choices.cluster.ingress;
  }

  private set(id: string, checked: boolean) {
    const input = this.inputs.get(id);
    if (input instanceof HTMLInputElement) input.checked = checked;
  }

  /** A default deny switch per namespace: each adds or removes that namespace's NetworkPolicy default-deny. */
  private namespaceSwitches(choices: Choices): HTMLElement {
    const list = document.createElement('ul');
    list.className = 'rl-pg-fault-namespaces';
    for (const n of choices.namespaces) {
      const li = document.createElement('li');
      const box = checkbox(
        this.t.defaultDeny(n.name),
        false,
        (on) => ({ kind: 'defaultDeny', namespace: n.name, on }),
        this.onFault,
      );
      this.inputs.set(`deny/${n.name}`, box.input);
      li.append(box.wrap);
      list.append(li);
    }
    return list;
  }

  /** Envoy Gateway installed or not, and each GatewayClass accepted by it or naming another controller. */
  private gatewaySwitches(choices: Choices): HTMLElement {
    const p = document.createElement('p');
    const installed = checkbox(
      this.t.gatewayController,
      true,
      (on) => ({ kind: 'gatewayController', installed: on }),
      this.onFault,
    );
    this.inputs.set('gateway', installed.input);
    p.append(installed.wrap);
    for (const c of choices.gatewayClasses) {
      const box = checkbox(
        this.t.gatewayClassAccepted(c.name),
        c.ours,
        (on) => ({ kind: 'gatewayClass', name: c.name, accepted: on }),
        this.onFault,
      );
      this.inputs.set(`class/${c.name}`, box.input);
      p.append(' ', box.wrap);
    }
    return p;
  }

  private build(choices: Choices, key: string) {
    const { t, onFault } = this;
    this.key = key;
    this.inputs.clear();
    const nodes = document.createElement('ul');
    nodes.className = 'rl-pg-fault-nodes';
    for (const n of choices.nodes) {
      const li = document.createElement('li');
      const name = document.createElement('strong');
      name.textContent = n.name;
      const proxy = checkbox(
        t.kubeProxyRunning,
        true,
        (on) => ({ kind: 'kubeProxy', node: n.name, running: on }),
        onFault,
      );
      const ready = checkbox(
        t.nodeReady,
        true,
        (on) => ({ kind: 'nodeReady', node: n.name, ready: on }),
        onFault,
      );
      this.inputs.set(`kubeProxy/${n.name}`, proxy.input);
      this.inputs.set(`ready/${n.name}`, ready.input);
      li.append(name, ' ', proxy.wrap, ' ', ready.wrap);
      nodes.append(li);
    }
    const pods = document.createElement('ul');
    pods.className = 'rl-pg-fault-pods';
    for (const p of choices.pods) {
      const li = document.createElement('li');
      const box = checkbox(
        `${p.name} ${t.podReady}`,
        true,
        (on) => ({ kind: 'podReady', pod: p.name, ready: on }),
        onFault,
      );
      box.input.disabled = !p.running;
      this.inputs.set(`pod/${p.name}`, box.input);
      li.append(box.wrap);
      pods.append(li);
    }
    const namespaces = this.namespaceSwitches(choices);
    const netpol = checkbox(
      t.networkPolicyEnforced,
      true,
      (on) => ({ kind: 'networkPolicy', enforced: on }),
      onFault,
    );
    this.inputs.set('netpol', netpol.input);
    const lb = checkbox(
      t.lbProvider,
      true,
      (on) => ({ kind: 'loadBalancer', provider: on ? 'cloud' : 'none' }),
      onFault,
    );
    this.inputs.set('lb', lb.input);
    const ingressLabel = document.createElement('label');
    const select = document.createElement('select');
    for (const [value, text] of Object.entries(t.ingressOptions)) {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = text;
      select.append(option);
    }
    select.addEventListener('change', () =>
      onFault({
        kind: 'ingressController',
        exposure: select.value as Choices['cluster']['ingress'],
      }),
    );
    this.inputs.set('ingress', select);
    ingressLabel.append(`${t.ingress} `, select);
    const cluster = document.createElement('p');
    cluster.append(lb.wrap, ' ', ingressLabel, ' ', netpol.wrap);
    this.root.replaceChildren(nodes, pods, namespaces, cluster, this.gatewaySwitches(choices));
  }
}
