// A packet through a node's `ip kube-proxy` table (kube-proxy's nftables
// mode): the base chains of the hooks its path crosses, a part at a time as
// the node reaches them: the pre-DNAT filter and nat chain of prerouting (or
// output, for the node's own traffic), then the filter chain of forward, input
// or output, then nat postrouting's masquerading. Each rule the packet meets
// is a hop; `numgen random mod N` draws from the trace session's random, and
// the ClientIP affinity sets live in the session, so --seed and --count play
// out as in iptables mode. Source: kubernetes/kubernetes
// pkg/proxy/nftables/proxier.go (the base chains and their hooks) and
// helpers_test.go tracePacket (how the tests walk them).
import type { ClusterNode } from '../cluster.ts';
import type { Context, Packet } from '../kubeproxy/match.ts';
import { kubeProxyNFTables, type NftTable, walkPacket } from '../kubeproxy/nftables/index.ts';
import { message } from '../messages.ts';
import { serviceNamed } from '../model/lookup.ts';
import type { Model } from '../model/types.ts';
import { type NftStep, nftablesEnding, servicePortOf } from './dropped.ts';
import { hop } from './english.ts';
import type { FilterHook, KubeProxyPath, Named, NatHook } from './kube-proxy.ts';
import { addresses, dnatTo } from './packet.ts';
import type { Ending, Hop, Rewrite } from './types.ts';

const natHooks: Record<NatHook, string[]> = {
  PREROUTING: ['filter-prerouting-pre-dnat', 'nat-prerouting'],
  OUTPUT: ['filter-output-pre-dnat', 'nat-output'],
};

const filterHooks: Record<FilterHook, string> = {
  INPUT: 'filter-input',
  FORWARD: 'filter-forward',
  OUTPUT: 'filter-output',
};

export class NftablesPath implements KubeProxyPath {
  private readonly model: Model;
  private readonly node: ClusterNode;
  private readonly hops: Hop[];
  private readonly named: Named;
  private readonly table: NftTable | null;
  /** The packet's mark: a jump to mark-for-masquerade sets it, masquerading reads it. */
  private marked = false;
  private serviceKnown = false;

  constructor(model: Model, node: ClusterNode, hops: Hop[], named: Named) {
    this.model = model;
    this.node = node;
    this.hops = hops;
    this.named = named;
    // A stopped kube-proxy has written no table: nothing here matches.
    this.table = kubeProxyNFTables(model, node);
  }

  nat(hook: NatHook, packet: Packet, ctx: Context): { toDestination?: string; ending?: Ending } {
    const out = this.run(natHooks[hook], packet, ctx);
    if (!out) return {};
    return 'ending' in out ? { ending: out.ending } : { toDestination: out.toDestination };
  }

  filter(hook: FilterHook, packet: Packet, ctx: Context): Ending | null {
    const out = this.run([filterHooks[hook]], packet, ctx);
    return out && 'ending' in out ? out.ending : null;
  }

  /**
   * nat-postrouting jumps to masquerading, which returns unless the packet is
   * marked, then clears the mark and masquerades (its rules are statements the
   * walker need not read: the mark is this path's own).
   */
  postrouting(packet: Packet, _ctx: Context, source: string): boolean {
    if (!this.table || !this.marked) return false;
    const jump = this.table.chains
      .get('nat-postrouting')
      ?.rules.find((r) => r.rule === 'jump masquerading');
    const masquerade = this.table.chains
      .get('masquerading')
      ?.rules.find((r) => r.rule.startsWith('masquerade'));
    if (!jump || !masquerade) return false;
    const before = addresses(packet);
    const after = addresses({ ...packet, src: source });
    this.stepHop(
      { chain: 'nat-postrouting', rule: jump.rule, verdict: 'jump masquerading' },
      before,
    );
    this.stepHop({ chain: 'masquerading', rule: masquerade.rule, verdict: 'masquerade' }, after, {
      type: 'SNAT',
      from: before.src,
      to: after.src,
    });
    return true;
  }

  /** Walks `hooks`; the DNAT destination, DROP or REJECT (with its ending), or null when nothing ended the walk. */
  private run(
    hooks: string[],
    packet: Packet,
    ctx: Context,
  ): { toDestination: string } | { ending: Ending } | null {
    if (!this.table) return null;
    const walk = walkPacket(
      this.table,
      {
        source: packet.src,
        protocol: packet.protocol,
        destination: packet.dst,
        port: packet.dport,
      },
      {
        // `fib ... type local`: the node's own addresses, loopback among them.
        localIPs: [...ctx.localAddresses, '127.0.0.1'],
        pick: (n) => Math.min(n - 1, Math.floor(ctx.random() * n)),
        hooks,
        affinity: ctx.recent,
      },
    );
    if (walk.masquerade) this.marked = true;
    let current = packet;
    const steps: NftStep[] = walk.steps.map((step, i) => ({
      ...step,
      ...(walk.verdicts[i] ?? { verdict: '' }),
    }));
    for (const step of steps) {
      const dnat = /^dnat to (\S+)$/.exec(step.verdict)?.[1];
      const before = addresses(current);
      if (dnat) current = dnatTo(current, dnat);
      const after = addresses(current);
      this.stepHop(
        step,
        after,
        dnat && before.dst !== after.dst
          ? { type: 'DNAT', from: before.dst, to: after.dst }
          : undefined,
      );
    }
    const verdict = walk.outputs[0];
    if (verdict === undefined) return null;
    if (verdict !== 'DROP' && verdict !== 'REJECT') return { toDestination: verdict };
    const ending = nftablesEnding(this.model, this.node.name, steps, verdict, packet, this.named);
    return { ending };
  }

  private stepHop(
    step: Pick<NftStep, 'chain' | 'rule' | 'verdict' | 'element' | 'comment'>,
    packet: { src: string; dst: string },
    rewrite?: Rewrite,
  ): void {
    const servicePort = servicePortOf(step.chain) ?? servicePortOf(step.comment ?? '');
    // The element matched, or the rule's own words, already say a verdict
    // map's choice or a plain jump, goto, drop or DNAT.
    const shown = step.element || step.rule.endsWith(step.verdict) ? null : step.verdict;
    const said = message('nftables.rule', {
      chain: step.chain,
      rule: step.rule,
      element: step.element ?? null,
      verdict: shown,
    });
    this.hops.push(
      hop('nftables', this.node.name, said, packet, {
        table: 'kube-proxy',
        chain: step.chain,
        ruleText: step.rule,
        ...(step.element ? { element: step.element } : {}),
        verdict: step.verdict,
        ...(servicePort ? { servicePort } : {}),
        ...(rewrite ? { rewrite } : {}),
      }),
    );
    if (servicePort && !this.serviceKnown) {
      const service = serviceNamed(this.model, servicePort.namespace, servicePort.name);
      const port = service?.ports.find((p) => p.name === servicePort.port);
      if (service && port) {
        this.serviceKnown = true;
        this.named(service, port);
      }
    }
  }
}
