// The numbers a chapter quotes (addresses, NodePorts, Pod names, kube-proxy's
// chain names), computed at build time from the chapter's scenario by the same
// engine that draws its figure, so the prose and the drawing cannot drift.
import {
  buildModel,
  endpointChain,
  type IptablesFormat,
  kubeProxyRules,
  type Model,
  nftables,
  type Rule,
  rulesByChain,
  rulesInSaveOrder,
  ruleText,
  type Service,
  savedRule,
  serviceChains,
  servicePortName,
} from '../engine/index.ts';
import { fill } from './exercises/placeholders.ts';
import { serviceListing } from './kubectl-get.ts';
import { readScenario } from './read.ts';

const models = new Map<string, Model>();

/** The cluster a scenario file builds; a scenario that does not apply stops the build. */
export function scenarioModel(scenario: string): Model {
  const cached = models.get(scenario);
  if (cached) return cached;
  const model = buildModel([{ file: scenario, text: readScenario(scenario) }]);
  if (model.diagnostics.some((d) => d.severity === 'error'))
    throw new Error(`${scenario} does not apply`);
  models.set(scenario, model);
  return model;
}

function service(model: Model, name: string): Service {
  const [ns, svc] = name.includes('/') ? name.split('/') : ['default', name];
  const found = model.services.find((s) => s.metadata.name === svc && s.metadata.namespace === ns);
  if (!found) throw new Error(`there is no Service ${name}`);
  return found;
}

/** The index-th Pod of a workload ("my-app" or "Deployment/my-app"), in the engine's order. */
function pod(model: Model, workload: string, index: string) {
  const owner = workload.includes('/') ? workload : `Deployment/${workload}`;
  const pods = model.pods.filter((p) => p.owner === owner);
  const found = pods[Number(index)];
  if (!found || !/^\d+$/.test(index))
    throw new Error(`${workload} has ${pods.length} Pods; there is no Pod ${index}`);
  return found;
}

/** The KUBE-SEP- chain of the Service port's endpoint on the index-th Pod of a workload. */
function sepChain(model: Model, svcName: string, workload: string, index: string): string {
  const svc = service(model, svcName);
  const port = svc.ports[0];
  if (!port) throw new Error(`Service ${svcName} has no port`);
  const ip = pod(model, workload, index).podIP;
  const slices = model.endpointSlices.filter(
    (s) => s.serviceName === svc.metadata.name && s.metadata.namespace === svc.metadata.namespace,
  );
  const slice = slices.find((s) => s.endpoints.some((e) => e.addresses.includes(ip)));
  const target = slice?.ports.find((p) => p.name === port.name)?.port;
  if (!target) throw new Error(`Service ${svcName} has no endpoint on ${workload} Pod ${index}`);
  return endpointChain(servicePortName(svc, port), port.protocol, `${ip}:${target}`);
}

/**
 * One value of a scenario, named as "kind:args": clusterIP:svc, nodePort:svc,
 * lbIP:svc, nodeIP:node, nodeIPWith:app / nodeIPWithout:app (the first node
 * that does / does not run a ready Pod labelled app=...), clusterCIDR,
 * serviceCIDR, clusterDNS, clusterDomain, externalClient, podCIDR:node, podName:workload:i, podIP:workload:i,
 * svc|svl|ext|fw:svc (the chains of the Service's first port) and
 * sep:svc:workload:i. A Service is "name" (namespace default) or "ns/name".
 */
export function scenarioValue(scenario: string, spec: string): string {
  const model = scenarioModel(scenario);
  const [kind = '', ...args] = spec.split(':');
  const [a = '', b = '', c = ''] = args;
  switch (kind) {
    case 'clusterIP':
    case 'nodePort':
    case 'lbIP':
    case 'nodeIPWith':
    case 'nodeIPWithout':
      return fill(`{${kind}:${a}}`, model);
    case 'clusterCIDR':
    case 'serviceCIDR':
    case 'clusterDNS':
    case 'clusterDomain':
    case 'externalClient':
      return model.cluster[kind];
    case 'nodeIP': {
      const node = model.nodes.find((n) => n.name === a);
      if (!node) throw new Error(`${scenario} has no node ${a}`);
      return node.internalIP;
    }
    case 'podCIDR': {
      const node = model.nodes.find((n) => n.name === a);
      if (!node) throw new Error(`${scenario} has no node ${a}`);
      return node.podCIDR;
    }
    case 'podName':
      return pod(model, a, b).metadata.name;
    case 'podIP':
      return pod(model, a, b).podIP;
    case 'svc':
    case 'svl':
    case 'ext':
    case 'fw': {
      const svc = service(model, a);
      const port = svc.ports[0];
      if (!port) throw new Error(`Service ${a} has no port`);
      return serviceChains(servicePortName(svc, port), port.protocol)[kind];
    }
    case 'sep':
      return sepChain(model, a, b, c);
    default:
      throw new Error(`unknown scenario value "${spec}"`);
  }
}

/** What `kubectl get service NAME` prints for a Service of the scenario, AGE being the chapter's. */
export function kubectlGetService(scenario: string, svcName: string, age: string): string {
  return serviceListing(service(scenarioModel(scenario), svcName), age);
}

/** A text with {kind:args} values filled in, e.g. "{clusterIP:my-service}:80". */
export function scenarioText(scenario: string, template: string): string {
  return template.replace(/\{([A-Za-z]+(?::[^{}]*)?)\}/g, (_, spec: string) =>
    scenarioValue(scenario, spec),
  );
}

/** The chains a Service's rules lead to, the ones its listing follows. */
const serviceChainPrefixes = ['KUBE-SVC-', 'KUBE-SVL-', 'KUBE-EXT-', 'KUBE-FW-', 'KUBE-SEP-'];

