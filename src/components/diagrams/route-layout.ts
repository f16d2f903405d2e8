// Where each hop of a trace is drawn: one column per place the request passes
// (the client, the cloud, each node, each Pod), in the order it first gets
// there, and one row per hop. Pure and deterministic: the same trace always
// lays out the same, so the drawing never jumps between two runs.
// An Envoy hop's row also says its sentence (its listener, the rule that
// matched, each filter): what Envoy did is the Gateway API lesson, and unlike
// a chain's name it has no short name of its own.
import { type Hop, isIPv4, isMessage, parseTarget, type TraceResult } from '../../engine/index.ts';
import type { EngineWords } from '../../i18n/engine/index.ts';
import { cut, wrapWords } from './cut.ts';

export interface Place {
  id: string;
  label: string;
  x: number;
}

export interface Step {
  index: number;
  kind: Hop['kind'];
  /** What the row says: the kind, or for a rule the chain it is in (KUBE-SVC-…). */
  label: string;
  place: string;
  x: number;
  y: number;
  /** The hop's own sentence in the page's words: the text alternative and the tooltip. */
  detail: string;
  /** The same as data, for a page to render in its own locale (src/i18n/engine/). */
  message: Hop['message'];
  /** "src → dst" after this hop, when the hop has a packet. */
  packet: string;
  /** What this hop rewrote (DNAT, SNAT), e.g. "dst 10.244.3.2:8080"; "" when nothing. */
  rewrite: string;
  /** Lines under the row: an Envoy hop's sentence (its detail), wrapped to the narrow form's column. */
  notes: string[];
}

export interface RouteLayout {
  width: number;
  height: number;
  places: Place[];
  /**
   * The narrow form's place names, beside the first row at each place (there
   * is one lane, not one per place); absent in the wide form.
   */
  marks?: { y: number; label: string; full: string }[];
  steps: Step[];
  end: {
    x: number;
    y: number;
    outcome: TraceResult['outcome'];
    /** The outcome in the page's words. */
    label: string;
    reason: string;
  };
}

export const geometry = {
  columnWidth: 150,
  rowHeight: 34,
  /**
   * Between a note's baseline and the line above it: room for Japanese,
   * whose glyphs stand taller than a chain name's.
   */
  noteHeight: 14,
  top: 44,
  margin: 20,
};

/**
 * An nftables chain as a row's label: kube-proxy's per-port chains
 * ("service-ULMVA6XW-ns1/svc1/tcp/p80", "endpoint-…/tcp/p80__10.180.0.1/80")
 * without their hash and namespace, as "service svc1:p80" and "endpoint
 * 10.180.0.1:80", cut to an iptables chain name's room (25 characters); the
 * full name is in the row's title (its detail).
 */
export function nftablesLabel(chain: string): string {
  const m = /^([a-z]+)-[A-Z2-7]{8}-([^/]+)\/([^/]+)\/[a-z]+\/([^_/]*)(?:__([^/]+)\/(\d+))?$/.exec(
    chain,
  );
  if (!m) return cut(chain, 25);
  const [, role, , name, port, ip, targetPort] = m;
  const short = ip ? `${role} ${ip}:${targetPort}` : `${role} ${name}${port ? `:${port}` : ''}`;
  return cut(short, 25);
}

/** A rule hop in the chain the one before it was in (KUBE-EXT- marks, then jumps on). */
function sameChain(before: Hop | undefined, hop: Hop): boolean {
  return (
    !!before &&
    (hop.kind === 'iptables' || hop.kind === 'nftables') &&
    before.kind === hop.kind &&
    before.at === hop.at &&
    !!hop.chain &&
    before.chain === hop.chain
  );
}

/**
 * The row of a second rule in the same chain: what that rule did, under the
 * chain named once above it ("└ -j KUBE-SVC-…"), so a chain is never two rows
 * of the same name.
 */
function continued(hop: Hop): string {
  const action =
    hop.kind === 'iptables' ? (hop.rule?.jump ? `-j ${hop.rule.jump}` : '') : (hop.verdict ?? '');
  return cut(`└ ${action || 'next rule'}`, 25);
}

/** "ip:port" when the request was sent to an address (not a name): the packet before any hop. */
function sentTo(to: string): string | null {
  const target = parseTarget(to);
  if (isMessage(target) || !isIPv4(target.host)) return null;
  return `${target.host}:${target.port}`;
}

/**
 * Envoy's hops, and its TLS hop, with their sentence under the row, wrapped
 * to the narrow form's column so that both forms are as tall.
 */
function notesOf(hop: Hop, detail: string): string[] {
  const envoy = hop.kind === 'gateway' || (hop.kind === 'tls' && hop.message.id === 'gateway.tls');
  return envoy ? wrapWords(detail, narrowGeometry.textChars) : [];
}

