// Names shortened to fit a drawing, with an ellipsis: pure, so that layouts
// (which run in workers and at build time) can use it without d3.

/** Characters drawn twice as wide as a Latin one in a monospace font (East Asian Wide). */
const wide =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** The text in at most n Latin character widths, Japanese taking two each; cut with an ellipsis. */
export function cut(text: string, n: number): string {
  const chars = [...text];
  const widthOf = (ch: string) => (wide.test(ch) ? 2 : 1);
  if (chars.reduce((w, ch) => w + widthOf(ch), 0) <= n) return text;
  let kept = '';
  let width = 0;
  for (const ch of chars) {
    if (width + widthOf(ch) > Math.max(1, n - 1)) break;
    kept += ch;
    width += widthOf(ch);
  }
  return `${kept || chars[0]}…`;
}
