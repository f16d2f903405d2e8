import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/engine/index.ts';
import {
  chapterSlugs,
  codeBlocks,
  exerciseFolders,
  exerciseIds,
  exercisesDir,
  headingLevels,
  internalLinks,
  locales,
  pageSlugs,
  prose,
  readPage,
  resolvesToPage,
} from '../support/course.ts';

// The exercises each chapter must have, fixed by shared/spec/course.md
// ("Chapters and the exercises each must have"): graders call them by these ids.
const exercisesByChapter: Record<string, string[]> = {
  'chapters/architecture': ['architecture-components'],
  'chapters/why-service': ['service-selector'],
  'chapters/clusterip': ['clusterip-named-port', 'clusterip-from-outside'],
  'chapters/nodeport': ['nodeport-expose', 'nodeport-local-traffic'],
  'chapters/loadbalancer': ['loadbalancer-expose', 'loadbalancer-pending'],
  'chapters/ingress': [
    'ingress-path-routing',
    'ingress-virtual-hosts',
    'ingress-tls',
    'ingress-migrate-v1beta1',
  ],
  'chapters/ingress-controller': ['ingress-controller-exposure'],
  'chapters/summary': ['troubleshoot-routing', 'networkpolicy-default-deny'],
  'chapters/gateway-api': [
    'gateway-migrate-ingress',
    'gateway-cross-namespace',
    'gateway-canary-weights',
    'gateway-route-not-attached',
  ],
};

