// Everything a learner's text goes through, in the order the site and the
// grader run it: parse and validate, the diagrams' layouts, requests to the
// addresses the model offers, a node's kube-proxy rules, and grading. The
// fuzz properties call it with generated and mutated manifests; it must never
// throw, and whatever it returns must be well-formed.
import { dump, load } from 'js-yaml';
import { layoutArchitecture } from '../../src/components/diagrams/architecture-layout.ts';
import { layoutRoute } from '../../src/components/diagrams/route-layout.ts';
import { layoutRules } from '../../src/components/diagrams/rules-layout.ts';
import { layoutTopology } from '../../src/components/diagrams/topology-layout.ts';
import { choicesOf } from '../../src/components/playground/choices.ts';
import { gradeModel, withEnvironment } from '../../src/course/exercises/grade.ts';
import { readExercises, readScenario, scenarioNames } from '../../src/course/read.ts';
import { buildModel, iptables, kubeProxyRules, trace } from '../../src/engine/index.ts';

const exercises = readExercises();

/** Valid manifests to mutate: the scenarios and every exercise's starter and solution. */
export const seeds: string[] = [
  ...scenarioNames().map((f) => readScenario(f)),
  ...exercises.flatMap((e) => [e.starter, e.solution]),
];

export interface Outcome {
  ms: number;
  diagnostics: number;
  /** Pods in the model: a mutated replicas may ask for tens of thousands. */
  pods: number;
}

export function pipeline(text: string, exerciseIndex = 0): Outcome {
  const start = performance.now();
  const files = [{ file: 'answer.yaml', text }];
  const model = buildModel(files);
  for (const d of model.diagnostics) {
    if (typeof d.message !== 'string' || d.message === '') throw new Error('empty diagnostic');
    if (!Number.isInteger(d.line) || d.line < 0) throw new Error(`bad line ${d.line}`);
  }
  layoutTopology(model);
  const targets = choicesOf(model).targets.slice(0, 3);
  for (const to of [...targets, 'http://my-service/', 'http://172.18.0.2:30080/']) {
    const result = trace(model, { from: 'external', to }, { count: 3 });
    if (result.outcome === 'invalid' && result.diagnostics.length === 0)
      throw new Error('invalid without a diagnostic');
    layoutRoute(result);
    layoutArchitecture(model, result);
  }
  const node = model.nodes[0];
  if (node) {
    iptables(model, node.name);
    layoutRules(kubeProxyRules(model, node));
  }
  const exercise = exercises[exerciseIndex % exercises.length];
  if (exercise) {
    const grade = gradeModel(exercise, buildModel(withEnvironment(exercise, files)));
    if (grade.checks.length === 0) throw new Error('a grade without checks');
  }
  return {
    ms: performance.now() - start,
    diagnostics: model.diagnostics.length,
    pods: model.pods.length,
  };
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value inside a parsed document. */
export function paths(value: Json, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [at];
  if (Array.isArray(value)) for (const [i, v] of value.entries()) out.push(...paths(v, [...at, i]));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}

/** A seed with the value at one path replaced (or removed when `replacement` is undefined). */
export function mutate(seed: string, pick: number, replacement: Json | undefined): string {
  const docs = seed.split(/^---\s*$/m).map((d) => {
    try {
      return load(d) as Json;
    } catch {
      return null;
    }
  });
  const all = docs.flatMap((doc, i) => paths(doc).map((p) => [i, p] as const));
  const [docIndex, path] = all[pick % all.length] ?? [0, []];
  const set = (node: Json, rest: (string | number)[]): Json | undefined => {
    if (rest.length === 0) return replacement;
    const [head, ...tail] = rest;
    if (Array.isArray(node)) {
      const copy = [...node];
      const next = set(copy[head as number] ?? null, tail);
      if (next === undefined) copy.splice(head as number, 1);
      else copy[head as number] = next;
      return copy;
    }
    if (node && typeof node === 'object') {
      const copy = { ...node };
      const next = set(copy[head as string] ?? null, tail);
      if (next === undefined) delete copy[head as string];
      else copy[head as string] = next;
      return copy;
    }
    return node;
  };
  return docs
    .map((doc, i) => (i === docIndex ? set(doc, path) : doc))
    .map((doc) => dump(doc ?? null, { lineWidth: -1 }))
    .join('---\n');
}
