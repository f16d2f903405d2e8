// The playground's scenarios (content/playground/scenarios.yaml), read when
// the site is built: each entry's YAML comes from content/scenarios/, and a
// misspelt key or a missing file stops the build naming it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { load } from 'js-yaml';

const entry = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    chapter: z.number().int().min(1).max(8),
    file: z.string().regex(/^[a-z0-9-]+\.yaml$/),
    title: z.object({ ja: z.string().min(1), en: z.string().min(1) }).strict(),
    request: z
      .object({
        from: z.string().min(1),
        to: z.string().min(1),
        count: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
  })
  .strict();

export interface PlaygroundScenario {
  id: string;
  chapter: number;
  title: { ja: string; en: string };
  yaml: string;
  request: { from: string; to: string; count: number };
}

export function playgroundScenarios(root = join(process.cwd(), 'content')): PlaygroundScenario[] {
  const index = join(root, 'playground', 'scenarios.yaml');
  const parsed = z
    .array(entry)
    .min(1)
    .safeParse(load(readFileSync(index, 'utf8')));
  if (!parsed.success) throw new Error(`${index}: ${parsed.error.message}`);
  const ids = new Set<string>();
  return parsed.data.map((e) => {
    if (ids.has(e.id)) throw new Error(`${index}: the id ${e.id} is used twice`);
    ids.add(e.id);
    return {
      id: e.id,
      chapter: e.chapter,
      title: e.title,
      yaml: readFileSync(join(root, 'scenarios', e.file), 'utf8'),
      request: { from: e.request.from, to: e.request.to, count: e.request.count ?? 1 },
    };
  });
}
