// Reads manifest text into documents whose every key and value remembers where
// it was written, so that a diagnostic can point at the exact line and column.
//
// js-yaml 4 reports each node it composes through its `listener` hook ("open"
// when it starts, "close" with the result when it ends). We rebuild the node
// tree from those events. Values are copied into prototype-free objects with a
// node budget: an alias shares one object many times ("billion laughs"), and
// copying is where that sharing would explode, so that is where it is bounded.
import yaml from 'js-yaml';

export const limits = {
  /** Larger inputs are refused before parsing. */
  maxBytes: 1024 * 1024,
  /** Deeper nesting is refused by js-yaml itself (its maxDepth). */
  maxDepth: 40,
  /** Nodes after alias expansion, across one file. */
  maxNodes: 200_000,
  /** Documents in one file. */
  maxDocuments: 5_000,
} as const;

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units like an editor's column. */
  column: number;
}

export interface YamlNode {
  start: Position;
  /** For a mapping: its entries' key and value nodes, by key. */
  entries?: Map<string, { key: YamlNode; value: YamlNode }>;
  /** For a sequence: its items. */
  items?: YamlNode[];
}

export interface SourceDocument {
  file: string;
  /** 0-based index of the document in its file. */
  index: number;
  /** The document's value: plain data, objects without prototypes. */
  value: unknown;
  /** Where things are; null when the document is empty. */
  node: YamlNode | null;
}

export interface ReadProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export type ReadResult =
  | { ok: true; documents: SourceDocument[] }
  | { ok: false; problem: ReadProblem };

interface Frame {
  startOffset: number;
  children: Built[];
}

interface Built {
  startOffset: number;
  kind: string | null;
  result: unknown;
  children: Built[];
}

class TooLarge extends Error {}
class Cyclic extends Error {}

// YAML 1.2's core types plus merge keys (`<<`), which Kubernetes' YAML reader
// also honours. No timestamp type: a date stays the text the author wrote.
// (@types/js-yaml 4.0.9 predates js-yaml 4.3's `types` export and `maxDepth`.)
const { types } = yaml as unknown as { types: { merge: yaml.Type } };
const schema = yaml.CORE_SCHEMA.extend({ implicit: [types.merge] });
type LoadOptions = yaml.LoadOptions & { maxDepth: number };

// size: one js-yaml load whose listener and the documents built after it share the frame stack that gives each node its line.
export function readManifests(file: string, text: string): ReadResult {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > limits.maxBytes) {
    return fail(file, 1, 1, `file is ${bytes} bytes; manifests larger than 1 MiB are not read`);
  }
  const lineStarts = indexLines(text);
  const roots: Built[] = [];
  const stack: Frame[] = [];
  let rawDocuments: unknown[];
  try {
    rawDocuments = [];
    const options: LoadOptions = {
      filename: file,
      schema,
      maxDepth: limits.maxDepth,
      listener(event, state) {
        if (event === 'open') {
          stack.push({ startOffset: skipToContent(text, state.position), children: [] });
          return;
        }
        const frame = stack.pop();
        if (!frame) return;
        const built: Built = {
          startOffset: frame.startOffset,
          kind: state.kind,
          result: state.result,
          children: frame.children,
        };
        const parent = stack.at(-1);
        if (parent) parent.children.push(built);
        else roots.push(built);
      },
    };
    yaml.loadAll(text, (doc) => rawDocuments.push(doc), options);
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      const mark = error.mark as { line?: number; column?: number } | undefined;
      return fail(
        file,
        (mark?.line ?? 0) + 1,
        (mark?.column ?? 0) + 1,
        `YAML syntax error: ${error.reason}`,
      );
    }
    throw error;
  }
  if (rawDocuments.length > limits.maxDocuments) {
    return fail(
      file,
      1,
      1,
      `file has ${rawDocuments.length} documents; at most ${limits.maxDocuments} are read`,
    );
  }

  const budget = { nodes: 0 };
  const documents: SourceDocument[] = [];
  let index = 0;
  try {
    for (; index < rawDocuments.length; index++) {
      const raw = rawDocuments[index];
      const built = roots[index];
      documents.push({
        file,
        index,
        value: copy(raw, budget),
        node: raw === null || raw === undefined || !built ? null : locate(built, raw, lineStarts),
      });
    }
  } catch (error) {
    if (error instanceof Cyclic) {
      // go-yaml (and so kubectl) refuses it: "yaml: anchor 'a' value contains itself".
      const root = roots[index];
      const line = root ? toPosition(root.startOffset, lineStarts).line : 1;
      return fail(
        file,
        line,
        1,
        'YAML syntax error: an anchor’s value contains itself (an alias inside the node it names)',
      );
    }
    if (error instanceof TooLarge) {
      return fail(
        file,
        1,
        1,
        `the documents expand to more than ${limits.maxNodes} values (YAML aliases repeating a large anchor?); not read`,
      );
    }
    throw error;
  }
  return { ok: true, documents };
}

