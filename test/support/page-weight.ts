// What a built page makes the browser run before anything is loaded on
// demand: its inline scripts, its <script src> files and everything those
// import statically (dynamic import() is on demand, so it is left out),
// weighed gzip-compressed as a server would send them.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  /** Site paths of the JavaScript files loaded at once. */
  files: string[];
  /** Gzip bytes: inline scripts plus those files. */
  gzip: number;
}

const staticImport =
  /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g;

/** A module and what it imports statically, as loaded when something imports it on demand. */
export function moduleWeight(dist: string, sitePath: string): PageWeight {
  const files = new Set<string>();
  const gzip = closure(dist, sitePath, files, sitePath);
  return { files: [...files].sort(), gzip };
}

function closure(dist: string, from: string, files: Set<string>, sitePath: string): number {
  let gzip = 0;
  const visit = (path: string) => {
    if (files.has(path)) return;
    const file = join(dist, path);
    if (!existsSync(file)) throw new Error(`${from} loads ${path}, which is not in dist`);
    files.add(path);
    const code = readFileSync(file, 'utf8');
    gzip += gzipSync(code).length;
    for (const m of code.matchAll(staticImport)) {
      const spec = m[1] ?? '';
      visit(spec.startsWith('/') ? spec : join(dirname(path), spec));
    }
  };
  visit(sitePath);
  return gzip;
}

export function pageWeight(dist: string, pagePath: string): PageWeight {
  const html = readFileSync(join(dist, pagePath.replace(/\/$/, '/index.html')), 'utf8');
  const files = new Set<string>();
  let gzip = 0;
  const visit = (sitePath: string) => {
    gzip += closure(dist, pagePath, files, sitePath);
  };
  for (const m of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attrs = m[1] ?? '';
    const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
    if (src) visit(src);
    else if (!/type="application\/(ld\+)?json"/.test(attrs)) {
      const code = m[2] ?? '';
      gzip += gzipSync(code).length;
      for (const i of code.matchAll(staticImport)) visit(i[1] ?? '');
    }
  }
  return { files: [...files].sort(), gzip };
}
