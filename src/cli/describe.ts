// `routelab describe`: the text of kubectl pkg/describe/describe.go for the
// kinds the routing turns on (describeService, describeIngressV1 with
// describeBackendV1, describeEndpointSliceV1, describeNode), laid out by Go's text/tabwriter
// as tabbedString configures it (minwidth 0, tabwidth 8, padding 2, spaces).
// The simulation keeps no events, so every description ends as kubectl's does
// when searchEvents finds none: "Events: <none>" (DescribeEvents).

import {
  type EndpointSlice,
  type Ingress,
  type IngressBackend,
  type IngressClass,
  ingressStatusAddresses,
  type Model,
  type Service,
  storedClassName,
} from '../engine/index.ts';
import { UsageError } from './args.ts';
import { describeGeneric, gatewayObject } from './describe-generic.ts';
import { describeNode } from './describe-node.ts';
import { describePod } from './describe-pod.ts';
import { qualifiedResource, type ResourceType } from './kinds.ts';
import type { Item } from './tables.ts';

const runes = (s: string) => [...s].length;

/**
 * Go's text/tabwriter (format/writeLines, flags 0): a column is as wide as its
 * widest cell plus padding over each run of consecutive lines that have a
 * tab-terminated cell in it; a line's last cell is never padded.
 */
export function tabwrite(text: string, minwidth = 0, padding = 2): string {
  const lines = text.split('\n').map((l) => l.split('\t'));
  const out: string[] = [];
  const write = (from: number, to: number, widths: number[]) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i] ?? [];
      out.push(
        cells
          .map((c, j) => (j < widths.length ? c + ' '.repeat((widths[j] ?? 0) - runes(c)) : c))
          .join(''),
      );
    }
  };
  const format = (line0: number, line1: number, widths: number[]) => {
    const column = widths.length;
    let from = line0;
    for (let at = line0; at < line1; at++) {
      if (column >= (lines[at]?.length ?? 0) - 1) continue;
      write(from, at, widths);
      from = at;
      let width = minwidth;
      for (; at < line1 && column < (lines[at]?.length ?? 0) - 1; at++)
        width = Math.max(width, runes(lines[at]?.[column] ?? '') + padding);
      format(from, at, [...widths, width]);
      from = at;
    }
    write(from, line1, widths);
  };
  format(0, lines.length, []);
  return out.join('\n');
}

/** A PrefixWriter's line: two spaces per level. */
const level = (n: number, text: string) => `${'  '.repeat(n)}${text}`;

/** printLabelsMultiline: sorted key=value lines, <none> when there are none. */
function labelLines(title: string, labels: Record<string, string>): string[] {
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) return [`${title}:\t<none>`];
  return keys.map((k, i) => `${i === 0 ? `${title}:` : ''}\t${k}=${labels[k]}`);
}

/** printAnnotationsMultiline, without the long-value folding (none here is that long). */
function annotationLines(annotations: Record<string, string>): string[] {
  const keys = Object.keys(annotations)
    .filter((k) => k !== 'kubectl.kubernetes.io/last-applied-configuration')
    .sort();
  if (keys.length === 0) return ['Annotations:\t<none>'];
  return keys.map((k, i) => `${i === 0 ? 'Annotations:' : ''}\t${k}: ${annotations[k]}`);
}

/** labels.FormatLabels: sorted k=v joined by commas, <none> when empty. */
const formatLabels = (m: Record<string, string> | null) =>
  m && Object.keys(m).length
    ? Object.keys(m)
        .sort()
        .map((k) => `${k}=${m[k]}`)
        .join(',')
    : '<none>';

/** The EndpointSlices labelled kubernetes.io/service-name=NAME, by name as the API lists them. */
function slicesOf(model: Model, namespace: string, service: string): EndpointSlice[] {
  return model.endpointSlices
    .filter((e) => e.metadata.namespace === namespace && e.serviceName === service)
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}

/** formatEndpointSlices: ready endpoints as ip:port for the named port, three then "+ N more...". */
function formatEndpointSlices(slices: EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  const add = (text: string) => {
    if (list.length === 3) more = true;
    if (!more) list.push(text);
    count++;
  };
  for (const slice of slices) {
    const ready = slice.endpoints.filter((e) => e.ready);
    if (slice.ports.length === 0) for (const e of ready) add(e.addresses[0] ?? '');
    else
      for (const port of slice.ports.filter((p) => p.name === portName))
        for (const e of ready) add(`${e.addresses[0] ?? ''}:${port.port}`);
  }
  return more ? `${list.join(',')} + ${count - 3} more...` : list.join(',');
}

