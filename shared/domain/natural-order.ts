/** Ids ordered with their numbers compared as numbers: `khu-2` before `khu-10`. */

let numericCollator: Intl.Collator | undefined;

/**
 * The collator is made when first needed and kept: made on import it cost every function bundling
 * this module milliseconds of cold start, and `localeCompare` with options builds one per comparison.
 */
export function naturalOrder(a: string, b: string): number {
  numericCollator ??= new Intl.Collator('en', { numeric: true });
  return numericCollator.compare(a, b);
}
