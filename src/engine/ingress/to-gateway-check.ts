// Whether a conversion to Gateway API keeps the routing: the same requests
// sent to the cluster before (its Ingresses) and after (the Ingresses
// replaced by the conversion), each Ingress host and path, a path below it
// and one no rule names, and another host; every answer that differs in
// where it arrived (or how it ended) is listed.
import yaml from 'js-yaml';
import { gatewayWayIn } from '../gateway/serving.ts';
import type { InputFile } from '../model/build.ts';
import { buildModel } from '../model/build.ts';
import type { Model } from '../model/types.ts';
import { defaultSeed, trace } from '../trace/repeat.ts';
import type { TraceResult } from '../trace/types.ts';
import { ingressEntry } from './entry.ts';
import type { GatewayConversion } from './to-gateway.ts';
import type { Ingress } from './types.ts';

export interface ConversionDifference {
  /** The request as a client names it: "http://myapp.example.com/a". */
  request: string;
  /** Where the answer came from before and after: "my-app-a:4200 /a (200)", "404", "dns-error". */
  before: string;
  after: string;
}

function summary(r: TraceResult): string {
  const d = r.destination;
  if (r.outcome === 'delivered' && d)
    return `${d.labels.app ?? d.workload}:${d.port} ${d.path} (${r.status})`;
  return r.status !== null ? `${r.status}` : r.outcome;
}

/** The requests that tell two routings apart: each rule's host and path, deeper and beside it, and an unknown host. */
function requests(model: Model): { to: string; host: string | null }[] {
  const out: { to: string; host: string | null }[] = [];
  const add = (to: string, host: string | null = null) => {
    if (!out.some((o) => o.to === to && o.host === host)) out.push({ to, host });
  };
  for (const ing of model.ingresses)
    for (const rule of ing.rules) {
      const tls = ing.tls.some((t) => t.hosts.includes(rule.host));
      for (const scheme of tls ? ['http', 'https'] : ['http'])
        for (const p of rule.paths ?? []) {
          const path = p.path || '/';
          const base = rule.host ? `${scheme}://${rule.host}` : `${scheme}://{entry}`;
          const host = rule.host ? null : 'routelab-other.example';
          add(`${base}${path}`, host);
          add(`${base}${path.replace(/\/$/, '')}/x`, host);
          add(`${base}${path.replace(/\/$/, '')}x`, host);
        }
    }
  add('http://{entry}/', 'routelab-other.example');
  return out;
}

function send(
  model: Model,
  entry: string | null,
  r: { to: string; host: string | null },
): TraceResult | null {
  if (r.to.includes('{entry}') && !entry) return null;
  const to = r.to.replace('{entry}', entry ?? '');
  return trace(
    model,
    { from: 'external', to, headers: r.host ? [`Host: ${r.host}`] : [] },
    { seed: defaultSeed },
  );
}

/** The cluster's documents with the converted Ingresses left out and the conversion added. */
function convertedFiles(
  model: Model,
  conversion: GatewayConversion,
  converted: readonly Ingress[] = model.ingresses,
): InputFile[] {
  const ingresses = new Set(converted.map((i) => i.doc));
  const kept = model.documents.filter((d) => d.value !== null && !ingresses.has(d));
  const text = kept.map((d) => yaml.dump(d.value, { lineWidth: -1, noRefs: true })).join('---\n');
  return [
    { file: 'without-ingresses.yaml', text },
    { file: 'gateway-api.yaml', text: conversion.text },
  ];
}

/** The requests answered differently after the conversion. */
export function conversionDifferences(
  files: readonly InputFile[],
  conversion: GatewayConversion,
  /** The Ingresses the conversion replaces (all of them by default). */
  which: (ingress: Ingress) => boolean = () => true,
): ConversionDifference[] {
  const before = buildModel([...files]);
  const after = buildModel(convertedFiles(before, conversion, before.ingresses.filter(which)));
  const beforeEntry = ingressEntry(before)?.address ?? null;
  const afterEntry = gatewayWayIn(after);
  const out: ConversionDifference[] = [];
  for (const r of requests(before)) {
    const a = send(before, beforeEntry, r);
    const b = send(after, afterEntry, r);
    const x = a ? summary(a) : 'no way in';
    const y = b ? summary(b) : 'no way in';
    if (x !== y)
      out.push({ request: r.host ? r.to.replace('{entry}', r.host) : r.to, before: x, after: y });
  }
  return out;
}
