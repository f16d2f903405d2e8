// A LabelSelector written as apimachinery writes it (metav1.FormatLabelSelector:
// LabelSelectorAsSelector, then labels.Selector String): requirements sorted by
// key, "k=v" for matchLabels, "k in (a,b)", "k notin (a,b)", "k", "!k", and
// "<none>" for the empty selector. kubectl's POD-SELECTOR column and the
// trace's words about a policy both show it so.
import type { LabelSelector } from '../api/types.ts';

function requirement(key: string, operator: string, values: readonly string[]): string {
  const sorted = [...values].sort();
  switch (operator) {
    case '=':
      return `${key}=${sorted[0] ?? ''}`;
    case 'In':
      return `${key} in (${sorted.join(',')})`;
    case 'NotIn':
      return `${key} notin (${sorted.join(',')})`;
    case 'Exists':
      return key;
    default:
      return `!${key}`;
  }
}

export function formatLabelSelector(selector: LabelSelector): string {
  const all = [
    ...Object.keys(selector.matchLabels).map((key) => ({
      key,
      text: requirement(key, '=', [selector.matchLabels[key] ?? '']),
    })),
    ...selector.matchExpressions.map((e) => ({
      key: e.key,
      text: requirement(e.key, e.operator, e.values),
    })),
  ];
  all.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return all.map((r) => r.text).join(',') || '<none>';
}
