// Text a program prints (a certificate's name, a rule), quoted inside a
// sentence of a locale table: marked so that a page can show it as code in
// English, and dropped from the plain sentence.
const open = '\ue001';
const close = '\ue002';

export function verbatim(text: string): string {
  return `${open}${text}${close}`;
}

/** The sentence without marks. */
export function plain(text: string): string {
  return text.replaceAll(open, '').replaceAll(close, '');
}

/** The sentence split into words and marked text (odd indexes). */
export function splitVerbatim(text: string): string[] {
  return text.split(/\ue001([^\ue002]*)\ue002/);
}
