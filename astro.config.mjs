// @ts-check
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { sidebar } from './src/course/sidebar.mjs';

export default defineConfig({
  site: 'https://routelab.dev',
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
    }),
  ],
});
