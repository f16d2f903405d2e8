// One scene: a cluster and one request through it, as every page shows it:
// the trace, and the layout of each diagram view. Computed at build time for
// a chapter's figure (ScenarioDiagram.astro), in the playground's worker on
// each change, and by the bench. Pure: no DOM, no Node APIs.

import { fill, Unfillable } from '../../course/exercises/placeholders.ts';
import {
  iptables,
  isIPv4,
  isMessage,
  kubeProxyRules,
  type Model,
  nftables,
  parseTarget,
  type TraceResult,
  trace,
} from '../../engine/index.ts';
import type { EngineWords } from '../../i18n/engine/index.ts';
import type { Locale } from '../../i18n/locales.ts';
import { type ArchitectureLayout, layoutArchitecture } from './architecture-layout.ts';
import { layoutNFTablesRules } from './nft-rules-layout.ts';
import { layoutRoute, type RouteLayout } from './route-layout.ts';
import { firstRuleNode, layoutRules, type RulesLayout } from './rules-layout.ts';
import { layoutSpread, type SpreadLayout } from './spread-layout.ts';
import { layoutTopology, routeMarks, type TopologyLayout } from './topology-layout.ts';

export const views = ['architecture', 'topology', 'route', 'rules', 'spread'] as const;
export type View = (typeof views)[number];

export interface SceneRequest {
  from: string;
  /** May hold the placeholders exercise checks use, e.g. {lbIP:my-service}; "" sends nothing. */
  to: string;
  method?: string;
  count: number;
  seed: number;
  /** An address the target's host resolves to (curl's --resolve); "" or absent for DNS's own. */
  resolve?: string;
}

export interface SceneOptions {
  /** The views to lay out; all by default. */
  views?: readonly View[];
  /** The node whose rules to show; "" (the default) for the first the route met. */
  node?: string;
  /** A node's rules past this many lines are cut (the CLI prints them all). */
  maxRuleLines?: number;
  /** The page's engine words for the route's hops; the engine's English without. */
  words?: EngineWords;
  /** The page's language, for why a request could not be sent; English without. */
  lang?: Locale;
}

export interface Scene {
  trace: TraceResult | null;
  /** Why no request was sent (a placeholder that names nothing); "" when one was. */
  traceError: string;
  /** The target with its placeholders filled in. */
  to: string;
  topology: TopologyLayout | null;
  route: RouteLayout | null;
  spread: SpreadLayout | null;
  /** `nftables`: the node's kube-proxy writes the ip kube-proxy table, not iptables rules. */
  rules: { node: string; layout: RulesLayout; text: string; nftables: boolean } | null;
  architecture: ArchitectureLayout | null;
  /** The topology's elements the route passed, to highlight. */
  onRoute: string[];
}

/**
 * The target's host resolved to `address`, as the CLI's --resolve HOST:IP
 * does; null when there is nothing to resolve, the reason when the address is no address.
 */
function resolved(
  to: string,
  address: string,
  lang: Locale = 'en',
): Map<string, string> | null | string {
  const ip = address.trim();
  if (ip === '') return null;
  if (!isIPv4(ip))
    return lang === 'ja'
      ? `「${ip}」は IPv4 アドレスではありません（ホスト名の解決先）`
      : `"${ip}" is not an IPv4 address (Resolve the host to)`;
  const target = parseTarget(to);
  return isMessage(target) || isIPv4(target.host) ? null : new Map([[target.host, ip]]);
}

/** The request through the model; a placeholder that names nothing is said, not thrown. */
function send(model: Model, request: SceneRequest, lang: Locale = 'en') {
  const wanted = request.to.trim();
  if (wanted === '') return { result: null, to: '', error: '' };
  try {
    const to = fill(wanted, model);
    const forced = resolved(to, request.resolve ?? '', lang);
    if (typeof forced === 'string') return { result: null, to, error: forced };
    const result = trace(
      model,
      {
        from: request.from || 'external',
        to,
        method: request.method ?? 'GET',
        ...(forced ? { resolve: forced } : {}),
      },
      { count: request.count, seed: request.seed },
    );
    return { result, to, error: '' };
  } catch (error) {
    if (!(error instanceof Unfillable)) throw error;
    return { result: null, to: wanted, error: error.reason[lang] };
  }
}

function rulesOf(model: Model, hops: TraceResult['hops'], options: SceneOptions) {
  // The chosen node; else the first whose rules the route met; else the first it reached.
  const name =
    model.nodes.find((n) => n.name === options.node)?.name ??
    firstRuleNode(hops) ??
    hops.find((h) => model.nodes.some((n) => n.name === h.at))?.at ??
    model.nodes[0]?.name;
  const node = model.nodes.find((n) => n.name === name);
  if (!node) return null;
  // The mode the cluster's kube-proxy runs in: its own table and words.
  const nft = model.cluster.kubeProxyMode === 'nftables';
  const text = (nft ? nftables(model, node.name) : iptables(model, node.name)) ?? '';
  const max = options.maxRuleLines ?? Number.POSITIVE_INFINITY;
  const lines = text.split('\n');
  const command = nft ? 'routelab nftables' : 'routelab iptables';
  return {
    node: node.name,
    nftables: nft,
    layout: nft
      ? layoutNFTablesRules(node.name, text, hops)
      : layoutRules(kubeProxyRules(model, node), hops),
    text:
      lines.length > max
        ? `${lines.slice(0, max).join('\n')}\n# … ${lines.length - max} more lines: ${command} prints them all`
        : text,
  };
}

export function scene(model: Model, request: SceneRequest, options: SceneOptions = {}): Scene {
  const wanted = new Set(options.views ?? views);
  const { result, to, error } = send(model, request, options.lang);
  const hops = result?.hops ?? [];
  return {
    trace: result,
    traceError: error,
    to,
    topology: wanted.has('topology') ? layoutTopology(model) : null,
    route: wanted.has('route') && result ? layoutRoute(result, options.words) : null,
    spread: wanted.has('spread') && result?.distribution ? layoutSpread(result) : null,
    rules: wanted.has('rules') ? rulesOf(model, hops, options) : null,
    architecture: wanted.has('architecture')
      ? layoutArchitecture(model, result ?? undefined)
      : null,
    onRoute: result ? routeMarks(result) : [],
  };
}
