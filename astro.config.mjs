// @ts-check

import { fileURLToPath } from 'node:url';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { sidebar } from './src/course/sidebar.mjs';
import { offline } from './src/offline/integration.mjs';

export default defineConfig({
  site: 'https://routelab.dev',
  vite: {
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
            new URL('./src/components/exercise/worker-manager.js', import.meta.url),
          ),
        },
      ],
    },
    worker: { format: 'es' },
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
      pagination: true,
      customCss: ['./src/styles/course.css'],
      components: { Search: './src/components/overrides/Search.astro' },
      // Wrapped code never scrolls sideways: readable at 360 px, and no
      // unlabelled scroll regions (expressive-code makes each a role=region).
      expressiveCode: { defaultProps: { wrap: true } },
      head: [{ tag: 'script', attrs: { src: '/register-sw.js', defer: true } }],
    }),
    offline(),
  ],
});
