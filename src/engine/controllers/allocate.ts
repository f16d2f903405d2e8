// What kube-apiserver's Service registry allocates (ClusterIPs, NodePorts,
// health-check NodePorts) and what the cloud provider hands out (load-balancer
// addresses), with the registry's own refusals. Allocation is deterministic:
// a Service's first choice comes from a hash of its name, then the next free one.
// Error texts: pkg/registry/core/service/ipallocator (ErrAllocated,
// ErrNotInRange) and portallocator, as kubectl prints them.
import type { Service } from '../api/types.ts';
import type { ClusterSpec } from '../cluster.ts';
import type { FieldError } from '../diagnostics.ts';
import { invalid } from '../diagnostics.ts';
import { cidrContains, cidrSize, formatIPv4, parseCidr } from '../net/ip.ts';
import { fnv32a } from '../util/hash.ts';

export interface Allocation {
  service: Service;
  errors: FieldError[];
}

export class Allocator {
  private readonly cluster: ClusterSpec;
  private readonly ips = new Set<string>();
  private readonly nodePorts = new Set<number>();
  private lbNext = 1;

  constructor(cluster: ClusterSpec) {
    this.cluster = cluster;
    const range = parseCidr(cluster.serviceCIDR);
    // The `kubernetes` Service holds the first address, cluster DNS its own:
    // every real cluster has taken them before any manifest is applied.
    if (range) this.ips.add(formatIPv4(range.base + 1));
    this.ips.add(cluster.clusterDNS);
  }

  /** Allocates what a Service needs; a Service with errors is not created. */
  allocate(input: Service): Allocation {
    const service: Service = { ...input, ports: input.ports.map((p) => ({ ...p })) };
    const errors: FieldError[] = [];
    const range = parseCidr(this.cluster.serviceCIDR);
    const [lo, hi] = this.cluster.nodePortRange;

    if (service.type !== 'ExternalName' && service.clusterIP !== 'None' && range) {
      if (service.clusterIP) {
        const ip = service.clusterIP;
        let why = '';
        if (
          !cidrContains(range, ip) ||
          ip === formatIPv4(range.base) ||
          ip === formatIPv4(range.base + cidrSize(range) - 1)
        )
          why = `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${range.text}`;
        else if (this.ips.has(ip)) why = 'provided IP is already allocated';
        if (why)
          errors.push({
            ...invalid(['spec', 'clusterIPs'], [ip], `failed to allocate IP ${ip}: ${why}`),
            at: ['spec', 'clusterIP'],
          });
        else this.ips.add(ip);
      } else {
        const size = cidrSize(range) - 2;
        const start = fnv32a(service.id) % size;
        for (let i = 0; i < size; i++) {
          const candidate = formatIPv4(range.base + 1 + ((start + i) % size));
          if (!this.ips.has(candidate)) {
            this.ips.add(candidate);
            service.clusterIP = candidate;
            break;
          }
        }
      }
    }

    if (service.type === 'NodePort' || service.type === 'LoadBalancer') {
      const error = this.initNodePorts(service, lo, hi);
      if (error) errors.push(error);
    }
    if (service.type === 'LoadBalancer' && service.externalTrafficPolicy === 'Local') {
      if (service.healthCheckNodePort !== 0) {
        const why = this.claimPort(service.healthCheckNodePort, lo, hi);
        if (why)
          errors.push(
            invalid(
              ['spec', 'healthCheckNodePort'],
              service.healthCheckNodePort,
              `failed to allocate requested HealthCheck NodePort ${service.healthCheckNodePort}: ${why}`,
            ),
          );
      } else service.healthCheckNodePort = this.nextPort(`${service.id}/health`, lo, hi);
    }
    if (
      service.type === 'LoadBalancer' &&
      service.loadBalancerIngress.length === 0 &&
      this.cluster.loadBalancer === 'cloud'
    ) {
      const pool = parseCidr(this.cluster.loadBalancerCIDR);
      if (service.loadBalancerIP) service.loadBalancerIngress = [service.loadBalancerIP];
      else if (pool && this.lbNext < cidrSize(pool) - 1)
        service.loadBalancerIngress = [formatIPv4(pool.base + this.lbNext++)];
    }
    return { service, errors };
  }

  /**
   * alloc.go initNodePorts: ports with the same number share one nodePort (TCP
   * and UDP 53 both answer on it), a nodePort asked for on any of them wins,
   * and a LoadBalancer with allocateLoadBalancerNodePorts: false still gets
   * the nodePorts it names ("Don't allocate new ports, but do respect specific
   * requests"). The registry stops at the first port it cannot have.
   */
  private initNodePorts(service: Service, lo: number, hi: number): FieldError | null {
    const shouldAllocate =
      service.type === 'NodePort' || service.allocateLoadBalancerNodePorts === true;
    const byNumber = new Map<number, number>();
    for (const [i, port] of service.ports.entries()) {
      if (port.nodePort === 0 && !shouldAllocate) continue;
      const allocated = byNumber.get(port.port) ?? 0;
      if (allocated === 0) {
        // findRequestedNodePort: the first nodePort given on a port of this number.
        const requested = service.ports.find((p) => p.port === port.port && p.nodePort !== 0);
        if (requested) {
          const why = this.claimPort(requested.nodePort, lo, hi);
          if (why) return invalid(['spec', 'ports', i, 'nodePort'], requested.nodePort, why);
          port.nodePort = requested.nodePort;
        } else port.nodePort = this.nextPort(`${service.id}/${port.name}/${port.port}`, lo, hi);
        byNumber.set(port.port, port.nodePort);
      } else if (port.nodePort !== allocated) {
        if (port.nodePort === 0) port.nodePort = allocated;
        else {
          const why = this.claimPort(port.nodePort, lo, hi);
          if (why) return invalid(['spec', 'ports', i, 'nodePort'], port.nodePort, why);
        }
      }
    }
    return null;
  }

  private claimPort(port: number, lo: number, hi: number): string {
    if (port < lo || port > hi)
      return `provided port is not in the valid range. The range of valid ports is ${lo}-${hi}`;
    if (this.nodePorts.has(port)) return 'provided port is already allocated';
    this.nodePorts.add(port);
    return '';
  }

  private nextPort(seed: string, lo: number, hi: number): number {
    const size = hi - lo + 1;
    const start = fnv32a(seed) % size;
    for (let i = 0; i < size; i++) {
      const candidate = lo + ((start + i) % size);
      if (!this.nodePorts.has(candidate)) {
        this.nodePorts.add(candidate);
        return candidate;
      }
    }
    return 0;
  }
}
