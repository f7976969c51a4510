/**
 * Whether two values are the same once stored: what `JSON.parse(JSON.stringify(...))` of each
 * would make deep-equal (an undefined attribute is absent, an undefined array element is null),
 * for the JSON data the application stores (text, finite numbers, booleans, null, arrays, plain
 * objects). Compared in place, without the copies: the structure import compares every unit of a
 * district, and an update's audit record every attribute of an entity.
 */
export function sameStored(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameStored(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  return sameAttributes(a as Record<string, unknown>, b as Record<string, unknown>);
}

/**
 * Every defined attribute of `a` is the same in `b`, and `b` has no other defined one besides
 * those `ignored` (which `a` must not have): an item compared with a value without its keys.
 */
export function sameAttributes(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  ignored?: ReadonlySet<string>,
): boolean {
  let defined = 0;
  for (const name of Object.keys(a)) {
    if (a[name] === undefined) continue;
    defined++;
    if (ignored?.has(name) || !sameStored(a[name], b[name])) return false;
  }
  for (const name of Object.keys(b)) if (b[name] !== undefined && !ignored?.has(name)) defined--;
  return defined === 0;
}
