// The shape of content/exercises/<id>/meta.yaml. It mirrors
// src/engine/exercises/types.ts and is strict, so that a misspelt key fails the
// build with the file and field named instead of silently weakening a check.
import { z } from 'astro/zod';

const bilingual = z.object({ ja: z.string().min(1), en: z.string().min(1) });

const request = z
  .object({
    from: z.string().optional(),
    to: z.string(),
    count: z.number().int().min(1).max(200).optional(),
    headers: z.array(z.string()).optional(),
    resolve: z.record(z.string(), z.string()).optional(),
    forEachNode: z.union([z.boolean(), z.literal('kube-proxy-running')]).optional(),
  })
  .strict();

const outcome = z.enum(['delivered', 'http-error', 'refused', 'timeout', 'dns-error', 'invalid']);

const expectation = z
  .object({
    outcome: outcome.optional(),
    status: z.number().int().optional(),
    service: z.string().optional(),
    app: z.string().optional(),
    port: z.number().int().optional(),
    sourceIP: z.enum(['client', 'not-client']).optional(),
    path: z.string().optional(),
    scheme: z.string().optional(),
    tls: z.boolean().optional(),
    distinctPods: z.number().int().optional(),
    certificateFromSecret: z.boolean().optional(),
  })
  .strict();

const checkBase = { id: z.string().regex(/^[a-z0-9-]+$/), title: bilingual };
const check = z.discriminatedUnion('kind', [
  z.object({ ...checkBase, kind: z.literal('valid') }).strict(),
  z.object({ ...checkBase, kind: z.literal('request'), request, expect: expectation }).strict(),
  z
    .object({
      ...checkBase,
      kind: z.literal('field'),
      object: z.string(),
      field: z.string(),
      equals: z.unknown(),
    })
    .strict(),
  z
    .object({
      ...checkBase,
      kind: z.literal('answer'),
      question: z.string(),
      accept: z.array(z.string()).optional(),
      acceptTraceOutcome: request.optional(),
      acceptStoppedKubeProxyNodes: z.boolean().optional(),
      acceptIfDelivered: request.partial({ to: true }).optional(),
    })
    .strict(),
]);

const variant = z.object({
  title: bilingual,
  replace: z.array(z.object({ from: z.string().min(1), to: z.string() })).min(1),
});

export const exerciseSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    chapter: z.number().int().min(1).max(8),
    title: bilingual,
    task: bilingual,
    cluster: z.record(z.string(), z.unknown()).optional(),
    questions: z
      .array(z.object({ id: z.string(), text: bilingual, choices: z.array(z.string()).optional() }))
      .optional(),
    hints: z.array(bilingual).min(2).max(3),
    checks: z.array(check).min(1),
    mistakes: z.array(variant.extend({ fails: z.string(), message: z.string().min(1) })).min(3),
    alternatives: z.array(variant).min(1),
  })
  .strict();
