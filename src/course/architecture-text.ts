// The architecture view's explanations (content/diagrams/architecture.yaml),
// read when the site is built; every kind of part must be explained in both
// locales, or the build stops naming the missing one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { load } from 'js-yaml';
import type { PartKind } from '../components/diagrams/architecture-layout.ts';

const kinds = [
  'client',
  'load-balancer',
  'control-plane',
  'kube-apiserver',
  'etcd',
  'kube-scheduler',
  'kube-controller-manager',
  'node',
  'kubelet',
  'container-runtime',
  'kube-proxy',
  'pod',
] as const satisfies readonly PartKind[];

const text = z.object({ ja: z.string().min(1), en: z.string().min(1) }).strict();
const schema = z.object(Object.fromEntries(kinds.map((k) => [k, text]))).strict();

export function architectureText(locale: 'ja' | 'en'): Record<PartKind, string> {
  const file = join(process.cwd(), 'content', 'diagrams', 'architecture.yaml');
  const parsed = schema.safeParse(load(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
  const data = parsed.data as Record<PartKind, { ja: string; en: string }>;
  return Object.fromEntries(kinds.map((k) => [k, data[k][locale]])) as Record<PartKind, string>;
}