function describeService(model: Model, s: Service): string[] {
  const slices = slicesOf(model, s.metadata.namespace, s.metadata.name);
  const externalName = s.type === 'ExternalName';
  const lines = [
    `Name:\t${s.metadata.name}`,
    `Namespace:\t${s.metadata.namespace}`,
    ...labelLines('Labels', s.metadata.labels),
    ...annotationLines(s.metadata.annotations),
    `Selector:\t${formatLabels(s.selector)}`,
    `Type:\t${s.type}`,
    // kube-apiserver sets the IP families on every Service but an ExternalName one.
    ...(externalName
      ? ['IP Families:\t<none>']
      : ['IP Family Policy:\tSingleStack', 'IP Families:\tIPv4']),
    `IP:\t${s.clusterIP}`,
    `IPs:\t${s.clusterIP ? s.clusterIP : '<none>'}`,
  ];
  if (s.externalIPs.length) lines.push(`External IPs:\t${s.externalIPs.join(',')}`);
  if (s.loadBalancerIP) lines.push(`Desired LoadBalancer IP:\t${s.loadBalancerIP}`);
  if (s.externalName) lines.push(`External Name:\t${s.externalName}`);
  // buildIngressString: each address with its ipMode, which kube-apiserver defaults to VIP.
  if (s.loadBalancerIngress.length)
    lines.push(
      `LoadBalancer Ingress:\t${s.loadBalancerIngress.map((ip) => `${ip} (VIP)`).join(', ')}`,
    );
  for (const p of s.ports) {
    const name = p.name || '<unset>';
    lines.push(
      `Port:\t${name}\t${p.port}/${p.protocol}`,
      `TargetPort:\t${p.targetPort}/${p.protocol}`,
    );
    if (p.nodePort) lines.push(`NodePort:\t${name}\t${p.nodePort}/${p.protocol}`);
    lines.push(`Endpoints:\t${formatEndpointSlices(slices, p.name)}`);
  }
  lines.push(`Session Affinity:\t${s.sessionAffinity}`);
  const external = s.type === 'NodePort' || s.type === 'LoadBalancer' || s.externalIPs.length > 0;
  if (external && s.externalTrafficPolicy)
    lines.push(`External Traffic Policy:\t${s.externalTrafficPolicy}`);
  if (!externalName) lines.push(`Internal Traffic Policy:\t${s.internalTrafficPolicy}`);
  if (s.healthCheckNodePort) lines.push(`HealthCheck NodePort:\t${s.healthCheckNodePort}`);
  if (s.loadBalancerSourceRanges.length)
    lines.push(`LoadBalancer Source Ranges:\t${s.loadBalancerSourceRanges.join(',')}`);
  return lines;
}

/** describeBackendV1: service:port, then its endpoints or the error reading the Service. */
function describeBackend(model: Model, namespace: string, b: IngressBackend): string {
  if (b.service) {
    const port = b.service.port.number ? String(b.service.port.number) : b.service.port.name;
    const sb = `${b.service.name}:${port}`;
    const service = model.services.find(
      (s) => s.metadata.namespace === namespace && s.metadata.name === b.service?.name,
    );
    if (!service) return `${sb} (<error: services "${b.service.name}" not found>)`;
    let spName = '';
    for (const sp of service.ports)
      if (
        (b.service.port.number && b.service.port.number === sp.port) ||
        (b.service.port.name && b.service.port.name === sp.name)
      )
        spName = sp.name;
    return `${sb} (${formatEndpointSlices(slicesOf(model, namespace, b.service.name), spName)})`;
  }
  if (b.resource) return `APIGroup: <none>, Kind: ${b.resource.kind}, Name: ${b.resource.name}`;
  return '';
}

function describeIngress(model: Model, ing: Ingress): string[] {
  const ns = ing.metadata.namespace;
  const defaultBackend = ing.defaultBackend
    ? describeBackend(model, ns, ing.defaultBackend)
    : '<default>';
  const lines = [
    `Name:\t${ing.metadata.name}`,
    ...labelLines('Labels', ing.metadata.labels),
    `Namespace:\t${ns}`,
    `Address:\t${[...new Set(ingressStatusAddresses(model, ing))].sort().join(',')}`,
    `Ingress Class:\t${storedClassName(model, ing) ?? '<none>'}`,
    `Default backend:\t${defaultBackend}`,
  ];
  if (ing.tls.length) {
    lines.push('TLS:');
    for (const t of ing.tls)
      lines.push(
        level(
          1,
          t.secretName
            ? `${t.secretName} terminates ${t.hosts.join(',')}`
            : `SNI routes ${t.hosts.join(',')}`,
        ),
      );
  }
  lines.push('Rules:', '  Host\tPath\tBackends', level(1, '----\t----\t--------'));
  const withHttp = ing.rules.filter((r) => r.paths !== null);
  for (const rule of withHttp) {
    lines.push(level(1, `${rule.host || '*'}\t`));
    for (const p of rule.paths ?? [])
      lines.push(level(2, `\t${p.path} \t${describeBackend(model, ns, p.backend)}`));
  }
  if (withHttp.length === 0) lines.push(level(1, `*\t*\t${defaultBackend}`));
  lines.push(...annotationLines(ing.metadata.annotations));
  return lines;
}

