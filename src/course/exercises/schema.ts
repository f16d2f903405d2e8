// The one definition of an exercise (content/exercises/<id>/meta.yaml): the
// build checks every meta.yaml with it (src/content.config.ts), the CLI and the
// tests read through it (src/course/read.ts), and the types the grader and the
// editor use are inferred from it. Every object is strict: a misspelt key, or a
// `: ` that split a YAML string into a second key, fails naming file and key
// instead of silently weakening a check or cutting a sentence.
import { z } from 'zod/v4';
import { renamable, renameText } from './variants.ts';

/** A course text, written in every locale. */
export const bilingual = z.object({ ja: z.string().min(1), en: z.string().min(1) }).strict();

/**
 * An exercise id as the course writes them: lowercase words joined by single
 * hyphens. It is a folder name and part of URLs and storage keys, so nothing
 * that could walk out of content/exercises/ matches.
 */
export const exerciseIdPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const request = z
  .object({
    from: z.string().optional(),
    /** May hold {nodeIP}, {clusterIP:svc}, {lbIP:svc}, {nodePort:svc} placeholders. */
    to: z.string(),
    count: z.number().int().min(1).max(200).optional(),
    headers: z.array(z.string()).optional(),
    /** host -> address, like --resolve; the address may be a placeholder too. */
    resolve: z.record(z.string(), z.string()).optional(),
    /**
     * Send the request once to every ready node ({nodeIP} filled in); with
     * "kube-proxy-running", only to the nodes whose kube-proxy runs.
     */
    forEachNode: z.union([z.boolean(), z.literal('kube-proxy-running')]).optional(),
  })
  .strict();

const outcome = z.enum(['delivered', 'http-error', 'refused', 'timeout', 'dns-error', 'invalid']);

const expectation = z
  .object({
    outcome: outcome.optional(),
    status: z.number().int().optional(),
    /** The Service that chose the Pod. */
    service: z.string().optional(),
    /** The app label of the Pod that answered. */
    app: z.string().optional(),
    port: z.number().int().optional(),
    /** "client": the Pod saw the client's own address; "not-client": an address of the cluster. */
    sourceIP: z.enum(['client', 'not-client']).optional(),
    path: z.string().optional(),
    scheme: z.string().optional(),
    tls: z.boolean().optional(),
    /** At least this many different Pods answered (with count > 1). */
    distinctPods: z.number().int().optional(),
    /**
     * Through a Gateway: the share of the matched rule's requests that its
     * backendRefs' weights give this Service (its weight over their sum), from min to max.
     */
    weightShare: z
      .object({ service: z.string(), min: z.number().min(0).max(1), max: z.number().min(0).max(1) })
      .strict()
      .optional(),
    /** With TLS: the certificate came from the Ingress's Secret, not the controller's fake one. */
    certificateFromSecret: z.boolean().optional(),
  })
  .strict();

const checkBase = { id: z.string().regex(/^[a-z0-9-]+$/), title: bilingual };

/** What an `equivalent` check compares of two answers to the same request. */
export const comparedFields = ['outcome', 'status', 'app', 'port', 'path'] as const;

/** One answer to a request, as an `equivalent` check compares it. */
const answer = z
  .object({
    outcome: z.string(),
    status: z.number().int().nullable(),
    app: z.string().nullable(),
    port: z.number().int().nullable(),
    path: z.string().nullable(),
  })
  .strict();
export type Answer = z.infer<typeof answer>;
const check = z.discriminatedUnion('kind', [
  z.object({ ...checkBase, kind: z.literal('valid') }).strict(),
  z.object({ ...checkBase, kind: z.literal('request'), request, expect: expectation }).strict(),
  z
    .object({
      ...checkBase,
      /**
       * Behavioural equivalence: each request is answered the same way (the
       * compared fields) by the submission as by another exercise's solution,
       * the reference, run on the default cluster. "{entry}" in a request is
       * each cluster's way in: the ingress controller's in the reference, the
       * Gateway's in the submission (via: gateway, whose answers must have
       * come through a Gateway).
       */
      kind: z.literal('equivalent'),
      reference: z
        .object({
          exercise: z.string().regex(exerciseIdPattern),
          /**
           * The reference's answer to each request, filled in by the reader
           * (src/course/read.ts) from the exercise's solution: a page carries
           * what the solution answers, never the solution.
           */
          answers: z.array(answer).optional(),
        })
        .strict(),
      via: z.literal('gateway').optional(),
      requests: z.array(request).min(1).max(20),
      compare: z.array(z.enum(comparedFields)).min(1),
    })
    .strict(),
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
      /** Accepted answers, or where the right answer comes from. */
      accept: z.array(z.string()).optional(),
      acceptTraceOutcome: request.optional(),
      acceptStoppedKubeProxyNodes: z.boolean().optional(),
      /** The answer is a URL: right when a request to it (from this source) is delivered. */
      acceptIfDelivered: request.partial({ to: true }).optional(),
    })
    .strict(),
]);

