// What `kubectl get` prints for the engine's objects, shared by `routelab get`
// and the chapters' listings, so that a Service reads the same in the terminal
// and on the page (EXTERNAL-IP above all, which has four sources).
import type { Model, Service } from '../engine/index.ts';

/**
 * Rows laid out as kubectl's tabwriter does: each column as wide as its widest
 * cell plus 3 spaces, at least minWidth (kubectl/pkg/cmd/get uses 10), the last
 * column unpadded.
 */
export function table(rows: string[][], minWidth = 0): string {
  const widths = (rows[0] ?? []).map((_, c) =>
    Math.max(minWidth, ...rows.map((r) => (r[c] ?? '').length + 3)),
  );
  return rows
    .map((r) =>
      r
        .map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c] ?? 0)))
        .join('')
        .trimEnd(),
    )
    .join('\n');
}

/**
 * A label selector as kubectl prints it: "app=web,tier=front" sorted by key
 * (apimachinery labels.FormatLabels and Selector.String both sort), or <none>.
 */
export const labelSelector = (s: Record<string, string> | null): string =>
  s && Object.keys(s).length > 0
    ? Object.keys(s)
        .sort()
        .map((k) => `${k}=${s[k]}`)
        .join(',')
    : '<none>';

function servicePorts(service: Service): string {
  if (service.ports.length === 0) return '<none>';
  return service.ports
    .map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`))
    .join(',');
}

function externalIP(service: Service): string {
  if (service.type === 'ExternalName') return service.externalName;
  const ips = [...service.loadBalancerIngress, ...service.externalIPs];
  if (ips.length > 0) return ips.join(',');
  return service.type === 'LoadBalancer' ? '<pending>' : '<none>';
}

export const serviceColumns = [
  'NAMESPACE',
  'NAME',
  'TYPE',
  'CLUSTER-IP',
  'EXTERNAL-IP',
  'PORT(S)',
  'SELECTOR',
] as const;
export type ServiceColumn = (typeof serviceColumns)[number];

/** A Service's cells, by column: each command picks the columns it prints. */
export function serviceCells(service: Service): Record<ServiceColumn, string> {
  return {
    NAMESPACE: service.metadata.namespace,
    NAME: service.metadata.name,
    TYPE: service.type,
    'CLUSTER-IP': service.clusterIP || '<none>',
    'EXTERNAL-IP': externalIP(service),
    'PORT(S)': servicePorts(service),
    SELECTOR: labelSelector(service.selector),
  };
}

/** `kubectl get services -A -o wide`, as `routelab get services` prints it. */
export function servicesTable(model: Model): string {
  return table([
    [...serviceColumns],
    ...model.services.map((s) => {
      const cells = serviceCells(s);
      return serviceColumns.map((c) => cells[c]);
    }),
  ]);
}

/**
 * `kubectl get service NAME`: one Service, without namespace and selector. The
 * engine has no clock, so the AGE column is the caller's.
 */
export function serviceListing(service: Service, age: string): string {
  const columns = ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)'] as const;
  const cells = serviceCells(service);
  return table(
    [
      [...columns, 'AGE'],
      [...columns.map((c) => cells[c]), age],
    ],
    10,
  );
}
