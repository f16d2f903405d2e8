// The "default deny in namespace" switch. A default deny is no setting of the
// cluster but a manifest like any other: a NetworkPolicy that selects every
// Pod of its namespace and allows nothing either way. So the switch adds that
// document, named default-deny, at the end of the learner's YAML, or removes
// every document of that name in that namespace; every other line keeps its
// exact text, and Ctrl+Z undoes it as it undoes typing.
import { dump, load } from 'js-yaml';
import { documents } from './documents.ts';

/** The name the switch gives its policy, and the one it looks for to remove. */
export const defaultDenyName = 'default-deny';

/** A namespace's default deny, as the Kubernetes docs write it ("Default deny all ingress and all egress traffic"). */
export function defaultDenyManifest(namespace: string): string {
  return dump(
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: defaultDenyName, namespace },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    },
    { lineWidth: -1, noRefs: true, flowLevel: 3 },
  ).trimEnd();
}

/** Whether this document is the switch's policy in that namespace (a missing namespace is default). */
function isDefaultDeny(text: string, namespace: string): boolean {
  // Cheap test first: most documents are not NetworkPolicies at all.
  if (!/^kind:\s*["']?NetworkPolicy/m.test(text)) return false;
  let doc: unknown;
  try {
    doc = load(text);
  } catch {
    return false;
  }
  if (typeof doc !== 'object' || doc === null) return false;
  const { kind, metadata } = doc as { kind?: unknown; metadata?: unknown };
  if (kind !== 'NetworkPolicy' || typeof metadata !== 'object' || metadata === null) return false;
  const { name, namespace: ns } = metadata as { name?: unknown; namespace?: unknown };
  return name === defaultDenyName && (ns ?? 'default') === namespace;
}

/** The text with the namespace's default deny added (once) or removed. */
export function switchDefaultDeny(text: string, namespace: string, on: boolean): string {
  const lines = text.split('\n');
  const found = documents(lines).filter((s) =>
    isDefaultDeny(lines.slice(s.from, s.to).join('\n'), namespace),
  );
  if (on) {
    if (found.length > 0) return text;
    if (text.trim() === '') return `${defaultDenyManifest(namespace)}\n`;
    // After the last document: its own separator, unless the text already ends with one.
    const body = text.endsWith('\n') ? text : `${text}\n`;
    const last = body.trimEnd().split('\n').at(-1) ?? '';
    const separator = /^---(\s|$)/.test(last) ? '' : '---\n';
    return `${body}${separator}${defaultDenyManifest(namespace)}\n`;
  }
  // Remove from the last so earlier spans keep their line numbers.
  for (const span of [...found].reverse()) {
    // With the --- that closes it, or, the last document, the one that opens it.
    if (span.to < lines.length) lines.splice(span.from, span.to - span.from + 1);
    else if (span.from > 0) lines.splice(span.from - 1, span.to - span.from + 1);
    else lines.splice(span.from, span.to - span.from);
  }
  const out = lines.join('\n');
  return text.endsWith('\n') && !out.endsWith('\n') ? `${out}\n` : out;
}