const variant = z
  .object({
    title: bilingual,
    /** Text replacements applied, in order, to solution.yaml. */
    replace: z.array(z.object({ from: z.string().min(1), to: z.string() }).strict()).min(1),
  })
  .strict();

/** A seeded variant (variants.ts): names, ports and hosts, each renamed to another. */
const renaming = z
  .record(
    z.string().regex(renamable),
    z.union([z.string(), z.number().int()]).transform(String).pipe(z.string().regex(renamable)),
  )
  .refine((r) => Object.keys(r).length > 0, 'a variant renames at least one name');

/** A realistic wrong answer: which check catches it and what its message says. */
const mistake = variant.extend({ fails: z.string(), message: z.string().min(1) }).strict();

export const exerciseSchema = z
  .object({
    id: z.string().regex(exerciseIdPattern),
    chapter: z.number().int().min(1).max(9),
    /** Where in its chapter's list it comes (default 1; ties by id), as the chapter's page lists it. */
    order: z.number().int().min(1).optional(),
    title: bilingual,
    task: bilingual,
    /** The spec of the Cluster the exercise runs on (what no manifest can change). */
    cluster: z.record(z.string(), z.unknown()).optional(),
    /** Questions asked by the exercise, for answer checks (shown beside the editor). */
    questions: z
      .array(
        z
          .object({ id: z.string(), text: bilingual, choices: z.array(z.string()).optional() })
          .strict(),
      )
      .optional(),
    hints: z.array(bilingual).min(2).max(3),
    checks: z.array(check).min(1),
    mistakes: z.array(mistake).min(3),
    alternatives: z.array(variant).min(1),
    /** Seeded variants besides the exercise as written (a learner's seed picks one). */
    variants: z.array(renaming).min(1).optional(),
  })
  .strict()
  .superRefine((exercise, context) => {
    // The title names the exercise in every list and gradebook: the same for every variant.
    exercise.variants?.forEach((r, i) => {
      for (const locale of ['ja', 'en'] as const)
        if (renameText(exercise.title[locale], r) !== exercise.title[locale])
          context.addIssue({
            code: 'custom',
            path: ['variants', i],
            message: `renames a name in the title (${locale}), which every variant shares`,
          });
    });
    // Grades, hints and graders' reports name checks by id.
    const seen = new Set<string>();
    exercise.checks.forEach((c, i) => {
      if (seen.has(c.id))
        context.addIssue({
          code: 'custom',
          path: ['checks', i, 'id'],
          message: `duplicate check id ${c.id}`,
        });
      seen.add(c.id);
    });
  });

export type Text = z.infer<typeof bilingual>;
export type { Locale } from '../../i18n/locales.ts';

// Every course text is written in every locale: a locale added to
// src/i18n/locales.ts and not to `bilingual` fails to compile here.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const everyLocale: SameKeys<keyof Text, import('../../i18n/locales.ts').Locale> = true;
void everyLocale;
export type RequestSpec = z.infer<typeof request>;
export type Expectation = z.infer<typeof expectation>;
export type Check = z.infer<typeof check>;
export type Variant = z.infer<typeof variant>;
export type Mistake = z.infer<typeof mistake>;
/** meta.yaml, as the schema accepts it. */
export type ExerciseMeta = z.infer<typeof exerciseSchema>;
/**
 * An exercise folder: meta.yaml with its starter.yaml and solution.yaml, and
 * the starter with its comments in another language (starter.ja.yaml) where
 * there is one: the same manifests, what the editor opens on that locale's page.
 */
export type ExerciseSource = ExerciseMeta & {
  starter: string;
  solution: string;
  starterIn?: Partial<Record<import('../../i18n/locales.ts').Locale, string>>;
};
/** What the editor's page carries and the grader reads: the folder without the instructors' variants. */
export type Exercise = Omit<ExerciseSource, 'mistakes' | 'alternatives'>;

/** Course order: by chapter, then by place in the chapter's list, then by id. */
export function courseOrder(
  a: { id: string; chapter: number; order?: number | undefined },
  b: { id: string; chapter: number; order?: number | undefined },
): number {
  return (
    a.chapter - b.chapter ||
    (a.order ?? 1) - (b.order ?? 1) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
