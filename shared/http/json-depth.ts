/**
 * A bound on how deeply a JSON body may nest, checked on the raw text before parsing: every later
 * step (normalising, validating) walks the value recursively, and a body of thousands of `[` would
 * overflow the stack. No schema of this API comes close to the limit.
 */
import { BadRequestError } from '../domain/errors';

export const JSON_DEPTH_LIMIT = 64;

/** The deepest nesting of arrays and objects in a JSON text, counting brackets outside strings. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c /* \ */) i++;
      else if (char === 0x22 /* " */) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b /* [ */ || char === 0x7b /* { */) deepest = Math.max(deepest, ++depth);
    else if (char === 0x5d /* ] */ || char === 0x7d /* } */) depth--;
  }
  return deepest;
}

/** Throws 400 `json_too_deep` when the text nests deeper than the limit. */
export function requireShallowJson(text: string, limit = JSON_DEPTH_LIMIT): void {
  if (jsonDepth(text) > limit) {
    throw new BadRequestError('json_too_deep', `Nội dung JSON lồng nhau quá ${limit} tầng.`);
  }
}
