// Learner-controlled text (file names, YAML values, messages quoting them)
// made safe for a terminal: no control character, escape sequence or bidi
// override reaches it raw, so a file name cannot move the cursor, recolour a
// line, or redraw a FAIL as a PASS. Each is shown as a visible escape.

/**
 * C0 controls and DEL, C1 controls (U+0080-U+009F: U+009B is CSI on its own in
 * some terminals), and the bidirectional formatting characters (embeddings,
 * overrides, isolates, marks: "Trojan Source", CVE-2021-42574).
 */
const unsafeRanges: [number, number][] = [
  [0x00, 0x1f],
  [0x7f, 0x9f],
  [0x61c, 0x61c],
  [0x200e, 0x200f],
  [0x202a, 0x202e],
  [0x2066, 0x2069],
];

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}

function charClass(ranges: [number, number][]): RegExp {
  return new RegExp(`[${ranges.map(([a, b]) => `\\u${hex(a, 4)}-\\u${hex(b, 4)}`).join('')}]`, 'g');
}

const unsafe = charClass(unsafeRanges);
/** The same without line feed and tab, which a multi-line output keeps. */
const unsafeInLines = charClass([[0x00, 0x08], [0x0b, 0x1f], ...unsafeRanges.slice(1)]);
/** What JSON.stringify leaves raw: all of it but C0 (and U+2028/9, which some readers take as line breaks). */
const unsafeInJson = charClass([...unsafeRanges.slice(1), [0x2028, 0x2029]]);

const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

function visible(char: string): string {
  const known = named[char];
  if (known) return known;
  const code = char.charCodeAt(0);
  return code < 0x100 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
}

/** One field (a name, a message): every unsafe character escaped, line breaks included. */
export function terminalSafe(text: string): string {
  return text.replace(unsafe, visible);
}

/** Whole lines of text output: the same, but the output's own line breaks and tabs kept. */
export function terminalSafeLines(text: string): string {
  return text.replace(unsafeInLines, visible);
}

/**
 * JSON text with C1 controls and bidi characters written as \u escapes:
 * JSON.stringify leaves them raw; escaped, the document is the same value,
 * still valid, and safe to print.
 */
export function jsonSafe(json: string): string {
  return json.replace(unsafeInJson, (c) => `\\u${hex(c.charCodeAt(0), 4)}`);
}

/**
 * A word for a POSIX shell, to paste: plain when it is safe, quoted when it
 * has spaces or quotes, and in bash's $'...' form when it holds a character
 * the terminal must not see raw (the same word, still one to paste).
 */
export function shellWord(word: string): string {
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  if (terminalSafe(word) !== word)
    return `$'${word
      .replace(/[\\']/g, (c) => `\\${c}`)
      .replace(unsafe, (c) => {
        const code = c.charCodeAt(0);
        return code < 0x100 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
      })}'`;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
