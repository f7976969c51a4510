/** Text helpers: Vietnamese text is stored NFC-normalised and compared without diacritics. */
import { type FieldProblem, ValidationError } from './errors';
import { fieldLabel } from './field-messages';
import { pointer } from './validation';

/**
 * Characters no one types into a form: C0 controls other than tab and line feed, DEL, C1 controls,
 * and unpaired surrogates (`\p{Cs}` matches only a lone half in a `u` regex).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNTYPABLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]|\p{Cs}/u;

/** Why a string cannot be stored as text, if it cannot. */
function textProblem(text: string, place: Place | undefined, prefix: string): FieldProblem | undefined {
  const found = UNTYPABLE.exec(text)?.[0];
  if (found === undefined) return undefined;
  const path = pathOf(place);
  const field = `Trường «${fieldLabel(path)}»`;
  const codePoint = found.codePointAt(0) ?? 0;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
    return {
      path: prefix + pointer(path),
      code: 'unpaired_surrogate',
      message: `${field} chứa ký tự Unicode không hợp lệ (nửa cặp thay thế)`,
    };
  }
  return {
    path: prefix + pointer(path),
    code: 'control_character',
    message: `${field} chứa ký tự điều khiển U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}; chỉ được dùng tab và xuống dòng`,
  };
}

/** Where a value sits in the parsed JSON, linked to its parent's place: built into a path only for a problem. */
interface Place {
  readonly parent: Place | undefined;
  readonly key: PropertyKey;
}

function pathOf(place: Place | undefined): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let at = place; at; at = at.parent) path.unshift(at.key);
  return path;
}

/** Text made of printable ASCII, tabs and line feeds only: already NFC, with nothing to refuse. */
const PLAIN = /^[\t\n\x20-\x7E]*$/;

function normalise(value: unknown, place: Place | undefined, prefix: string, problems: FieldProblem[]): unknown {
  if (typeof value === 'string') {
    if (PLAIN.test(value)) return value;
    // a Windows line break is a line break; a carriage return alone is a control character.
    const text = value.replaceAll('\r\n', '\n');
    const problem = textProblem(text, place, prefix);
    if (problem) problems.push(problem);
    return problem ? text : text.normalize('NFC');
  }
  if (Array.isArray(value)) {
    return value.map((item, index) => normalise(item, { parent: place, key: index }, prefix, problems));
  }
  if (value !== null && typeof value === 'object') {
    // `__proto__` is defined as an own key (plain assignment would set the prototype, smuggling
    // fields past strict schemas), so the schema sees it and refuses it like any unknown field.
    const normalised: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const inner = normalise((value as Record<string, unknown>)[key], { parent: place, key }, prefix, problems);
      if (key === '__proto__')
        Object.defineProperty(normalised, key, { value: inner, enumerable: true, writable: true, configurable: true });
      else normalised[key] = inner;
    }
    return normalised;
  }
  return value;
}

/**
 * NFC-normalises every string in a parsed JSON value, so stored text never differs by composition,
 * and refuses text no one typed: control characters other than tab and newline (`\r\n` counts as a
 * newline and is stored as `\n`), and unpaired surrogates. Throws one 400 naming every such field;
 * `prefix` is the pointer of the value inside the request (`/query`).
 */
export function normaliseText<T>(value: T, prefix = ''): T {
  const problems: FieldProblem[] = [];
  const normalised = normalise(value, undefined, prefix, problems);
  if (problems.length > 0) throw new ValidationError(problems);
  return normalised as T;
}

/**
 * Folds Vietnamese text for search: lower case, no diacritics, đ → d, single spaces.
 * @example foldDiacritics('Đường  Xã Gia Tân') // 'duong xa gia tan'
 */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}