describe('the course pages', () => {
  it('has nine chapters: the article’s eight, then Gateway API', () => {
    expect(chapterSlugs).toEqual(Object.keys(exercisesByChapter));
  });

  for (const slug of pageSlugs) {
    it(`${slug} exists in both locales with the same section structure`, () => {
      const [ja, en] = locales.map((l) => readPage(l, slug));
      expect(headingLevels(en ?? '')).toEqual(headingLevels(ja ?? ''));
    });
  }

  for (const slug of chapterSlugs) {
    it(`${slug} lists its exercises from course.md in both locales`, () => {
      for (const locale of locales) {
        expect(exerciseIds(readPage(locale, slug)), locale).toEqual(exercisesByChapter[slug]);
      }
    });

    it(`${slug} ends with "what you can now do" and then its exercises`, () => {
      const ja = prose(readPage('ja', slug));
      const en = prose(readPage('en', slug));
      expect(ja).toMatch(/## この章でできるようになったこと\n[\s\S]*## 演習\n\n<ExerciseList/);
      expect(en).toMatch(/## What you can now do\n[\s\S]*## Exercises\n\n<ExerciseList/);
    });
  }

  it('has no placeholder text', () => {
    for (const locale of locales) {
      for (const slug of pageSlugs) {
        expect(readPage(locale, slug), `${locale}/${slug}`).not.toMatch(
          /lorem ipsum|\bTBD\b|TODO/i,
        );
      }
    }
  });

  it('links only to pages that exist', () => {
    for (const locale of locales) {
      for (const slug of pageSlugs) {
        for (const href of internalLinks(readPage(locale, slug))) {
          expect(resolvesToPage(href), `${locale}/${slug} links to ${href}`).toBe(true);
          // The one link across: each home page offers the other language's home.
          const switchesLanguage = slug === 'index' && href === (locale === 'ja' ? '/en/' : '/');
          if (switchesLanguage) continue;
          const inEnglish = href.startsWith('/en/');
          expect(inEnglish, `${locale}/${slug} links to ${href} in the other locale`).toBe(
            locale === 'en',
          );
        }
      }
    }
  });

  it('parses every YAML block, and both locales show the same manifests', () => {
    const kindsByLocale: Record<string, string[]> = {};
    for (const locale of locales) {
      const kinds: string[] = [];
      kindsByLocale[locale] = kinds;
      for (const slug of pageSlugs) {
        for (const block of codeBlocks(readPage(locale, slug))) {
          if (block.lang !== 'yaml') continue;
          const where = `${locale}/${slug}.mdx:${block.line}`;
          const docs = yaml.loadAll(block.text);
          expect(docs.length, where).toBeGreaterThan(0);
          for (const doc of docs) {
            expect(doc, where).toBeTypeOf('object');
            kinds.push(`${slug}:${(doc as { kind?: string }).kind ?? '(fragment)'}`);
          }
        }
      }
    }
    expect(kindsByLocale.ja?.length).toBeGreaterThan(8);
    expect(kindsByLocale.en).toEqual(kindsByLocale.ja);
  });

  it('shows only manifests kube-apiserver would accept', () => {
    for (const locale of locales) {
      for (const slug of pageSlugs) {
        for (const block of codeBlocks(readPage(locale, slug))) {
          // Fragments (a ports list, a spec excerpt) are parts of manifests, not manifests.
          if (block.lang !== 'yaml' || !/^apiVersion:/m.test(block.text)) continue;
          const model = buildModel([{ file: `${locale}/${slug}.mdx`, text: block.text }]);
          const errors = model.diagnostics
            .filter((d) => d.severity === 'error')
            .map((d) => d.message);
          expect(errors, `${locale}/${slug}.mdx:${block.line}`).toEqual([]);
        }
      }
    }
  });

  it('teaches networking.k8s.io/v1 Ingress, showing v1beta1 only as refused text', () => {
    for (const locale of locales) {
      for (const slug of pageSlugs) {
        for (const block of codeBlocks(readPage(locale, slug))) {
          if (block.lang === 'yaml') expect(block.text).not.toContain('v1beta1');
        }
      }
      expect(readPage(locale, 'chapters/ingress')).toContain(
        'no matches for kind "Ingress" in version "networking.k8s.io/v1beta1"',
      );
    }
  });
});

describe('the exercise folders', () => {
  const all = Object.values(exercisesByChapter).flat();

  it('are exactly the nineteen exercises of course.md', () => {
    expect(exerciseFolders()).toEqual([...all].sort());
  });

  for (const [slug, ids] of Object.entries(exercisesByChapter)) {
    for (const id of ids) {
      it(`${id} has metadata in both locales for chapter ${slug}`, () => {
        const meta = yaml.load(readFileSync(join(exercisesDir, id, 'meta.yaml'), 'utf8')) as {
          id: string;
          chapter: number;
          title: Record<string, string>;
          task: Record<string, string>;
        };
        expect(meta.id).toBe(id);
        expect(chapterSlugs[meta.chapter - 1]).toBe(slug);
        for (const locale of locales) {
          expect(meta.title[locale], `title.${locale}`).toBeTruthy();
          expect(meta.task[locale], `task.${locale}`).toBeTruthy();
        }
      });
    }
  }

  // The Japanese page opens starter.ja.yaml: the same manifests line for line,
  // only its comments in Japanese (names, values and choices stay as written).
  for (const id of all)
    it(`${id}'s Japanese starter is the starter with its comments in Japanese`, () => {
      const read = (name: string) => readFileSync(join(exercisesDir, id, name), 'utf8');
      const en = read('starter.yaml');
      const ja = read('starter.ja.yaml');
      expect(yaml.loadAll(ja)).toEqual(yaml.loadAll(en));
      const [enLines, jaLines] = [en.split('\n'), ja.split('\n')];
      expect(jaLines.length).toBe(enLines.length);
      const comment = /^\s*#/;
      for (const [i, line] of enLines.entries()) {
        const other = jaLines[i] ?? '';
        // Manifests, and a comment that is itself YAML (a label, a port), stay as they are.
        if (!comment.test(line) || /^\s*#\s+[\w.-/]+: [\w.-]+$/.test(line)) {
          expect(other, `line ${i + 1}`).toBe(line);
          continue;
        }
        expect(other, `line ${i + 1}`).toMatch(/^\s*#.*[\u3040-\u30ff\u4e00-\u9fff]/);
      }
    });
});
