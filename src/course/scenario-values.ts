// The numbers a chapter quotes (addresses, NodePorts, Pod names, kube-proxy's
// chain names), computed at build time from the chapter's scenario by the same
// engine that draws its figure, so the prose and the drawing cannot drift.
import {
  buildModel,
  endpointChain,
  iptables,
  type Model,
  type Service,
  serviceChains,
  servicePortName,
} from '../engine/index.ts';
import { fill } from './exercises/placeholders.ts';
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

/**
 * What `kubectl get service NAME` prints for a Service of the scenario. The
 * engine has no clock, so the AGE column is the chapter's. Columns are laid
 * out as kubectl's tabwriter does (kubectl/pkg/cmd/get: minwidth 10, padding 3).
 */
export function kubectlGetService(scenario: string, svcName: string, age: string): string {
  const model = scenarioModel(scenario);
  const svc = service(model, svcName);
  const external =
    svc.loadBalancerIngress.join(',') || (svc.type === 'LoadBalancer' ? '<pending>' : '<none>');
  const ports = svc.ports
    .map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol}`)
    .join(',');
  const rows = [
    ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
    [svc.metadata.name, svc.type, svc.clusterIP, external, ports, age],
  ];
  const widths = rows[0]?.map((_, c) => Math.max(10, ...rows.map((r) => (r[c] ?? '').length + 3)));
  return rows
    .map((r) =>
      r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths?.[c] ?? 0))).join(''),
    )
    .join('\n');
}

/** A text with {kind:args} values filled in, e.g. "{clusterIP:my-service}:80". */
export function scenarioText(scenario: string, template: string): string {
  return template.replace(/\{([A-Za-z]+(?::[^{}]*)?)\}/g, (_, spec: string) =>
    scenarioValue(scenario, spec),
  );
}

/**
 * The rules of one Service on a node, as iptables-restore input, in the order
 * a packet meets them: the entry rules in KUBE-SERVICES and KUBE-NODEPORTS
 * that name the Service, then each chain they jump to, in the order of the
 * first jump to it (rules inside a chain keep their order, which matters).
 */
export function serviceRules(scenario: string, nodeName: string, svcName: string): string {
  const model = scenarioModel(scenario);
  const svc = service(model, svcName);
  const text = iptables(model, nodeName);
  if (text === null) throw new Error(`${scenario} has no node ${nodeName}`);
  const comment = `${svc.metadata.namespace}/${svc.metadata.name}`;
  const lines = text.split('\n').filter((l) => l.startsWith('-A '));
  const chainOf = (l: string) => l.split(' ')[1] ?? '';
  const entry = lines.filter(
    (l) => ['KUBE-SERVICES', 'KUBE-NODEPORTS'].includes(chainOf(l)) && l.includes(comment),
  );
  const out = [...entry];
  const queue = entry.map((l) => / -j (KUBE-(?:SVC|SVL|EXT|FW|SEP)-\w+)/.exec(l)?.[1] ?? '');
  const seen = new Set<string>();
  for (const chain of queue) {
    if (!chain || seen.has(chain)) continue;
    seen.add(chain);
    for (const l of lines.filter((x) => chainOf(x) === chain)) {
      out.push(l);
      const next = / -j (KUBE-(?:SVC|SVL|EXT|FW|SEP)-\w+)/.exec(l)?.[1];
      if (next) queue.push(next);
    }
  }
  return out.join('\n');
}
