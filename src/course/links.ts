// Site paths in one place: the default locale's pages sit at the root, each
// other locale's under /<locale>, all under the site's base path.
import { defaultLocale, type Locale } from '../i18n/locales.ts';

const base = import.meta.env.BASE_URL.replace(/\/$/, '');

/** A path inside the site, for a page of that locale ("chapters/nodeport/"). */
export function pagePath(locale: Locale, path: string): string {
  return `${base}${locale === defaultLocale ? '' : `/${locale}`}/${path}`;
}

export function exercisePath(locale: Locale, id: string): string {
  return pagePath(locale, `exercises/${id}/`);
}

/** A file the site serves the same in all locales ("schema/kubernetes.json"). */
export function assetPath(path: string): string {
  return `${base}/${path}`;
}
