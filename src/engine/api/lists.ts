// A v1 List (what `kubectl get -o yaml` writes for several objects) or a typed
// list (ServiceList, PodList...) is, to `kubectl apply -f`, the objects it
// holds: cli-runtime pkg/resource/visitor.go FlattenListVisitor visits each
// item (lists inside lists too) as if it had been its own document. Items of a
// typed list that name neither apiVersion nor kind take the list's apiVersion
// and the kind without "List" (apimachinery unstructured decodeToList); the
// items of a v1 List must name both (kubectl pkg/validation schemaValidation
// validateList: "apiVersion not set", "kind not set").
import type { Diagnostic } from '../diagnostics.ts';
import { locate } from '../diagnostics.ts';
import type { SourceDocument, YamlNode } from '../yaml/read.ts';
import { serves } from './kinds.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The kind of the items of a list document, "" for a v1 List; null when it is not a list. */
function listOf(value: unknown): string | null {
  if (!isRecord(value)) return null;
  const { apiVersion, kind } = value;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return null;
  if (apiVersion === 'v1' && kind === 'List') return '';
  if (kind.length > 4 && kind.endsWith('List') && serves(apiVersion, kind.slice(0, -4)))
    return kind.slice(0, -4);
  return null;
}

function jsonType(value: unknown): string {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'object') return 'object';
  return typeof value;
}

/** Every document, each list replaced by its items, each item pointing at its own lines. */
export function flattenLists(
  documents: SourceDocument[],
  diagnostics: Diagnostic[],
): SourceDocument[] {
  const out: SourceDocument[] = [];
  const visit = (doc: SourceDocument): void => {
    const itemKind = listOf(doc.value);
    if (itemKind === null) {
      out.push(doc);
      return;
    }
    const list = doc.value as Record<string, unknown>;
    const items = list.items;
    if (items === undefined || items === null) return;
    if (!Array.isArray(items)) {
      diagnostics.push({
        severity: 'error',
        code: 'BadList',
        object: '',
        field: 'items',
        message: `unable to decode "${doc.file}": json: cannot unmarshal ${jsonType(items)} into Go struct field decodeList.items of type []json.RawMessage`,
        ...locate(doc, ['items']),
      });
      return;
    }
    const itemsNode = doc.node?.entries?.get('items');
    items.forEach((item, i) => {
      const node: YamlNode | null = itemsNode?.value.items?.[i] ?? itemsNode?.key ?? doc.node;
      const inherits =
        itemKind !== '' &&
        isRecord(item) &&
        item.apiVersion === undefined &&
        item.kind === undefined;
      const value = inherits
        ? Object.assign(Object.create(null), { apiVersion: list.apiVersion, kind: itemKind }, item)
        : item;
      visit({ file: doc.file, index: doc.index, value, node });
    });
  };
  for (const doc of documents) visit(doc);
  return out;
}
