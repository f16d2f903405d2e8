// Where an exercise page sits in the course: the exercises in reading order
// (each chapter's <ExerciseList ids=…> in chapter order), and a sidebar that
// opens the exercise's chapter with the exercise in it, so the learner sees
// where they are.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StarlightUserConfig } from '@astrojs/starlight/types';
import { chapterSlugs, sidebar } from '../course/sidebar.mjs';
import type { UiMessages } from '../i18n/index.ts';

/** Exercise ids in the order the chapters list them (read from the Japanese chapters). */
export function exerciseOrder(): string[] {
  return chapterSlugs.flatMap((slug) => {
    const source = readFileSync(join(process.cwd(), 'content', 'docs', `${slug}.mdx`), 'utf8');
    const list = /<ExerciseList\s+ids=\{\[([^\]]*)\]\}/.exec(source)?.[1] ?? '';
    return [...list.matchAll(/'([^']+)'/g)].map((m) => m[1] ?? '');
  });
}

type SidebarItems = NonNullable<StarlightUserConfig['sidebar']>;

/** The course sidebar with the chapter opened into its text and this exercise. */
export function exerciseSidebar(
  words: UiMessages['nav'],
  chapterSlug: string,
  chapterTitle: string,
  exercise: { id: string; title: string },
): SidebarItems {
  const open = (item: SidebarItems[number]): SidebarItems[number] => {
    if (typeof item === 'object' && 'slug' in item && item.slug === chapterSlug)
      return {
        label: chapterTitle,
        collapsed: false,
        items: [
          { slug: chapterSlug, label: words.reading },
          // Starlight puts the locale in front of a sidebar link itself.
          { label: words.exerciseItem(exercise.title), link: `/exercises/${exercise.id}/` },
        ],
      };
    if (typeof item === 'object' && 'items' in item)
      return { ...item, items: item.items.map(open) };
    return item;
  };
  return (sidebar ?? []).map(open);
}
