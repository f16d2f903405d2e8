import type { Packet } from '../kubeproxy/match.ts';

/** The client's source port; kube-proxy's MASQUERADE keeps it (no --random-fully). */
export const clientPort = 40000;

/** The packet as a hop records it. */
export function addresses(packet: Packet): { src: string; dst: string } {
  return { src: `${packet.src}:${clientPort}`, dst: `${packet.dst}:${packet.dport}` };
}

/** The packet after a DNAT rule's --to-destination ("10.244.2.2:8080"). */
export function dnatTo(packet: Packet, toDestination: string): Packet {
  const [ip, port] = toDestination.split(':');
  return { ...packet, dst: ip || packet.dst, dport: port ? Number(port) : packet.dport };
}