/** A row's note i's baseline, below the row's own: under its label (at 4) and rewrite (at 16). */
export const noteY = (step: Pick<Step, 'rewrite'>, i: number) =>
  4 + (step.rewrite ? 12 : 0) + (i + 1) * geometry.noteHeight;

/** How far a row reaches down: a row's own height holds its label and rewrite; notes go past. */
export const rowHeight = (step: Pick<Step, 'rewrite' | 'notes'>) =>
  geometry.rowHeight +
  (step.notes.length > 0 ? Math.max(0, noteY(step, step.notes.length - 1) - 16) : 0);

/** What a row says as its label: the kind, or a rule's chain. */
function labelOf(before: Hop | undefined, hop: Hop): string {
  if (sameChain(before, hop)) return continued(hop);
  if (hop.kind === 'iptables') return hop.chain ?? hop.kind;
  if (hop.kind === 'nftables') return nftablesLabel(hop.chain ?? hop.kind);
  return hop.kind;
}

export function layoutRoute(
  trace: Pick<TraceResult, 'hops' | 'outcome' | 'reason' | 'reasonMessage'> & {
    request?: TraceResult['request'];
  },
  /** The page's engine words; without them, the engine's English (the CLI's). */
  words?: EngineWords,
): RouteLayout {
  const places: Place[] = [];
  const columnOf = new Map<string, number>();
  const placeFor = (at: string) => {
    let column = columnOf.get(at);
    if (column === undefined) {
      column = places.length;
      columnOf.set(at, column);
      places.push({
        id: at,
        label: at,
        x: geometry.margin + column * geometry.columnWidth + geometry.columnWidth / 2,
      });
    }
    return places[column] as Place;
  };
  // Sent straight to an address (a load balancer's, say), the first hop's
  // rewrite shows against it: "dst 172.18.0.3:30057".
  const first = trace.hops[0]?.packet;
  const sent = trace.request ? sentTo(trace.request.to) : null;
  let previous: Hop['packet'] = first && sent ? { src: first.src, dst: sent } : null;
  let y = geometry.top;
  const steps = trace.hops.map((hop, index) => {
    const place = placeFor(hop.at);
    const changes: string[] = [];
    if (previous && hop.packet) {
      if (hop.packet.src !== previous.src) changes.push(`src ${hop.packet.src}`);
      if (hop.packet.dst !== previous.dst) changes.push(`dst ${hop.packet.dst}`);
    }
    previous = hop.packet ?? previous;
    const detail = words ? words.hop(hop) : hop.detail;
    const step = {
      index,
      kind: hop.kind,
      label: labelOf(trace.hops[index - 1], hop),
      place: place.id,
      x: place.x,
      y,
      detail,
      message: hop.message,
      packet: hop.packet ? `${hop.packet.src} → ${hop.packet.dst}` : '',
      rewrite: changes.join(', '),
      notes: notesOf(hop, detail),
    };
    y += rowHeight(step);
    return step;
  });
  const last = steps.at(-1);
  return {
    // Room on the right for the last lane's labels (a chain name is 25 characters).
    width: Math.max(1, places.length) * geometry.columnWidth + 2 * geometry.margin + 110,
    height: y + geometry.rowHeight,
    places,
    steps,
    end: {
      x: last?.x ?? geometry.margin + geometry.columnWidth / 2,
      y,
      outcome: trace.outcome,
      label: words ? words.outcome(trace.outcome) : trace.outcome,
      reason: words ? words.reason(trace) : trace.reason,
    },
  };
}

/** The narrow form: one lane, place names in a gutter on its left. */
export const narrowGeometry = {
  width: 280,
  gutter: 84,
  /**
   * Characters a gutter name and a row's text may take (route.css draws
   * 11-unit monospace, 6.7 units a character): a chain name is 25.
   */
  gutterChars: 12,
  textChars: 25,
};

/**
 * The same route for a column too narrow for a lane per place (a phone): one
 * lane, the place named where the request arrives there, every row where it
 * was, so that the drawing is as tall as the wide one and fits the column
 * instead of scrolling sideways.
 */
export function narrowRoute(layout: RouteLayout): RouteLayout {
  const x = narrowGeometry.gutter + 8;
  const labelOf = new Map(layout.places.map((p) => [p.id, p.label]));
  const marks: NonNullable<RouteLayout['marks']> = [];
  let at = '';
  const steps = layout.steps.map((step) => {
    if (step.place !== at) {
      at = step.place;
      const full = labelOf.get(step.place) ?? step.place;
      marks.push({ y: step.y, label: cut(full, narrowGeometry.gutterChars), full });
    }
    return {
      ...step,
      x,
      label: cut(step.label, narrowGeometry.textChars),
      rewrite: cut(step.rewrite, narrowGeometry.textChars),
    };
  });
  return {
    ...layout,
    width: narrowGeometry.width,
    places: [],
    marks,
    steps,
    end: { ...layout.end, x },
  };
}