function describeEndpointSlice(e: EndpointSlice): string[] {
  const lines = [
    `Name:\t${e.metadata.name}`,
    `Namespace:\t${e.metadata.namespace}`,
    ...labelLines('Labels', e.metadata.labels),
    ...annotationLines(e.metadata.annotations),
    `AddressType:\t${e.addressType}`,
  ];
  if (e.ports.length === 0) lines.push('Ports: <unset>');
  else {
    lines.push('Ports:', level(1, 'Name\tPort\tProtocol'), level(1, '----\t----\t--------'));
    for (const p of e.ports)
      lines.push(level(1, `${p.name || '<unset>'}\t${p.port}\t${p.protocol}`));
  }
  if (e.endpoints.length === 0) lines.push('Endpoints: <none>');
  else {
    lines.push('Endpoints:');
    for (const x of e.endpoints) {
      lines.push(
        level(1, `- Addresses:\t${x.addresses.join(', ') || '<none>'}`),
        level(2, 'Conditions:'),
        level(3, `Ready:\t${x.ready}`),
        level(2, 'Hostname:\t<unset>'),
      );
      if (x.targetRef) lines.push(level(2, `TargetRef:\tPod/${x.targetRef.split('/')[1]}`));
      lines.push(
        level(2, `NodeName:\t${x.nodeName || '<unset>'}`),
        level(2, `Zone:\t${x.zone || '<unset>'}`),
      );
    }
  }
  return lines;
}

/** describeIngressClassV1: the controller; the parameters, when the class names them (never here). */
function describeIngressClass(c: IngressClass): string[] {
  return [
    `Name:\t${c.metadata.name}`,
    ...labelLines('Labels', c.metadata.labels),
    ...annotationLines(c.metadata.annotations),
    `Controller:\t${c.controller}`,
  ];
}

/**
 * describeNamespace: Active, then the quota and limit-range sections after a
 * blank line each (the simulated cluster has neither). It shows no events.
 */
function describeNamespace(name: string): string {
  return tabwrite(
    [
      `Name:\t${name}`,
      `Labels:\tkubernetes.io/metadata.name=${name}`,
      'Annotations:\t<none>',
      'Status:\tActive',
      '',
      'No resource quota.',
      '',
      'No LimitRange resource.',
      '',
    ].join('\n'),
  );
}

/** The description of one object, ending in a line break as tabbedString's does. */
export function describeText(model: Model, type: ResourceType, item: Item): string {
  const at = (o: { metadata: { name: string; namespace: string } }) =>
    o.metadata.name === item.name && o.metadata.namespace === item.namespace;
  let lines: string[] | undefined;
  if (type.resource === 'namespaces') return describeNamespace(item.name);
  if (type.resource === 'ingressclasses') {
    const c = model.ingressClasses.find((x) => x.metadata.name === item.name);
    lines = c && describeIngressClass(c);
  } else if (type.resource === 'services') {
    const s = model.services.find(at);
    lines = s && describeService(model, s);
  } else if (type.resource === 'ingresses') {
    const ing = model.ingresses.find(at);
    lines = ing && describeIngress(model, ing);
  } else if (type.resource === 'pods') {
    const pod = model.pods.find(at);
    lines = pod && describePod(model, pod);
  } else if (type.resource === 'nodes') {
    lines = describeNode(model, item.name);
  } else if (type.group === 'gateway.networking.k8s.io') {
    const object = gatewayObject(model, type.resource, item.namespace, item.name);
    lines = object && describeGeneric(object);
  } else if (type.resource === 'endpointslices') {
    const e = model.endpointSlices.find(at);
    lines = e && describeEndpointSlice(e);
  } else
    throw new UsageError(
      `routelab describe does not describe ${qualifiedResource(type)} yet: it describes nodes, pods, services, ingresses, ingressclasses, endpointslices, namespaces and Gateway API's gatewayclasses, gateways, httproutes and referencegrants`,
    );
  if (!lines) throw new UsageError(`${qualifiedResource(type)} "${item.name}" vanished`);
  return `${tabwrite([...lines, 'Events:\t<none>', ''].join('\n'))}`;
}
