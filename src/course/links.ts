// Site paths in one place: the Japanese pages sit at the root, the English
// ones under /en, both under the site's base path.
const base = import.meta.env.BASE_URL.replace(/\/$/, '');

export type Lang = 'ja' | 'en';

/** A path inside the site, for a page of that locale ("chapters/nodeport/"). */
export function pagePath(lang: Lang, path: string): string {
  return `${base}${lang === 'en' ? '/en' : ''}/${path}`;
}

export function exercisePath(lang: Lang, id: string): string {
  return pagePath(lang, `exercises/${id}/`);
}

/** A file the site serves the same in both locales ("schema/kubernetes.json"). */
export function assetPath(path: string): string {
  return `${base}/${path}`;
}
