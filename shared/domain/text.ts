/** Text helpers: Vietnamese text is stored NFC-normalised and compared without diacritics. */

/** NFC-normalises every string in a parsed JSON value, so stored text never differs by composition. */
export function normaliseText<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map(normaliseText) as T;
  if (value !== null && typeof value === 'object') {
    // fromEntries defines `__proto__` as an own key (plain assignment would set the prototype, smuggling
    // fields past strict schemas), so the schema sees it and refuses it like any unknown field.
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, normaliseText(inner)])) as T;
  }
  return value;
}

/**
 * Folds Vietnamese text for search: lower case, no diacritics, đ → d, single spaces.
 * @example foldDiacritics('Đường  Xã Gia Tân') // 'duong xa gia tan'
 */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}
