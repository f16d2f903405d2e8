// Names shortened to fit a drawing, with an ellipsis, and lines wrapped to
// fit a box: pure, so that layouts (which run in workers and at build time)
// can use them without d3.

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

/** How many characters of 10-unit monospace text a box this wide holds (topology.ts cuts at that). */
export const charsIn = (width: number) => Math.floor((width - 14) / 6.1);

/**
 * A line too long for its box on several, not cut: an Ingress or route rule's
 * target under its path ("  → my-app-a:4200"), several backends one a line,
 * a listener's route count under it; a name longer than the box at its end.
 */
export function wrap(line: string, chars: number): string[] {
  if (line.length <= chars) return [line];
  // Where the line may break, best first: before its arrow, before a
  // bracket, after a comma, at any space; the rest goes indented on its own line.
  const spaces = [...line.matchAll(/ /g)].map((m) => m.index).reverse();
  const at = [
    line.indexOf(' → '),
    ...spaces.filter((i) => line[i + 1] === '('),
    ...spaces.filter((i) => line[i - 1] === ','),
    ...spaces,
  ].find((i) => i > 0 && i <= chars && line.slice(0, i).trim() !== '');
  const [first, rest] =
    at === undefined
      ? [line.slice(0, chars), line.slice(chars)]
      : [line.slice(0, at), line.slice(at + 1)];
  return [first, ...wrap(`  ${rest.trimStart()}`, chars)];
}

/** Closing punctuation a line does not start with (kinsoku): it stays with the word before it. */
const closing = /^[、。，．）」』】：；！？,.;:)\]]$/;

/**
 * A sentence in lines of at most n Latin character widths (Japanese taking
 * two each), broken at spaces and between Japanese characters; a word longer
 * than a line is split.
 */
export function wrapWords(text: string, n: number): string[] {
  const widthOf = (s: string) => [...s].reduce((w, ch) => w + (wide.test(ch) ? 2 : 1), 0);
  const tokens = text.match(
    new RegExp(`${wide.source}|[^\\s${wide.source.slice(1, -1)}]+|\\s+`, 'g'),
  );
  const lines: string[] = [];
  let line: string[] = [];
  let width = 0;
  let space = false;
  const flush = () => {
    if (line.length > 0) lines.push(line.join(''));
    [line, width] = [[], 0];
  };
  for (const token of tokens ?? []) {
    if (/^\s+$/.test(token)) {
      space = line.length > 0;
      continue;
    }
    const gap = space ? 1 : 0;
    space = false;
    if (width + gap + widthOf(token) <= n) {
      line.push(gap ? ` ${token}` : token);
      width += gap + widthOf(token);
      continue;
    }
    // Closing punctuation takes the character before it along to the next line.
    const carried =
      closing.test(token) && !gap && line.length > 1 ? (line.pop() ?? '').trimStart() : '';
    flush();
    for (const piece of splitWord(`${carried}${token}`, n)) {
      if (width > 0) flush();
      line.push(piece);
      width = widthOf(piece);
    }
  }
  flush();
  return lines;
}

/** A word in pieces of at most n widths each. */
function splitWord(word: string, n: number): string[] {
  const pieces: string[] = [''];
  let width = 0;
  for (const ch of word) {
    const w = wide.test(ch) ? 2 : 1;
    if (width + w > n && width > 0) {
      pieces.push('');
      width = 0;
    }
    pieces[pieces.length - 1] += ch;
    width += w;
  }
  return pieces;
}
