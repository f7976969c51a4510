/**
 * What an audit record keeps of an update: the attributes that changed, each before and after,
 * not two whole copies (a large entity changed in one field would otherwise write it twice more).
 * An attribute added has no `before`, one removed no `after`.
 */
import { sameStored } from './stored-equality';

export interface AttributeChanges {
  readonly before: Record<string, unknown>;
  readonly after: Record<string, unknown>;
}

/** The top-level attributes of `before` and `after` that differ; undefined counts as absent (as stored). */
export function changedAttributes(before: object, after: object): AttributeChanges {
  const was = before as Record<string, unknown>;
  const is = after as Record<string, unknown>;
  const changes: AttributeChanges = { before: {}, after: {} };
  for (const name of new Set([...Object.keys(was), ...Object.keys(is)])) {
    // an attribute carried over unchanged is the same value: no copy and deep comparison of it (a meeting's lists).
    if (sameStored(was[name], is[name])) continue;
    if (was[name] !== undefined) changes.before[name] = was[name];
    if (is[name] !== undefined) changes.after[name] = is[name];
  }
  return changes;
}
