// The check behind "numbers in prose come from the engine": every address,
// kube-proxy chain name and NodePort a chapter still quotes as literal text
// must be one its own scenarios produce (their clusters, every node's rules
// and the requests its figures trace), so a hand-edited number fails a test.

import { fill } from '../../src/course/exercises/placeholders.ts';
import { scenarioModel } from '../../src/course/scenario-values.ts';
import { defaultSeed, iptables, trace } from '../../src/engine/index.ts';

const numberPattern =
  /\b(?:\d{1,3}\.){3}\d{1,3}\b|\bKUBE-(?:SVC|SEP|EXT|SVL|FW)-[A-Z0-9]{16}\b|\b3[0-2]\d{3}\b/g;

/** The addresses, chain names and NodePort-range numbers (30000–32767) in a text. */
export function quotedNumbers(text: string): string[] {
  return (text.match(numberPattern) ?? []).filter(
    (t) => !/^\d+$/.test(t) || (Number(t) >= 30000 && Number(t) <= 32767),
  );
}

export interface ChapterRequest {
  scenario: string;
  from: string;
  to: string;
  count: number;
}

/** The scenarios a chapter names (figures, values, listings) and the requests its figures trace. */
export function chapterSources(mdx: string): { scenarios: string[]; requests: ChapterRequest[] } {
  const scenarios = new Set<string>();
  for (const m of mdx.matchAll(
    /(?:scenario="|(?:scenarioValue|serviceRules)\(\s*')([a-z0-9-]+\.yaml)/g,
  ))
    scenarios.add(m[1] ?? '');
  const requests: ChapterRequest[] = [];
  for (const m of mdx.matchAll(/<ScenarioDiagram\b([^>]*?)\/>/gs)) {
    const attrs = m[1] ?? '';
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];
    const scenario = attr('scenario');
    const to = attr('to');
    if (!scenario || !to) continue;
    const count = Number(/\bcount=\{(\d+)\}/.exec(attrs)?.[1] ?? 1);
    requests.push({ scenario, to, from: attr('from') ?? 'external', count });
  }
  return { scenarios: [...scenarios], requests };
}

// The source YAML is not engine output: a number only written there does not count.
const skipSource = (key: string, value: unknown) =>
  key === 'documents' || key === 'doc' ? undefined : value;

/** Every address, chain name and NodePort the scenarios and requests produce. */
export function producedNumbers(scenarios: string[], requests: ChapterRequest[]): Set<string> {
  const produced = new Set<string>();
  const add = (text: string) => {
    for (const t of quotedNumbers(text)) produced.add(t);
  };
  for (const scenario of new Set([...scenarios, ...requests.map((r) => r.scenario)])) {
    const model = scenarioModel(scenario);
    add(JSON.stringify(model, skipSource));
    for (const node of model.nodes) add(iptables(model, node.name) ?? '');
  }
  for (const r of requests) {
    const model = scenarioModel(r.scenario);
    const to = fill(r.to, model);
    add(JSON.stringify(trace(model, { from: r.from, to }, { seed: defaultSeed, count: r.count })));
  }
  return produced;
}

/** The numbers a chapter quotes that neither its scenarios produce nor `allowed` lists. */
export function unproducedNumbers(mdx: string, allowed: ReadonlySet<string>): string[] {
  const { scenarios, requests } = chapterSources(mdx);
  const produced = producedNumbers(scenarios, requests);
  return [...new Set(quotedNumbers(mdx))].filter((t) => !produced.has(t) && !allowed.has(t));
}