function fail(file: string, line: number, column: number, message: string): ReadResult {
  return { ok: false, problem: { file, line, column, message } };
}

/**
 * Copies parsed data into prototype-free objects, counting every value
 * reached. js-yaml builds `&a [*a]` as an array that contains itself; the
 * objects on the current path catch that before it recurses without end.
 */
function copy(value: unknown, budget: { nodes: number }, path = new Set<object>()): unknown {
  if (++budget.nodes > limits.maxNodes) throw new TooLarge();
  if (value === null || typeof value !== 'object') return value;
  if (path.has(value)) throw new Cyclic();
  path.add(value);
  let out: unknown;
  if (Array.isArray(value)) out = value.map((item) => copy(item, budget, path));
  else {
    const record: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(value))
      record[key] = copy((value as Record<string, unknown>)[key], budget, path);
    out = record;
  }
  path.delete(value);
  return out;
}

/**
 * Pairs the composed nodes with the parsed value. A mapping's children are its
 * keys and values in order, but js-yaml also composes an empty node where a
 * mapping ends at a document marker, so keys are found by matching rather than
 * by counting. Where nothing matches (merge keys, aliases), inner nodes keep
 * their parent's position.
 */
function locate(built: Built, value: unknown, lineStarts: number[]): YamlNode {
  const node: YamlNode = { start: toPosition(built.startOffset, lineStarts) };
  const children = built.children.filter(
    (child, i, all) => !(i === all.length - 1 && child.kind === null),
  );
  if (Array.isArray(value)) {
    if (children.length === value.length) {
      node.items = children.map((child, i) => locate(child, value[i], lineStarts));
    }
  } else if (value !== null && typeof value === 'object') {
    node.entries = new Map();
    let next = 0;
    for (const key of Object.keys(value)) {
      let k = next;
      while (
        k + 1 < children.length &&
        !(children[k]?.kind === 'scalar' && String(children[k]?.result) === key)
      )
        k++;
      const keyBuilt = children[k];
      const valueBuilt = children[k + 1];
      if (!keyBuilt || !valueBuilt) break;
      node.entries.set(key, {
        key: { start: toPosition(keyBuilt.startOffset, lineStarts) },
        value: locate(valueBuilt, (value as Record<string, unknown>)[key], lineStarts),
      });
      next = k + 2;
    }
  }
  return node;
}

/** js-yaml opens a node before skipping the blanks and comments in front of it. */
function skipToContent(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
    else if (c === '#') while (i < text.length && text[i] !== '\n') i++;
    else break;
  }
  return i;
}

function indexLines(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function toPosition(offset: number, lineStarts: number[]): Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
}

/**
 * The node at a field path such as ["spec", "ports", 0, "port"]. When the path
 * stops existing part way (a missing field), the answer is the key of the last
 * field that exists, which is where an editor should point.
 */
export function nodeAt(
  root: YamlNode | null,
  path: readonly (string | number)[],
  prefer: 'key' | 'value' = 'value',
): YamlNode | null {
  let node = root;
  let keyOfNode: YamlNode | null = root;
  for (const step of path) {
    if (!node) break;
    if (typeof step === 'number') {
      const item = node.items?.[step];
      if (!item) return keyOfNode;
      node = item;
      keyOfNode = item;
    } else {
      const entry = node.entries?.get(step);
      if (!entry) return keyOfNode;
      node = entry.value;
      keyOfNode = entry.key;
    }
  }
  return prefer === 'key' ? keyOfNode : node;
}
