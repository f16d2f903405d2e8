// @ts-check

import { fileURLToPath } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { satteriPhrases } from './src/course/phrases.mjs';
import { sidebar } from './src/course/sidebar.mjs';
import { offline } from './src/offline/integration.mjs';
import { inlineScriptHashes } from './src/security/csp.mjs';

export default defineConfig({
  site: 'https://routelab.dev',
  // Scripts only from this site, by file or by hash (never 'unsafe-inline');
  // Pagefind's search runs WebAssembly. Styles may be inline: Monaco writes
  // <style> elements at run time and Starlight uses style attributes, and a
  // style cannot run code. Nothing is fetched from anywhere else.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "connect-src 'self'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
    },
  },
  // Starlight's expressive-code highlights every code block (and turns this
  // off itself, but only after Astro has warned that Shiki's inline styles
  // need a CSP exception, which style-src 'unsafe-inline' above grants anyway).
  // Japanese headings and captions: a <wbr> between phrases (src/course/phrases.mjs).
  markdown: { syntaxHighlight: false, processor: satteri({ hastPlugins: [satteriPhrases] }) },
  vite: {
    build: {
      // Monaco is one 3.2 MB chunk (0.8 MB gzip), loaded only when an editor
      // starts; test/e2e/budgets.spec.ts holds it and every other chunk to a
      // measured budget, which says more than vite's generic 500 kB.
      chunkSizeWarningLimit: 3500,
      rolldownOptions: {
        // The engine is pure by construction (test/unit/engine-purity.test.ts):
        // its modules only define things, and so does js-yaml. Said so, the
        // bundler leaves out whatever a page does not call; otherwise reaching
        // the engine's entry module for one helper kept js-yaml and the engine's
        // top-level tables (the chapters' diagram chunk grew from 16 to 34 KB
        // gzip). Where YAML is read and routes traced (the workers), the calls
        // keep them.
        treeshake: {
          moduleSideEffects: (id) =>
            !/[\\/]node_modules[\\/]js-yaml[\\/]|[\\/]src[\\/]engine[\\/]/.test(id),
        },
        onLog(level, log, handler) {
          // Astro's own wrapper around each MDX page with components starts with
          // "use astro:head-inject", a marker Astro reads while transforming;
          // that the bundler drops it afterwards is intended.
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject'))
            return;
          // The engine writes trace/v1's English `detail` with the English table
          // (src/engine/trace/english.ts), so that table is also imported
          // statically; pages load their own locale's table on demand, and an
          // English page gets the same module either way.
          if (
            log.code === 'INEFFECTIVE_DYNAMIC_IMPORT' &&
            log.message.includes('src/i18n/engine/en.ts')
          )
            return;
          handler(level, log);
        },
      },
    },
    resolve: {
      alias: [
        // monaco-yaml imports monaco-editor/esm/vs/..., which monaco-editor's
        // exports map no longer serves.
        {
          find: /^monaco-editor\/esm\/vs\//,
          replacement: fileURLToPath(
            new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url),
          ),
        },
        // See the file: monaco-worker-manager predates monaco 0.57's worker API.
        {
          find: /^monaco-worker-manager$/,
          replacement: fileURLToPath(
            new URL('./src/components/editor/worker-manager.js', import.meta.url),
          ),
        },
      ],
    },
    worker: { format: 'es' },
    optimizeDeps: {
      // monaco-yaml's worker imports path-browserify, which is CommonJS only;
      // `astro dev` serves a worker's imports as they are unless pre-bundled,
      // and the YAML worker died with "module is not defined".
      // The editor worker is imported through `?worker`, which the scan before
      // the first page does not see: found later, it re-bundled every dep and
      // reloaded the page under the learner.
      include: ['path-browserify', 'monaco-editor/esm/vs/editor/editor.worker.js'],
    },
  },
  integrations: [
    starlight({
      title: { ja: 'Routelab', en: 'Routelab' },
      description:
        'Kubernetes でリクエストが Pod に届くまで — Service、kube-proxy、Ingress を手を動かして学ぶ',
      defaultLocale: 'root',
      locales: {
        root: { label: '日本語', lang: 'ja' },
        en: { label: 'English', lang: 'en' },
      },
      sidebar,
      lastUpdated: false,
      // src/pages/404.astro: Starlight's own warns at every build that there is
      // no docs entry named 404.
      disable404Route: true,
      pagination: true,
      customCss: ['./src/styles/course.css'],
      // Starlight runs its remark plugins (asides, heading links) only inside
      // its default src/content/docs; the course text lives in content/docs.
      markdown: { processedDirs: ['./content/docs'] },
      components: {
        Search: './src/components/overrides/Search.astro',
        Footer: './src/components/overrides/Footer.astro',
        Sidebar: './src/components/overrides/Sidebar.astro',
        PageTitle: './src/components/overrides/PageTitle.astro',
        Head: './src/embed/Head.astro',
      },
      // Wrapped code never scrolls sideways: readable at 360 px, and no
      // unlabelled scroll regions (expressive-code makes each a role=region).
      expressiveCode: { defaultProps: { wrap: true } },
      head: [{ tag: 'script', attrs: { src: '/register-sw.js', defer: true } }],
    }),
    // Before offline(): the service worker's cache is named after the final pages.
    inlineScriptHashes(),
    offline(),
  ],
});
