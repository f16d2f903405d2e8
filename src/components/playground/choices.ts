// What the request builder offers, read from the learner's model: every place
// a request can start (the outside client, each node, each Deployment, each
// running Pod) and the addresses worth trying (Service names and DNS names,
// ClusterIPs, NodePorts on every node, load-balancer addresses, Ingress hosts
// and paths, Pod IPs). Offers only: any other text may still be typed.
import type { Model } from '../../engine/index.ts';
import { defaultDenyName } from './policy-doc.ts';

export interface Choices {
  sources: string[];
  targets: string[];
  nodes: { name: string; kubeProxy: 'Running' | 'Stopped'; ready: boolean }[];
  pods: { name: string; ready: boolean; running: boolean }[];
  /** Namespaces a default deny can be switched in, and whether the text has one there. */
  namespaces: { name: string; defaultDeny: boolean }[];
  cluster: {
    loadBalancer: 'cloud' | 'none';
    ingress: 'LoadBalancer' | 'NodePort' | 'None' | 'absent';
    networkPolicy: 'enforced' | 'ignored';
    /** Whether Envoy Gateway is installed (spec.gatewayController). */
    gatewayController: boolean;
  };
  /** Each GatewayClass, and whether it names Envoy Gateway's controller. */
  gatewayClasses: { name: string; ours: boolean }[];
}

const envoyGatewayController = 'gateway.envoyproxy.io/gatewayclass-controller';
/** The controllers' own namespaces: their Pods are not the learner's to switch. */
const controllerNamespaces = new Set(['ingress-nginx', 'envoy-gateway-system']);

/** Namespaces of the control plane's own: no app of the learner's runs there. */
const systemNamespaces = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

/** Enough to choose from without making a datalist a thousand lines long. */
const limit = 300;

const url = (scheme: string, host: string, port: number, path = '/') =>
  `${scheme}://${host}${(scheme === 'http' && port === 80) || (scheme === 'https' && port === 443) ? '' : `:${port}`}${path}`;

/** The namespaces a default deny can be switched in, each with whether it has one. */
function namespacesOf(model: Model): Choices['namespaces'] {
  return model.namespaces
    .filter((ns) => !systemNamespaces.has(ns))
    .map((ns) => ({
      name: ns,
      defaultDeny: model.networkPolicies.some(
        (p) => p.metadata.namespace === ns && p.metadata.name === defaultDenyName,
      ),
    }))
    .slice(0, limit);
}

/** The hosts a request from outside names: each route's hostnames (a wildcard's as www.), each Ingress rule's host and path. */
function hostTargets(model: Model): string[] {
  const targets: string[] = [];
  for (const route of model.httpRoutes)
    for (const host of route.hostnames)
      targets.push(url('http', host.replace(/^\*\./, 'www.'), 80));
  for (const ingress of model.ingresses) {
    const tls = new Set(ingress.tls.flatMap((t) => t.hosts));
    for (const rule of ingress.rules)
      for (const path of rule.paths ?? []) {
        if (!rule.host) continue;
        const p = path.path || '/';
        targets.push(url('http', rule.host, 80, p));
        if (tls.has(rule.host)) targets.push(url('https', rule.host, 443, p));
      }
  }
  return targets;
}

export function choicesOf(model: Model): Choices {
  const sources = ['external', ...model.nodes.map((n) => `node/${n.name}`)];
  for (const w of model.workloads)
    if (w.kind === 'Deployment')
      sources.push(
        w.metadata.namespace === 'default'
          ? `deployment/${w.metadata.name}`
          : `deployment/${w.metadata.namespace}/${w.metadata.name}`,
      );
  for (const p of model.pods)
    if (p.podIP)
      sources.push(
        p.metadata.namespace === 'default'
          ? `pod/${p.metadata.name}`
          : `pod/${p.metadata.namespace}/${p.metadata.name}`,
      );

  const targets = hostTargets(model);
  // The learner's own Services before the ingress controller's.
  const services = [...model.services].sort(
    (a, b) =>
      Number(a.metadata.namespace === 'ingress-nginx') -
      Number(b.metadata.namespace === 'ingress-nginx'),
  );
  for (const s of services) {
    const ns = s.metadata.namespace;
    for (const port of s.ports) {
      const scheme = port.port === 443 ? 'https' : 'http';
      if (ns === 'default') targets.push(url(scheme, s.metadata.name, port.port));
      targets.push(
        url(scheme, `${s.metadata.name}.${ns}.svc.${model.cluster.clusterDomain}`, port.port),
      );
      if (s.clusterIP && s.clusterIP !== 'None') targets.push(url(scheme, s.clusterIP, port.port));
      if (port.nodePort)
        for (const n of model.nodes) targets.push(url(scheme, n.internalIP, port.nodePort));
      for (const ip of [...s.loadBalancerIngress, ...s.externalIPs])
        targets.push(url(scheme, ip, port.port));
    }
  }
  for (const p of model.pods)
    if (p.podIP)
      for (const c of p.spec.containers)
        for (const port of c.ports) targets.push(url('http', p.podIP, port.containerPort));

  const ingressService = model.services.find(
    (s) =>
      s.metadata.namespace === 'ingress-nginx' && s.metadata.name === 'ingress-nginx-controller',
  );
  return {
    sources: [...new Set(sources)].slice(0, limit),
    targets: [...new Set(targets)].slice(0, limit),
    nodes: model.nodes.map((n) => ({ name: n.name, kubeProxy: n.kubeProxy, ready: n.ready })),
    pods: model.pods
      .filter((p) => !controllerNamespaces.has(p.metadata.namespace))
      .map((p) => ({ name: p.metadata.name, ready: p.ready, running: p.phase === 'Running' }))
      .slice(0, limit),
    namespaces: namespacesOf(model),
    cluster: {
      networkPolicy: model.cluster.networkPolicy,
      loadBalancer: model.cluster.loadBalancer,
      ingress:
        model.cluster.ingressController === 'none'
          ? 'absent'
          : ingressService
            ? model.cluster.ingressControllerService
            : 'None',
      gatewayController: model.cluster.gatewayController === 'envoy-gateway',
    },
    gatewayClasses: model.gatewayClasses.map((c) => ({
      name: c.metadata.name,
      ours: c.controllerName === envoyGatewayController,
    })),
  };
}
