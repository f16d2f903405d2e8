// A check's message on the page: words in the page's language, and the
// pieces quoted as kube-apiserver and kubectl print them, marked lang="en" so
// that a screen reader reads them as English. Text nodes only: a message
// quotes names and values from the learner's YAML, which can hold anything.

export interface Run {
  text: string;
  /** Quoted as printed, in English. */
  verbatim: boolean;
}

/** `text` cut into runs at each occurrence of a verbatim piece (the leftmost first, the longest at a tie). */
export function messageRuns(text: string, verbatim: readonly string[] = []): Run[] {
  const pieces = [...new Set(verbatim)]
    .filter((piece) => piece !== '')
    .sort((a, b) => b.length - a.length);
  const runs: Run[] = [];
  let at = 0;
  while (at < text.length) {
    let start = -1;
    let found = '';
    for (const piece of pieces) {
      const i = text.indexOf(piece, at);
      if (i >= 0 && (start < 0 || i < start)) {
        start = i;
        found = piece;
      }
    }
    if (start < 0) break;
    if (start > at) runs.push({ text: text.slice(at, start), verbatim: false });
    runs.push({ text: found, verbatim: true });
    at = start + found.length;
  }
  if (at < text.length) runs.push({ text: text.slice(at), verbatim: false });
  return runs;
}

/** Replaces what `parent` holds with the message, each verbatim piece in a <span lang="en">. */
export function showMessage(
  parent: HTMLElement,
  text: string,
  verbatim: readonly string[] = [],
): void {
  parent.replaceChildren(
    ...messageRuns(text, verbatim).map((run) => {
      if (!run.verbatim) return run.text;
      const span = document.createElement('span');
      span.lang = 'en';
      span.textContent = run.text;
      return span;
    }),
  );
}