/**
 * The nat rules of one Service on a node. As iptables-restore input
 * ('restore'), in the order a packet meets them: the entry rules in
 * KUBE-NODEPORTS and KUBE-SERVICES written for the Service, then each chain
 * they jump to, in the order of the first jump to it (rules inside a chain
 * keep their order, which matters). As iptables-save prints them ('save'):
 * the lines `iptables-save -t nat | grep NAME` shows, in iptables-save's own
 * order (chains sorted by name, so the KUBE-SEP- chains come first).
 */
export function serviceRules(
  scenario: string,
  nodeName: string,
  svcName: string,
  format: IptablesFormat = 'restore',
): string {
  const model = scenarioModel(scenario);
  const svc = service(model, svcName);
  const node = model.nodes.find((n) => n.name === nodeName);
  if (!node) throw new Error(`${scenario} has no node ${nodeName}`);
  const nat = kubeProxyRules(model, node).nat;
  const ofService = (rule: Rule) =>
    rule.servicePort?.namespace === svc.metadata.namespace &&
    rule.servicePort.name === svc.metadata.name;
  if (format === 'save') return rulesInSaveOrder(nat).filter(ofService).map(savedRule).join('\n');
  const byChain = rulesByChain(nat);
  const out = ['KUBE-NODEPORTS', 'KUBE-SERVICES'].flatMap((chain) =>
    (byChain.get(chain) ?? []).filter(ofService),
  );
  const seen = new Set<string>();
  // `out` grows while it is walked: each chain's rules join the queue of jumps.
  for (const rule of out) {
    const chain = rule.jump;
    if (!chain || seen.has(chain) || !serviceChainPrefixes.some((p) => chain.startsWith(p)))
      continue;
    seen.add(chain);
    out.push(...(byChain.get(chain) ?? []));
  }
  return out.map(ruleText).join('\n');
}

/** What kube-proxy (nftables mode) names after a Service: its per-port chains and affinity sets. */
const nftServiceObject = /^(?:service|local|external|firewall|endpoint|affinity)-[A-Z2-7]{8}-/;

/** A line of knftables' dump ("add rule ip kube-proxy CHAIN …", "add element ip kube-proxy MAP { … }"). */
interface DumpLine {
  text: string;
  verb: 'rule' | 'element' | 'other';
  /** The chain a rule is in, or the set or map an element is in. */
  holder: string;
}

function dumpLines(dump: string): DumpLine[] {
  return dump
    .split('\n')
    .filter((text) => text !== '')
    .map((text) => {
      const m = /^add (rule|element) ip kube-proxy (\S+) /.exec(text);
      const verb = (m?.[1] ?? 'other') as DumpLine['verb'];
      return { text, verb, holder: m?.[2] ?? '' };
    });
}

/** The chains a rule or a map element sends a packet to (jump, goto, and each verdict of a vmap). */
const targets = (text: string) =>
  [...text.matchAll(/\b(?:jump|goto) (\S+)/g)].map((m) => m[1] ?? '');

/**
 * The lines of the node's `ip kube-proxy` table (kube-proxy in nftables mode,
 * as `routelab nftables` dumps it) that concern one Service, in the order a
 * packet meets them: each lookup rule whose map holds an element of the
 * Service, followed by those elements; then the Service's own chains, each
 * after the first verdict that sends a packet to it (the endpoint- chains
 * after the service- chain's `numgen` vmap); then the shared chains its rules
 * jump to (mark-for-masquerade) and the postrouting chain that acts on that
 * mark (masquerading). Chain declarations are left out, as the iptables
 * listing leaves out its `:CHAIN` lines. "" when kube-proxy is stopped there.
 */
export function serviceNFTables(scenario: string, nodeName: string, svcName: string): string {
  const model = scenarioModel(scenario);
  const svc = service(model, svcName);
  const dump = nftables(model, nodeName);
  if (dump === null) throw new Error(`${scenario} has no node ${nodeName}`);
  const lines = dumpLines(dump);
  const { namespace, name } = svc.metadata;
  // The names carry "namespace/name/protocol/port" after the hash; the
  // "no endpoints" elements carry the Service port's name as their comment.
  const own = (chain: string) =>
    nftServiceObject.test(chain) &&
    chain.replace(nftServiceObject, '').startsWith(`${namespace}/${name}/`);
  const ofService = (line: DumpLine) =>
    line.verb === 'element' &&
    (targets(line.text).some(own) ||
      line.text.includes(` comment "${namespace}/${name}"`) ||
      line.text.includes(` comment "${namespace}/${name}:`));
  const elements = lines.filter(ofService);
  const maps = new Set(elements.map((e) => e.holder));
  const out: DumpLine[] = [];
  for (const line of lines) {
    const lookup = /vmap @(\S+)/.exec(line.text)?.[1];
    if (line.verb !== 'rule' || !lookup || !maps.has(lookup)) continue;
    out.push(line, ...elements.filter((e) => e.holder === lookup));
  }
  const rulesOf = (chain: string) => lines.filter((l) => l.verb === 'rule' && l.holder === chain);
  const listed = new Set<string>();
  const shared: string[] = [];
  // `out` grows while it is walked: each chain's rules join the queue.
  for (const line of out)
    for (const chain of targets(line.text)) {
      if (listed.has(chain)) continue;
      listed.add(chain);
      if (own(chain)) out.push(...rulesOf(chain));
      else if (!nftServiceObject.test(chain)) shared.push(chain);
    }
  // Only what the Service's rules mark is masqueraded: the chain that does it
  // hangs from postrouting, so no rule of the Service leads to it.
  if (shared.length > 0) shared.push('masquerading');
  return [...out, ...[...new Set(shared)].flatMap(rulesOf)].map((l) => l.text).join('\n');
}
