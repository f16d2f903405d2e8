// The numbers a chapter quotes (addresses, NodePorts, Pod names, kube-proxy's
// chain names), computed at build time from the chapter's scenario by the same
// engine that draws its figure, so the prose and the drawing cannot drift.
import {
  buildModel,
  endpointChain,
  type IptablesFormat,
  kubeProxyRules,
  type Model,
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
