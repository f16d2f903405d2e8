// Offline after the first visit: when the site is built, this writes
// dist/sw.js, a service worker that caches every file the build emitted (the
// course, the exercises, the editor and its workers, the schema, the search
// index) under a cache named after their contents. A new build makes a new
// cache; the old one goes once no page of the old build is open.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesBelow } from '../build/files.mjs';

export function offline() {
  return {
    name: 'routelab-offline',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const root = fileURLToPath(dir);
        const hash = createHash('sha256');
        const urls = [];
        for (const file of filesBelow(root).sort()) {
          const path = relative(root, file).split(sep).join('/');
          // README screenshots are for the repository, not for learners.
          if (path === 'sw.js' || path.endsWith('.map') || path.startsWith('readme/')) continue;
          hash.update(path);
          hash.update(readFileSync(file));
          // Pages are cached under their directory URL, as they are linked.
          urls.push(
            path.endsWith('index.html') ? `/${path.slice(0, -'index.html'.length)}` : `/${path}`,
          );
        }
        const version = hash.digest('hex').slice(0, 16);
        const template = readFileSync(new URL('./sw.template.js', import.meta.url), 'utf8');
        writeFileSync(
          join(root, 'sw.js'),
          template
            .replace('__VERSION__', JSON.stringify(version))
            .replace('__URLS__', JSON.stringify(urls)),
        );
      },
    },
  };
}
