import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../../shared/domain/errors';
import { JSON_DEPTH_LIMIT, jsonDepth, requireShallowJson } from '../../shared/http/json-depth';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('JSON depth', () => {
  it('counts arrays and objects, not brackets inside strings', () => {
    expect(jsonDepth('1')).toBe(0);
    expect(jsonDepth('{"a": [1, {"b": []}]}')).toBe(4);
    expect(jsonDepth('{"a": "[[[[{{{{", "b": "\\"[[["}')).toBe(1);
    expect(jsonDepth('["\\\\", ["x"]]')).toBe(2);
  });

  it(`accepts ${JSON_DEPTH_LIMIT} levels and refuses one more with 400 json_too_deep`, () => {
    expect(() => requireShallowJson(nested(JSON_DEPTH_LIMIT))).not.toThrow();
    expect(() => requireShallowJson(nested(JSON_DEPTH_LIMIT + 1))).toThrow(
      expect.objectContaining({ status: 400, code: 'json_too_deep' }),
    );
  });

  it('refuses a body of a million brackets without recursing', () => {
    expect(() => requireShallowJson('['.repeat(1_000_000))).toThrow(BadRequestError);
  });
});
