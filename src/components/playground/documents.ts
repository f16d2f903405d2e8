// The YAML documents of the learner's text as line spans, so that a switch
// can rewrite or remove one document and leave every other line as typed.

export interface Span {
  /** Line index of the document's first line (after its --- separator). */
  from: number;
  /** Line index after its last line: its closing `---`, or the end of the text. */
  to: number;
}

export function documents(lines: string[]): Span[] {
  const spans: Span[] = [];
  let from = 0;
  lines.forEach((line, i) => {
    if (/^---(\s|$)/.test(line)) {
      spans.push({ from, to: i });
      from = i + 1;
    }
  });
  spans.push({ from, to: lines.length });
  return spans;
}
