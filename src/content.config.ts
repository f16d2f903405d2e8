import { defineCollection } from 'astro:content';
import { i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { glob } from 'astro/loaders';
import { exerciseSchema } from './course/exercises/schema.ts';
import { examMode } from './course/mode.mjs';

// The course text lives in the top-level content/ folder (content is data, not
// code), so the docs collection globs there instead of Starlight's default
// src/content/docs. Files starting with "_" are partials, as in Starlight.
// The exam site (src/course/mode.mjs) leaves the instructor guide out.
const docs = defineCollection({
  loader: glob({
    base: './content/docs',
    pattern: examMode()
      ? ['**/[^_]*.{md,mdx}', '!instructor.mdx', '!en/instructor.mdx']
      : '**/[^_]*.{md,mdx}',
  }),
  schema: docsSchema(),
});

// One folder per exercise; its meta.yaml is checked here, so a broken exercise
// fails the build with the file and the field named.
const exercises = defineCollection({
  loader: glob({
    base: './content/exercises',
    pattern: '*/meta.yaml',
    generateId: ({ entry }) => entry.split('/')[0] ?? entry,
  }),
  schema: exerciseSchema,
});

// Starlight's own UI strings, overridden per locale in src/content/i18n
// (Starlight keys translations by that path). Our components' words are in
// src/i18n/ui.
const i18n = defineCollection({ loader: i18nLoader(), schema: i18nSchema() });

export const collections = { docs, exercises, i18n };
