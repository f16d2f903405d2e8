// Label selectors as Kubernetes evaluates them.
import type { LabelSelector } from './api/types.ts';

/** A Service's map selector: every pair must be present. */
export function mapSelectorMatches(
  selector: Record<string, string>,
  labels: Record<string, string>,
): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

/** A LabelSelector (matchLabels and matchExpressions, ANDed). */
export function selectorMatches(selector: LabelSelector, labels: Record<string, string>): boolean {
  if (!mapSelectorMatches(selector.matchLabels, labels)) return false;
  return selector.matchExpressions.every(({ key, operator, values }) => {
    const has = Object.hasOwn(labels, key);
    const value = labels[key] ?? '';
    switch (operator) {
      case 'In':
        return has && values.includes(value);
      case 'NotIn':
        return !has || !values.includes(value);
      case 'Exists':
        return has;
      case 'DoesNotExist':
        return !has;
      default:
        return false;
    }
  });
}
