// Astro writes each page's Content-Security-Policy and hashes the scripts it
// bundles, but not `is:inline` scripts, which Starlight uses for its theme and
// sidebar. Rather than allow every inline script ('unsafe-inline'), this adds
// to each built page the hashes of the inline scripts that page really has,
// and fails the build if a page has no policy at all.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesBelow } from '../build/files.mjs';

const metaPattern = /<meta http-equiv="content-security-policy" content="([^"]*)"\s*\/?>/i;
const inlineScript = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** The page with its policy first in <head>, every inline script's hash in script-src. */
export function withInlineHashes(html, where) {
  const meta = metaPattern.exec(html);
  if (!meta) throw new Error(`${where} has no Content-Security-Policy`);
  const hashes = new Set();
  for (const [, body] of html.matchAll(inlineScript))
    hashes.add(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  const directives = meta[1]
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);
  const index = directives.findIndex((d) => d.startsWith('script-src '));
  if (index === -1) throw new Error(`${where}: its policy has no script-src`);
  const sources = new Set(directives[index].split(/\s+/));
  if (sources.has("'unsafe-inline'"))
    throw new Error(`${where}: script-src allows 'unsafe-inline'`);
  for (const hash of hashes) sources.add(hash);
  directives[index] = [...sources].join(' ');
  // A policy in a meta element governs only what comes after it: first in <head>.
  const policy = `<meta http-equiv="content-security-policy" content="${directives.join('; ')}">`;
  const rest = html.replace(meta[0], '');
  const head = /<head[^>]*>(\s*<meta charset="[^"]*"\s*\/?>)?/i.exec(rest);
  if (!head) throw new Error(`${where} has no <head>`);
  const at = head.index + head[0].length;
  return rest.slice(0, at) + policy + rest.slice(at);
}

export function inlineScriptHashes() {
  return {
    name: 'routelab-csp-inline-scripts',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const root = fileURLToPath(dir);
        for (const file of filesBelow(root).filter((f) => f.endsWith('.html'))) {
          const html = readFileSync(file, 'utf8');
          writeFileSync(file, withInlineHashes(html, relative(root, file)));
        }
      },
    },
  };
}
